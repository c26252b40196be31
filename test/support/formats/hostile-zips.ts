/**
 * Hostile zips for tests, made at test time and small on disk: deflated runs of zeros (about 1:1000)
 * under a directory that states whatever size the test wants.
 */
import { createDeflateRaw } from 'node:zlib';
import { openZipGuarded } from '../../../src/formats/zip/guard.ts';
import { crc32, type PackedEntry, packZip } from '../../../src/formats/zip/stored-zip.ts';

/** `bytes` zero bytes, deflated as a stream (never held uncompressed). */
export const deflatedZeros = async (bytes: number): Promise<Uint8Array> => {
  const z = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  z.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => z.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= block.length) {
    if (!z.write(left >= block.length ? block : block.subarray(0, left)))
      await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
};

export type Bomb = { name: string; bytes: number; declared?: number };

/**
 * A copy of a real zip (a .docx or .xlsx) with more entries: each `bytes` zeros deflated, whose directory
 * says `declared` bytes (the lie of issue 15), or the truth when `declared` is left out.
 */
export const withBombs = async (zip: Uint8Array, bombs: readonly Bomb[]): Promise<Uint8Array> => {
  const opened = openZipGuarded(zip);
  const files = opened.ok ? opened.value.readAll() : undefined;
  if (!files?.ok) throw new Error('withBombs needs a readable zip');
  const entries: PackedEntry[] = files.value.map((f) => ({
    ...f,
    method: 0,
    size: f.data.length,
    crc: crc32(f.data),
  }));
  for (const b of bombs) {
    const data = await deflatedZeros(b.bytes);
    entries.push({ name: b.name, data, method: 8, size: b.declared ?? b.bytes, crc: 0 });
  }
  return packZip(entries);
};
