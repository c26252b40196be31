/** （三）部门整体支出情况: income and expenditure sentences, the expenditure table, 三公经费. */
import type { DepartmentReport, ExpenditureRow, Money } from '../../../core/model/index.ts';
import { type Block, type Cell, type TableBlock, tableNumber } from './blocks.ts';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const h = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
const money = (m: Money): string => `${m.value}${m.unit}`;

const incomeSentence = (r: DepartmentReport): string | null => {
  const i = r.income;
  if (!i) return null;
  const year = i.year?.value ?? r.year?.value;
  const head: string[] = [];
  if (i.budget) head.push(`预算收入${money(i.budget)}`);
  if (i.adjusted) head.push(`调整预算数${money(i.adjusted)}`);
  if (i.final) head.push(`决算数${money(i.final)}`);
  const parts = i.components.map((c) => {
    const xs: string[] = [];
    if (c.budget) xs.push(`${c.name}${c.key === 'fiscal' ? '预算收入' : ''}${money(c.budget)}`);
    if (c.adjusted) xs.push(`${xs.length ? '' : c.name}调整预算数${money(c.adjusted)}`);
    if (c.final) xs.push(`${xs.length ? '' : c.name}决算数${money(c.final)}`);
    return xs.join('，');
  });
  const first = `${year ? `${year}年，` : ''}本部门${head.join('，')}。`;
  return parts.length ? `${first}其中，${parts.filter(Boolean).join('；')}。` : first;
};

const expenditureSentence = (r: DepartmentReport): string | null => {
  const e = r.expenditure;
  if (!e) return null;
  const year = e.year?.value ?? r.year?.value;
  const xs: string[] = [];
  if (e.budget) xs.push(`预算支出${money(e.budget)}`);
  if (e.adjusted) xs.push(`调整预算支出${money(e.adjusted)}`);
  if (e.final) {
    const parts = e.parts.map((x) => `${x.name}${money(x.amount)}`).join('，');
    xs.push(`决算支出${money(e.final)}${parts ? `（其中，${parts}）` : ''}`);
  }
  if (e.carryOverEnd) xs.push(`年末结转和结余${money(e.carryOverEnd)}`);
  const table = r.expenditureTable?.rows.length ? '，详见下表' : '';
  return `${year ? `${year}年，` : ''}本部门${xs.join('，')}${table}。`;
};

const amountCell = (a: ExpenditureRow['budget'], strong: boolean): Cell =>
  a ? { text: tableNumber(a.value), number: a.value, strong } : { text: '', strong };

const TOTAL_KEYS: readonly string[] = ['economicTotal', 'yearTotal', 'grandTotal'];

export const expenditureTableBlock = (r: DepartmentReport): TableBlock | null => {
  const t = r.expenditureTable;
  if (!t?.rows.length) return null;
  const strong = (row: ExpenditureRow) => TOTAL_KEYS.includes(row.key);
  return {
    kind: 'table',
    id: 'expenditure',
    widths: [46, 18, 18, 18],
    header: [
      ['项目（按支出性质和经济分类）', '年初预算数', '调整预算数', '决算数'].map((text) => ({
        text,
        strong: true,
      })),
    ],
    rows: t.rows.map((row) => [
      { text: row.label, strong: strong(row) },
      amountCell(row.budget, strong(row)),
      amountCell(row.adjusted, strong(row)),
      amountCell(row.final, strong(row)),
    ]),
  };
};

/**
 * The table's caption and unit label as the report states them: the unit inside the caption
 * (2023年部门整体支出（单位：元）) or on its own line (单位：万元). A missing caption stays missing.
 */
export const expenditureCaption = (r: DepartmentReport): Block[] => {
  const t = r.expenditureTable;
  const title = t?.title?.value;
  const out: Block[] = title ? [{ kind: 'caption', text: title }] : [];
  if (t?.unit && !/单位\s*[:：]/.test(title ?? '')) out.push({ kind: 'unit', text: `单位：${t.unit.value}` });
  return out;
};

const threePublicSentence = (r: DepartmentReport): string | null => {
  const t = r.threePublic;
  if (!t?.actual) return null;
  const year = t.year?.value ?? r.year?.value;
  const changes = t.changes.map((c) => {
    const against = /^\d{4}$/.test(c.against) ? `${c.against}年` : c.against;
    if (c.direction === 'same') return `与${against}持平`;
    return `较${against}${c.direction === 'increase' ? '增加' : '减少'}${money(c.amount)}`;
  });
  const parts = t.parts.map((x) => `${x.name}${money(x.amount)}`).join('，');
  const lead = `${year ? `${year}年` : ''}三公经费决算合计支出${money(t.actual)}`;
  const budget = t.budget ? [`年初预算安排${money(t.budget)}`] : [];
  return `${[lead, ...budget, ...changes].join('，')}。${parts ? `其中，${parts}。` : ''}`;
};

export const expenditureBlocks = (r: DepartmentReport): Block[] => {
  const out: Block[] = [h(2, '（三）部门整体支出情况。（以决算数为统计口径）')];
  out.push(h(3, '1.部门整体收入情况。'));
  const income = incomeSentence(r);
  if (income) out.push(p(income));
  out.push(h(3, '2.部门整体支出情况。'));
  const spend = expenditureSentence(r);
  if (spend) out.push(p(spend));
  const table = expenditureTableBlock(r);
  if (table) out.push(...expenditureCaption(r), table);
  out.push(h(3, '3.“三公”经费支出情况。'));
  const tp = threePublicSentence(r);
  if (tp) out.push(p(tp));
  return out;
};
