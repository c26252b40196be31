/**
 * Which framework a report was filled against: the one it names, else the best match by kind, year and
 * the overlap of indicator headings. The choice and its reason are returned, to be said to the user.
 */
import type { IndicatorNode, Report } from '../model/index.ts';
import { normalizeName } from './names.ts';
import { projectScoringView } from './project-view.ts';
import type { Framework, FrameworkNode } from './schema.ts';

export type FrameworkChoice = {
  framework: Framework;
  /** 'named': the report's frameworkId; 'matched': best match. */
  how: 'named' | 'matched';
  /** Share of the framework's headings found in the report, 0–1. */
  overlap: number;
  /** Why, in Chinese: 按报告指定 / 按指标名称匹配 …. */
  reason: string;
};

const reportNames = (nodes: readonly IndicatorNode[], out = new Set<string>()): Set<string> => {
  for (const n of nodes) {
    out.add(normalizeName(n.name));
    reportNames(n.children, out);
  }
  return out;
};

/** Each node of a framework as the comparable forms of its name and aliases; frameworks are immutable, so kept. */
const nodeKeys = new WeakMap<Framework, string[][]>();
const keysOf = (f: Framework): string[][] => {
  let keys = nodeKeys.get(f);
  if (!keys) {
    const out: string[][] = [];
    const walk = (nodes: readonly FrameworkNode[]): void => {
      for (const n of nodes) {
        out.push([n.name, ...(n.aliases ?? [])].map(normalizeName));
        walk(n.children ?? []);
      }
    };
    walk(f.indicators);
    keys = out;
    nodeKeys.set(f, keys);
  }
  return keys;
};

/** Share of the framework's nodes whose name or alias appears among the report's headings. */
export const headingOverlap = (report: Report, f: Framework): number => {
  const tree = report.kind === 'project' ? projectScoringView(report, f).indicators : report.indicators;
  const seen = reportNames(tree);
  const keys = keysOf(f);
  const hit = keys.filter((names) => names.some((x) => seen.has(x))).length;
  return keys.length === 0 ? 0 : hit / keys.length;
};

/** The year gap between report and framework: a notice of year N scores the budget year N − 1. */
const yearGap = (report: Report, f: Framework): number => {
  const y = report.year?.value;
  if (y === undefined) return 99;
  return Math.min(Math.abs(f.year - y), Math.abs(f.year - 1 - y));
};

/** Picks the framework for a report among `frameworks`; undefined only when the list is empty. */
export const chooseFramework = (
  report: Report,
  frameworks: readonly Framework[],
): FrameworkChoice | undefined => {
  const named = report.frameworkId ? frameworks.find((f) => f.id === report.frameworkId) : undefined;
  if (named) {
    return {
      framework: named,
      how: 'named',
      overlap: headingOverlap(report, named),
      reason: `按报告指定的框架 ${named.id}`,
    };
  }
  let best: { f: Framework; key: [number, number, number] } | undefined;
  for (const f of frameworks) {
    // Kind first, then heading overlap, then the nearest year.
    const key: [number, number, number] = [
      f.kind === report.kind ? 1 : 0,
      headingOverlap(report, f),
      -yearGap(report, f),
    ];
    if (!best || compareKeys(key, best.key) > 0) best = { f, key };
  }
  if (!best) return undefined;
  const overlap = best.key[1];
  const pct = Math.round(overlap * 100);
  const missing = report.frameworkId ? `报告指定的框架 ${report.frameworkId} 不存在，` : '';
  return {
    framework: best.f,
    how: 'matched',
    overlap,
    reason: `${missing}按类型、年度和指标名称匹配（${pct}% 的指标名称相符）选用 ${best.f.id}`,
  };
};

const compareKeys = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};
