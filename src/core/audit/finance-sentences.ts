/**
 * The income and expenditure sentences against themselves and the 支出 table (DOMAIN.md §4.2a). Both
 * conventions of the income sentence are legitimate; only what fits neither is reported.
 */
import { type Decimal, decString, sum } from '../decimal.ts';
import { type Finding, finding } from '../findings.ts';
import type { DepartmentReport, ExpenditureColumn, ExpenditureRowKey, Money } from '../model/index.ts';
import { analyseTable } from './finance-table.ts';
import { AuditCache, agree, at, sumFinding } from './support.ts';
import { effectiveTableUnit, inWan, sentenceTablePairs, tableCell } from './units.ts';

const wan = (m: Money): Decimal => inWan(m.value, m.unit);
const cmp = (a: Decimal, parts: readonly Decimal[]) =>
  agree(
    a.toFixed(),
    parts.map((p) => p.toFixed()),
    2,
  );
const money = (d: Decimal): string => `${decString(d)}万元`;

const NATURE_KEYS = ['basic', 'project', 'remitted', 'business', 'affiliates'] as const;

/** A table cell in 万元, read in the unit the table really is in. */
const cellWan = (
  report: DepartmentReport,
  cache: AuditCache,
  key: Parameters<typeof tableCell>[1],
  col: Parameters<typeof tableCell>[2],
) => {
  const c = tableCell(report, key, col);
  if (!c) return null;
  const unit = effectiveTableUnit(report, cache);
  const fixed = analyseTable(report, cache).corrected.get(c);
  return {
    value: inWan(fixed ? fixed.toFixed() : c.value, unit),
    stated: inWan(c.value, unit),
    src: c.src,
  };
};
type CellWan = NonNullable<ReturnType<typeof cellWan>>;

/** A sentence figure against a cell: equal to its true value or to the (wrong) value the table states. */
const cmpCell = (x: Decimal, cell: CellWan) =>
  cmp(x, [cell.stated]) === 'equal' ? 'equal' : cmp(x, [cell.value]);

/**
 * What a row must be for the table's totals to hold: a nature row, 本年支出合计 less the other nature
 * rows; 年末结转和结余, 总计 less 本年支出合计 (totals as the table's rules found them to be).
 */
const impliedByTotals = (
  report: DepartmentReport,
  cache: AuditCache,
  key: ExpenditureRowKey,
  col: ExpenditureColumn,
): Decimal | null => {
  const yt = cellWan(report, cache, 'yearTotal', col);
  if (!yt) return null;
  if (key === 'carryOverEnd') {
    const gt = cellWan(report, cache, 'grandTotal', col);
    return gt ? gt.value.minus(yt.value) : null;
  }
  if (!(NATURE_KEYS as readonly string[]).includes(key)) return null;
  const others = NATURE_KEYS.filter((k) => k !== key).flatMap((k) => {
    const c = cellWan(report, cache, k, col);
    return c ? [c.value] : [];
  });
  return yt.value.minus(sum(others));
};

