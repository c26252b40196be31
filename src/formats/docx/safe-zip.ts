/**
 * A small, defensive zip reader for .docx/.xlsx parts. Sizes and counts are read from the central
 * directory before anything is inflated, and inflation itself is capped at the declared size, so a zip
 * bomb (or a lying header) stops at the limit instead of filling memory. Synchronous and bounded: it
 * cannot hang.
 */
import { inflateRawSync } from 'node:zlib';

export const ZIP_LIMITS = {
  /** Real .docx files have a few dozen entries; thousands means something else. */
  maxEntries: 2000,
  /** Sum of the declared uncompressed sizes of all entries (images included). */
  maxTotalBytes: 256 * 1024 * 1024,
  /** Largest single XML part we inflate. */
  maxPartBytes: 64 * 1024 * 1024,
  /** Word XML deflates about 1:10 to 1:50; 1:400 and more is a bomb. */
  maxRatio: 400,
} as const;

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
};

export type ZipProblem = { code: string; zh: string; en: string };
export type ZipResult<T> = { ok: true; value: T } | { ok: false; problem: ZipProblem };

const fail = <T>(code: string, zh: string, en: string): ZipResult<T> => ({
  ok: false,
  problem: { code, zh, en },
});

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Lists a zip's entries from its central directory, refusing what no real document looks like. */
export const listZip = (bytes: Uint8Array): ZipResult<ZipEntry[]> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    return fail('read.zip-corrupt', '压缩包损坏：找不到目录', 'corrupt zip: no central directory');
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    return fail(
      'read.zip64',
      '不支持 ZIP64 压缩包，不像 .docx 文档',
      'ZIP64 archives are not .docx documents',
    );
  }
  if (count > ZIP_LIMITS.maxEntries) {
    return fail('read.zip-entries', `压缩包含 ${count} 个文件，超过上限`, `too many zip entries (${count})`);
  }
  if (dirOffset + dirSize > bytes.length) {
    return fail('read.zip-corrupt', '压缩包损坏：目录越界', 'corrupt zip: directory out of range');
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) {
      return fail('read.zip-corrupt', '压缩包损坏：目录项无效', 'corrupt zip: bad directory entry');
    }
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const entry: ZipEntry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    };
    if (entry.flags & 1) {
      return fail('read.encrypted', '文档已加密，请取消密码后另存为 .docx 再导入', 'encrypted document');
    }
    total += entry.size;
    if (total > ZIP_LIMITS.maxTotalBytes) {
      return fail(
        'read.zip-bomb',
        '压缩包解压后过大（疑似压缩炸弹）',
        'uncompressed size too large (zip bomb?)',
      );
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, value: entries };
};

/** Inflates one entry, never producing more than its declared size (and the part limit). */
export const readZipEntry = (bytes: Uint8Array, entry: ZipEntry): ZipResult<Uint8Array> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.size > ZIP_LIMITS.maxPartBytes) {
    return fail('read.zip-bomb', `${entry.name} 解压后过大`, `${entry.name} too large when uncompressed`);
  }
  if (entry.size > 1024 * 1024 && entry.size / Math.max(1, entry.compressedSize) > ZIP_LIMITS.maxRatio) {
    return fail('read.zip-bomb', '压缩比异常（疑似压缩炸弹）', 'suspicious compression ratio (zip bomb?)');
  }
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
    return fail('read.zip-corrupt', '压缩包损坏：文件头无效', 'corrupt zip: bad local header');
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length)
    return fail('read.zip-corrupt', '压缩包损坏：数据越界', 'corrupt zip: data out of range');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    return entry.compressedSize === entry.size
      ? { ok: true, value: data }
      : fail('read.zip-corrupt', '压缩包损坏：长度不符', 'corrupt zip: size mismatch');
  }
  if (entry.method !== 8) {
    return fail(
      'read.zip-method',
      `不支持的压缩方式 ${entry.method}`,
      `unsupported zip method ${entry.method}`,
    );
  }
  try {
    // maxOutputLength makes inflation stop (with an error) once the declared size is exceeded.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    if (out.length !== entry.size) {
      return fail('read.zip-corrupt', '压缩包损坏：解压长度不符', 'corrupt zip: size mismatch');
    }
    return { ok: true, value: new Uint8Array(out.buffer, out.byteOffset, out.length) };
  } catch {
    return fail(
      'read.zip-bomb',
      `${entry.name} 解压失败或超过声明长度`,
      `${entry.name} cannot be inflated within its size`,
    );
  }
};
