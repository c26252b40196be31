/// <reference path="./word-extractor-lib.d.ts" />
/**
 * The text of a Word 97–2003 document (.doc, and the .wps files WPS 文字 writes in Word's format), read
 * from its own streams by word-extractor, without LibreOffice: paragraphs one per line, a table's cells
 * separated by TAB and its rows one per line — the shape of a text export, which the text reader reads.
 * Fields show their result; quotes stay as written. Milliseconds instead of the seconds LibreOffice
 * needs to start.
 *
 * One gap of the library is filled here: a table row's end is a paragraph marked "row end" (sprmPFTtp),
 * but when a row's properties are too large for their page (many cells, merged ones) Word and LibreOffice
 * store them in the Data stream behind sprmPHugePapx, which the library does not follow — its rows then
 * run together. `RowEnds` reads those and ends such rows too.
 */
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';

/** sprm codes ([MS-DOC] 2.6): a paragraph that ends a table row (outer, inner), the big-properties pointer. */
const TTP = 0x2417;
const INNER_TTP = 0x244c;
const HUGE_PAPX = 0x6646;
const DEF_TABLE = 0xd608;

/** Each sprm and the offset of its operand, over `buffer` from `offset` to `end`. */
function* sprms(buffer: Buffer, offset: number, end: number): Generator<[number, number]> {
  let at = offset;
  while (at + 2 <= end) {
    const sprm = buffer.readUInt16LE(at);
    at += 2;
    yield [sprm, at];
    const spra = sprm >> 13;
    if (spra === 6) {
      if (at >= end) return;
      // sprmTDefTable's size is two bytes and counts itself less one; every other variable operand has one.
      at += sprm === DEF_TABLE ? buffer.readUInt16LE(at) + 1 : buffer.readUInt8(at) + 1;
    } else at += [1, 1, 2, 4, 2, 2, 0, 3][spra] ?? 0;
  }
}

type Piece = { startFilePos: number; size: number; bpc: number; text: string };

/** Overwrites the characters of the pieces between two file positions (the lengths never change). */
const fill = (pieces: Piece[], start: number, end: number, character: string): void => {
  for (const piece of pieces) {
    const from = Math.max(start, piece.startFilePos);
    const to = Math.min(end, piece.startFilePos + piece.size);
    if (from >= to) continue;
    const a = (from - piece.startFilePos) / piece.bpc;
    const b = (to - piece.startFilePos) / piece.bpc;
    piece.text = piece.text.slice(0, a) + character.repeat(b - a) + piece.text.slice(b);
  }
};

class RowEnds extends WordOleExtractor {
  private data: Buffer | null = null;

  override async extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown> {
    try {
      const stream = await this.documentStream(document, 'Data');
      this.data = stream ? await this.streamBuffer(stream) : null;
    } catch {
      // No Data stream: no big paragraph properties either.
      this.data = null;
    }
    return super.extractWordDocument(document, buffer);
  }

  override writeParagraphProperties(buffer: Buffer, table: Buffer): void {
    super.writeParagraphProperties(buffer, table);
    const data = this.data;
    if (!data) return;
    const fc = buffer.readUInt32LE(0x0102);
    const lcb = buffer.readUInt32LE(0x0106);
    const count = (lcb - 4) / 8;
    const plc = table.subarray(fc, fc + lcb);
    for (let i = 0; i < count; i++) {
      const page = buffer.subarray(plc.readUInt32LE((count + 1) * 4 + i * 4) * 512);
      if (page.length < 512) continue;
      const runs = page.readUInt8(511);
      for (let j = 0; j < runs; j++) {
        const at = page.readUInt8((runs + 1) * 4 + j * 13) * 2;
        if (at === 0) continue;
        let cb = page.readUInt8(at);
        let start = at + 1;
        // PapxInFkp ([MS-DOC] 2.9.175): cb counts 2-byte words less one; 0 means the next byte counts words.
        if (cb === 0) {
          cb = 2 * page.readUInt8(at + 1);
          start = at + 2;
        } else cb = 2 * cb - 1;
        // The grpprl follows the 2-byte style index.
        for (const [sprm, operand] of sprms(page, start + 2, Math.min(page.length, start + cb))) {
          if (sprm !== HUGE_PAPX || operand + 4 > page.length) continue;
          const offset = page.readUInt32LE(operand);
          if (offset + 2 > data.length) continue;
          const size = data.readUInt16LE(offset);
          for (const [big] of sprms(data, offset + 2, Math.min(data.length, offset + 2 + size))) {
            if (big === TTP || big === INNER_TTP) {
              fill(this._pieces, page.readUInt32LE(j * 4), page.readUInt32LE((j + 1) * 4), '\n');
              break;
            }
          }
        }
      }
    }
  }
}

/** The body's text, or null when the file is not a Word document this can read. */
export const word97Text = async (bytes: Uint8Array): Promise<string | null> => {
  try {
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    const doc = await new RowEnds().extract(reader);
    const body = doc.getBody({ filterUnicode: false });
    return body.trim() ? body : null;
  } catch {
    // A broken or unusual file: LibreOffice (when installed) gets its turn.
    return null;
  }
};
