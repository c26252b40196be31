/**
 * The unit of a money table (部门整体支出表, 项目资金): changed alone (the label was wrong, the figures
 * right — the sample's commonest error) or with every amount of the table converted (元 ↔ 万元 ↔ 亿元),
 * exactly, in decimals. A converted amount keeps no source: it is no longer what the file wrote.
 */
import { type DecimalString, dec, decString } from '../../core/decimal.ts';
import type { ExpenditureTable } from '../../core/model/department-report.ts';
import type { FundRow, ProjectReport } from '../../core/model/project-report.ts';
import type { MoneyUnit } from '../../core/model/values.ts';

const FACTOR: Record<MoneyUnit, number> = { 元: 1, 万元: 10_000, 亿元: 100_000_000 };

/** `value` stated in `from`, in `to`. */
export const convertAmount = (value: DecimalString, from: MoneyUnit, to: MoneyUnit): DecimalString =>
  from === to ? value : decString(dec(value).times(FACTOR[from]).div(FACTOR[to]));

type Amount = { value: DecimalString } | null;
const convertCell = <A extends Amount>(a: A, from: MoneyUnit, to: MoneyUnit): A =>
  (a === null ? a : { value: convertAmount(a.value, from, to) }) as A;

const AMOUNT_COLUMNS = ['budget', 'adjusted', 'final'] as const;

const convertRow = <R extends Record<(typeof AMOUNT_COLUMNS)[number], Amount>>(
  row: R,
  from: MoneyUnit,
  to: MoneyUnit,
): R => {
  const out = { ...row };
  for (const c of AMOUNT_COLUMNS) out[c] = convertCell(row[c], from, to) as R[typeof c];
  return out;
};

/** The 部门整体支出表 in `to`: the label only, or the amounts converted too. */
export const withTableUnit = (table: ExpenditureTable, to: MoneyUnit, convert: boolean): ExpenditureTable => {
  const from = table.unit?.value ?? '万元';
  return {
    ...table,
    unit: { value: to },
    rows: convert ? table.rows.map((r) => convertRow(r, from, to)) : table.rows,
  };
};

/** The project's funds in `to` (年初预算数, 全年预算数, 全年执行数; 分值, 执行率 and 得分 stay). */
export const withFundsUnit = (
  doc: ProjectReport,
  to: MoneyUnit,
  convert: boolean,
): Pick<ProjectReport, 'moneyUnit' | 'funds'> => {
  const from = doc.moneyUnit?.value ?? '万元';
  return {
    moneyUnit: { value: to },
    funds: convert ? doc.funds.map((r: FundRow) => convertRow(r, from, to)) : doc.funds,
  };
};
