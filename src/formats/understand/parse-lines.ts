/**
 * The format-independent part of reading a 部门整体支出绩效自评报告: from {@link SourceLine} records
 * (made from any reader's Document: paragraphs, table captions and cells) to the model.
 */
import type { DepartmentReport } from '../../core/model/index.ts';
import type { SourceLine } from '../document/source-line.ts';
import { type ReadResult, readError } from '../read-result.ts';
import { type Block, type Para, srcOf, type Table, toBlocks } from './blocks.ts';
import { incompleteFinding } from './incomplete.ts';
import { findAnchors, headingOnly, PART_KEYS, type PartKey } from './parts/anchors.ts';
import { readConclusion, readYear } from './parts/conclusion.ts';
import { missing, PART_NAMES, parasOf, type ReadContext, warn } from './parts/context.ts';
import {
  departmentFromText,
  jurisdictionOf,
  readDuties,
  readOrgUnits,
  readStaffing,
} from './parts/department.ts';
import { APPENDIX_LABEL, endMatterAt, withoutEndMatter } from './parts/end-matter.ts';
import { readExpenditureTable } from './parts/expenditure-table.ts';
import { readExpenditure, readIncome } from './parts/finance-sentences.ts';
import { readAchievements, readTargets } from './parts/goal-tables.ts';
import { readIndicators } from './parts/indicators.ts';
import { readOtherNotes, readProblems } from './parts/problems.ts';
import { isEmptyRow, type TableKind, tableKind } from './parts/tables.ts';
import { readThreePublic } from './parts/three-public.ts';
import { readWork } from './parts/work.ts';

export type { SourceLine } from '../document/source-line.ts';

export type ParseMeta = { format: DepartmentReport['meta']['format']; encoding: string | null };

const PRONOUN = /^(?:本|我|该)(?:局|委|办|单位|部门|中心|院|所|站|队|馆|机关)$/;
const ORG_NAME =
  /^[\u4e00-\u9fa5（）()]{2,30}(?:局|委员会|委|办公室|办|中心|院|所|站|队|馆|会|部|厅|处|室|社|团|校|医院)$/;

/** Parts whose presence says "this is such a report". */
const TELLING: readonly PartKey[] = [
  'duties',
  'work',
  'income',
  'expenditure',
  'targets',
  'conclusion',
  'analysis',
  'problems',
];

const lastLine = (lines: readonly SourceLine[]): number => {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!.src.line;
    if (l !== undefined) return l;
  }
  return lines.length;
};

/**
 * Parts whose heading with nothing under it is read as the part missing: a template's (or a rendered
 * report's) empty "3.人员编制构成。" says what an absent heading says, and gives the same warning.
 */
const EMPTY_IS_MISSING: ReadonlySet<PartKey> = new Set<PartKey>([
  'duties',
  'orgUnits',
  'staffing',
  'work',
  'targets',
  'conclusion',
  'analysis',
  'problems',
  'other',
]);

/**
 * Whether a part holds anything before the appendix labels that may follow the last one (附表：…). The
 * 其他需要说明的情况 are sentences: a table there is the appendix's (an .xlsx sheet has no label line).
 */
const hasContent = (key: PartKey, blocks: readonly Block[]): boolean => {
  for (const b of blocks) {
    if (b.kind === 'p' && APPENDIX_LABEL.test(b.text)) return false;
    if (b.kind === 'p' ? b.text.trim() !== '' : key !== 'other' && b.rows.some((r) => !isEmptyRow(r)))
      return true;
  }
  return false;
};

