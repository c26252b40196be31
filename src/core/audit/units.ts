/**
 * The unit label of the 支出 table against the magnitudes the text gives for the same rows: a label
 * "单位：元" over figures the sentences give as 845.92万元 is wrong. Other rules read the table in the
 * unit the text shows it is really in, so one wrong label is one finding.
 */
import { type Decimal, dec, decString } from '../decimal.ts';
import { type Finding, finding } from '../findings.ts';
import type {
  DepartmentReport,
  ExpenditureColumn,
  ExpenditureRowKey,
  Money,
  MoneyUnit,
  Source,
} from '../model/index.ts';
import { AuditCache, agree, at } from './support.ts';

export const UNIT_FACTOR: Record<MoneyUnit, Decimal> = { 元: dec(1), 万元: dec(10000), 亿元: dec(100000000) };
const TEN_THOUSAND = dec(10000);

/** An amount in 万元, whatever unit it was stated in. */
export const inWan = (value: string, unit: MoneyUnit): Decimal =>
  dec(value).times(UNIT_FACTOR[unit]).div(TEN_THOUSAND);

/** Sentence figures paired with the table cell that states the same thing. */
export type Pair = { money: Money; what: string; key: ExpenditureRowKey; col: ExpenditureColumn };

export const sentenceTablePairs = (report: DepartmentReport): Pair[] => {
  const e = report.expenditure;
  if (!e) return [];
  const pairs: Pair[] = [];
  for (const p of e.parts) {
    if (p.key !== 'other') pairs.push({ money: p.amount, what: p.name, key: p.key, col: 'final' });
  }
  if (e.carryOverEnd)
    pairs.push({ money: e.carryOverEnd, what: '年末结转和结余', key: 'carryOverEnd', col: 'final' });
  if (e.final) pairs.push({ money: e.final, what: '决算支出', key: 'yearTotal', col: 'final' });
  if (e.budget) pairs.push({ money: e.budget, what: '预算支出', key: 'yearTotal', col: 'budget' });
  if (e.adjusted) pairs.push({ money: e.adjusted, what: '调整预算支出', key: 'yearTotal', col: 'adjusted' });
  return pairs;
};

export const tableCell = (
  report: DepartmentReport,
  key: ExpenditureRowKey,
  col: ExpenditureColumn,
): { value: string; src?: Source | undefined } | null => {
  const row = report.expenditureTable?.rows.find((r) => r.key === key && r[col]);
  return row?.[col] ?? null;
};

/**
 * The unit the table is in: its label, unless the text gives the same digits for its rows in another
 * unit (and never the label's magnitude), in which case that unit.
 */
export const effectiveTableUnit = (report: DepartmentReport, cache: AuditCache): MoneyUnit =>
  cache.once('table-unit', () => {
    const label = tableLabel(report);
    const evidence = tableEvidence(report, cache);
    return evidence.against.length > 0 && evidence.for === 0 ? (evidence.unit ?? label) : label;
  });

/** The unit the table says it is in (万元 when it says none). */
const tableLabel = (report: DepartmentReport): MoneyUnit => report.expenditureTable?.unit?.value ?? '万元';

/** The text's evidence for and against the table's label (shared by the unit rule and the table's readers). */
const tableEvidence = (report: DepartmentReport, cache: AuditCache): Evidence =>
  cache.once('table-evidence', () => labelEvidence(report, tableLabel(report)));

type Evidence = { for: number; against: { pair: Pair; src?: Source | undefined }[]; unit: MoneyUnit | null };

const labelEvidence = (report: DepartmentReport, label: MoneyUnit): Evidence => {
  const ev: Evidence = { for: 0, against: [], unit: null };
  for (const pair of sentenceTablePairs(report)) {
    const cell = tableCell(report, pair.key, pair.col);
    if (!cell || dec(cell.value).isZero()) continue;
    const sentence = inWan(pair.money.value, pair.money.unit);
    if (agree(sentence.toFixed(), [inWan(cell.value, label).toFixed()], 2) !== 'differ') ev.for++;
    else if (pair.money.unit !== label && agree(pair.money.value, [cell.value], 2) !== 'differ') {
      ev.against.push({ pair, src: cell.src });
      ev.unit = pair.money.unit;
    }
  }
  return ev;
};

export const unitRules = (report: DepartmentReport, cache = new AuditCache()): Finding[] => {
  const unit = report.expenditureTable?.unit;
  if (!unit) return [];
  const ev = tableEvidence(report, cache);
  if (ev.against.length === 0 || ev.for > 0 || !ev.unit) return [];
  const examples = ev.against
    .slice(0, 3)
    .map(({ pair }) => `${pair.what} ${decString(pair.money.value)}${pair.money.unit}`)
    .join('、');
  return [
    finding('units.table-label', {
      message: `支出表标注“单位：${unit.value}”，但正文给出同一行的数额为${examples}，数字相同而单位为${ev.unit}：表的单位应为${ev.unit}`,
      expected: ev.unit,
      actual: unit.value,
      locations: at(unit.src, ...ev.against.flatMap(({ pair, src }) => [pair.money.src, src])),
    }),
  ];
};
