/**
 * Checks a framework file and returns every problem as data: shape, weights that do not add up, unknown
 * input keys, thresholds that cannot be right, grade bands out of order. A framework with any error is
 * rejected with these messages.
 */
import { dec, sum } from '../decimal.ts';
import type { Finding } from '../findings.ts';
import { INPUT_TERMS } from '../glossary.ts';
import type { Rule, ThresholdStep } from './rule-schema.ts';
import { Framework, type FrameworkNode } from './schema.ts';

export type FrameworkCheck = { ok: true; framework: Framework } | { ok: false; problems: Finding[] };

const error = (rule: string, message: string, expected?: string, actual?: string): Finding => ({
  rule,
  severity: 'error',
  message,
  ...(expected !== undefined ? { expected } : {}),
  ...(actual !== undefined ? { actual } : {}),
});

const isInputKey = (k: string): boolean => Object.hasOwn(INPUT_TERMS, k);

/** Parses and checks a framework; `data` is the parsed JSON of a framework file. */
export const validateFramework = (data: unknown): FrameworkCheck => {
  const parsed = Framework.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) =>
        error(
          'framework.schema',
          `框架文件格式不符：${i.path.length ? i.path.join('.') : '(根)'}：${i.message} (framework file shape)`,
        ),
      ),
    };
  }
  const problems = checkFramework(parsed.data);
  return problems.some((p) => p.severity === 'error')
    ? { ok: false, problems }
    : { ok: true, framework: parsed.data };
};

/** The semantic checks of a framework that already has the right shape. */
export const checkFramework = (f: Framework): Finding[] => {
  const out: Finding[] = [];
  const top = sum(f.indicators.map((n) => n.weight));
  if (!top.eq(dec(f.total))) {
    out.push(
      error(
        'framework.total',
        `一级指标权重合计 ${top.toFixed()} 分，不等于框架总分 ${dec(f.total).toFixed()} 分`,
        dec(f.total).toFixed(),
        top.toFixed(),
      ),
    );
  }
  for (const n of f.indicators) checkNode(n, [], 1, out);
  checkGrades(f, out);
  return out;
};

const checkNode = (n: FrameworkNode, path: string[], level: number, out: Finding[]): void => {
  const here = [...path, n.name].join(' / ');
  const w = dec(n.weight);
  if (w.lte(0)) out.push(error('framework.weight', `「${here}」权重应大于 0，实为 ${w.toFixed()}`));
  if (level > 3) out.push(error('framework.depth', `「${here}」超过三级指标`));
  const kids = n.children ?? [];
  if (kids.length > 0 && n.rule) {
    out.push(error('framework.shape', `「${here}」既有下级指标又有计分规则，只能有其一`));
  }
  if (kids.length === 0 && !n.rule) {
    out.push(error('framework.shape', `「${here}」没有下级指标，也没有计分规则`));
  }
  if (kids.length > 0) {
    const s = sum(kids.map((k) => k.weight));
    if (!s.eq(w)) {
      out.push(
        error(
          'framework.weight-sum',
          `「${here}」下级指标权重合计 ${s.toFixed()} 分，不等于其权重 ${w.toFixed()} 分`,
          w.toFixed(),
          s.toFixed(),
        ),
      );
    }
    const seen = new Set<string>();
    for (const k of kids) {
      if (seen.has(k.name)) out.push(error('framework.duplicate', `「${here}」下有重名指标「${k.name}」`));
      seen.add(k.name);
      checkNode(k, [...path, n.name], level + 1, out);
    }
  }
  if (n.rule) checkRule(n.rule, here, out);
};

const checkInput = (key: string, here: string, out: Finding[]): void => {
  if (!isInputKey(key)) {
    out.push(
      error(
        'framework.unknown-input',
        `「${here}」引用了未知的数据项「${key}」，应为 ${Object.keys(INPUT_TERMS).join('、')} 之一`,
      ),
    );
  }
};

const checkRule = (r: Rule, here: string, out: Finding[]): void => {
  switch (r.kind) {
    case 'rate':
      checkInput(r.input, here, out);
      if (r.zeroBelow !== undefined && (dec(r.zeroBelow).lt(0) || dec(r.zeroBelow).gt(100))) {
        out.push(error('framework.threshold', `「${here}」零分线 ${r.zeroBelow}% 应在 0 到 100 之间`));
      }
      return;
    case 'threshold-steps':
      checkInput(r.input, here, out);
      checkSteps(r.steps, r.otherwise, here, out);
      return;
    case 'not-exceed':
      for (const c of r.checks) {
        checkInput(c.actual, here, out);
        checkInput(c.limit, here, out);
      }
      return;
    case 'manual':
    case 'target-completion':
    case 'project-indicator':
    case 'indicator-rows':
      return;
  }
};

const inUnit = (v: string): boolean => dec(v).gte(0) && dec(v).lte(1);

/** Ratios within 0–1; steps of one direction ordered so that a later step never pays more. */
const checkSteps = (
  steps: ThresholdStep[],
  otherwise: string | undefined,
  here: string,
  out: Finding[],
): void => {
  for (const s of steps) {
    if (!inUnit(s.ratio)) {
      out.push(
        error(
          'framework.threshold',
          `「${here}」分档「${s.op}${s.value}」的得分比例 ${s.ratio} 应在 0 到 1 之间`,
        ),
      );
    }
  }
  if (otherwise !== undefined && !inUnit(otherwise)) {
    out.push(error('framework.threshold', `「${here}」其余情况的得分比例 ${otherwise} 应在 0 到 1 之间`));
  }
  const up = steps.every((s) => s.op === '≥' || s.op === '>');
  const down = steps.every((s) => s.op === '≤' || s.op === '<');
  if (!up && !down) return;
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1]!;
    const b = steps[i]!;
    const ordered = up ? dec(b.value).lt(dec(a.value)) : dec(b.value).gt(dec(a.value));
    if (!ordered) {
      out.push(
        error(
          'framework.threshold',
          `「${here}」分档「${b.op}${b.value}」排在「${a.op}${a.value}」之后永远不会用到，分档应${up ? '从高到低' : '从低到高'}排列`,
        ),
      );
    }
    if (dec(b.ratio).gt(dec(a.ratio))) {
      out.push(
        error(
          'framework.threshold',
          `「${here}」较差的分档「${b.op}${b.value}」得分比例 ${b.ratio} 高于较好的分档`,
        ),
      );
    }
  }
};

const checkGrades = (f: Framework, out: Finding[]): void => {
  const bands = f.grades;
  if (!bands) return;
  const seen = new Set<string>();
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    if (seen.has(b.grade)) out.push(error('framework.grades', `等级「${b.grade}」重复`));
    seen.add(b.grade);
    if (dec(b.min).gt(dec(f.total))) {
      out.push(error('framework.grades', `等级「${b.grade}」的下限 ${b.min} 分高于总分 ${f.total} 分`));
    }
    const prev = bands[i - 1];
    if (prev && !dec(b.min).lt(dec(prev.min))) {
      out.push(
        error(
          'framework.grades',
          `等级应按分数从高到低排列：「${b.grade}」≥${b.min} 不低于「${prev.grade}」≥${prev.min}`,
        ),
      );
    }
  }
  const last = bands[bands.length - 1];
  if (last && !dec(last.min).eq(0)) {
    out.push(error('framework.grades', `最低等级「${last.grade}」的下限应为 0 分，实为 ${last.min} 分`));
  }
};