/** Splits the blocks at the part headings found (in the report's order; one heading may start two parts). */
const partition = (blocks: readonly Block[]): Pick<ReadContext, 'parts' | 'headings'> => {
  const anchors = findAnchors(blocks);
  const found = PART_KEYS.filter((k) => anchors[k] !== undefined)
    .map((k) => [k, anchors[k]!] as const)
    .sort((a, b) => a[1] - b[1]);
  const parts: ReadContext['parts'] = { title: blocks.slice(0, found[0]?.[1] ?? blocks.length) };
  const headings: ReadContext['headings'] = {};
  // The last part ends before the 附件 labels, the signing unit and the date.
  const tail = found.length ? endMatterAt(blocks, found[found.length - 1]![1] + 1) : blocks.length;
  for (const [key, at] of found) {
    const next = found.find(([, i]) => i > at)?.[1];
    const body =
      next === undefined ? withoutEndMatter(blocks.slice(at + 1), tail, at + 1) : blocks.slice(at + 1, next);
    headings[key] = blocks[at] as Para;
    if (EMPTY_IS_MISSING.has(key) && !hasContent(key, body) && headingOnly(blocks[at] as Para)) continue;
    parts[key] = body;
  }
  return { parts, headings };
};

const read = (lines: readonly SourceLine[], meta: ParseMeta): ReadResult => {
  const blocks = toBlocks(lines);
  const last = lastLine(lines);
  if (!blocks.some((b) => b.kind === 'p' || b.rows.some((r) => !isEmptyRow(r))))
    return readError(
      'read.empty',
      '文件没有文字内容，应为部门整体支出绩效自评报告',
      'no text; expected a report',
    );
  const { parts, headings } = partition(blocks);
  const ctx: ReadContext = { blocks, parts, headings, warnings: [], end: lines.at(-1)!.src };
  const tables = new Map<TableKind, Table>();
  // The first table of each kind counts; tables are told apart by their header, not their place.
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const kind = tableKind(b);
    if (!tables.has(kind)) tables.set(kind, b);
  }
  // A title that says what the document is counts as one telling part.
  const titleSays = parasOf(parts.title).some((p) => /绩效(?:自评|评价)报告|支出绩效/.test(p.text));
  const telling =
    TELLING.filter((k) => parts[k]).length +
    [...tables.keys()].filter((k) => k !== 'other').length +
    (titleSays ? 1 : 0);
  if (telling < 2)
    return readError(
      'read.not-a-report',
      `不是部门整体支出绩效自评报告：读到第${last}行，未找到“主要职责”“部门整体支出”“绩效自评结论”等部分及其表格`,
      `not a department self-evaluation report: read to line ${last} without finding its parts (duties, expenditure, conclusion) or tables`,
    );
  // A report without its tables is a part of one (an excerpt, a page): read what is there.
  const partial = !tables.has('expenditure') && !tables.has('targets') && !tables.has('achievements');

  const finance = parasOf([
    ...(parts.spending ?? []),
    ...(parts.income ?? []),
    ...(parts.expenditure ?? []),
    ...(parts.threePublic ?? []),
  ]);
  const anywhere = finance.length ? finance : parasOf(blocks).filter((p) => !p.tableTitle);
  const titlePara = parasOf(parts.title).find((p) => /报告|自评/.test(p.text));
  const { dept, duties } = readDuties(ctx);
  const orgUnits = readOrgUnits(ctx);
  const staffing = readStaffing(ctx);
  const work = readWork(ctx);
  const income = readIncome(ctx, parts.income ? parasOf(parts.income) : anywhere);
  const expenditure = readExpenditure(ctx, parts.expenditure ? parasOf(parts.expenditure) : anywhere);
  const expTable = tables.get('expenditure');
  const expenditureTable = readExpenditureTable(ctx, expTable);
  const threePublic = readThreePublic(ctx, parts.threePublic ? parasOf(parts.threePublic) : anywhere);
  const targetTable = tables.get('targets');
  const achievementTable = tables.get('achievements');
  if (!targetTable)
    warn(ctx, 'read.table-missing', '未找到部门整体支出绩效目标表', [headings.targets?.src ?? ctx.end]);
  if (!parts.targets && targetTable === undefined) missing(ctx, 'targets');
  const conclusion = readConclusion(ctx);
  const indicators = readIndicators(ctx);
  if (!achievementTable)
    warn(ctx, 'read.table-missing', '未找到部门整体绩效目标实现情况表', [headings.analysis?.src ?? ctx.end]);
  const problems = readProblems(ctx);
  const otherNotes = readOtherNotes(ctx);
  const conclusionPara = parasOf(parts.conclusion)[0];
  // "本局为县政府工作部门": a pronoun names no one; the title does.
  if (dept.name && PRONOUN.test(dept.name.value)) {
    dept.name = null;
    dept.jurisdiction = null;
  }
  for (const p of [titlePara, conclusionPara]) if (p) departmentFromText(p, dept);
  // A title over two lines: the unit's name alone on the line above "2022年部门整体支出绩效自评报告".
  const above = titlePara
    ? parasOf(parts.title)
        .filter((p) => p.at < titlePara.at)
        .at(-1)
    : undefined;
  if (!dept.name && above && ORG_NAME.test(above.text)) {
    dept.name = { value: above.text, src: above.src };
    const j = jurisdictionOf(above.text);
    if (j) dept.jurisdiction = { value: j, src: srcOf(above, 0, j.length) };
  }
  const year = readYear(ctx, [
    titlePara,
    conclusionPara,
    expTable?.titles.at(-1),
    targetTable?.titles.at(-1),
    achievementTable?.titles.at(-1),
  ]);
  const report: DepartmentReport = {
    schemaVersion: 1,
    kind: 'department',
    title: titlePara ? { value: titlePara.text, src: titlePara.src } : null,
    year,
    frameworkId: null,
    department: dept,
    duties,
    orgUnits,
    staffing,
    work,
    income,
    expenditure,
    expenditureTable,
    threePublic,
    targets: targetTable ? readTargets(ctx, targetTable) : null,
    conclusion,
    indicators,
    achievements: achievementTable ? readAchievements(ctx, achievementTable) : null,
    problems,
    otherNotes,
    meta: { format: meta.format, encoding: meta.encoding, warnings: ctx.warnings },
  };
  if (partial) incomplete(ctx, parts, last, { income: income !== null, expenditure: expenditure !== null });
  return { ok: true, value: report };
};

