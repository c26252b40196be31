/**
 * 指标性质、指标值和计量单位的准确性: a comparator for every quantitative value, a number after a comparator,
 * a unit inside the value that agrees with the unit column, no unit on a 定性 phrase.
 */
import { unitKind } from '../audit/measure.ts';
import { type TargetFinding, targetFinding } from './catalogue.ts';
import { rowName } from './check-completeness.ts';
import { type LabelSet, level1Of } from './labels.ts';
import type { TargetTable } from './table.ts';
import { isNumber, isPlaceholder, parseValue } from './value.ts';

const norm = (u: string): string => u.replace(/\s/g, '').replace('％', '%');

export const valueChecks = (t: TargetTable, set: LabelSet): TargetFinding[] => {
  const out: TargetFinding[] = [];
  t.indicators.forEach((ind, i) => {
    const name = rowName(ind, i);
    const value = ind.value.trim();
    const unit = norm(ind.unit);
    if (value === '' || isPlaceholder(value)) return;
    const at = { indicatorId: ind.id };
    const parsed = parseValue(value);
    if (ind.nature === '定性') {
      if (parsed.number !== null && parsed.unit === '' && unit === '') {
        out.push(
          targetFinding(
            'target.qualitative-number',
            `${name}标为定性，指标值却只有数字“${value}”：应改为定量并写明比较符和单位`,
            {
              ...at,
              field: 'nature',
            },
          ),
        );
      }
      if (unit !== '' && !isPlaceholder(unit)) {
        out.push(
          targetFinding(
            'target.unit-mismatch',
            `${name}是定性指标“${value}”，却填了计量单位“${ind.unit.trim()}”`,
            {
              ...at,
              field: 'unit',
              actual: ind.unit.trim(),
            },
          ),
        );
      }
      return;
    }
    if (parsed.number === null) {
      const rule = ind.nature === null ? 'target.comparator-missing' : 'target.value-not-number';
      const message =
        ind.nature === null
          ? `${name}未写指标性质，指标值“${value}”不是数字：定性指标请选“定性”`
          : `${name}的指标性质为“${ind.nature}”，指标值“${value}”却不是数字`;
      out.push(targetFinding(rule, message, { ...at, field: ind.nature === null ? 'nature' : 'value' }));
      return;
    }
    if (ind.nature === null && parsed.op === null) {
      out.push(
        targetFinding('target.comparator-missing', `${name}的指标值“${value}”未写比较符（≥ > = ≤ <）`, {
          ...at,
          field: 'nature',
        }),
      );
    }
    if (parsed.op !== null && ind.nature !== null && parsed.op !== ind.nature) {
      out.push(
        targetFinding(
          'target.comparator-missing',
          `${name}的指标性质为“${ind.nature}”，指标值里却写着“${parsed.op}”`,
          {
            ...at,
            field: 'nature',
            expected: ind.nature,
            actual: parsed.op,
          },
        ),
      );
    }
    const inner = norm(parsed.unit);
    if (inner !== '' && unit !== '' && inner !== unit) {
      out.push(
        targetFinding(
          'target.unit-mismatch',
          `${name}的指标值“${value}”自带单位“${parsed.unit}”，计量单位一栏却是“${ind.unit.trim()}”`,
          { ...at, field: 'unit', expected: parsed.unit, actual: ind.unit.trim() },
        ),
      );
      return;
    }
    const effective = unit !== '' ? unit : inner;
    const kind = unitKind(effective);
    const l1 = level1Of(set, ind.level1);
    if (l1 === 'satisfaction' && kind !== null && kind !== 'percent') {
      out.push(
        targetFinding('target.unit-unusual', `${name}是满意度指标，计量单位通常为“%”，此处为“${effective}”`, {
          ...at,
          field: 'unit',
        }),
      );
    }
    if (
      kind === 'percent' &&
      parsed.number !== null &&
      Number(parsed.number) > 100 &&
      isNumber(parsed.number)
    ) {
      const bound = ind.nature === '≤' || ind.nature === '<' ? '' : '，比率类目标一般不超过100%';
      if (bound !== '')
        out.push(
          targetFinding(
            'target.unit-unusual',
            `${name}的指标值为${parsed.number}%${bound}：请核对数值和单位`,
            {
              ...at,
              field: 'value',
            },
          ),
        );
    }
  });
  return out;
};
