/**
 * Sentences of the work sections that report the same indicator as a target row with another value
 * ("总投资526.08亿元" against 招商引资项目投资总额 526.28亿元). To raise no false alarm a figure is matched
 * to a row only when: its unit is comparable; the clause before it (with the clause before that) covers
 * at least half of the row name's character pairs and contains the name's head; it is a level or a
 * growth rate as the row is ("新增6家" is not a 企业数量); one row fits best; and the value is within a
 * factor of two of the row's (a far-off figure is about something else).
 */
import type { Decimal } from '../decimal.ts';
import { type Finding, finding } from '../findings.ts';
import { keptByName } from '../kept.ts';
import type { DepartmentReport, Measure, Source } from '../model/index.ts';
import { comparableUnits, scaled } from './measure.ts';
import { at } from './support.ts';

type Row = { name: string; target: Measure; actual: Measure | null; src?: Source | undefined };

const FIGURE =
  /(\d+(?:\.\d+)?)\s*(亿元|万元|元|%|％|个|座|家次|家|项|件|台|户|所|处|条|人次|人|名|亩|场|期|批|套)/gu;
const GROWTH_NAME = /增速|增长率|增幅|增长/u;
const GROWTH_TEXT = /增长|增速|增幅|提高|下降|上升/u;
const CHANGE_TEXT = /新增|增加|减少|净增|增长|下降|提高/u;
/** Words that end many indicator names without naming what is counted: 高标准农田建设面积 → 高标准农田. */
const GENERIC_TAIL = /(数量|数|情况|工作|面积|建设)$/u;

const SURROGATE = /[\ud800-\udfff]/;

/** The pairs of adjacent characters of a name, in order, each once. */
const bigrams = (s: string): string[] => {
  const out: string[] = [];
  if (!SURROGATE.test(s)) {
    // Every character one code unit: the pairs are slices, without a string per character.
    for (let i = 2; i <= s.length; i++) {
      const g = s.slice(i - 2, i);
      if (!out.includes(g)) out.push(g);
    }
    return out;
  }
  let prev: string | undefined;
  for (const c of s) {
    if (prev !== undefined && !out.includes(prev + c)) out.push(prev + c);
    prev = c;
  }
  return out;
};