/** The parts a complete report has, for the one finding of a partial one. */
const EXPECTED: readonly PartKey[] = [
  'duties',
  'orgUnits',
  'staffing',
  'income',
  'expenditure',
  'targets',
  'conclusion',
  'analysis',
  'problems',
];

/**
 * A partial report: one `read.incomplete` finding listing what was not found (parts and tables), in
 * place of one finding per missing part.
 */
const incomplete = (
  ctx: ReadContext,
  parts: ReadContext['parts'],
  last: number,
  read: { income: boolean; expenditure: boolean },
): void => {
  const names: string[] = EXPECTED.filter(
    (k) =>
      !parts[k] &&
      !(k === 'income' && read.income) &&
      !(k === 'expenditure' && (read.expenditure || parts.spending || parts.income)),
  ).map((k) => PART_NAMES[k]);
  names.push('部门整体支出表', '绩效目标表');
  const kept = ctx.warnings.filter(
    (w) => w.rule !== 'read.section-missing' && w.rule !== 'read.table-missing',
  );
  ctx.warnings.length = 0;
  ctx.warnings.push(...kept);
  ctx.warnings.push(incompleteFinding(names, { line: last, at: ctx.end }));
};

/**
 * Reads the records of a report into the model. Total: bad input gives `{ ok: false, error }` saying
 * in Chinese and English what was expected and where reading stopped; problems within a report are
 * `report.meta.warnings`.
 */
export const parseReportLines = (lines: readonly SourceLine[], meta: ParseMeta): ReadResult => {
  try {
    return read(lines, meta);
  } catch (e) {
    // A bug, not bad input: still no stack trace for the user, but a code the tests look for.
    return readError(
      'read.internal',
      `读取时出现内部错误：${(e as Error).message}`,
      'internal error while reading; please report',
    );
  }
};
