/**
 * Shared arithmetic and wording of the audit rules: comparing a stated sum with its parts under the
 * rounding of the displayed figures, and naming values with their places.
 */
import { type Decimal, dec, decimalPlaces, decString, sum } from '../decimal.ts';
import { type Finding, finding, type Severity } from '../findings.ts';
import type { DepartmentReport, IndicatorInput, IndicatorNode, Source } from '../model/index.ts';
import type { AuditRule } from './catalogue.ts';

/** A stated figure: its value and where it stands. */
export type Stated = { value: string; src?: Source | undefined };

/** The sources of the values involved, without the missing ones. */
export const at = (...srcs: (Source | undefined | null)[]): Source[] => {
  const out: Source[] = [];
  for (const s of srcs) if (s && !out.includes(s)) out.push(s);
  return out;
};

const HALF_UNITS: Decimal[] = [];
/** Half a unit of the `places`-th decimal (0.005 for 2): the most rounding to that place can move a figure. */
const halfUnit = (places: number): Decimal => {
  let h = HALF_UNITS[places];
  if (!h) {
    h = dec(10).pow(-places).div(2);
    HALF_UNITS[places] = h;
  }
  return h;
};

/** The three ways a stated figure can relate to what it should equal. */
export type Agreement = 'equal' | 'rounding' | 'differ';

/**
 * Whether `stated` equals `parts` summed. A difference no larger than the worst case of rounding every
 * figure to the precision it is displayed with (half a unit of its last place each) is 尾差, not a fault.
 * `minPlaces` is the precision figures are known to be rounded to even when written shorter (2 for 万元
 * amounts: "42" in a money table stands for 42.00); null means integers written bare are exact.
 */
export const agree = (stated: string, parts: readonly string[], minPlaces: number | null): Agreement => {
  const diff = dec(stated).minus(sum(parts)).abs();
  if (diff.isZero()) return 'equal';
  if (minPlaces === null) return 'differ';
  let bound = dec(0);
  for (const v of [stated, ...parts]) bound = bound.plus(halfUnit(Math.max(decimalPlaces(v), minPlaces)));
  return diff.lte(bound) ? 'rounding' : 'differ';
};

/** A finding for `stated ≠ expected`: error when it differs, info (尾差) when rounding explains it. */
export const sumFinding = (
  rule: AuditRule,
  agreement: Exclude<Agreement, 'equal'>,
  message: string,
  expected: Decimal | string,
  actual: string,
  locations: Source[],
  severity?: Severity,
): Finding =>
  finding(rule, {
    severity: agreement === 'rounding' ? 'info' : severity,
    message: agreement === 'rounding' ? `${message}（差额在各数四舍五入的范围内，属尾差）` : message,
    expected: decString(expected),
    actual: decString(actual),
    locations,
  });

/** "a + b + c" for a message, with names: "人员经费 796.02 + 公用经费 49.91". */
export const terms = (items: readonly { name: string; value: string }[]): string =>
  items.map((i) => `${i.name} ${decString(i.value)}`).join(' + ');

/** Where a value stands, for a message: "第57行" or "表「…」第3行第2列". */
export const where = (src: Source | undefined): string => {
  if (!src) return '';
  if (src.table !== undefined && src.row !== undefined) return `（表第${src.row}行）`;
  if (src.line !== undefined) return `（第${src.line}行）`;
  return '';
};

/** What an {@link AuditCache} holds: one value of each, for the one report audited. */
export type CacheKey =
  | 'table'
  | 'table-unit'
  | 'table-evidence'
  | 'tree-inputs'
  | 'met-by-row'
  | 'met-counts';

/**
 * Results several rule families of one audit share (the table's analysis, the unit the table is really
 * in, the tree's inputs, which achievement rows were met), each computed at most once. `auditReport` makes
 * one for the report it audits and passes it to the families; it is dropped with the call, so a report
 * edited in place is never read stale. A family called alone makes its own (its default argument).
 */
export class AuditCache {
  private readonly values = new Map<CacheKey, unknown>();

  /** The value under `key`, computed by `compute` the first time it is asked for. */
  once<V>(key: CacheKey, compute: () => V): V {
    if (this.values.has(key)) return this.values.get(key) as V;
    const v = compute();
    this.values.set(key, v);
    return v;
  }
}

/** Every input stated in the report's indicator tree, a node's before its children's. */
export const treeInputs = (report: DepartmentReport, cache: AuditCache): IndicatorInput[] =>
  cache.once('tree-inputs', () => {
    const out: IndicatorInput[] = [];
    const walk = (level: readonly IndicatorNode[]): void => {
      for (const n of level) {
        out.push(...n.inputs);
        walk(n.children);
      }
    };
    walk(report.indicators);
    return out;
  });
