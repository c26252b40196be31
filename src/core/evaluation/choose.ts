/**
 * Which framework a report is evaluated against, and whether it fits: the one it is bound to or names,
 * else the best candidate of its kind whose headings fit it at least FIT_THRESHOLD. Below that no
 * framework is chosen — the closest candidates are kept, with their fit, to be said to the user.
 */
import { type Decimal, dec } from '../decimal.ts';
import { normalizeName } from '../framework/names.ts';
import { projectScoringView } from '../framework/project-view.ts';
import type { Framework, FrameworkNode } from '../framework/schema.ts';
import type { IndicatorNode, Report } from '../model/index.ts';

/**
 * The least share of a framework's headings a report must use for the framework to be its own. The one
 * place this is decided: below it a report of another region or year is not scored by a framework it was
 * not filled against (a 27% match invents scores).
 */
export const FIT_THRESHOLD = 0.5;

/** A framework considered for a report, with the share of its headings the report uses (0–1). */
export type Candidate = { id: string; name: string; region: string; year: number; fit: number };

export type FrameworkChoice = {
  framework: Framework;
  /** 'bound': the version the stored report is bound to; 'named': the report or the user names it; 'matched': best fit. */
  how: 'bound' | 'named' | 'matched';
  fit: number;
  /** Why, in Chinese. */
  reason: string;
};

export type ChooseOptions = {
  /** The framework the stored report is bound to, or the one the user names (`--framework`). */
  fixed?: { framework: Framework; how: 'bound' | 'named' } | undefined;
};

export type Choice = { choice: FrameworkChoice | null; candidates: Candidate[] };

/** The report's headings by comparable name, each with the weights it is stated with. */
const headingsOf = (
  nodes: readonly IndicatorNode[],
  out = new Map<string, string[]>(),
): Map<string, string[]> => {
  for (const n of nodes) {
    const key = normalizeName(n.name);
    const weights = out.get(key) ?? [];
    if (n.weight) weights.push(n.weight.value);
    out.set(key, weights);
    headingsOf(n.children, out);
  }
  return out;
};

const flat = (nodes: readonly FrameworkNode[]): FrameworkNode[] =>
  nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);

type NodeKey = { names: string[]; weight: string; value: Decimal };

/** Each node of a framework as its comparable names and its weight; frameworks are immutable, so kept. */
const nodeKeys = new WeakMap<Framework, NodeKey[]>();
const keysOf = (f: Framework): NodeKey[] => {
  let keys = nodeKeys.get(f);
  if (!keys) {
    keys = flat(f.indicators).map((n) => ({
      names: [n.name, ...(n.aliases ?? [])].map(normalizeName),
      weight: n.weight,
      value: dec(n.weight),
    }));
    nodeKeys.set(f, keys);
  }
  return keys;
};

/** The report's headings as `fitOf` compares them (a 项目 form's depend on the framework's view of it). */
const reportHeadings = (report: Report, f: Framework): Map<string, string[]> =>
  headingsOf(report.kind === 'project' ? projectScoringView(report, f).indicators : report.indicators);

/** Whether the report has the node under one of its names, with its weight where the report states one. */
const has = (headings: Map<string, string[]>, k: NodeKey): boolean => {
  for (const name of k.names) {
    const weights = headings.get(name);
    if (weights === undefined) continue;
    if (weights.length === 0) return true;
    for (const x of weights) if (x === k.weight || dec(x).eq(k.value)) return true;
  }
  return false;
};

const fitWith = (headings: Map<string, string[]>, f: Framework): number => {
  const keys = keysOf(f);
  let hit = 0;
  for (const k of keys) if (has(headings, k)) hit++;
  return keys.length === 0 ? 0 : hit / keys.length;
};

/**
 * How well a framework fits a report, 0–1: the share of the framework's nodes the report has under the
 * same name (or an alias) and, where the report states a weight for it, with the framework's weight. A
 * report of another county that borrows the names but not the weights (固定资产利用率 14 where the
 * framework gives 2) is not the framework's.
 */
export const fitOf = (report: Report, f: Framework): number => fitWith(reportHeadings(report, f), f);

const pct = (fit: number): string => `${Math.round(fit * 100)}%`;

/** The year gap between report and framework: a notice of year N scores the budget year N − 1. */
const yearGap = (report: Report, f: Framework): number => {
  const y = report.year?.value;
  if (y === undefined) return 99;
  return Math.min(Math.abs(f.year - y), Math.abs(f.year - 1 - y));
};

const candidateOf = (f: Framework, fit: number): Candidate => ({
  id: f.id,
  name: f.name,
  region: f.region,
  year: f.year,
  fit,
});

/** Candidates of the report's kind, best fit first, then the nearest year. */
export const rankCandidates = (
  report: Report,
  frameworks: readonly Framework[],
): { framework: Framework; candidate: Candidate }[] => {
  // A 部门整体 report's headings are the same for every framework: gathered once.
  const shared = report.kind === 'department' ? headingsOf(report.indicators) : null;
  return frameworks
    .filter((f) => f.kind === report.kind)
    .map((f) => ({ f, fit: fitWith(shared ?? reportHeadings(report, f), f), gap: yearGap(report, f) }))
    .sort((a, b) => b.fit - a.fit || a.gap - b.gap)
    .map(({ f, fit }) => ({ framework: f, candidate: candidateOf(f, fit) }));
};

export const chooseFitting = (
  report: Report,
  frameworks: readonly Framework[],
  options: ChooseOptions = {},
): Choice => {
  const ranked = rankCandidates(report, frameworks);
  const candidates = ranked.map((r) => r.candidate);
  const fixed = options.fixed;
  if (fixed) {
    const fit = fitOf(report, fixed.framework);
    const by = fixed.how === 'bound' ? '报告绑定的指标体系' : '指定的指标体系';
    return {
      choice: { ...fixed, fit, reason: `按${by} ${fixed.framework.id}（${pct(fit)} 的指标名称相符）` },
      candidates,
    };
  }
  const named = report.frameworkId
    ? ranked.find((r) => r.framework.id === report.frameworkId)?.framework
    : undefined;
  if (named) {
    const fit = fitOf(report, named);
    return {
      choice: {
        framework: named,
        how: 'named',
        fit,
        reason: `按报告指定的指标体系 ${named.id}（${pct(fit)} 的指标名称相符）`,
      },
      candidates,
    };
  }
  const best = ranked[0];
  if (!best || best.candidate.fit < FIT_THRESHOLD) return { choice: null, candidates };
  const missing = report.frameworkId ? `报告指定的指标体系 ${report.frameworkId} 不存在，` : '';
  return {
    choice: {
      framework: best.framework,
      how: 'matched',
      fit: best.candidate.fit,
      reason: `${missing}按类型、年度和指标名称匹配（${pct(best.candidate.fit)} 的指标名称相符）选用 ${best.framework.id}`,
    },
    candidates,
  };
};

/**
 * The options that make `evaluate` use the framework a stored report is bound to: the server sends the
 * bound version alone with `bound: true`, and the server and the editor both call this.
 */
export const boundOptions = (frameworks: readonly Framework[], bound: boolean): ChooseOptions => {
  const only = frameworks[0];
  return bound && only && frameworks.length === 1 ? { fixed: { framework: only, how: 'bound' } } : {};
};

/** "阳西县…（27%）、…" — the closest candidates, for a message. */
export const describeCandidates = (candidates: readonly Candidate[], n = 3): string =>
  candidates
    .slice(0, n)
    .map((c) => `${c.name}（${pct(c.fit)} 的指标名称相符）`)
    .join('、');
