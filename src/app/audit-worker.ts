/**
 * A worker thread of `auditEach`: audits each batch of files it is given and answers with the results,
 * so that a large batch uses every core. Bundled to plain JS and started by src/app/pool; not a public
 * entry point.
 *
 * The batch's 16 files are read and then audited (`auditBatch`), not read and audited one at a time: the
 * reader's code and then the rules' stay hot. 100,000 reports, in turn with one at a time (2026-12-07):
 * 64.7–71.3 CPU s against 69.3–78.5 at load 0.4–2.5 (4 runs each), medians 79 against 86 at load 4–7;
 * the worker's own thread saves more (0.50–0.62 CPU ms per report against 0.61–1.09, switching ways
 * inside one run), but 2–3 CPU s of it go to V8's GC helper threads, as more models live at a scavenge
 * are promoted. One at a time was chosen for memory while the workers had a 96 MB young generation (16
 * live models made V8 grow the semi-spaces to 32 MB each); with 48 MB (WORKER_YOUNG_GENERATION_MB) they
 * stop at 16 MB, and the peak RSS at 100,000 is the same either way (230–245 MiB by batch, 228–244 one
 * at a time; once 288 by batch at load 6.1). Batches of 32 or 64 made the helpers' GC and the peak RSS
 * (345 MiB) grow: docs/benchmarks.md, batch section.
 */
import { auditBatch, type FileAudit, type WorkerRequest } from './audit-files.ts';
import { serveBatches } from './pool/serve-batches.ts';

serveBatches<WorkerRequest, FileAudit>((q) =>
  auditBatch(q.files, { ...(q.readerWarnings === false ? { readerWarnings: false } : {}), facts: q.facts }),
);
