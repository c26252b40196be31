/**
 * 绩效自评分析: the indicator tree. （一）→ level 1, 1. → level 2, （1）→ level 3; each heading carries
 * its weight (指标总分/分值) and stated score (自评得分/得分); the text after it is the evidence.
 */
import type { DecimalFact, IndicatorNode } from '../../../core/model/index.ts';
import { type Para, paraHeading, srcOf } from '../blocks.ts';
import type { Heading } from '../headings.ts';
import { isWhiteSpace } from '../normalize.ts';
import { missing, parasOf, type ReadContext, warn } from './context.ts';
import { inputsIn } from './indicator-inputs.ts';

const LEVEL = { section: 1, item: 2, sub: 3 } as const;

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
export const parseIndicatorLine = (p: Para): Parsed | null => {
  const heading = paraHeading(p);
  if (!heading || heading.kind === 'chapter') return null;
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

export const readIndicators = (ctx: ReadContext): IndicatorNode[] => {
  if (!ctx.parts.analysis) {
    missing(ctx, 'analysis');
    return [];
  }
  const roots: IndicatorNode[] = [];
  const open: (IndicatorNode | undefined)[] = [];
  let current: IndicatorNode | undefined;
  const addEvidence = (node: IndicatorNode, p: Para, from: number) => {
    const t = p.text.slice(from);
    if (!t) return;
    node.evidence = node.evidence ? `${node.evidence}\n${t}` : t;
    node.inputs.push(...inputsIn(p, from));
  };
  for (const p of parasOf(ctx.parts.analysis)) {
    if (p.tableTitle) continue;
    const parsed = parseIndicatorLine(p);
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
    const kind = parsed.heading.kind as keyof typeof LEVEL;
    const level = LEVEL[kind];
    const node: IndicatorNode = {
      level,
      label: parsed.heading.label,
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
  if (!roots.length)
    warn(ctx, 'read.list-empty', '“绩效自评分析”部分未读到指标', [ctx.headings.analysis?.src]);
  return roots;
};
