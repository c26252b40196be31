/** 历史标准: a target below last year's actual (or a ceiling above it) needs a written reason. */

import { dec, decString } from '../decimal.ts';
import { type TargetFinding, targetFinding } from './catalogue.ts';
import { rowName } from './check-completeness.ts';
import type { TargetTable } from './table.ts';
import { parseValue } from './value.ts';

export const historyChecks = (t: TargetTable): TargetFinding[] => {
  const out: TargetFinding[] = [];
  t.indicators.forEach((ind, i) => {
    if (ind.lastYearActual === null || ind.nature === null || ind.nature === '定性') return;
    if (ind.belowLastYearReason.trim() !== '') return;
    const p = parseValue(ind.value);
    if (p.number === null) return;
    const target = dec(p.number);
    const last = dec(ind.lastYearActual);
    const lower = (ind.nature === '≥' || ind.nature === '>' || ind.nature === '=') && target.lt(last);
    const looser = (ind.nature === '≤' || ind.nature === '<') && target.gt(last);
    if (!lower && !looser) return;
    const how = lower ? '低于' : '宽于';
    out.push(
      targetFinding(
        'target.below-last-year',
        `${rowName(ind, i)}的指标值${ind.nature}${decString(p.number)}${ind.unit.trim()}${how}上年实际完成值${decString(last)}${ind.unit.trim()}，未说明理由`,
        {
          indicatorId: ind.id,
          field: 'belowLastYearReason',
          expected: decString(last),
          actual: decString(p.number),
        },
      ),
    );
  });
  return out;
};
