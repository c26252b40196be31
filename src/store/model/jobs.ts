import { z } from 'zod';
import { JOB_STATUSES } from '../vocab.ts';

export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const NewJob = z.object({
  queue: z.string().min(1),
  payload: z.unknown(),
  maxAttempts: z.number().int().min(1).default(3),
  /** Not before this time (a retry's back-off, or scheduled work). */
  runAfter: z.date().optional(),
});
export type NewJob = z.input<typeof NewJob>;

export const Job = z.object({
  id: z.number().int(),
  queue: z.string(),
  payload: z.unknown(),
  status: JobStatus,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAfter: z.date(),
  lockedBy: z.string().nullable(),
  lockedAt: z.date().nullable(),
  result: z.unknown(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Job = z.infer<typeof Job>;
