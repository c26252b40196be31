/** The parts of a project form found by their labels: header facts, funds, goal, total, conclusions. */
import type { FundRow, FundRowKey, Grade, MoneyUnit, TextFact } from '../../../core/model/index.ts';
import { type CellReader, isBlank } from './cells.ts';
import { alignTo, type Cell, findCell, type Row, valueAfter } from './grid.ts';

/** Labels of the form (so that a label is never taken as the value beside another). */
const LABEL =
  /^(项目名称|(市级|县级|省级)?主管部门|(项目)?实施单位|报表编号|项目资金|预算执行情况|年度总体目标|项目基本情况|项目年度目标|年度目标|预期目标|实际完成情况|年度目标完成情况|绩效指标|总分|评价结论|存在问题|改进措施|项目负责人|财务负责人)/;
export const isLabel = (key: string): boolean => LABEL.test(key);

/** The value of a labelled field: beside the label, else below it (a header row of labels). */
export const labelled = (rows: readonly Row[], test: RegExp, r: CellReader): TextFact | null => {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const label = findCell(row, test);
    if (!label) continue;
    const beside = valueAfter(row, label, isLabel);
    if (beside) return r.text(beside);
    const next = rows[i + 1];
    if (next && next.table === row.table) {
      const below = alignTo(next, row).get(label.column);
      if (below && !isLabel(below.key)) return r.text(below);
    }
    return null;
  }
  return null;
};

export const FUND_KEYS: readonly [RegExp, FundRowKey][] = [
  [/资金总额|^(其中)?总额|^合计|^总计/, 'total'],
  [/财政专户/, 'specialAccount'],
  [/财政拨款|财政资金/, 'fiscal'],
  [/上年结转|结转资金/, 'carryOver'],
  [/单位资金|单位自筹|自有资金/, 'unit'],
  [/其他资金/, 'other'],
];

const FUND_COLUMNS = {
  budget: /年初预算/,
  adjusted: /全年预算|调整后预算/,
  final: /执行数/,
  weight: /^(分值|权重)/,
  rate: /执行率/,
  score: /^得分/,
  reason: /原因/,
} as const;
type FundColumn = keyof typeof FUND_COLUMNS;

const columnsOf = <K extends string>(
  tests: Record<K, RegExp>,
  rows: readonly (Row | undefined)[],
): Partial<Record<K, number>> => {
  const out: Partial<Record<K, number>> = {};
  // The header row first; a row above it fills the columns a merged header gave only once.
  for (const row of rows) {
    for (const c of row?.cells ?? []) {
      for (const k of Object.keys(tests) as K[]) {
        if (out[k] === undefined && tests[k].test(c.key) && !Object.values(out).includes(c.column)) {
          out[k] = c.column;
          break;
        }
      }
    }
  }
  return out;
};

const contiguous = (row: Row) => row.cells.every((c, i) => c.column === i);

/**
 * A two-row header written by position (a text export that gives merged cells once): the sub-headers
 * 年初预算 | 调整后预算数 | 预算执行数 stand under the 年度预算数 cell of the row above, and the cells after
 * that one move right by the sub-headers it covers. Rows with grid columns are returned as they are.
 */
const spreadUnder = (sub: Row, above: Row | undefined): Row => {
  if (!above || !contiguous(sub) || !contiguous(above) || sub.cells.length >= above.cells.length) return sub;
  const group = above.cells.find((c) => /^(年度)?预算数/.test(c.key));
  if (!group) return sub;
  const k = sub.cells.length;
  const cells = [
    ...above.cells.filter((c) => c.column < group.column),
    ...sub.cells.map((c) => ({ ...c, column: group.column + c.column })),
    ...above.cells.filter((c) => c.column > group.column).map((c) => ({ ...c, column: c.column + k - 1 })),
  ];
  return { ...sub, cells };
};

export const UNIT_IN = /(亿元|万元|元)/;

export type Funds = { rows: FundRow[]; unit: { value: MoneyUnit; src: Cell['src'] } | null; end: number };

