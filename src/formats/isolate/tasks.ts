/**
 * What may run in isolation: each kind names a reader of untrusted bytes. The worker looks a kind up
 * here; a new reader (HTML, PDF, .doc) adds its line and is then run through `runIsolated(kind, …)`.
 */
import { readReport } from '../read-report.ts';
import { readScoreSheet } from '../score-sheet/read-score-sheet.ts';

export const TASKS = {
  /** Any supported report file into the model (read-report.ts). */
  'read-report': (bytes: Uint8Array) => readReport(bytes),
  /** A bureau's score sheet (.xlsx or .docx) into its tables of cells (score-sheet/read-score-sheet.ts). */
  'read-score-sheet': (bytes: Uint8Array) => readScoreSheet(bytes),
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
