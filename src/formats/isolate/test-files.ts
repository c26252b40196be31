/**
 * Pathological but small files for tests, made at test time: each is a few hundred KB to ~1.5 MB on
 * disk and costs a reader seconds of work or hundreds of MB of memory.
 */
import { createDeflateRaw } from 'node:zlib';
import { packZip } from '../zip/stored-zip.ts';

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
