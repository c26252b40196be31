/**
 * The scoring engine: `scoreReport(report, framework)` → every node with its weight, stated and computed
 * score, difference, rule and the reasons for lost points; `whatIf` for changed inputs and the smallest
 * changes that reach the next grade.
 */
export * from './grade.ts';
export * from './inputs.ts';
export {
  compare,
  directionOf,
  measureMet,
  QUALITATIVE_BANDS,
  quantitativeScore,
  scoreLeaf,
  targetMet,
} from './rules/index.ts';
export * from './score-report.ts';
export * from './types.ts';
