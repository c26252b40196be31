/**
 * A worker thread of `auditEach`: audits each batch of files it is given and answers with the results,
 * so that a large batch uses every core. Bundled to plain JS and started by src/app/pool; not a public
 * entry point.
 */
import { auditBatch, type FileAudit, type WorkerRequest } from './audit-files.ts';
import { serveBatches } from './pool/serve-batches.ts';

serveBatches<WorkerRequest, FileAudit>((q) =>
  auditBatch(q.files, { ...(q.readerWarnings === false ? { readerWarnings: false } : {}), facts: q.facts }),
);