/** Sentence parts against the table rows, and 决算支出 against the sum of its 其中 parts. */
const expenditureRules = (report: DepartmentReport, cache: AuditCache, out: Finding[]): void => {
  const e = report.expenditure;
  if (!e) return;
  // Sentence figures that differ from their table row; the table value stands in for them below.
  const corrected = new Map<Money, Decimal>();
  for (const pair of sentenceTablePairs(report)) {
    if (pair.key === 'yearTotal') continue;
    const cell = cellWan(report, cache, pair.key, pair.col);
    if (!cell) continue;
    const a = cmpCell(wan(pair.money), cell);
    if (a === 'equal') continue;
    // The sentence gives what the table's own totals imply for this row: the cell is what is wrong,
    // and the table's rules already say so.
    const implied = impliedByTotals(report, cache, pair.key, pair.col);
    if (implied && cmp(wan(pair.money), [implied]) === 'equal') continue;
    if (a === 'differ') corrected.set(pair.money, cell.value);
    out.push(
      sumFinding(
        'expenditure.vs-table',
        a,
        `支出情况文字中${pair.what} ${money(wan(pair.money))} 与支出表「决算数」列的 ${money(cell.value)} 不符`,
        cell.value,
        wan(pair.money).toFixed(),
        at(pair.money.src, cell.src),
      ),
    );
  }
  const yt = cellWan(report, cache, 'yearTotal', 'final');
  const gt = cellWan(report, cache, 'grandTotal', 'final');
  const parts = e.parts.map((p) => p.amount);
  if (e.final && parts.length > 0) {
    const x = wan(e.final);
    const stated = parts.map(wan);
    const fixed = parts.map((p) => corrected.get(p) ?? wan(p));
    // 其中 may name only some parts: the table's nature rows it leaves out make up the rest.
    const named = new Set(e.parts.map((p) => p.key));
    const unnamed = NATURE_KEYS.filter((k) => !named.has(k)).flatMap((k) => {
      const c = cellWan(report, cache, k, 'final');
      return c ? [c.value] : [];
    });
    const a =
      cmp(x, stated) === 'equal' || (unnamed.length > 0 && cmp(x, [...stated, ...unnamed]) === 'equal')
        ? 'equal'
        : cmp(x, stated);
    const carry = e.carryOverEnd ? wan(e.carryOverEnd) : null;
    if (a !== 'equal' && cmp(x, fixed) === 'differ' && cmp(x, [...fixed, ...unnamed]) === 'differ') {
      const partsSum = sum(stated);
      if (carry && cmp(x, [partsSum, carry]) !== 'differ') {
        out.push(
          finding('expenditure.total-includes-carry-over', {
            message: `支出情况文字中决算支出 ${money(x)} 等于其中各项之和 ${money(partsSum)} 加年末结转和结余 ${money(carry)}，即总计；决算支出应为本年支出合计 ${money(partsSum)}`,
            expected: decString(partsSum),
            actual: decString(x),
            locations: at(e.final.src, ...parts.map((p) => p.src), e.carryOverEnd?.src),
          }),
        );
      } else {
        out.push(
          sumFinding(
            'expenditure.parts-sum',
            a,
            `支出情况文字中决算支出 ${money(x)} 不等于其中各项之和 ${parts.map((p) => money(wan(p))).join(' + ')} = ${money(partsSum)}`,
            partsSum,
            x.toFixed(),
            at(e.final.src, ...parts.map((p) => p.src)),
          ),
        );
      }
    } else if (a === 'rounding') {
      out.push(
        sumFinding(
          'expenditure.parts-sum',
          a,
          `支出情况文字中决算支出 ${money(x)} 与其中各项之和 ${money(sum(stated))} 相差`,
          sum(stated),
          x.toFixed(),
          at(e.final.src, ...parts.map((p) => p.src)),
        ),
      );
    }
    // 决算支出 against the table, unless the sum of its parts already says what is wrong.
    if (yt && (a === 'equal' || cmp(x, fixed) !== 'differ')) {
      const b = cmpCell(x, yt);
      const isGrand = gt && cmpCell(x, gt) !== 'differ';
      if (b !== 'equal' && !isGrand) {
        out.push(
          sumFinding(
            'expenditure.vs-table',
            b,
            `支出情况文字中决算支出 ${money(x)} 与支出表本年支出合计 ${money(yt.value)} 不符`,
            yt.value,
            x.toFixed(),
            at(e.final.src, yt.src),
          ),
        );
      }
    }
  }
  for (const [m, col, what] of [
    [e.budget, 'budget', '预算支出'],
    [e.adjusted, 'adjusted', '调整预算支出'],
  ] as const) {
    if (!m) continue;
    const cell = cellWan(report, cache, 'yearTotal', col) ?? cellWan(report, cache, 'grandTotal', col);
    if (!cell) continue;
    const other = cellWan(report, cache, 'grandTotal', col);
    const a = cmpCell(wan(m), cell);
    if (a === 'equal' || (other && cmpCell(wan(m), other) === 'equal')) continue;
    out.push(
      sumFinding(
        'expenditure.vs-table',
        a,
        `支出情况文字中${what} ${money(wan(m))} 与支出表「${col === 'budget' ? '年初预算数' : '调整预算数'}」列本年支出合计 ${money(cell.value)} 不符`,
        cell.value,
        wan(m).toFixed(),
        at(m.src, cell.src),
      ),
    );
  }
};

type Col = 'budget' | 'adjusted' | 'final';

const COL_WORD: Record<Col, string> = { budget: '预算数', adjusted: '调整预算数', final: '决算数' };

/** A component given one figure with no column word ("其他收入23.50万元") stands for every column. */
const saidOnce = (k: NonNullable<DepartmentReport['income']>['components'][number]): Money | null => {
  const stated = [k.budget, k.adjusted, k.final].filter((m) => m !== null);
  return stated.length === 1 ? stated[0]! : null;
};

/**
 * 收入 C with 其中 财政拨款 D, 其他收入 O, 年初结转和结余 E: convention (a) C = D + O, (b) C = D + O + E.
 * In the 决算 column, 本年收入 + E must equal the table's 总计.
 */
