/**
 * The arithmetic of the table itself: weights add up to the set's total, 收入/支出构成 add up and their
 * 占比 make 100% and agree with the amounts, fund sources add up to 资金总额, no cost target above the funds.
 */
import { agree } from '../audit/support.ts';
import { inWan } from '../audit/units.ts';
import { dec, decString, sum } from '../decimal.ts';
import { MONEY_UNITS, type MoneyUnit } from '../model/index.ts';
import { type TargetFinding, targetFinding } from './catalogue.ts';
import { rowName } from './check-completeness.ts';
import { isCostRow, type LabelSet } from './labels.ts';
import { type SharedAmount, type TargetTable, tableFunds } from './table.ts';
import { parseValue } from './value.ts';

export const weightChecks = (t: TargetTable, set: LabelSet): TargetFinding[] => {
  if (set.weightTotal === null || t.indicators.length === 0) return [];
  const weighted = t.indicators.filter((i) => i.weight !== null);
  if (weighted.length === 0) {
    return [
      targetFinding('target.weight-missing', `指标均未设权重（权重合计应为${set.weightTotal}）`, {
        field: 'weight',
      }),
    ];
  }
  const out: TargetFinding[] = [];
  t.indicators.forEach((ind, i) => {
    if (ind.weight === null)
      out.push(
        targetFinding('target.weight-missing', `${rowName(ind, i)}未设权重`, {
          indicatorId: ind.id,
          field: 'weight',
        }),
      );
  });
  const weightSum = sum(weighted.map((i) => i.weight as string));
  if (!weightSum.eq(dec(set.weightTotal))) {
    out.push(
      targetFinding('target.weight-sum', `指标权重合计为${decString(weightSum)}，应为${set.weightTotal}`, {
        field: 'weight',
        expected: set.weightTotal,
        actual: decString(weightSum),
      }),
    );
  }
  return out;
};

type Part = { name: string; cell: SharedAmount };

/** 合计 = parts, shares add to 100, each share agrees with its amount. */
const composition = (
  what: string,
  field: string,
  parts: Part[],
  totalCell: SharedAmount,
): TargetFinding[] => {
  const out: TargetFinding[] = [];
  const amounts = parts.map((p) => p.cell.amount);
  if (totalCell.amount !== null && amounts.every((a) => a !== null)) {
    const a = agree(totalCell.amount, amounts as string[], 2);
    if (a === 'differ') {
      const terms = parts.map((p) => `${p.name} ${decString(p.cell.amount as string)}`).join(' + ');
      out.push(
        targetFinding('target.amount-sum', `${what}合计${decString(totalCell.amount)}万元，不等于${terms}`, {
          field,
          expected: decString(sum(amounts as string[])),
          actual: decString(totalCell.amount),
        }),
      );
    }
  }
  const shares = parts.map((p) => p.cell.share);
  if (shares.every((s) => s !== null)) {
    const a = agree('100', shares as string[], 1);
    if (a === 'differ')
      out.push(
        targetFinding(
          'target.share-sum',
          `${what}各项占比合计为${decString(sum(shares as string[]))}%，应为100%`,
          {
            field,
            expected: '100',
            actual: decString(sum(shares as string[])),
          },
        ),
      );
  }
  if (totalCell.share !== null && !dec(totalCell.share).eq(dec(100))) {
    out.push(
      targetFinding('target.share-sum', `${what}合计的占比写为${decString(totalCell.share)}%，应为100%`, {
        field,
        expected: '100',
        actual: decString(totalCell.share),
      }),
    );
  }
  const base = totalCell.amount;
  if (base !== null && !dec(base).isZero()) {
    for (const p of parts) {
      if (p.cell.amount === null || p.cell.share === null) continue;
      const computed = dec(p.cell.amount).div(dec(base)).times(100);
      if (agree(p.cell.share, [computed.toFixed(6)], 1) === 'differ') {
        out.push(
          targetFinding(
            'target.share-mismatch',
            `${what}中${p.name}占比写为${decString(p.cell.share)}%，按金额${decString(p.cell.amount)}÷${decString(base)}应为${computed.toFixed(2)}%`,
            { field, expected: computed.toFixed(2), actual: decString(p.cell.share) },
          ),
        );
      }
    }
  }
  return out;
};

export const fundsChecks = (t: TargetTable): TargetFinding[] => {
  if (t.kind === 'department') {
    const { income, expenditure } = t.funds;
    return [
      ...composition(
        '收入构成',
        'funds.income',
        [
          { name: '财政拨款', cell: income.fiscal },
          { name: '其他资金', cell: income.other },
        ],
        income.total,
      ),
      ...composition(
        '支出构成',
        'funds.expenditure',
        [
          { name: '基本支出', cell: expenditure.basic },
          { name: '项目支出', cell: expenditure.project },
        ],
        expenditure.total,
      ),
    ];
  }
  const amounts = t.fundSources.map((s) => s.amount).filter((a): a is string => a !== null);
  if (t.fundsTotal === null || amounts.length === 0) return [];
  if (agree(t.fundsTotal, amounts, 2) !== 'differ') return [];
  const terms = t.fundSources
    .filter((s) => s.amount !== null)
    .map((s) => `${s.label} ${decString(s.amount as string)}`)
    .join(' + ');
  return [
    targetFinding('target.amount-sum', `资金总额${decString(t.fundsTotal)}万元，不等于各来源之和 ${terms}`, {
      field: 'fundsTotal',
      expected: decString(sum(amounts)),
      actual: decString(t.fundsTotal),
    }),
  ];
};

const isMoneyUnit = (u: string): u is MoneyUnit => (MONEY_UNITS as readonly string[]).includes(u);

/** 成本 against the funds: a money cost target larger than all the money asked for cannot be right. */
export const costChecks = (t: TargetTable, set: LabelSet): TargetFinding[] => {
  const funds = tableFunds(t);
  if (funds === null || dec(funds).isZero()) return [];
  const out: TargetFinding[] = [];
  t.indicators.forEach((ind, i) => {
    if (!isCostRow(set, ind.level1, ind.level2) || ind.nature === '定性') return;
    const p = parseValue(ind.value);
    const unit = ind.unit.trim() || p.unit;
    if (p.number === null || !isMoneyUnit(unit)) return;
    const wan = inWan(p.number, unit);
    if (wan.gt(dec(funds))) {
      out.push(
        targetFinding(
          'target.cost-over-funds',
          `成本指标${rowName(ind, i)}为${decString(p.number)}${unit}（${decString(wan)}万元），超过申报资金${decString(funds)}万元`,
          {
            indicatorId: ind.id,
            field: 'value',
            expected: `≤${decString(funds)}万元`,
            actual: `${decString(wan)}万元`,
          },
        ),
      );
    }
  });
  return out;
};
