/**
 * 目标审核: every check of a declared target table, as findings. The same function runs live in the
 * editor while the clerk types and again for the reviewer.
 */
import type { TargetFinding } from './catalogue.ts';
import { completenessChecks } from './check-completeness.ts';
import { historyChecks } from './check-history.ts';
import { costChecks, fundsChecks, weightChecks } from './check-money.ts';
import { valueChecks } from './check-values.ts';
import { labelSet } from './labels.ts';
import type { TargetTable } from './table.ts';

export const checkTargetTable = (t: TargetTable): TargetFinding[] => {
  const set = labelSet(t.labelSet);
  return [
    ...completenessChecks(t, set),
    ...valueChecks(t, set),
    ...weightChecks(t, set),
    ...fundsChecks(t),
    ...costChecks(t, set),
    ...historyChecks(t),
  ];
};