const incomeRules = (report: DepartmentReport, cache: AuditCache, out: Finding[]): void => {
  const inc = report.income;
  if (!inc) return;
  const grand = cellWan(report, cache, 'grandTotal', 'final');
  for (const col of ['budget', 'adjusted', 'final'] as const) {
    const c = inc[col];
    if (!c) continue;
    const stated = inc.components.flatMap((k) => {
      const m = k[col];
      return m ? [{ key: k.key, name: k.name, m, v: wan(m) }] : [];
    });
    if (!stated.some((k) => k.key !== 'carryOverStart')) continue;
    // Read the figures said once for every column into this one too, when that makes the sentence fit.
    const once = inc.components.flatMap((k) => {
      const m = k[col] ? null : saidOnce(k);
      return m ? [{ key: k.key, name: k.name, m, v: wan(m) }] : [];
    });
    const C = wan(c);
    const reading = (comps: typeof stated) => {
      const own = comps.filter((k) => k.key !== 'carryOverStart');
      const carry = comps.find((k) => k.key === 'carryOverStart');
      const ownSum = sum(own.map((k) => k.v));
      return {
        comps,
        own,
        carry,
        ownSum,
        a: cmp(C, [ownSum]),
        b: carry ? cmp(C, [ownSum, carry.v]) : ('differ' as const),
      };
    };
    const plain = reading(stated);
    const widened = once.length > 0 ? reading([...stated, ...once]) : plain;
    const fitsAll = (r: typeof plain) => r.a === 'equal' || r.b === 'equal';
    const { comps, carry, ownSum, a, b } = fitsAll(plain) || !fitsAll(widened) ? plain : widened;
    const srcs = at(c.src, ...comps.map((k) => k.m.src));
    const named = comps.map((k) => `${k.name} ${money(k.v)}`).join('、');
    if (a === 'equal' || b === 'equal') {
      // Fits a convention: check the balance with the table in the 决算 column.
      if (col === 'final' && grand && carry) {
        const yearIncome = a === 'equal' ? C : C.minus(carry.v);
        const bal = cmp(grand.value, [yearIncome, carry.v]);
        if (bal !== 'equal') {
          out.push(
            sumFinding(
              'income.balance',
              bal,
              `本年收入 ${money(yearIncome)} 加年初结转和结余 ${money(carry.v)} 应等于支出表总计（本年支出合计加年末结转和结余）${money(grand.value)}`,
              grand.value.minus(carry.v),
              yearIncome.toFixed(),
              at(...srcs, grand.src),
            ),
          );
        }
      }
      continue;
    }
    if (a === 'rounding' || b === 'rounding') {
      out.push(
        sumFinding(
          'income.total',
          'rounding',
          `收入${COL_WORD[col]} ${money(C)} 与其中各项（${named}）之和相差`,
          ownSum,
          C.toFixed(),
          srcs,
        ),
      );
      continue;
    }
    // Fits neither convention: say which figure the rest supports.
    const above = comps.filter((k) => k.v.gt(C) && k.key !== 'carryOverStart');
    const byTable = col === 'final' && grand && carry ? grand.value.minus(carry.v) : null;
    const componentsRight = byTable ? cmp(byTable, [ownSum]) !== 'differ' : true;
    const expected = componentsRight ? ownSum : (byTable ?? ownSum);
    const why = above.length
      ? `其中${above.map((k) => `${k.name} ${money(k.v)}`).join('、')}大于收入${COL_WORD[col]}本身`
      : `既不等于其中本年各项之和 ${money(ownSum)}，也不等于加上年初结转和结余后的 ${money(carry ? ownSum.plus(carry.v) : ownSum)}`;
    const tableNote = byTable
      ? `；按支出表总计 ${money(grand!.value)} 减年初结转和结余推算，本年收入应为 ${money(byTable)}`
      : '';
    out.push({
      rule: componentsRight ? 'income.total' : 'income.components',
      severity: 'error',
      message: `收入${COL_WORD[col]} ${money(C)} 与其中各项（${named}）不符：${why}${tableNote}`,
      expected: decString(expected),
      actual: decString(C),
      locations: at(...srcs, byTable ? grand?.src : undefined),
    });
  }
};

export const financeSentenceRules = (report: DepartmentReport, cache = new AuditCache()): Finding[] => {
  const out: Finding[] = [];
  incomeRules(report, cache, out);
  expenditureRules(report, cache, out);
  return out;
};
