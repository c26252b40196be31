/**
 * What may run in isolation: each kind names a reader of untrusted bytes. The worker looks a kind up
 * here; a new reader (HTML, PDF, .doc) adds its line and is then run through `runIsolated(kind, …)`.
 */
import { readReport } from '../read-report.ts';

export const TASKS = {
  /** Any supported report file into the model (read-report.ts). */
  'read-report': (bytes: Uint8Array) => readReport(bytes),
} as const;

export type IsolatedKind = keyof typeof TASKS;
export type IsolatedResult<K extends IsolatedKind> = Awaited<ReturnType<(typeof TASKS)[K]>>;

/** The parent's message: run `kind` on `bytes`. */
export type WorkRequest = { id: number; kind: IsolatedKind; bytes: Uint8Array };
/**
 * The worker's answer: the task's result and the child's resident memory after it, or why it threw (a
 * bug, never bad input).
 */
export type WorkReply =
  | { id: number; ok: true; result: unknown; rss: number }
  | { id: number; ok: false; message: string };
