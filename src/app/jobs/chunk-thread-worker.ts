/**
 * A `jixiao worker`'s audit thread: audits each chunk it is sent (files' bytes in, the stored lines out),
 * answering through the batch pool's `serveBatches` (its one item: the request's number). Bundled to
 * plain JS and started by chunk-thread.ts; not a public entry point.
 */
import { serveBatches } from '../pool/serve-batches.ts';
import { auditChunkFiles, type ChunkOutput, type ChunkRequest } from './audit-chunk.ts';

serveBatches<ChunkRequest, ChunkOutput>(async (q) => [await auditChunkFiles(q.files)]);
