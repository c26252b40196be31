/**
 * Readers of untrusted files in worker threads with a memory cap, a time limit and a cancel, a small
 * pool bounding how many run at once. `runIsolated(kind, bytes, options)` runs a reader named in
 * tasks.ts; `readReportIsolated(bytes)` is `readReport` for uploads and CLI inputs.
 */
export {
  configureIsolation,
  type IsolateOptions,
  type IsolationFailure,
  isolationState,
  LIMIT_CODES,
  poolLimits,
  runIsolated,
  warmIsolation,
} from './pool.ts';
export { readReportIsolated } from './read-isolated.ts';
export type { IsolatedKind, IsolatedResult } from './tasks.ts';
