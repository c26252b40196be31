/**
 * The 部门整体支出 table, column by column (年初预算数, 调整预算数, 决算数): 基本支出 = 人员经费 + 公用经费;
 * 本年支出合计 = Σ 性质 rows = Σ 经济分类 rows = 经济分类支出合计; 总计 = 本年支出合计 + 年末结转和结余; a
 * component never above its total. A fault is blamed once, on the figure the others outvote.
 */
import { type Decimal, dec, decString, sum } from '../decimal.ts';
import { type Finding, finding } from '../findings.ts';
import { EXPENDITURE_COLUMN_TERMS, EXPENDITURE_NATURE_TERMS } from '../glossary.ts';
import type {
  Amount,
  DepartmentReport,
  ExpenditureColumn,
  ExpenditureRow,
  ExpenditureRowKey,
  Source,
} from '../model/index.ts';
import { EXPENDITURE_COLUMNS } from '../model/index.ts';
import type { AuditRule } from './catalogue.ts';
import { type Agreement, AuditCache, agree, at, sumFinding, terms } from './support.ts';
import { effectiveTableUnit, inWan, UNIT_FACTOR } from './units.ts';

/** The columns' and rows' names in messages are the glossary's. */
export const COLUMN_NAMES = EXPENDITURE_COLUMN_TERMS satisfies Record<ExpenditureColumn, string>;
const ROW = EXPENDITURE_NATURE_TERMS;

const NATURE_KEYS = ['basic', 'project', 'remitted', 'business', 'affiliates'] as const;
const MONEY_PLACES = 2;

type Cell = { name: string; value: string; src?: Source | undefined; amount: Amount };

const cellOf = (row: ExpenditureRow, col: ExpenditureColumn): Cell | null => {
  const a = row[col];
  return a
    ? {
        name: row.label.replace(/^[一二三四五六七八九十]+、|^其中[:：]/u, ''),
        value: a.value,
        src: a.src,
        amount: a,
      }
    : null;
};

/** The table's rows by key, in row order: the rows are gone through once, not once per key asked. */
type Rows = ReadonlyMap<ExpenditureRowKey, readonly ExpenditureRow[]>;

const rowsByKey = (rows: readonly ExpenditureRow[]): Rows => {
  const out = new Map<ExpenditureRowKey, ExpenditureRow[]>();
  for (const r of rows) {
    const same = out.get(r.key);
    if (same) same.push(r);
    else out.set(r.key, [r]);
  }
  return out;
};

const cellsOf = (rows: Rows, key: ExpenditureRowKey, col: ExpenditureColumn): Cell[] =>
  (rows.get(key) ?? []).flatMap((r) => cellOf(r, col) ?? []);

const first = (rows: Rows, key: ExpenditureRowKey, col: ExpenditureColumn): Cell | null => {
  for (const r of rows.get(key) ?? []) {
    const c = cellOf(r, col);
    if (c) return c;
  }
  return null;
};

const close = (a: string, b: readonly string[]): Agreement => agree(a, b, MONEY_PLACES);

/** Two sums of money figures: equal, a cent apart (the rounding of two figures to 2 places), or not. */
const CENT = dec('0.01');
const closeDec = (a: Decimal, b: Decimal): Agreement => {
  const d = a.minus(b).abs();
  return d.isZero() ? 'equal' : d.lte(CENT) ? 'rounding' : 'differ';
};

/** 基本支出 = 人员经费 + 公用经费. Returns the findings and the basic amount the parts imply. */
const basicSplit = (rows: Rows, col: ExpenditureColumn, out: Finding[]): Decimal | null => {
  const basic = first(rows, 'basic', col);
  const parts = [first(rows, 'personnel', col), first(rows, 'publicFunds', col)].flatMap((c) => c ?? []);
  if (!basic || parts.length === 0) return null;
  const implied = sum(parts.map((p) => p.value));
  const a = close(
    basic.value,
    parts.map((p) => p.value),
  );
  if (a !== 'equal') {
    out.push(
      sumFinding(
        'finance.basic-split',
        a,
        `支出表「${COLUMN_NAMES[col]}」列：${ROW.basic} ${decString(basic.value)} 不等于 ${terms(parts)} = ${decString(implied)}`,
        implied,
        basic.value,
        at(basic.src, ...parts.map((p) => p.src)),
      ),
    );
  }
  // Whether 基本支出 or its parts are wrong is told by the totals: see yearTotalAgreement.
  return a === 'differ' ? implied : null;
};

