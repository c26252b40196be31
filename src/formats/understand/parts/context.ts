/** What every part reader gets: the blocks of the report, where each part is, and a place for warnings. */
import type { Finding } from '../../../core/findings.ts';
import type { Source } from '../../../core/model/index.ts';
import type { Block, Para, Table } from '../blocks.ts';
import { PART_KEYS, type PartKey } from './anchors.ts';

export type ReadContext = {
  blocks: readonly Block[];
  /** The blocks of each part found, without its heading; absent when the part was not found. */
  parts: Partial<Record<PartKey, Block[]>>;
  /** The heading paragraph of each part found. */
  headings: Partial<Record<PartKey, Para>>;
  warnings: Finding[];
  /** The last line read: where a part that never came was still missing. */
  end: Source;
};

export const warn = (
  ctx: ReadContext,
  rule: string,
  message: string,
  locations?: readonly (Source | undefined)[],
): void => {
  const locs = (locations ?? []).filter((l): l is Source => l !== undefined);
  ctx.warnings.push({ rule, severity: 'warning', message, ...(locs.length ? { locations: locs } : {}) });
};

export const parasOf = (blocks: readonly Block[] | undefined): Para[] =>
  (blocks ?? []).filter((b): b is Para => b.kind === 'p');

export const tablesOf = (blocks: readonly Block[] | undefined): Table[] =>
  (blocks ?? []).filter((b): b is Table => b.kind === 'table');

/** The Chinese names of the parts, for messages. */
export const PART_NAMES = {
  title: '标题',
  basic: '部门基本情况',
  duties: '主要职责',
  orgUnits: '内设机构',
  staffing: '人员编制',
  work: '年度总体工作和重点工作任务',
  spending: '部门整体支出情况',
  income: '部门整体收入情况',
  expenditure: '部门整体支出情况（支出）',
  threePublic: '三公经费',
  targets: '部门整体支出绩效目标',
  conclusion: '绩效自评结论',
  analysis: '绩效自评分析',
  problems: '存在的问题、原因分析及改进措施',
  other: '其他需要说明的情况',
} as const satisfies Record<PartKey, string>;

/**
 * A part not found: the warning points at the heading of the next part that was found (the part was
 * expected before it), or at the last line read.
 */
export const missing = (ctx: ReadContext, part: PartKey, near?: Source): void => {
  let where = near;
  const order = PART_KEYS as readonly PartKey[];
  for (let i = order.indexOf(part) + 1; !where && i > 0 && i < order.length; i++)
    where = ctx.headings[order[i]!]?.src;
  where ??= ctx.end;
  warn(ctx, 'read.section-missing', `未找到“${PART_NAMES[part]}”部分`, [where]);
};
