/** The conventions every open-data CSV keeps: UTF-8 with BOM, Beijing time, RFC 4180, no formulas. */

/** Beijing time (UTC+8, no daylight saving), as people read it: 2024-05-06 14:30:00. */
export const localTime = (d: Date): string =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export const csvField = (s: string): string => {
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** A CSV file: the BOM (so Excel opens the Chinese columns), the header row, one line per row, CRLF. */
export const csvFile = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  `\uFEFF${[header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n')}\r\n`;
