/**
 * A worker thread of `auditEach`: audits each batch of files it is given and answers with the results,
 * so that a large batch uses every core. Bundled to plain JS and started by src/app/pool; not a public
 * entry point.
 *
 * One file at a time, read and then audited, not the batch's 16 reads and then their 16 audits: only
 * one report's model is alive when the young generation is collected, so few objects survive, V8 does
 * not grow the semi-spaces (soon), and the worker's heap stays small. 10,000 reports at load 17–52
 * (2026-12-07): peak RSS of the command 175–182 MiB (9 runs) against 239–254 by batch (8 of 9 runs), for
 * the same CPU (17.5–21.2 s against 17.1–20.3); 183 MiB at 100,000 with the 48 MB young generation
 * (WORKER_YOUNG_GENERATION_MB in audit-files.ts).
 */
import { auditFile, type FileAudit, type WorkerRequest } from './audit-files.ts';
import { serveBatches } from './pool/serve-batches.ts';

serveBatches<WorkerRequest, FileAudit>(async (q) => {
  const options = { ...(q.readerWarnings === false ? { readerWarnings: false } : {}), facts: q.facts };
  const results: FileAudit[] = [];
  for (const file of q.files) results.push(await auditFile(file, options));
  return results;
});
