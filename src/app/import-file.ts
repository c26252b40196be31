import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Failure } from '../core/result.ts';
import { readReportIsolated } from '../formats/isolate/index.ts';
import { type ReadResult, readError } from '../formats/read-result.ts';

/** Largest input accepted: real reports are well under 10 MB, even .docx with images. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Reads a report file from disk into the model. Never throws for a missing, unreadable or bad file; a
 * .docx or .xlsx is read in a worker with memory and time limits (src/formats/isolate).
 */
export const importFile = async (path: string): Promise<ReadResult> => {
  const read = readBytes(path);
  return read instanceof Uint8Array ? readReportIsolated(read) : read;
};

/**
 * The file's bytes, read synchronously: one open, fstat, read and close, without the thread pool. A
 * report is kilobytes to a few megabytes, so blocking is shorter than the four round trips through
 * libuv's pool that fs/promises makes, which cost more CPU than parsing the report (measured in
 * bench/audit.bench.ts).
 */
export const readBytes = (path: string): Uint8Array | Failure => {
  let fd: number | undefined;
  try {
    // Non-blocking, so that opening a FIFO does not wait for a writer; only a regular file is read.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (info.isDirectory())
      return readError('read.is-directory', `${path} 是文件夹，不是文件`, 'is a directory');
    if (!info.isFile())
      return readError(
        'read.not-a-file',
        `${path} 不是普通文件（管道、设备或套接字），不读取`,
        'not a regular file (FIFO, device or socket)',
      );
    if (info.size > MAX_INPUT_BYTES) {
      return readError('read.too-large', `${path} 超过 64 MB，不像自评报告`, 'file larger than 64 MB');
    }
    // The size from fstat plus one byte, so that the read which finds the end needs no new buffer; a file
    // that grows while it is read is read to its end all the same.
    let bytes = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    for (;;) {
      if (length === bytes.length) {
        if (length >= MAX_INPUT_BYTES) {
          return readError('read.too-large', `${path} 超过 64 MB，不像自评报告`, 'file larger than 64 MB');
        }
        const grown = Buffer.allocUnsafe(Math.min(MAX_INPUT_BYTES, bytes.length * 2));
        bytes.copy(grown, 0, 0, length);
        bytes = grown;
      }
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return bytes.subarray(0, length);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return readError('read.not-found', `找不到文件 ${path}`, 'file not found');
    if (code === 'EACCES') return readError('read.no-access', `无权读取文件 ${path}`, 'permission denied');
    if (code === 'EISDIR')
      return readError('read.is-directory', `${path} 是文件夹，不是文件`, 'is a directory');
    return readError('read.io', `无法读取文件 ${path}：${code ?? ''}`, 'cannot read file');
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};
