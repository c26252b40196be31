/**
 * The one zip guard in front of every zip-based reader (.docx, .xlsx, and readers to come). The central
 * directory is read for names only; what bounds memory is the inflation itself, capped by the bytes that
 * actually come out: per entry, in total over every entry read, and by the ratio to the compressed size.
 * A directory that understates an entry's size stops inflation at the stated size (and is refused), so a
 * lying header costs no more than an honest one. Synchronous and bounded: it cannot hang.
 */
import { inflateRawSync } from 'node:zlib';
import { mb, tooLarge, ZIP_LIMITS, type ZipLimits, type ZipResult, zipFail } from './limits.ts';

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As the central directory states it: a claim, checked against what inflation gives. */
  size: number;
  localOffset: number;
};

/** An opened zip: its entries, and reading them within one shared budget. */
export type GuardedZip = {
  entries: readonly ZipEntry[];
  /** The entry's bytes; null when there is no entry of that name. */
  read: (name: string) => ZipResult<Uint8Array | null>;
  /** Every file entry (folders left out), in directory order. */
  readAll: () => ZipResult<{ name: string; data: Uint8Array }[]>;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Lists a zip's entries from its central directory, refusing what no Office document looks like. */
export const listZip = (bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipResult<ZipEntry[]> => {
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
    return zipFail('read.zip-corrupt', '压缩包损坏：找不到目录', 'corrupt zip: no central directory');
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    return zipFail(
      'read.zip64',
      '不支持 ZIP64 压缩包，不像 Office 文档',
      'ZIP64 archives are not Office documents',
    );
  }
  if (count > limits.maxEntries) {
    return zipFail(
      'read.zip-entries',
      `压缩包含 ${count} 个文件，超过上限`,
      `too many zip entries (${count})`,
    );
  }
  if (dirOffset + dirSize > bytes.length) {
    return zipFail('read.zip-corrupt', '压缩包损坏：目录越界', 'corrupt zip: directory out of range');
  }
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let declared = 0;
  let p = dirOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) {
      return zipFail('read.zip-corrupt', '压缩包损坏：目录项无效', 'corrupt zip: bad directory entry');
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
      return zipFail('read.encrypted', '文档已加密，请取消密码后另存再导入', 'encrypted document');
    }
    // Two entries of one name: readers would disagree about which one is the part.
    if (names.has(entry.name)) {
      return zipFail(
        'read.zip-corrupt',
        `压缩包损坏：${entry.name} 出现两次`,
        'corrupt zip: duplicate entry',
      );
    }
    names.add(entry.name);
    // The declared sizes refuse an honest bomb early; a lying one is stopped while inflating.
    declared += entry.size;
    if (declared > limits.maxTotalBytes) {
      return tooLarge(
        `解压后超过 ${mb(limits.maxTotalBytes)}`,
        `more than ${mb(limits.maxTotalBytes)} uncompressed`,
      );
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, value: entries };
};

/** The compressed bytes of an entry, found through its local header. */
const compressedData = (bytes: Uint8Array, entry: ZipEntry): ZipResult<Uint8Array> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
    return zipFail('read.zip-corrupt', '压缩包损坏：文件头无效', 'corrupt zip: bad local header');
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length)
    return zipFail('read.zip-corrupt', '压缩包损坏：数据越界', 'corrupt zip: data out of range');
  return { ok: true, value: bytes.subarray(start, end) };
};

/**
 * Inflates one entry with at most `budget` bytes coming out. The cap is the smallest of the entry limit,
 * the budget, the ratio limit and the declared size; zlib stops as soon as the output passes it.
 */
export const inflateEntry = (
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: number,
  limits: ZipLimits = ZIP_LIMITS,
): ZipResult<Uint8Array> => {
  const data = compressedData(bytes, entry);
  if (!data.ok) return data;
  const byRatio = Math.max(limits.ratioFloorBytes, entry.compressedSize * limits.maxRatio);
  const cap = Math.min(limits.maxEntryBytes, budget, byRatio);
  const refuse = (size: string): ZipResult<Uint8Array> => {
    if (cap === limits.maxEntryBytes)
      return tooLarge(`${entry.name} 解压后超过 ${mb(cap)}`, `${entry.name} exceeds ${mb(cap)} uncompressed`);
    if (cap === budget)
      return tooLarge(
        `解压后超过 ${mb(limits.maxTotalBytes)}`,
        `more than ${mb(limits.maxTotalBytes)} uncompressed`,
      );
    return tooLarge(
      `${entry.name} 压缩比异常（${size}）`,
      `${entry.name} has a suspicious compression ratio`,
    );
  };
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      return zipFail('read.zip-corrupt', '压缩包损坏：长度不符', 'corrupt zip: size mismatch');
    return entry.size > Math.min(limits.maxEntryBytes, budget) ? refuse(mb(entry.size)) : data;
  }
  if (entry.method !== 8) {
    return zipFail(
      'read.zip-method',
      `不支持的压缩方式 ${entry.method}`,
      `unsupported zip method ${entry.method}`,
    );
  }
  if (entry.size > cap) return refuse(`${entry.size}:${entry.compressedSize}`);
  let out: Buffer;
  try {
    // One byte past the declared size is enough to know that the directory lied.
    out = inflateRawSync(data.value, { maxOutputLength: Math.max(1, Math.min(cap, entry.size + 1)) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE')
      return zipFail(
        'read.zip-corrupt',
        `压缩包损坏：${entry.name} 无法解压`,
        `corrupt zip: ${entry.name} cannot be inflated`,
      );
    return entry.size < cap
      ? tooLarge(
          `${entry.name} 解压后大于目录中声明的大小`,
          `${entry.name} inflates beyond its declared size`,
        )
      : refuse('>');
  }
  if (out.length !== entry.size) {
    return entry.size < out.length
      ? tooLarge(
          `${entry.name} 解压后大于目录中声明的大小`,
          `${entry.name} inflates beyond its declared size`,
        )
      : zipFail('read.zip-corrupt', '压缩包损坏：解压长度不符', 'corrupt zip: size mismatch');
  }
  return { ok: true, value: new Uint8Array(out.buffer, out.byteOffset, out.length) };
};

/** Opens a zip behind the guard: every read counts against one total, by the bytes actually inflated. */
export const openZipGuarded = (bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipResult<GuardedZip> => {
  const list = listZip(bytes, limits);
  if (!list.ok) return list;
  const entries = list.value;
  let left = limits.maxTotalBytes;
  const inflate = (entry: ZipEntry): ZipResult<Uint8Array> => {
    const r = inflateEntry(bytes, entry, left, limits);
    if (r.ok) left -= r.value.length;
    return r;
  };
  const read = (name: string): ZipResult<Uint8Array | null> => {
    const entry = entries.find((e) => e.name === name);
    return entry ? inflate(entry) : { ok: true, value: null };
  };
  const readAll = (): ZipResult<{ name: string; data: Uint8Array }[]> => {
    const files: { name: string; data: Uint8Array }[] = [];
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      const r = inflate(entry);
      if (!r.ok) return r;
      files.push({ name: entry.name, data: r.value });
    }
    return { ok: true, value: files };
  };
  return { ok: true, value: { entries, read, readAll } };
};
