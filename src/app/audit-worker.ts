/**
 * A worker thread of `auditEach`: audits each batch of files it is given and answers with the results,
 * so that a large batch uses every core. Bundled to plain JS and started by src/app/pool; not a public
 * entry point.
 *
 * The batch's 16 files are read and then audited (`auditBatch`), not read and audited one at a time: the
 * reader's code and then the rules' stay hot. Measured in one `jixiao audit` of 100,000 reports, each
 * worker switching between the two every 1,024 files (2026-12-07, load 3.9–4.4): 0.52–0.55 CPU ms per
 * report by batch against 0.61–0.67 one at a time (the worker's own thread, after its first 8,192); the
 * whole command 77.5 and 77.9 CPU s against 86.0 and 103.4 (runs in turn, load 4.7–5.6). One at a time
 * was chosen for memory while the workers had a 96 MB young generation (16 live models made V8 grow the
 * semi-spaces to 32 MB each); with 48 MB (WORKER_YOUNG_GENERATION_MB) they stop at 16 MB, and the peak
 * RSS at 100,000 is about the same either way (233–241 MiB by batch, 228–244 one at a time).
 */
import { auditBatch, type FileAudit, type WorkerRequest } from './audit-files.ts';
import { serveBatches } from './pool/serve-batches.ts';

serveBatches<WorkerRequest, FileAudit>((q) =>
  auditBatch(q.files, { ...(q.readerWarnings === false ? { readerWarnings: false } : {}), facts: q.facts }),
);