const normalizeText = (s: string, growth: boolean): string => {
  let t = s.replace(/[\s“”"'‘’《》]/gu, '').replace(/总投资/gu, '投资总额');
  if (growth) t = t.replace(/同比增长|增长/gu, '增速');
  return t;
};

const nameCore = (name: string): string =>
  name
    .replace(/[\s“”"'‘’（）()]/gu, '')
    .replace(GENERIC_TAIL, '')
    .replace(GENERIC_TAIL, '');

type Match = { row: Row; coverage: number };

/** What is matched of a row name: its pairs, its head pair, whether it names a growth rate. */
type NameKey = { growth: boolean; grams: readonly string[]; head: string };

/** What is matched of a row, worked out once per report. */
type Prepared = NameKey & { row: Row };

/**
 * The keys of row names, kept: reports use the same few dozen indicator names over and over, and
 * working out a name's pairs (three regex replaces, a string per pair) was a good part of this rule's
 * garbage (kept.ts bounds them); null for a name with nothing to match.
 */
const nameKeyOf = keptByName((name): NameKey | null => {
  const core = nameCore(name);
  const grams = bigrams(core);
  const head = bigrams(core.replace(GROWTH_NAME, '')).at(-1);
  return grams.length > 0 && head !== undefined ? { growth: GROWTH_NAME.test(name), grams, head } : null;
});

const prepare = (rows: readonly Row[]): Prepared[] =>
  rows.flatMap((row) => {
    const key = nameKeyOf(row.name);
    return key ? [{ row, ...key }] : [];
  });

/**
 * The row a figure reports, by its clause: a pair of characters is "in" a text when the text contains
 * it, which is what a set of the text's pairs would say, without building one per figure.
 */
const bestRow = (
  rows: readonly Prepared[],
  context: string,
  title: () => string,
  unit: string,
  growthFigure: boolean,
): Match | null => {
  // Figures are matched to rows of their own kind only, so the text is read one way per figure.
  const text = normalizeText(context, growthFigure);
  let best: Match | null = null;
  let tie = false;
  for (const p of rows) {
    // A row's head pair must be in the clause: this rules most rows out at once.
    if (p.growth !== growthFigure || !text.includes(p.head)) continue;
    const measure = p.row.actual ?? p.row.target;
    if (measure.value === null || !comparableUnits(unit, measure.unit ?? p.row.target.unit)) continue;
    // The pairs of the clause and of the section title together.
    const t = title();
    let covered = 0;
    for (const g of p.grams) if (text.includes(g) || t.includes(g)) covered++;
    const coverage = covered / p.grams.length;
    if (coverage < 0.5) continue;
    if (!best || coverage > best.coverage) {
      best = { row: p.row, coverage };
      tie = false;
    } else if (coverage === best.coverage) tie = true;
  }
  return tie ? null : best;
};

const within = (a: Decimal, b: Decimal): boolean => !b.isZero() && a.div(b).gte(0.5) && a.div(b).lte(2);

export const narrativeRules = (report: DepartmentReport): Finding[] => {
  const rows: Row[] = report.achievements?.rows.length
    ? report.achievements.rows.map((r) => ({
        name: r.name.value,
        target: r.target,
        actual: r.actual,
        src: r.src,
      }))
    : (report.targets?.rows ?? []).map((r) => ({
        name: r.name.value,
        target: r.target,
        actual: null,
        src: r.src,
      }));
  if (rows.length === 0) return [];
  const out: Finding[] = [];
  const prepared = prepare(rows);
  const seen = new Set<string>();
  // Whether a figure's unit fits any row at all, by unit.
  const unitFits = new Map<string, boolean>();
  const fitsSomeRow = (unit: string): boolean => {
    let fits = unitFits.get(unit);
    if (fits === undefined) {
      fits = prepared.some((p) =>
        comparableUnits(unit, (p.row.actual ?? p.row.target).unit ?? p.row.target.unit),
      );
      unitFits.set(unit, fits);
    }
    return fits;
  };
  for (const section of report.work.sections) {
    const titles: [string | null, string | null] = [null, null];
    const titleText = (growth: boolean) => () =>
      (titles[growth ? 1 : 0] ??= normalizeText(section.title, growth));
    const body = section.body;
    // Figures are found in the whole body at once; the sentence and clauses around one are found by
    // looking back from it, only for the figures that get that far.
    for (const m of body.matchAll(FIGURE)) {
      // A figure never runs across a sentence ("57\n个" is two sentences).
      if (m[0].includes('\n')) continue;
      const unit = m[2]!;
      if (!fitsSomeRow(unit)) continue;
      const pos = m.index;
      const from = lastOf(body, isSentenceEnd, pos - 1) + 1;
      const clause = Math.max(from, lastOf(body, isClauseEnd, pos - 1) + 1);
      const pre = body.slice(clause, pos);
      const before =
        clause > from
          ? body.slice(Math.max(from, lastOf(body, isClauseEnd, clause - 2) + 1), clause - 1)
          : '';
      const context = `${before}，${pre}`;
      const growthFigure = (unit === '%' || unit === '％') && GROWTH_TEXT.test(pre);
      if (!growthFigure && CHANGE_TEXT.test(pre)) continue;
      const match = bestRow(prepared, context, titleText(growthFigure), unit, growthFigure);
      if (!match) continue;
      const { row } = match;
      const value = scaled(m[1]!, unit);
      const candidates = [row.actual, row.target].flatMap((x) =>
        x?.value !== null && x?.value !== undefined ? [scaled(x.value, x.unit ?? row.target.unit)] : [],
      );
      if (candidates.some((c) => c.eq(value))) continue;
      const reference = candidates[0];
      if (!reference || !within(value, reference)) continue;
      const key = `${row.name}|${m[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const measure = row.actual ?? row.target;
      out.push(
        finding('narrative.target-value', {
          message: `工作情况第${section.no}部分写“${context.replace(/^，/u, '')}${m[0]}”，而绩效目标“${row.name}”的${row.actual ? '完成值' : '目标值'}为“${measure.text}”`,
          expected: measure.text,
          actual: m[0],
          locations: at(
            {
              ...(section.src?.line !== undefined ? { line: section.src.line } : {}),
              raw: body.slice(from, nextOf(body, isSentenceEnd, pos)).trim(),
            },
            measure.src,
          ),
        }),
      );
    }
  }
  return out;
};

/** A sentence end, as a UTF-16 code unit: 。；;！!？?\n. */
const isSentenceEnd = (c: number): boolean =>
  c === 0x3002 ||
  c === 0xff1b ||
  c === 0x3b ||
  c === 0xff01 ||
  c === 0x21 ||
  c === 0xff1f ||
  c === 0x3f ||
  c === 0x0a;
/** A clause end: ，,：:. */
const isClauseEnd = (c: number): boolean => c === 0xff0c || c === 0x2c || c === 0xff1a || c === 0x3a;

/** Index of the last character that `isEnd` at or before `i`; -1 when there is none. */
const lastOf = (s: string, isEnd: (c: number) => boolean, i: number): number => {
  let k = i;
  while (k >= 0 && !isEnd(s.charCodeAt(k))) k--;
  return k;
};

/** Index of the first character that `isEnd` at or after `i`; the length when there is none. */
const nextOf = (s: string, isEnd: (c: number) => boolean, i: number): number => {
  let k = i;
  while (k < s.length && !isEnd(s.charCodeAt(k))) k++;
  return k;
};
