import { z } from 'zod';
import { JOB_KINDS } from '../vocab.ts';
import { Id } from './common.ts';

export const JobKind = z.enum(JOB_KINDS);

export const NewBatchJob = z.object({
  kind: JobKind,
  name: z.string().min(1).max(500),
  /** The job's files, in the order their results come out. */
  files: z
    .array(z.object({ name: z.string().min(1), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) }))
    .min(1),
  /** Files per chunk: the unit one worker takes at a time. */
  chunkSize: z.number().int().min(1),
  jurisdictionId: Id.nullable().default(null),
});
export type NewBatchJob = z.input<typeof NewBatchJob>;

/** A job with its progress, counted over its done chunks. */
export type BatchJob = {
  id: string;
  kind: z.infer<typeof JobKind>;
  name: string;
  files: number;
  chunks: number;
  createdBy: string | null;
  jurisdictionId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  filesDone: number;
  chunksDone: number;
  withErrors: number;
  unreadable: number;
};

/** One chunk of one job: what a queue hands to a worker. */
export type ChunkRef = { jobId: string; chunk: number };

/** A chunk's files, for the worker that runs it. */
export type ChunkInput = { first: number; files: { name: string; bytes: Uint8Array }[] };

/** What a worker writes for a chunk: one JSON line per file, in file order, and counts. */
export type ChunkOutput = { results: string; withErrors: number; unreadable: number };
