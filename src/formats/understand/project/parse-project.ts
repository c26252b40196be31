/**
 * Reads a 项目支出绩效自评表 from {@link SourceLine} records (text export, .docx or .xlsx) into the model.
 * The form is found by its labels, never by position, so both layouts (DOMAIN.md §1.4.1, §1.4.2), merged
 * header cells and forms split over two tables read the same.
 */
import type { ProjectLayout, ProjectReport, TextFact } from '../../../core/model/index.ts';
import type { SourceLine } from '../../document/source-line.ts';
import type { ReadResult } from '../../read-result.ts';
import { incompleteFinding } from '../incomplete.ts';
import { CellReader } from './cells.ts';
import { cellText, findCell, labelKey, type Row, tableRows } from './grid.ts';
import { readIndicators } from './indicators.ts';
import { isLabel, labelled, readFunds, readGoal, readTotal } from './sections.ts';

const NAME = /^项目名称/;
const DEPT = /^(市级|县级|省级)?主管部门/;
const IMPL = /^(项目)?实施单位/;
const TITLE = /项目支出绩效自评表|项目绩效自评表/;

/**
 * True when the records hold a project form: a 项目名称 (cell or paragraph) and a 三级指标 or 年初预算 header
 * cell. A 部门整体 report that carries project forms as annexes stays a 部门整体 report: its title
 * paragraph comes first.
 */
export const looksLikeProjectForm = (lines: readonly SourceLine[]): boolean => {
  let name = false;
  let body = false;
  for (const l of lines) {
    const k = labelKey(l.text);
    if (l.src.table === undefined) {
      if (DEPARTMENT.test(k) && !name) return false;
      if (NAME.test(k)) name = true;
      continue;
    }
    if (NAME.test(k)) name = true;
    else if (/^三级指标|^年初预算/.test(k)) body = true;
    if (name && body) return true;
  }
  return false;
};

const DEPARTMENT = /部门整体支出绩效(自评|评价)报告|^一、部门(基本|概况)/;

/** "项目名称：…" written as a paragraph above the table: the value up to the next "label：". */
const paragraphField = (lines: readonly SourceLine[], label: RegExp): TextFact | null => {
  for (const l of lines) {
    if (l.src.table !== undefined) continue;
    const t = cellText(l.text);
    for (const part of t.split(/\s{2,}|(?=\s\S{2,8}[：:])/)) {
      const m = /^\s*([^：:]{2,10})[：:]\s*(.+?)\s*$/.exec(part);
      if (m && label.test(labelKey(m[1]!))) return { value: m[2]!, src: l.src };
    }
  }
  return null;
};

/**
 * A label alone on its line and its value on the next (a form copied out of a PDF, one cell per line):
 * "项目名称" then "乡村学校午餐营养改善补助".
 */
const nextLineField = (lines: readonly SourceLine[], label: RegExp): TextFact | null => {
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    if (l.src.table !== undefined || !label.test(labelKey(l.text)) || /[:：]/.test(l.text)) continue;
    if (cellText(l.text).length > 12) continue;
    const next = lines[i + 1]!;
    const value = cellText(next.text);
    if (next.src.table === undefined && value && !isLabel(labelKey(value))) return { value, src: next.src };
  }
  return null;
};

/** The first text matching, from paragraphs and cells alike, with its source. */
const firstText = (lines: readonly SourceLine[], test: RegExp): TextFact | null => {
  for (const l of lines) {
    const t = cellText(l.text);
    if (test.test(labelKey(t))) return { value: t, src: l.src };
  }
  return null;
};

const yearOf = (lines: readonly SourceLine[], title: TextFact | null) => {
  const texts = lines.map((l) => ({ value: cellText(l.text), src: l.src }));
  for (const c of title ? [title, ...texts] : texts) {
    const m = /((?:19|20)\d{2})\s*年度/.exec(c.value);
    if (m) return { value: Number(m[1]), src: c.src };
  }
  return null;
};

/** Only the first form is read; a second 项目名称 (another project's form) ends it. */
const firstForm = (rows: Row[], r: CellReader): Row[] => {
  const names = rows.flatMap((row, i) => (findCell(row, NAME) ? [i] : []));
  if (names.length < 2) return rows;
  const second = rows[names[1]!]!;
  r.missing(
    'read.project-second-form',
    '文件中有不止一张项目支出绩效自评表，只读取了第一张',
    second.cells.find((c) => NAME.test(c.key)),
  );
  return rows.slice(0, names[1]);
};

const FRAMEWORK_OF: Record<ProjectLayout, string> = {
  standard: 'mof-2020-project',
  sichuan: 'sichuan-2023-project',
  narrative: 'mof-2020-project',
};

export const parseProjectLines = (
  lines: readonly SourceLine[],
  meta: Pick<ProjectReport['meta'], 'format' | 'encoding'>,
): ReadResult => {
  const r = new CellReader();
  const all = tableRows(lines);
  const rows = firstForm(all.rows, r);
  const title = firstText(lines, TITLE);
  const funds = readFunds(rows, r);
  const indicators = readIndicators(rows, r);
  const { total, grade } = readTotal(rows, r);
  const name = labelled(rows, NAME, r) ?? paragraphField(lines, NAME) ?? nextLineField(lines, NAME);
  const missing = [
    ...(name ? [] : ['项目名称']),
    ...(funds ? [] : ['项目资金表（年初预算数、全年执行数）']),
    ...(indicators ? [] : ['绩效指标表（三级指标）']),
  ];
  if (missing.length) r.warnings.push(incompleteFinding(missing));
  if (indicators && indicators.rows.length === 0) {
    r.missing('read.project-indicators-missing', '绩效指标表没有指标行');
  }
  const sichuanFunds = rows.some((row) => findCell(row, /调整后预算/));
  const layout: ProjectLayout = indicators?.layout ?? (sichuanFunds ? 'sichuan' : 'standard');
  const report: ProjectReport = {
    schemaVersion: 1,
    kind: 'project',
    layout,
    title,
    year: yearOf(lines, title),
    frameworkId: FRAMEWORK_OF[layout],
    formNo: formNoInText(lines) ?? labelled(rows, /^报表编号/, r),
    project: {
      name,
      department: labelled(rows, DEPT, r) ?? paragraphField(lines, DEPT) ?? nextLineField(lines, DEPT),
      implementer: labelled(rows, IMPL, r) ?? paragraphField(lines, IMPL) ?? nextLineField(lines, IMPL),
    },
    moneyUnit: funds?.unit ?? null,
    funds: funds?.rows ?? [],
    goal: readGoal(rows, r),
    overview: labelled(rows, /实施内容及过程概述|项目实施情况概述/, r),
    indicators: indicators?.rows ?? [],
    statedTotal: total,
    statedGrade: grade,
    conclusion: labelled(rows, /^评价结论/, r),
    problems: labelled(rows, /^存在问题/, r),
    measures: labelled(rows, /^改进措施/, r),
    meta: { format: meta.format, encoding: meta.encoding, warnings: r.warnings },
  };
  return { ok: true, value: report };
};

/** 报表编号: 510000_0013zp written in a paragraph beside the title. */
const formNoInText = (lines: readonly SourceLine[]): TextFact | null => {
  for (const l of lines) {
    const m = /报表编号[：:]\s*(\S+)/.exec(cellText(l.text));
    if (m) return { value: m[1]!, src: l.src };
  }
  return null;
};
