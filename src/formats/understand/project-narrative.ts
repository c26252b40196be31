/**
 * The narrative 项目支出绩效自评报告: a project's self-evaluation written as prose (project, funds in
 * sentences, goals, a self-score, problems), perhaps with a score table. Read into the project model
 * with `layout: 'narrative'`.
 */
import { PROJECT_REPORT_SECTION_TERMS } from '../../core/glossary.ts';
import type { FundRow, ProjectIndicator, ProjectReport, TextFact } from '../../core/model/index.ts';
import type { SourceLine } from '../document/source-line.ts';
import type { ReadResult } from '../read-result.ts';
import { type Block, type Para, paraHeading, srcOf, type Table, toBlocks } from './blocks.ts';
import { incompleteFinding } from './incomplete.ts';
import { decimalOf, type MoneyHit, moneyIn } from './numbers.ts';
import { GRADE, GRADE_OF, TOTAL } from './parts/conclusion.ts';

const TITLE = /项目.{0,6}(?:支出)?绩效(?:自评|评价)报告|项目支出绩效(?:自评|评价)报告/;

/** True when the document's title (among its first lines) calls it a project's self-evaluation report. */
export const looksLikeProjectReport = (lines: readonly SourceLine[]): boolean => {
  for (const l of lines.slice(0, 6)) {
    if (l.src.table !== undefined) continue;
    if (/部门整体|单位整体/.test(l.text)) return false;
    if (TITLE.test(l.text.replace(/\s/g, ''))) return true;
  }
  return false;
};

const fact = (p: Para, start: number, end: number): TextFact => ({
  value: p.text.slice(start, end),
  src: srcOf(p, start, end),
});

/** Longest line that may be a heading. */
const HEADING_MAX = 30;

type SectionKey = keyof typeof PROJECT_REPORT_SECTION_TERMS;

/** A line's text without its heading number, spaces and a closing colon: what a section name is compared with. */
const nameOf = (p: Para): string =>
  p.text
    .slice(paraHeading(p)?.length ?? 0)
    .replace(/\s/g, '')
    .replace(/[:：]$/, '');

/** Every section name of the glossary. */
const SECTION_NAMES: ReadonlySet<string> = new Set(Object.values(PROJECT_REPORT_SECTION_TERMS).flat());

/**
 * A heading of the report: a short line with a heading number (一、 （一） 1. …), or a short line that is
 * one of the section names with no number (项目概况, 存在的问题：). Any other line without a number, however
 * short, is body text: a sentence such as 项目目标基本实现 names no section.
 */
const isHeading = (p: Para): boolean =>
  p.text.length <= HEADING_MAX && (paraHeading(p) !== null || SECTION_NAMES.has(nameOf(p)));

/**
 * The paragraphs under the first heading of a section (up to the next heading) that has any: a heading
 * named by one of the section's names, or whose words match `re` (and not `not`).
 */
const under = (blocks: readonly Block[], key: SectionKey, re: RegExp, not?: RegExp): Para[] => {
  const names: readonly string[] = PROJECT_REPORT_SECTION_TERMS[key];
  for (let at = 0; at < blocks.length; at++) {
    const b = blocks[at]!;
    if (b.kind !== 'p' || !isHeading(b)) continue;
    if (!names.includes(nameOf(b)) && (!re.test(b.text) || not?.test(b.text))) continue;
    const out: Para[] = [];
    for (const x of blocks.slice(at + 1)) {
      if (x.kind !== 'p') continue;
      if (isHeading(x)) break;
      out.push(x);
    }
    if (out.length) return out;
  }
  return [];
};

const SLOT: readonly [RegExp, 'budget' | 'adjusted' | 'final'][] = [
  [/调整|全年预算|调整后/, 'adjusted'],
  [/执行|支出|决算|实际/, 'final'],
  [/年初|预算/, 'budget'],
];

