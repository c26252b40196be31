/** What the readers take (src/formats/extensions.ts; the web app may not import src/formats). */
export const UPLOAD_ACCEPT = '.docx,.doc,.wps,.pdf,.html,.htm,.mhtml,.mht,.txt,.xlsx,.xls,.json';
