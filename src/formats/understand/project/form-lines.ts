/**
 * A 项目支出绩效自评表 written one cell per line (text copied out of a web page or a PDF): rows separated
 * by a blank line, an empty cell an empty line. In a form whose rows have different widths a blank line
 * alone cannot tell an empty cell from a row break; the form's vocabulary can, as a reader of the form
 * tells them:
 *
 * - a row starts with a known row label: the form's own (项目名称, 项目资金, 绩效指标, 总分 …) in the first
 *   column, a funds row's (年度资金总额, 其中：财政拨款, 其他资金 …) in the funds header's label column,
 *   an indicator's level words (产出指标, 数量指标 …) in the 一级指标 / 二级指标 columns;
 * - a header row (年初预算数 … 执行数; 三级指标; 预期目标 … 完成情况) gives the width of the rows below it:
 *   a row is full when it reaches that width.
 *
 * So a run of k blank lines before a row label in column c is a row break, k − 1 − c empty cells ending
 * the row above and c starting the new one (the split that fills the row above to its header's width,
 * when one does); before other text it is k empty cells, unless the row is already full.
 */
import type { RunReader, ShapeLine } from '../../document/shape-paragraphs.ts';
import { labelKey } from './grid.ts';
import { LEVEL1, LEVEL2 } from './indicators.ts';
import { FUND_KEYS } from './sections.ts';

/** Labels that begin a row of the form, in its first column. */
const FORM_ROW =
  /^((市级|县级|省级)?主管部门|项目名称|(项目)?实施单位|项目资金|预算执行情况|年度总体目标|项目基本情况|项目实施内容|项目实施情况概述|绩效指标|总分|自评总分|自评得分|总得分|自评等级|评价等级|评价结论|存在问题|改进措施|项目负责人|财务负责人|联系人|填表人|填报人)/;

const FUNDS_BUDGET = /年初预算/;
const FUNDS_FINAL = /执行数|执行率/;

type Cell = { text: string; line: number };
/** The columns a header row gives: its width and where the row labels below it stand. */
type Section = { first: string; width: number; fundLabel?: number; level1?: number; level2?: number };

const cellLike = (s: string): boolean => s.length <= 300;

/** The section a header row opens, or null when the row is no header. */
const sectionOf = (row: readonly Cell[]): Section | null => {
  const keys = row.map((c) => labelKey(c.text));
  const at = (re: RegExp) => keys.findIndex((k) => re.test(k));
  const base = { first: keys[0] ?? '', width: row.length };
  const budget = at(FUNDS_BUDGET);
  if (budget > 0 && at(FUNDS_FINAL) > budget) return { ...base, fundLabel: budget - 1 };
  if (at(/^三级指标/) >= 0) {
    const l1 = at(/^一级指标/);
    const l2 = at(/^二级指标/);
    return { ...base, ...(l1 >= 0 ? { level1: l1 } : {}), ...(l2 >= 0 ? { level2: l2 } : {}) };
  }
  if (at(/^(预期目标|项目年度目标|年度目标|年初预期目标)$/) >= 0 && at(/完成情况|^实际完成/) >= 0)
    return base;
  return null;
};

/** The columns a row label stands in (a fund or level word only under its section's header). */
const labelColumns = (key: string, section: Section | null): number[] => {
  if (FORM_ROW.test(key)) return [0];
  const out: number[] = [];
  if (section?.fundLabel !== undefined && FUND_KEYS.some(([re]) => re.test(key.replace(/^其中/, '')))) {
    out.push(section.fundLabel);
  }
  if (section?.level1 !== undefined && LEVEL1.test(key)) out.push(section.level1);
  if (section?.level2 !== undefined && LEVEL2.test(key)) out.push(section.level2);
  return out;
};

/**
 * The form's rows from its first row label to the end of the run; null when the run holds no form
 * written one cell per line (fewer than three row labels each after a blank line, or no header row).
 */
export const formLines: RunReader = (run) => {
  // Most runs hold no form: told by the row labels alone, before anything is made.
  const start = run.findIndex((l, i) => l && i > 0 && !run[i - 1] && isFormRow(l));
  if (start < 0) return null;
  const starts = new Set<string>();
  for (let i = start; i < run.length; i++) {
    const l = run[i];
    if (l && !run[i - 1] && isFormRow(l)) starts.add(labelKey(l.text));
  }
  if (starts.size < 3) return null;
  // The line number of each entry; a blank line's is the line after the one above it.
  const lineNo: number[] = [];
  let last = 0;
  for (const l of run) {
    last = l ? l.no : last + 1;
    lineNo.push(last);
  }

  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let section: Section | null = null;
  let headers = 0;
  const close = () => {
    const opened = sectionOf(row);
    if (opened) {
      section = opened;
      headers++;
    }
    rows.push(row);
  };
  let blanks: number[] = [];
  for (let i = start; i < run.length; i++) {
    const l = run[i];
    if (!l) {
      blanks.push(lineNo[i]!);
      continue;
    }
    if (!cellLike(l.text)) return null;
    const cell = { text: l.text.trim(), line: l.no };
    const k = blanks.length;
    const empty = (n: number, from: number) =>
      blanks.slice(from, from + n).map((line): Cell => ({ text: '', line }));
    if (i === start) {
      row.push(cell);
      continue;
    }
    if (k === 0) {
      row.push(cell);
      continue;
    }
    const key = labelKey(cell.text);
    const p = row.length;
    // A header row still open gives the columns of the row that may start here.
    const under: Section | null = sectionOf(row) ?? section;
    const width = under?.width ?? null;
    const columns = labelColumns(key, under);
    const fitsWithin = (width === null || p + k < width) && (columns.length === 0 || columns.includes(p + k));
    let lead = -1;
    if (columns.length > 0) {
      const fill = columns.find((c) => width !== null && p + (k - 1 - c) === width);
      lead = fill ?? Math.max(-1, ...columns.filter((c) => c <= k - 1));
    } else if (width !== null && p + k >= width) {
      lead = k - 1 - Math.max(0, Math.min(k - 1, width - p));
    }
    if (fitsWithin || lead < 0) {
      row.push(...empty(k, 0), cell);
    } else {
      const trail = k - 1 - lead;
      row.push(...empty(trail, 0));
      close();
      // A new row under a form label other than the section's own ends the section.
      if (FORM_ROW.test(key) && key !== (section as Section | null)?.first) section = null;
      row = [...empty(lead, trail + 1), cell];
    }
    blanks = [];
  }
  if (row.length) close();
  return headers > 0 ? { start, end: run.length, rows } : null;
};

const isFormRow = (l: ShapeLine): boolean => l.text.length <= 20 && FORM_ROW.test(labelKey(l.text.trim()));