/** The funds sentence: 年初预算A万元，全年预算B万元，全年实际支出C万元，预算执行率D%. */
const readFunds = (paras: readonly Para[]): { row: FundRow; unit: ProjectReport['moneyUnit'] } | null => {
  const p = paras.find((x) => /预算/.test(x.text) && moneyIn(x.text).length >= 2);
  if (!p) return null;
  const row: FundRow = {
    key: 'total',
    label: '年度资金总额',
    budget: null,
    adjusted: null,
    final: null,
    weight: null,
    rate: null,
    score: null,
    reason: null,
    src: srcOf(p),
  };
  const end = p.text.search(/其中/);
  const hits = moneyIn(p.text, 0, end < 0 ? p.text.length : end);
  let prev = 0;
  let first: MoneyHit | undefined;
  for (const h of hits) {
    const label =
      p.text
        .slice(prev, h.start)
        .split(/[，,；;。]/)
        .pop() ?? '';
    prev = h.end;
    const slot = SLOT.find(([re]) => re.test(label))?.[1];
    if (!slot || row[slot]) continue;
    first ??= h;
    row[slot] = { value: h.value, src: srcOf(p, h.start, h.end) };
  }
  const rate = /执行率\s*(?:为|达|达到)?\s*(\d+(?:\.\d+)?)\s*[%％]/.exec(p.text);
  if (rate) {
    const at = rate.index + rate[0].indexOf(rate[1]!);
    row.rate = { value: rate[1]!, src: srcOf(p, at, at + rate[1]!.length) };
  }
  if (!first) return null;
  return { row, unit: { value: first.unit, src: srcOf(p, first.start, first.end) } };
};

const EMPTY = { text: '', op: null, value: null, unit: null } as const;

/** A 一级指标 | 分值 | 得分 table: one indicator per row (合计 left out). */
const readScoreTable = (tables: readonly Table[]): ProjectIndicator[] => {
  for (const t of tables) {
    const header = t.rows[0]?.cells.map((c) => c?.text.replace(/\s/g, '') ?? '') ?? [];
    const name = header.findIndex((h) => /指标/.test(h));
    const weight = header.findIndex((h) => /^(?:分值|权重|标准分|满分)/.test(h));
    const score = header.findIndex((h) => /得分/.test(h));
    if (name < 0 || weight < 0 || score < 0) continue;
    const out: ProjectIndicator[] = [];
    for (const row of t.rows.slice(1)) {
      const n = row.cells[name];
      if (!n?.text || /^(?:合计|总计|总分)/.test(n.text)) continue;
      const w = row.cells[weight];
      const s = row.cells[score];
      const nameFact = { value: n.text, src: srcOf(n) };
      out.push({
        level1: nameFact,
        level2: null,
        name: nameFact,
        target: { ...EMPTY },
        actual: { ...EMPTY },
        weight: w && decimalOf(w.text) !== null ? { value: decimalOf(w.text)!, src: srcOf(w) } : null,
        score: s && decimalOf(s.text) !== null ? { value: decimalOf(s.text)!, src: srcOf(s) } : null,
        deviation: null,
        src: srcOf(n),
      });
    }
    if (out.length) return out;
  }
  return [];
};

const joined = (paras: readonly Para[]): TextFact | null => {
  const first = paras[0];
  return first ? { value: paras.map((p) => p.text).join('\n'), src: srcOf(first) } : null;
};

