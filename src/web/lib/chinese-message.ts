/** The server's messages say Chinese first and English in brackets after; the web app shows the Chinese. */
export const chineseOnly = (message: string): string => message.replace(/\s*\([\x20-\x7e]*\)\s*$/, '');

/** An error as the user reads it. */
export const errorText = (e: unknown): string => chineseOnly(e instanceof Error ? e.message : String(e));
