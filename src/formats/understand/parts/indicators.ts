/**
 * 绩效自评分析: the indicator tree. （一）→ level 1, 1. → level 2, （1）→ level 3; each heading carries
 * its weight (指标总分/分值) and stated score (自评得分/得分); the text after it is the evidence.
 */

import { Decimal } from 'decimal.js';
import type { DecimalFact, IndicatorNode } from '../../../core/model/index.ts';
import { HEADING_KINDS, type Heading, type HeadingKind } from '../../document/headings.ts';
import { isWhiteSpace } from '../../document/normalize.ts';
import { type Para, type Piece, paraHeading, srcOf } from '../blocks.ts';
import { decimalOf } from '../numbers.ts';
import { missing, parasOf, type ReadContext, tablesOf, warn } from './context.ts';
import { inputsIn } from './indicator-inputs.ts';

// Matched in place (sticky, or global from lastIndex) rather than on a slice of the line.
const NAME_END =
  /[。，,；;：:]|指标(?:总分|分值)|(?:总分|分值|满分|权重|自评得分|得分)\s*\d|[（(]\s*\d+(?:\.\d+)?\s*分/g;
const WEIGHT =
  /(?:指标)?(?:总分|分值|满分|权重分?|标准分)(?:为|是|：|:)?\s*(\d+(?:\.\d+)?)\s*分?|[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]/y;
const SCORE = /(?:(?:自评|评价)?(?:得分|评分|自评分)(?:为|是|：|:)?|得)\s*(\d+(?:\.\d+)?)\s*分?/y;

/** `re` (sticky or global) run on `text` from `at`. */
const execAt = (re: RegExp, text: string, at: number): RegExpExecArray | null => {
  re.lastIndex = at;
  return re.exec(text);
};

/** The punctuation and spaces between a name, its weight and its score: /[\s。，,；;：:、]/. */
const GAP_MARKS = '。，,；;：:、';
const isGap = (c: number): boolean => isWhiteSpace(c) || GAP_MARKS.includes(String.fromCharCode(c));

/** Where the text goes on after the punctuation and spaces at `at`. */
const afterGap = (text: string, at: number): number => {
  let i = at;
  while (i < text.length && isGap(text.charCodeAt(i))) i++;
  return i;
};

type Parsed = {
  heading: Heading;
  name: string;
  weight: DecimalFact | null;
  score: DecimalFact | null;
  /** Where the evidence starts in the line. */
  rest: number;
};

/** The weight and score stated at `from`: "，指标总分4分，自评得分4分" (either order, either may be absent). */
const scoreClause = (
  p: Para,
  from: number,
): { weight: DecimalFact | null; score: DecimalFact | null; end: number } => {
  const text = p.text;
  let i = from;
  let weight: DecimalFact | null = null;
  let score: DecimalFact | null = null;
  for (let k = 0; k < 2; k++) {
    const j = afterGap(text, i);
    const w: RegExpExecArray | null = weight ? null : execAt(WEIGHT, text, j);
    const s: RegExpExecArray | null = w || score ? null : execAt(SCORE, text, j);
    const m: RegExpExecArray | null = w ?? s;
    if (!m) break;
    const v: string = m[1] ?? m[2]!;
    const at = j + m[0].indexOf(v);
    const fact: DecimalFact = { value: v, src: srcOf(p, at, at + v.length) };
    if (w) weight = fact;
    else score = fact;
    i = j + m[0].length;
  }
  return { weight, score, end: i };
};

/** Reads "（1）预算编制合理性。指标总分4分，自评得分4分。…" into its parts; null when the line is not an indicator. */
export const parseIndicatorLine = (p: Para, allowed?: ReadonlySet<HeadingKind>): Parsed | null => {
  const heading = paraHeading(p);
  if (!heading || (allowed ? !allowed.has(heading.kind) : heading.kind === 'chapter')) return null;
  const text = p.text;
  const start = heading.length;
  const cut = execAt(NAME_END, text, start);
  const nameEnd = cut ? cut.index : text.length;
  const name = text.slice(start, nameEnd).trim();
  const { weight, score, end: i } = scoreClause(p, nameEnd);
  if (!weight && !score && heading.kind !== 'section' && text.length - start > 24) return null;
  if (!name) return null;
  const rest = afterGap(text, i);
  return { heading, name, weight, score, rest };
};

/** A level-1 indicator written without a number: a short name, then its weight (and score). */
const BARE =
  /^[\u4e00-\u9fa5]{2,12}(?=\s*[（(]\s*\d+(?:\.\d+)?\s*分|[，,：:]\s*(?:指标)?(?:分值|权重|满分|总分))/;
const bareIndicator = (p: Para): Parsed | null => {
  if (paraHeading(p)) return null;
  const m = BARE.exec(p.text);
  if (!m) return null;
  const { weight, score, end } = scoreClause(p, m[0].length);
  if (!weight) return null;
  return {
    heading: { kind: 'part', no: 0, label: '', length: 0 },
    name: m[0],
    weight,
    score,
    rest: afterGap(p.text, end),
  };
};

export const readIndicators = (ctx: ReadContext): IndicatorNode[] => {
  if (!ctx.parts.analysis) {
    missing(ctx, 'analysis');
    return [];
  }
  const roots: IndicatorNode[] = [];
  const open: (IndicatorNode | undefined)[] = [];
  // Levels by the numbering hierarchy below the part's own heading: under 第四部分, 一、 is level 1;
  // under 三、, （一）is. The highest kind used is level 1, the kinds below it count down from there.
  // Under a heading that only its style tells (标题 1 绩效自评情况), 一、 is level 1 as well.
  const head = ctx.headings.analysis;
  const own = head ? paraHeading(head)?.kind : undefined;
  const below = new Set(HEADING_KINDS.slice(own ? HEADING_KINDS.indexOf(own) + 1 : head?.styleLevel ? 1 : 2));
  const paras = parasOf(ctx.parts.analysis).filter((p) => !p.tableTitle);
  // Each line parsed once: the levels are told from all of them before the tree is built.
  const numbered = paras.map((p) => parseIndicatorLine(p, below));
  const kinds = new Set(numbered.map((x) => x?.heading.kind));
  // Unnumbered level-1 lines ("投入（20分），得分19分。") put the numbered kinds one level down.
  const bares = paras.map((p, k) => (numbered[k] ? null : bareIndicator(p)));
  const bare = bares.some((b) => b !== null);
  const top = HEADING_KINDS.findIndex((k) => kinds.has(k)) - (bare ? 1 : 0);
  let current: IndicatorNode | undefined;
  const levelOf = (k: HeadingKind): 1 | 2 | 3 =>
    Math.max(1, Math.min(3, HEADING_KINDS.indexOf(k) - top + 1)) as 1 | 2 | 3;
  const addEvidence = (node: IndicatorNode, p: Para, from: number) => {
    const t = p.text.slice(from);
    if (!t) return;
    node.evidence = node.evidence ? `${node.evidence}\n${t}` : t;
    node.inputs.push(...inputsIn(p, from));
  };
  for (let k = 0; k < paras.length; k++) {
    const p = paras[k]!;
    const parsed = numbered[k] ?? bares[k] ?? null;
    if (!parsed) {
      if (!current) continue;
      // "（1）预算编制合理性" alone, its weight and score on the next line.
      const late = current.weight || current.statedScore || current.evidence ? null : scoreClause(p, 0);
      if (late && (late.weight || late.score)) {
        current.weight = late.weight;
        current.statedScore = late.score;
        addEvidence(current, p, afterGap(p.text, late.end));
      } else addEvidence(current, p, 0);
      continue;
    }
    const level = parsed.heading.label ? levelOf(parsed.heading.kind) : 1;
    const node: IndicatorNode = {
      level,
      label: parsed.heading.label || null,
      name: parsed.name,
      weight: parsed.weight,
      statedScore: parsed.score,
      evidence: '',
      inputs: [],
      children: [],
      src: srcOf(p),
    };
    const parent = level === 1 ? undefined : (open[level - 1] ?? open[level - 2]);
    if (parent) {
      parent.children.push(node);
      if (parent.level !== level - 1)
        warn(ctx, 'read.indicator-orphan', `三级指标“${parsed.name}”前没有二级指标，归入“${parent.name}”`, [
          node.src,
        ]);
    } else {
      if (level > 1) warn(ctx, 'read.indicator-orphan', `指标“${parsed.name}”前没有上一级指标`, [node.src]);
      roots.push(node);
    }
    open[level] = node;
    for (let l = level + 1; l <= 3; l++) open[l] = undefined;
    current = node;
    addEvidence(node, p, parsed.rest);
  }
  if (!roots.length) roots.push(...fromScoreTable(ctx));
  if (!roots.length)
    warn(ctx, 'read.list-empty', '“绩效自评分析”部分未读到指标', [ctx.headings.analysis?.src]);
  return roots;
};

const SCORE_COLUMNS = {
  l1: /^一级指标/,
  l2: /^二级指标/,
  l3: /^三级指标/,
  weight: /^(?:指标)?(?:分值|权重|标准分|满分)/,
  score: /^(?:自评)?得分|^评分/,
  reason: /扣分原因|扣分理由|原因|说明/,
} as const;
type ScoreColumn = keyof typeof SCORE_COLUMNS;

const sum = (values: readonly (DecimalFact | null)[]): DecimalFact | null => {
  if (!values.length || values.some((v) => !v)) return null;
  return { value: values.reduce((a, v) => a.plus(v!.value), new Decimal(0)).toString() };
};

/**
 * The indicator tree from a score table (一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 扣分原因, any of
 * the levels): rows with the same 一级/二级 names in a row are one node; a parent's weight and score are
 * its rows' sums (the table states them only for the leaves).
 */
export const fromScoreTable = (ctx: ReadContext): IndicatorNode[] => {
  const candidates = [
    ...tablesOf(ctx.parts.analysis),
    ...tablesOf(ctx.parts.conclusion),
    ...tablesOf(ctx.blocks),
  ];
  for (const t of candidates) {
    const header = t.rows[0];
    if (!header) continue;
    const cols: Partial<Record<ScoreColumn, number>> = {};
    header.cells.forEach((c, i) => {
      const k = (Object.keys(SCORE_COLUMNS) as ScoreColumn[]).find(
        (key) => c && cols[key] === undefined && SCORE_COLUMNS[key].test(c.text.replace(/\s/g, '')),
      );
      if (k) cols[k] = i;
    });
    const levels = (['l1', 'l2', 'l3'] as const).filter((k) => cols[k] !== undefined);
    if (!levels.length || cols.weight === undefined || cols.score === undefined) continue;
    const roots: IndicatorNode[] = [];
    let above: (Piece | undefined)[] = [];
    for (const row of t.rows.slice(1)) {
      // A 一级/二级 cell left empty (a merged cell pasted as text) is the one above it.
      const names = levels.map((k, depth) =>
        depth < levels.length - 1 && !row.cells[cols[k]!]?.text ? above[depth] : row.cells[cols[k]!],
      );
      above = names;
      if (!names[0]?.text || /^(?:合计|总计|总分)/.test(names[0].text)) continue;
      let siblings = roots;
      let node: IndicatorNode | undefined;
      names.forEach((cell, depth) => {
        if (!cell?.text) return;
        const last = siblings.at(-1);
        const leaf = depth === names.length - 1;
        if (last && last.name === cell.text && !leaf) node = last;
        else {
          node = {
            level: (depth + 1) as 1 | 2 | 3,
            label: null,
            name: cell.text,
            weight: null,
            statedScore: null,
            evidence: '',
            inputs: [],
            children: [],
            src: srcOf(cell),
          };
          siblings.push(node);
        }
        siblings = node.children;
      });
      if (!node) continue;
      const w = row.cells[cols.weight];
      const sc = row.cells[cols.score];
      node.weight = w && decimalOf(w.text) !== null ? { value: decimalOf(w.text)!, src: srcOf(w) } : null;
      node.statedScore =
        sc && decimalOf(sc.text) !== null ? { value: decimalOf(sc.text)!, src: srcOf(sc) } : null;
      const reason = cols.reason === undefined ? undefined : row.cells[cols.reason];
      if (reason?.text) node.evidence = reason.text;
    }
    const fill = (n: IndicatorNode): void => {
      if (!n.children.length) return;
      n.children.forEach(fill);
      n.weight ??= sum(n.children.map((c) => c.weight));
      n.statedScore ??= sum(n.children.map((c) => c.statedScore));
    };
    roots.forEach(fill);
    if (roots.length) return roots;
  }
  return [];
};
