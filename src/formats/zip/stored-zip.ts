/**
 * Entries already inflated by the guard, packed again without compression, for libraries that insist on
 * unzipping themselves (exceljs): they then only copy bytes the guard has counted, whatever the original
 * directory claimed.
 */
import * as zlib from 'node:zlib';
import { openZipGuarded } from './guard.ts';
import { ZIP_LIMITS, type ZipLimits, type ZipResult } from './limits.ts';

let table: Uint32Array | undefined;
/** CRC-32 as zip wants it; zlib's own since Node 20.15, a table before. */
export const crc32 = (data: Uint8Array): number => {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data);
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const b of data) c = table[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** Entries packed as given: `data` already compressed by `method`; `size` and `crc` of the content. */
export type PackedEntry = { name: string; data: Uint8Array; method: 0 | 8; size: number; crc: number };

/**
 * The zip behind the guard, every entry inflated within its limits and packed again uncompressed: what
 * to hand a library that unzips by itself. The inflated entries are dropped as soon as they are packed.
 */
export const guardedRepack = (bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipResult<Uint8Array> => {
  const zip = openZipGuarded(bytes, limits);
  if (!zip.ok) return zip;
  const files = zip.value.readAll();
  return files.ok ? { ok: true, value: storedZip(files.value) } : files;
};

export const storedZip = (files: readonly { name: string; data: Uint8Array }[]): Uint8Array =>
  packZip(files.map((f) => ({ ...f, method: 0, size: f.data.length, crc: crc32(f.data) })));

/** A zip of the entries exactly as they are described (tests use it to write lying directories). */
export const packZip = (files: readonly PackedEntry[]): Uint8Array => {
  const encoder = new TextEncoder();
  const named = files.map((f) => ({ ...f, raw: encoder.encode(f.name) }));
  const localSize = named.reduce((n, f) => n + 30 + f.raw.length + f.data.length, 0);
  const centralSize = named.reduce((n, f) => n + 46 + f.raw.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const f of named) {
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x0800, true); // names in UTF-8
    view.setUint16(p + 8, f.method, true);
    view.setUint32(p + 14, f.crc, true);
    view.setUint32(p + 18, f.data.length, true);
    view.setUint32(p + 22, f.size, true);
    view.setUint16(p + 26, f.raw.length, true);
    out.set(f.raw, p + 30);
    out.set(f.data, p + 30 + f.raw.length);
    p += 30 + f.raw.length + f.data.length;
  }
  const central = p;
  named.forEach((f, i) => {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x0800, true);
    view.setUint16(p + 10, f.method, true);
    view.setUint32(p + 16, f.crc, true);
    view.setUint32(p + 20, f.data.length, true);
    view.setUint32(p + 24, f.size, true);
    view.setUint16(p + 28, f.raw.length, true);
    view.setUint32(p + 42, offsets[i]!, true);
    out.set(f.raw, p + 46);
    p += 46 + f.raw.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, named.length, true);
  view.setUint16(p + 10, named.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  return out;
};
