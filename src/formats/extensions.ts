/** The file types the readers take, by extension (reading itself goes by content: see detect.ts). */
export const READ_EXTENSIONS = [
  '.txt',
  '.docx',
  '.xlsx',
  '.json',
  '.html',
  '.htm',
  '.mhtml',
  '.mht',
  '.pdf',
  '.doc',
  '.wps',
  '.xls',
] as const;

/** The same as one line for messages: ".txt、.docx、…". */
export const READ_EXTENSIONS_TEXT = READ_EXTENSIONS.join('、');