/** A component larger than the total it belongs to (其中：基本建设类项目 within 项目支出). */
const componentWithin = (
  rows: Rows,
  col: ExpenditureColumn,
  partKey: ExpenditureRowKey,
  totalKey: ExpenditureRowKey,
  out: Finding[],
): void => {
  const part = first(rows, partKey, col);
  const total = first(rows, totalKey, col);
  if (part && total && dec(part.value).gt(dec(total.value))) {
    out.push(
      finding('finance.component-exceeds', {
        message: `支出表「${COLUMN_NAMES[col]}」列：${part.name} ${decString(part.value)} 大于其所属的${total.name} ${decString(total.value)}`,
        expected: `≤ ${decString(total.value)}`,
        actual: decString(part.value),
        locations: at(part.src, total.src),
      }),
    );
  }
};

type Member = {
  /** Rule code when this member is the one out of line. */
  rule: AuditRule;
  /** How to name it in a message (built only when a message is). */
  what: () => string;
  value: Decimal;
  /** Other values this member may take when a fault below it is already reported. */
  alternatives: Decimal[];
  srcs: Source[];
  /** The stated cell this member is, and how its true value follows from the agreed total. */
  cell?: { amount: Amount; fromTotal: (total: Decimal) => Decimal };
  /** How to word this member out of line. */
  wording?: (total: Decimal) => string;
  /** Whose fault it is when this member is out of line, when another cell than `cell` may be. */
  blame?: (total: Decimal) => { amount: Amount; expected: Decimal; message: string; sure: boolean } | null;
};

/**
 * 本年支出合计, Σ 性质, 经济分类支出合计 and Σ 经济分类 must all be equal. The value most of them share is
 * taken as right; each member out of line is one finding. With no majority, one finding names them all.
 */