export const parseProjectReportLines = (
  lines: readonly SourceLine[],
  meta: Pick<ProjectReport['meta'], 'format' | 'encoding'>,
): ReadResult => {
  const blocks = toBlocks(lines);
  const paras = blocks.filter((b): b is Para => b.kind === 'p');
  const tables = blocks.filter((b): b is Table => b.kind === 'table');
  const warnings: ProjectReport['meta']['warnings'] = [];
  const titlePara = paras.slice(0, 6).find((p) => TITLE.test(p.text.replace(/\s/g, '')));
  const title = titlePara ? { value: titlePara.text, src: srcOf(titlePara) } : null;
  let year: ProjectReport['year'] = null;
  let name: TextFact | null = null;
  let department: TextFact | null = null;
  if (titlePara) {
    const t = titlePara.text;
    const y = /((?:19|20)\d{2})\s*年度?/.exec(t);
    if (y) {
      year = { value: Number(y[1]), src: srcOf(titlePara, y.index, y.index + 4) };
      const n = /^(.+?)(?:支出)?绩效(?:自评|评价)报告/.exec(t.slice(y.index + y[0].length));
      const start = y.index + y[0].length;
      if (n?.[1]) name = fact(titlePara, start, start + n[1].length);
      if (y.index >= 2) department = fact(titlePara, 0, y.index);
    }
  }
  const body = paras.filter((p) => p !== titlePara);
  for (const p of body) {
    const label = /项目名称[:：]\s*([^，。；]+)/.exec(p.text);
    if (label && !name) {
      const at = label.index + label[0].indexOf(label[1]!);
      name = fact(p, at, at + label[1]!.length);
    }
    const dept = /(?:主管部门[:：为]\s*|由)([^，。；]{2,30}?)(?:主管|负责管理|[，。；])/.exec(p.text);
    if (dept && !department) {
      const at = dept.index + dept[0].indexOf(dept[1]!);
      department = fact(p, at, at + dept[1]!.length);
    }
  }
  let implementer: TextFact | null = null;
  for (const p of body) {
    const m = /([^，。；]{2,30}?)负责(?:项目)?实施|实施单位[:：为]\s*([^，。；]+)/.exec(p.text);
    if (!m) continue;
    const v = (m[1] ?? m[2]!).replace(/^(?:由|并由|，)/, '');
    const at = p.text.indexOf(v, m.index);
    implementer = fact(p, at, at + v.length);
    break;
  }
  const funds = readFunds(body);
  const indicators = readScoreTable(tables);
  let statedTotal: ProjectReport['statedTotal'] = null;
  let statedGrade: ProjectReport['statedGrade'] = null;
  for (const p of body) {
    const t = TOTAL.exec(p.text);
    if (t && !statedTotal) {
      const at = t.index + t[0].lastIndexOf(t[1]!);
      statedTotal = { value: t[1]!, src: srcOf(p, at, at + t[1]!.length) };
    }
    const g = GRADE.exec(p.text);
    if (g && !statedGrade) {
      const at = g.index + g[0].lastIndexOf(g[1]!);
      statedGrade = { value: GRADE_OF[g[1]!] ?? '中', src: srcOf(p, at, at + g[1]!.length) };
    }
  }
  const total = tables.flatMap((t) => t.rows).find((r) => /^(?:合计|总计|总分)/.test(r.cells[0]?.text ?? ''));
  if (!statedTotal && total) {
    const last = total.cells.filter((c) => c && decimalOf(c.text) !== null).at(-1);
    if (last) statedTotal = { value: decimalOf(last.text)!, src: srcOf(last) };
  }
  const missing = [...(name ? [] : ['项目名称']), ...(funds ? [] : ['项目资金（预算数、执行数）'])];
  if (missing.length) warnings.push(incompleteFinding(missing));
  const report: ProjectReport = {
    schemaVersion: 1,
    kind: 'project',
    layout: 'narrative',
    title,
    year,
    frameworkId: 'mof-2020-project',
    formNo: null,
    project: { name, department, implementer },
    moneyUnit: funds?.unit ?? null,
    funds: funds ? [funds.row] : [],
    goal: {
      expected: joined(under(blocks, 'goal', /目标/, /完成|实现/)),
      actual: joined(under(blocks, 'actual', /完成情况|实现情况/)),
    },
    overview: joined(under(blocks, 'overview', /概况|基本情况/)),
    indicators,
    statedTotal,
    statedGrade,
    conclusion: null,
    problems: joined(under(blocks, 'problems', /问题/)),
    measures: joined(under(blocks, 'measures', /改进|整改|措施/, /问题/)),
    meta: { format: meta.format, encoding: meta.encoding, warnings },
  };
  return { ok: true, value: report };
};
