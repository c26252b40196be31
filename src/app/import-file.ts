import { readFile, stat } from 'node:fs/promises';
import { readReport } from '../formats/read-report.ts';
import { type ReadResult, readError } from '../formats/read-result.ts';

/** Largest input accepted: real reports are well under 10 MB, even .docx with images. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads a report file from disk into the model. Never throws for a missing, unreadable or bad file. */
export const importFile = async (path: string): Promise<ReadResult> => {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      return readError('read.is-directory', `${path} 是文件夹，不是文件`, 'is a directory');
    if (info.size > MAX_INPUT_BYTES) {
      return readError('read.too-large', `${path} 超过 64 MB，不像自评报告`, 'file larger than 64 MB');
    }
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return readError('read.not-found', `找不到文件 ${path}`, 'file not found');
    if (code === 'EACCES') return readError('read.no-access', `无权读取文件 ${path}`, 'permission denied');
    return readError('read.io', `无法读取文件 ${path}：${code ?? ''}`, 'cannot read file');
  }
  return readReport(bytes);
};