const yearTotalAgreement = (
  rows: Rows,
  col: ExpenditureColumn,
  basicImplied: Decimal | null,
  out: Finding[],
  corrected: Map<Amount, Decimal>,
  sentenceCarry: Decimal | null,
): void => {
  const members: Member[] = [];
  const yt = first(rows, 'yearTotal', col);
  if (yt)
    members.push({
      rule: 'finance.year-total',
      what: () => `${ROW.yearTotal} ${decString(yt.value)}`,
      value: dec(yt.value),
      alternatives: [],
      srcs: at(yt.src),
      cell: { amount: yt.amount, fromTotal: (t) => t },
    });
  const nature = NATURE_KEYS.flatMap((k) => first(rows, k, col) ?? []);
  const basic = first(rows, 'basic', col);
  if (nature.length > 0) {
    const natSum = sum(nature.map((c) => c.value));
    const alt = basicImplied && basic ? [natSum.minus(dec(basic.value)).plus(basicImplied)] : [];
    members.push({
      rule: 'finance.nature-sum',
      what: () => `按支出性质各项之和（${terms(nature)} = ${decString(natSum)}）`,
      value: natSum,
      alternatives: alt,
      srcs: at(...nature.map((c) => c.src)),
    });
  }
  const et = first(rows, 'economicTotal', col);
  if (et)
    members.push({
      rule: 'finance.economic-total',
      what: () => `${ROW.economicTotal} ${decString(et.value)}`,
      value: dec(et.value),
      alternatives: [],
      srcs: at(et.src),
      cell: { amount: et.amount, fromTotal: (t) => t },
    });
  const eco = cellsOf(rows, 'economic', col);
  if (eco.length > 0) {
    const ecoSum = sum(eco.map((c) => c.value));
    members.push({
      rule: 'finance.economic-sum',
      what: () => `按经济分类各项之和（${terms(eco)} = ${decString(ecoSum)}）`,
      value: ecoSum,
      alternatives: [],
      srcs: at(...eco.map((c) => c.src)),
    });
  }
  const gt = first(rows, 'grandTotal', col);
  if (gt) {
    const co = first(rows, 'carryOverEnd', col);
    const carry = co ? dec(co.value) : dec('0');
    members.push({
      rule: 'finance.grand-total',
      what: () =>
        `${ROW.grandTotal} ${decString(gt.value)} 减${ROW.carryOverEnd} ${decString(carry)}（${decString(dec(gt.value).minus(carry))}）`,
      value: dec(gt.value).minus(carry),
      alternatives: [],
      srcs: at(gt.src, co?.src),
      // 总计 or 年末结转和结余? The sentence's 年末结转和结余, when given, tells which.
      blame: (t) => {
        const impliedCarry = dec(gt.value).minus(t);
        const saidCarry = col === 'final' ? sentenceCarry : null;
        if (
          co &&
          saidCarry &&
          closeDec(saidCarry, impliedCarry) === 'equal' &&
          closeDec(saidCarry, carry) !== 'equal'
        ) {
          return {
            amount: co.amount,
            expected: impliedCarry,
            sure: true,
            message: `${ROW.carryOverEnd} ${decString(carry)} 不等于${ROW.grandTotal} ${decString(gt.value)} − ${ROW.yearTotal} ${decString(t)} = ${decString(impliedCarry)}（支出情况文字亦为 ${decString(saidCarry)}）`,
          };
        }
        return {
          amount: gt.amount,
          expected: t.plus(carry),
          sure: !co || (saidCarry !== null && closeDec(saidCarry, carry) === 'equal'),
          message: `${ROW.grandTotal} ${decString(gt.value)} 不等于${ROW.yearTotal} ${decString(t)} + ${ROW.carryOverEnd} ${decString(carry)} = ${decString(t.plus(carry))}`,
        };
      },
    });
  }
  if (members.length < 2) return;

  // Asked for every pair of members: no array of the member's values made per call.
  const fits = (m: Member, v: Decimal): Agreement => {
    let best = closeDec(m.value, v);
    for (let k = 0; k < m.alternatives.length && best !== 'equal'; k++) {
      const a = closeDec(m.alternatives[k]!, v);
      if (a !== 'differ') best = a;
    }
    return best;
  };
  // The candidate value shared by most members (exactly or within rounding).
  let winner: Decimal | null = null;
  let winnerVotes = 0;
  let tie = false;
  for (const cand of members) {
    const votes = members.filter((m) => fits(m, cand.value) !== 'differ').length;
    if (votes > winnerVotes) {
      winner = cand.value;
      winnerVotes = votes;
      tie = false;
    } else if (votes === winnerVotes && winner && !cand.value.eq(winner)) {
      if (fits(cand, winner) === 'differ') tie = true;
    }
  }
  if (!winner) return;
  const colName = COLUMN_NAMES[col];
  if (tie || winnerVotes * 2 <= members.length) {
    out.push(
      finding('finance.year-total', {
        message: `支出表「${colName}」列：${members.map((m) => m.what()).join('，')}，互不相符`,
        actual: members.map((m) => decString(m.value)).join(' / '),
        locations: at(...members.flatMap((m) => m.srcs)),
      }),
    );
    return;
  }
  const natureMember = members.find((m) => m.rule === 'finance.nature-sum');
  if (
    basic &&
    basicImplied &&
    natureMember &&
    !natureMember.value.eq(winner) &&
    fits(natureMember, winner) === 'equal'
  ) {
    // The totals agree with 基本支出 as its parts give it: the stated 基本支出 is the wrong one.
    corrected.set(basic.amount, basicImplied);
  }
  for (const m of members) {
    const f = fits(m, winner);
    if (f === 'equal') continue;
    const others = members.filter((o) => o !== m && fits(o, winner) !== 'differ').map((o) => o.what());
    const blamed = m.blame?.(winner);
    if (blamed) {
      // Corrected only when sure, so that rules reading the table do not build on a guess.
      if (f === 'differ' && blamed.sure) corrected.set(blamed.amount, blamed.expected);
      out.push(
        sumFinding(
          m.rule,
          f,
          `支出表「${colName}」列：${blamed.message}`,
          blamed.expected,
          blamed.amount.value,
          at(blamed.amount.src, ...m.srcs, ...members.filter((o) => o !== m).flatMap((o) => o.srcs)),
        ),
      );
      continue;
    }
    const expected = m.cell ? m.cell.fromTotal(winner) : winner;
    if (m.cell && f === 'differ') corrected.set(m.cell.amount, expected);
    out.push(
      sumFinding(
        m.rule,
        f,
        `支出表「${colName}」列：${m.wording ? m.wording(winner) : `${m.what()} 与 ${others.join('、')} 不符，应为 ${decString(winner)}`}`,
        expected,
        m.cell ? m.cell.amount.value : m.value.toFixed(),
        at(...m.srcs, ...members.filter((o) => o !== m).flatMap((o) => o.srcs)),
      ),
    );
  }
};

/** The table's findings, and the true value of each cell found wrong (for the rules that read the table). */
export type TableAnalysis = { findings: Finding[]; corrected: Map<Amount, Decimal> };

export const analyseTable = (report: DepartmentReport, cache: AuditCache): TableAnalysis =>
  cache.once('table', () => {
    const out: Finding[] = [];
    const corrected = new Map<Amount, Decimal>();
    const table = report.expenditureTable;
    if (!table) return { findings: out, corrected };
    // The sentence's 年末结转和结余 in the table's unit: it settles whether 总计 or that row is wrong.
    const said = report.expenditure?.carryOverEnd;
    const sentenceCarry = said
      ? inWan(said.value, said.unit).times(10000).div(UNIT_FACTOR[effectiveTableUnit(report, cache)])
      : null;
    const rows = rowsByKey(table.rows);
    for (const col of EXPENDITURE_COLUMNS) {
      const implied = basicSplit(rows, col, out);
      yearTotalAgreement(rows, col, implied, out, corrected, sentenceCarry);
      componentWithin(rows, col, 'capitalProjects', 'project', out);
    }
    return { findings: out, corrected };
  });

export const financeTableRules = (report: DepartmentReport, cache = new AuditCache()): Finding[] =>
  analyseTable(report, cache).findings;
