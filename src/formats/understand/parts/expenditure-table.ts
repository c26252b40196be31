/** The 部门整体支出 table: rows by nature and by 经济分类, columns 年初预算数 / 调整预算数 / 决算数. */
import { ECONOMIC_CLASSES } from '../../../core/glossary.ts';
import type {
  ExpenditureRow,
  ExpenditureRowKey,
  ExpenditureTable,
  MoneyUnit,
} from '../../../core/model/index.ts';
import { nameKey } from '../../document/normalize.ts';
import { type Para, srcOf, type Table } from '../blocks.ts';
import { missing, type ReadContext, warn } from './context.ts';
import { amountOf, columnsOf, isEmptyRow } from './tables.ts';

const NUMBERING =
  /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[、.．](?!\d))\s*/;

const CLASS_BY_NAME = new Map(ECONOMIC_CLASSES.map((c) => [nameKey(c.name), c.code]));

/** Nature and total rows by their label, checked in this order. */
const NATURE: readonly [ExpenditureRowKey, RegExp][] = [
  ['economicTotal', /经济分类.*合计/],
  ['yearTotal', /^(?:本年)?支出合计$|^本年合计$|^合计$/],
  ['grandTotal', /总计/],
  ['carryOverEnd', /年末结转|年末结余/],
  ['personnel', /人员经费/],
  ['publicFunds', /公用经费/],
  ['capitalProjects', /基本建设/],
  ['basic', /基本支出/],
  ['project', /项目支出/],
  ['remitted', /上缴上级/],
  ['affiliates', /对附属单位/],
  ['business', /经营支出/],
];

/** The key and economic code of a row by its label: 一、工资福利支出 → economic 301. */
export const rowKeyOf = (label: string): { key: ExpenditureRowKey; code: string | null } => {
  let name = label.replace(NUMBERING, '').replace(/^其中\s*[:：]?\s*/, '');
  const code = /^(3\d{2})\d*\s*/.exec(name);
  if (code) name = name.slice(code[0].length);
  const compared = nameKey(name);
  const byName = CLASS_BY_NAME.get(compared);
  if (byName) return { key: 'economic', code: byName };
  if (code && !NATURE.some(([, re]) => re.test(name))) return { key: 'economic', code: code[1]! };
  const nature = NATURE.find(([, re]) => re.test(compared));
  return { key: nature?.[0] ?? 'unknown', code: null };
};

const UNIT = /单位\s*[:：]\s*(万元|亿元|元)/;

const unitOf = (table: Table): ExpenditureTable['unit'] => {
  const places: Para[] = [...table.titles].reverse();
  for (const p of places) {
    const m = UNIT.exec(p.text);
    if (m) {
      const at = m.index + m[0].length - m[1]!.length;
      return { value: m[1] as MoneyUnit, src: srcOf(p, at, at + m[1]!.length) };
    }
  }
  for (const c of table.rows[0]?.cells ?? []) {
    const m = c ? (UNIT.exec(c.text) ?? /[（(]\s*(万元|亿元|元)\s*[）)]/.exec(c.text)) : null;
    if (c && m) {
      const at = m.index + m[0].indexOf(m[1]!);
      return { value: m[1] as MoneyUnit, src: srcOf(c, at, at + m[1]!.length) };
    }
  }
  return null;
};

export const readExpenditureTable = (ctx: ReadContext, table: Table | undefined): ExpenditureTable | null => {
  if (!table) {
    missing(ctx, 'expenditure', ctx.headings.expenditure?.src);
    return null;
  }
  const { header, columns } = columnsOf(table);
  const labelCol = columns.name ?? 0;
  const cols = {
    budget: columns.budget ?? (header ? undefined : 1),
    adjusted: columns.adjusted ?? (header ? undefined : 2),
    final: columns.final ?? (header ? undefined : 3),
  };
  const titlePara = table.titles.find((p) => !/^单位/.test(p.text));
  const unit = unitOf(table);
  if (!unit) warn(ctx, 'read.unit-missing', '部门整体支出表未标明金额单位', [titlePara?.src ?? table.src]);
  const rows: ExpenditureRow[] = [];
  for (const row of table.rows) {
    if (row === header || isEmptyRow(row)) continue;
    const labelCell = row.cells[labelCol];
    const label = labelCell?.text ?? '';
    const { key, code } = rowKeyOf(label);
    const what = `部门整体支出表“${label}”行`;
    if (key === 'unknown')
      warn(ctx, 'read.row-unknown', `部门整体支出表中的行“${label}”不是已知的支出性质或经济分类`, [
        labelCell ? srcOf(labelCell) : table.src,
      ]);
    const cell = (c: number | undefined) => (c === undefined ? null : amountOf(ctx, row.cells[c], what));
    rows.push({
      key,
      code,
      label,
      budget: cell(cols.budget),
      adjusted: cell(cols.adjusted),
      final: cell(cols.final),
      src: labelCell ? srcOf(labelCell) : table.src,
    });
  }
  if (!rows.some((r) => r.key === 'yearTotal' || r.key === 'grandTotal'))
    warn(ctx, 'read.table-incomplete', '部门整体支出表没有“本年支出合计”或“总计”行，可能不完整', [
      rows.at(-1)?.src ?? table.src,
    ]);
  return {
    title: titlePara ? { value: titlePara.text, src: srcOf(titlePara) } : null,
    unit,
    rows,
  };
};
