/**
 * Pathological but small files for tests, made at test time: each is a few hundred KB to ~1.5 MB on
 * disk and costs a reader seconds of work or hundreds of MB of memory.
 */
import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { openZipGuarded } from '../../../src/formats/zip/guard.ts';
import { crc32, type PackedEntry, packZip } from '../../../src/formats/zip/stored-zip.ts';

const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const deflate = async (chunks: Iterable<string>): Promise<Uint8Array> => {
  const z = createDeflateRaw();
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => z.on('end', resolve));
  // Written in pieces of about 1 MB: a write per paragraph would cost more than the deflating.
  let piece: string[] = [];
  let length = 0;
  const flush = async () => {
    if (!z.write(piece.join(''))) await new Promise((r) => z.once('drain', r));
    piece = [];
    length = 0;
  };
  for (const c of chunks) {
    piece.push(c);
    length += c.length;
    if (length > 1 << 20) await flush();
  }
  await flush();
  z.end();
  await done;
  return new Uint8Array(Buffer.concat(out));
};

/** A .docx whose document part is `megabytes` MB of numbered paragraphs (about 1:44 compressed). */
export const hugeDocx = async (megabytes: number): Promise<Uint8Array> => {
  let size = 0;
  const counted = (text: string) => {
    size += Buffer.byteLength(text);
    return text;
  };
  const target = megabytes * 1024 * 1024;
  function* body() {
    yield counted(
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    );
    for (let i = 0; size < target; i++) {
      yield counted(
        `<w:p><w:pPr><w:spacing w:line="360"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="仿宋"/></w:rPr><w:t>${i}</w:t></w:r></w:p>`,
      );
    }
    yield counted('</w:body></w:document>');
  }
  const doc = await deflate(body());
  const rels = new TextEncoder().encode(RELS);
  return packZip([
    { name: '_rels/.rels', data: rels, method: 0, size: rels.length, crc: 0 },
    { name: 'word/document.xml', data: doc, method: 8, size, crc: 0 },
  ]);
};

/**
 * A real workbook whose shared-strings part is `megabytes` MB of distinct strings (about 1:10 compressed,
 * within the zip guard's ratio and entry caps): exceljs turns it into hundreds of MB of objects.
 */
export const hugeXlsx = async (megabytes: number): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表1').getCell(1, 1).value = '项目名称';
  const zip = openZipGuarded(new Uint8Array(await wb.xlsx.writeBuffer()));
  const files = zip.ok ? zip.value.readAll() : undefined;
  if (!files?.ok) throw new Error('exceljs wrote an unreadable workbook');
  const entries: PackedEntry[] = files.value
    .filter((f) => f.name !== 'xl/sharedStrings.xml')
    .map((f) => ({ ...f, method: 0, size: f.data.length, crc: crc32(f.data) }));
  let size = 0;
  const counted = (text: string) => {
    size += Buffer.byteLength(text);
    return text;
  };
  const target = megabytes * 1024 * 1024;
  function* strings() {
    yield counted(
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    );
    for (let i = 0; size < target; i++) yield counted(`<si><t>项目${i}</t></si>`);
    yield counted('</sst>');
  }
  const data = await deflate(strings());
  entries.push({ name: 'xl/sharedStrings.xml', data, method: 8, size, crc: 0 });
  return packZip(entries);
};
