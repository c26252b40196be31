/**
 * A worker thread of `auditFiles`: audits each batch of files it is given and posts the results back,
 * so that a large batch uses every core. Bundled to plain JS and started by audit-files.ts; not a
 * public entry point.
 */
import { parentPort } from 'node:worker_threads';
import { auditFile, type WorkerReply } from './audit-files.ts';

parentPort?.on('message', async (msg: { batch: number[]; files: string[]; readerWarnings?: boolean }) => {
  const options = msg.readerWarnings === false ? { readerWarnings: false } : {};
  // Reading is asynchronous: the files of a batch are read together, their parsing follows.
  const results = await Promise.all(msg.files.map((f) => auditFile(f, options)));
  parentPort?.postMessage({ batch: msg.batch, results } satisfies WorkerReply);
});
