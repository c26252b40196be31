/**
 * One chunk's audit, from its files' bytes to the lines a job stores: the same entries as `jixiao audit`
 * writes (with each report's facts, for the CSV), one JSON line per file, and the counts. Run in a
 * worker's audit thread (chunk-thread.ts) or, without one, in the calling thread.
 */
import { readReportIsolated } from '../../formats/isolate/index.ts';
import { auditRead } from '../audit-files.ts';
import type { Store } from '../store.ts';

/** What a chunk's audit gives the store. */
export type ChunkOutput = Parameters<Store['jobs']['finishChunk']>[1];

export type ChunkFile = { name: string; bytes: Uint8Array };

/** What a worker's audit thread is sent (chunk-thread-worker.ts): a request's number and its files. */
export type ChunkRequest = { batch: [number]; files: ChunkFile[] };

export const auditChunkFiles = async (files: readonly ChunkFile[]): Promise<ChunkOutput> => {
  const lines: string[] = [];
  let withErrors = 0;
  let unreadable = 0;
  for (const f of files) {
    const r = auditRead(f.name, await readReportIsolated(f.bytes), { facts: true });
    if (!r.ok) unreadable++;
    else if (r.findings.some((x) => x.severity === 'error')) withErrors++;
    lines.push(JSON.stringify(r));
  }
  return { results: `${lines.join('\n')}\n`, withErrors, unreadable };
};
