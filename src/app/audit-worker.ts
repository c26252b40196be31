/**
 * A worker thread of `auditFiles`: audits the files it is given and posts each result back, so that a
 * large batch uses every core. Started by audit-files.ts; not a public entry point.
 */
import { parentPort } from 'node:worker_threads';
import { auditFile } from './audit-files.ts';

parentPort?.on('message', async (msg: { files: string[]; readerWarnings?: boolean }) => {
  for (const [i, file] of msg.files.entries()) {
    const result = await auditFile(file, msg.readerWarnings === false ? { readerWarnings: false } : {});
    parentPort?.postMessage({ i, result });
  }
  parentPort?.postMessage({ done: true });
});
