/**
 * What an OLE2 compound file (the container of .doc, .wps, .xls and of encrypted .docx/.xlsx) holds, by the
 * names of its streams. Directory entries store names in UTF-16LE, so a name is found by its bytes
 * without walking the file's sector chains (the converter that reads it does that, and checks it).
 */
export type OleKind = 'doc' | 'wps' | 'xls' | 'encrypted' | 'other';

const utf16 = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
};

const has = (bytes: Uint8Array, name: string): boolean => Buffer.from(bytes).indexOf(utf16(name)) >= 0;

export const oleKind = (bytes: Uint8Array): OleKind => {
  // An Office 2007+ file saved with a password: the package inside is encrypted.
  if (has(bytes, 'EncryptedPackage')) return 'encrypted';
  // Kingsoft WPS 文字 files keep Word's stream and add their own; older ones have only their own.
  if (has(bytes, 'WpsContent') || has(bytes, 'WPS Office')) return 'wps';
  if (has(bytes, 'WordDocument')) return 'doc';
  if (has(bytes, 'Workbook') || has(bytes, 'Book')) return 'xls';
  return 'other';
};