/** The 项目资金 / 预算执行情况 rows, from the header holding 年初预算 and 执行数 to the last fund row. */
export const readFunds = (rows: readonly Row[], r: CellReader): Funds | null => {
  const h = rows.findIndex((row) => findCell(row, /年初预算/) && findCell(row, /执行数/));
  if (h < 0) return null;
  const above = rows[h - 1]?.table === rows[h]!.table ? rows[h - 1] : undefined;
  const header = spreadUnder(rows[h]!, above);
  const cols = columnsOf(FUND_COLUMNS, [header, above]);
  for (const k of ['adjusted', 'final', 'rate'] as const) {
    if (cols[k] === undefined) {
      r.missing('read.project-column-missing', `项目资金表缺少「${FUND_LABELS[k]}」列`, header.cells[0]);
    }
  }
  let unit: Funds['unit'] = null;
  for (const c of [...header.cells, ...(above?.cells ?? [])]) {
    const m = UNIT_IN.exec(c.text);
    if (m && /资金|预算|单位/.test(c.key)) {
      unit = { value: m[1] as MoneyUnit, src: c.src };
      break;
    }
  }
  const firstData = Math.min(...Object.values<number>(cols as Record<string, number>));
  const out: FundRow[] = [];
  let i = h + 1;
  for (; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.table !== header.table) break;
    const at = alignTo(row, header);
    const label = [...at.entries()]
      .filter(([col, c]) => col < firstData && !isBlank(c))
      .map(([, c]) => c)
      .find((c) => FUND_KEYS.some(([re]) => re.test(c.key)));
    if (!label) break;
    const key = FUND_KEYS.find(([re]) => re.test(label.key.replace(/^其中/, '')))?.[1] ?? 'unknown';
    const cell = (k: FundColumn) => (cols[k] === undefined ? undefined : at.get(cols[k]));
    const what = (k: FundColumn) => `${label.text} ${FUND_LABELS[k]}`;
    const amount = (k: FundColumn) => {
      const d = r.decimal(cell(k), what(k));
      return d && { value: d.value, ...(d.src ? { src: d.src } : {}) };
    };
    out.push({
      key,
      label: label.text.replace(/^其中[：:]?\s*/, '').replace(/[：:]$/, ''),
      budget: amount('budget'),
      adjusted: amount('adjusted'),
      final: amount('final'),
      weight: r.decimal(cell('weight'), what('weight')),
      rate: r.decimal(cell('rate'), what('rate')),
      score: r.decimal(cell('score'), what('score')),
      reason: r.text(cell('reason')),
      src: label.src,
    });
  }
  return { rows: out, unit, end: i };
};

const FUND_LABELS: Record<FundColumn, string> = {
  budget: '年初预算数',
  adjusted: '全年预算数',
  final: '全年执行数',
  weight: '分值',
  rate: '执行率',
  score: '得分',
  reason: '原因',
};

/** 年度总体目标: a row of 预期目标 / 实际完成情况 headers with the texts below, or the texts beside the label. */
export const readGoal = (
  rows: readonly Row[],
  r: CellReader,
): { expected: TextFact | null; actual: TextFact | null } => {
  const EXPECTED = /^(预期目标|项目年度目标|年初预期目标|年度目标)$/;
  const ACTUAL = /^(实际完成情况|年度目标完成情况|年度实际完成情况|实际完成)$/;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const e = findCell(row, EXPECTED);
    const a = findCell(row, ACTUAL);
    if (e && a) {
      const next = rows[i + 1];
      if (!next) break;
      const at = alignTo(next, row);
      return { expected: r.text(at.get(e.column)), actual: r.text(at.get(a.column)) };
    }
    const label = findCell(row, /^年度总体目标|^项目年度目标/);
    if (label) {
      const texts = row.cells.filter((c) => c.column > label.column && !isBlank(c) && !isLabel(c.key));
      if (texts.length >= 1 && !findCell(rows[i + 1] ?? row, EXPECTED)) {
        return { expected: r.text(texts[0]), actual: r.text(texts[1]) };
      }
    }
  }
  return { expected: null, actual: null };
};

const GRADE_WORDS: Record<string, Grade> = {
  优: '优',
  优秀: '优',
  良: '良',
  良好: '良',
  中: '中',
  中等: '中',
  差: '差',
  较差: '差',
};

/** 总分 row: the last number after the label is the stated total (a "100" before it is the full marks). */
export const readTotal = (rows: readonly Row[], r: CellReader) => {
  let total: { value: string; src?: Cell['src'] } | null = null;
  let grade: { value: Grade; src: Cell['src'] } | null = null;
  for (const row of rows) {
    const label = findCell(row, /^(总分|自评总分|自评得分|总得分)/);
    if (label && !total) {
      const after = row.cells.filter(
        (c) =>
          c.column > label.column && !isBlank(c) && GRADE_WORDS[c.key] === undefined && !/等级/.test(c.key),
      );
      // "总分 | 100 | 92.5": the full marks come first, the score last.
      const last = after.at(-1);
      total = r.decimal(last, '总分');
    }
    const gl = findCell(row, /^(自评)?(等级|评价等级|绩效等级)$/);
    for (const c of row.cells) {
      const g = GRADE_WORDS[c.key];
      if (g && !grade && (label || gl)) grade = { value: g, src: c.src };
    }
  }
  return { total, grade };
};
