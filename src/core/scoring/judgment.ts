/**
 * A judgment deduction: the report lowers a formula leaf below what its rule gives and says why
 * ("因政府采购预算编报不细扣0.5分"). A reviewer respects that — the stated score stands, with the formula's
 * beside it — rather than calling it a contradiction.
 */
import { type Decimal, dec } from '../decimal.ts';

const DEDUCTION = /(?:因|由于)([^。；;，,]*?)[，,]?\s*扣(?:除|减)?\s*(\d+(?:\.\d+)?)\s*分/u;

/** The written deduction of an evidence text: its reason and points, or null when none is written. */
export const writtenDeduction = (evidence: string): { reason: string; points: Decimal } | null => {
  const m = evidence.match(DEDUCTION);
  if (!m) return null;
  return { reason: m[0].trim(), points: dec(m[2]!) };
};

/** The stated score is a judgment to keep: below the formula's, with a written reason. */
export const isJudgment = (
  stated: Decimal | null,
  formula: Decimal,
  evidence: string | undefined,
): boolean => {
  if (!stated?.lt(formula) || stated.isNegative()) return false;
  return writtenDeduction(evidence ?? '') !== null;
};
