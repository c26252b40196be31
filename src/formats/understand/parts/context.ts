/** What every part reader gets: the blocks of the report, where each part is, and a place for warnings. */
import type { Finding } from '../../../core/findings.ts';
import { REPORT_PART_TERMS } from '../../../core/glossary.ts';
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

/** The Chinese names of the parts, for messages (the glossary's). */
export const PART_NAMES = REPORT_PART_TERMS satisfies Record<PartKey, string>;

/**
 * A part not found: the warning points at its own heading when that has nothing under it, else at the
 * heading of the next part that was found (the part was expected before it), or at the last line read.
 */
export const missing = (ctx: ReadContext, part: PartKey, near?: Source): void => {
  let where = near ?? ctx.headings[part]?.src;
  const order = PART_KEYS as readonly PartKey[];
  for (let i = order.indexOf(part) + 1; !where && i > 0 && i < order.length; i++)
    where = ctx.headings[order[i]!]?.src;
  where ??= ctx.end;
  warn(ctx, 'read.section-missing', `未找到“${PART_NAMES[part]}”部分`, [where]);
};
