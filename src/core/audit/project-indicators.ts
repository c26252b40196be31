/**
 * 绩效指标 rows of a 项目支出绩效自评表: each 得分 against its formula (DOMAIN.md §3.2), a missed target or
 * one exceeded by 30% or more without 偏差原因分析, and the 分值 adding up to 90 (+ 10 for 预算执行率).
 */
import { type Decimal, dec, decString, roundHalfUp, sum } from '../decimal.ts';
import { type Finding, finding } from '../findings.ts';
import { totalFundRow } from '../framework/project-view.ts';
import type { Framework, FrameworkNode } from '../framework/schema.ts';
import type { ProjectIndicator, ProjectReport } from '../model/index.ts';
import { sameUnit } from '../scoring/inputs.ts';
import { directionOf, QUALITATIVE_BANDS, quantitativeScore } from '../scoring/rules/index.ts';
import { at } from './support.ts';

/** The weights of a form: 预算执行率 10 and the rows 90 (财预〔2020〕10号), unless the framework says otherwise. */
export type FormWeights = { rows: Decimal; rate: Decimal | null };
const MOF_FORM: FormWeights = { rows: dec(90), rate: dec(10) };

/**
 * The form's weights by the framework the report is evaluated against: its 预算执行率 leaf, the rest the
 * rows. Without one, the MoF form's — but a narrative report's own tree (决策/过程/产出/效益…) carries the
 * whole 100, less a 预算执行率 row it weighs apart.
 */
export const formWeights = (framework: Framework | null, r?: ProjectReport): FormWeights => {
  if (!framework && r?.layout === 'narrative') {
    const stated = totalFundRow(r)?.weight;
    const rate = stated ? dec(stated.value) : null;
    return { rows: dec(100).minus(rate ?? dec(0)), rate };
  }
  if (!framework) return MOF_FORM;
  const flat = (ns: readonly FrameworkNode[]): FrameworkNode[] =>
    ns.flatMap((n) => [n, ...flat(n.children ?? [])]);
  const nodes = flat(framework.indicators);
  const rate = nodes.find((n) => n.rule?.kind === 'rate' && n.rule.input === 'budgetCompletionRate');
  const rateWeight = rate ? dec(rate.weight) : null;
  return { rows: dec(framework.total).minus(rateWeight ?? dec(0)), rate: rateWeight };
};
/** 实际完成值 at or beyond 130% of the target (or 30 over a zero target) must be explained (广西 rule, S8). */
const OVER = dec('1.3');

const label = (i: ProjectIndicator) => `「${i.name.value}」`;

type Numbers = { dir: 'positive' | 'reverse' | 'equal'; T: Decimal; A: Decimal };

const MONEY = new Set(['元', '万元', '亿元']);
/** Units that cannot be compared: both stated, different, and not two money units (% vs 个). */
const unitsClash = (i: ProjectIndicator): boolean => {
  const [a, t] = [i.actual.unit, i.target.unit];
  return a !== null && t !== null && a !== t && !(MONEY.has(a) && MONEY.has(t));
};

/** Target and actual as numbers in one unit, or undefined for a qualitative row (or units that clash). */
const numbersOf = (i: ProjectIndicator): Numbers | undefined => {
  const dir = directionOf(i.target, i.name.value);
  if (dir === 'qualitative' || i.target.value === null || i.actual.value === null || unitsClash(i))
    return undefined;
  const [A, T] = sameUnit(
    { value: dec(i.actual.value), unit: i.actual.unit },
    { value: dec(i.target.value), unit: i.target.unit },
  );
  return { dir, T, A };
};

const bandOf = (text: string) => QUALITATIVE_BANDS.find((b) => b.test.test(text));

/** The stated score against the formula (quantitative) or the band of the 实际完成值 phrase (qualitative). */
const formulaRule = (i: ProjectIndicator): Finding[] => {
  if (!i.weight || !i.score) return [];
  const W = dec(i.weight.value);
  const S = dec(i.score.value);
  const where = at(i.score.src, i.actual.src, i.target.src);
  if (S.gt(W) || S.lt(0)) {
    return [
      finding('project.score-range', {
        message: `${label(i)}得分 ${decString(S)} 不在 0 至分值 ${decString(W)} 之间`,
        expected: `0–${decString(W)}`,
        actual: decString(S),
        locations: where,
      }),
    ];
  }
  const n = numbersOf(i);
  if (n) {
    const expected = roundHalfUp(quantitativeScore(n.dir, n.T, n.A, W));
    if (expected.eq(S)) return [];
    const names = { positive: '正向', reverse: '反向', equal: '等于' } as const;
    return [
      finding('project.score-formula', {
        message: `${label(i)}为${names[n.dir]}指标，指标值 ${i.target.text}、实际完成值 ${i.actual.text}、分值 ${decString(W)}，按公式得分应为 ${decString(expected)}，填写 ${decString(S)}`,
        expected: decString(expected),
        actual: decString(S),
        locations: where,
      }),
    ];
  }
  const band = bandOf(i.actual.text);
  if (!band) return [];
  const lo = W.times(band.min);
  const hi = W.times(band.max);
  const inside = S.gte(lo) && (band.max === '1' ? S.lte(hi) : S.lt(hi));
  if (inside) return [];
  return [
    finding('project.score-band', {
      message: `${label(i)}为定性指标，实际完成值「${i.actual.text}」对应得分 ${decString(lo)}–${decString(hi)}${band.max === '1' ? '' : '（不含上限）'}，填写 ${decString(S)}`,
      expected: `${decString(lo)}–${decString(hi)}`,
      actual: decString(S),
      locations: where,
    }),
  ];
};

/** Whether the target was missed, or exceeded by 30% or more; null when it cannot be told. */
const deviationOf = (i: ProjectIndicator): 'missed' | 'exceeded' | null => {
  const n = numbersOf(i);
  if (!n) {
    const band = bandOf(i.actual.text);
    return band && band.min !== '0.8' ? 'missed' : null;
  }
  const { dir, T, A } = n;
  if (dir === 'reverse' || (dir === 'equal' && T.lte(0))) {
    if (A.gt(T)) return 'missed';
    // Far under a ceiling: the target was set loosely, which also needs a word.
    return T.gt(0) && A.lte(T.times(dec(2).minus(OVER))) ? 'exceeded' : null;
  }
  if (A.lt(T)) return 'missed';
  return (T.isZero() ? A.gte(30) : A.gte(T.times(OVER))) ? 'exceeded' : null;
};

const deviationRule = (i: ProjectIndicator): Finding[] => {
  if (i.deviation) return [];
  const d = deviationOf(i);
  if (!d) return [];
  const what = d === 'missed' ? '未达到年度指标值' : '偏离年度指标值 30% 以上';
  return [
    {
      rule: d === 'missed' ? 'project.deviation-missed' : 'project.deviation-exceeded',
      severity: 'warning',
      message: `${label(i)}实际完成值 ${i.actual.text}${what}（指标值 ${i.target.text}），未填写偏差原因分析及改进措施`,
      locations: at(i.actual.src, i.target.src),
    },
  ];
};

/** 分值: every row has one, they add up to 90, and 预算执行率 is worth 10. */
const weightRules = (r: ProjectReport, w: FormWeights): Finding[] => {
  const INDICATOR_TOTAL = w.rows;
  const out: Finding[] = [];
  for (const i of r.indicators) {
    if (!i.weight) {
      out.push(
        finding('project.weight-missing', {
          message: `${label(i)}未填写分值`,
          locations: at(i.src),
        }),
      );
    }
  }
  const weights = r.indicators.flatMap((i) => (i.weight ? [i.weight.value] : []));
  const total = sum(weights);
  if (r.indicators.length > 0 && !total.eq(INDICATOR_TOTAL)) {
    out.push(
      finding('project.weights-total', {
        message: `绩效指标分值合计 ${decString(total)} 分，应为 ${decString(INDICATOR_TOTAL)} 分${w.rate ? `（另 ${decString(w.rate)} 分为预算执行率）` : ''}`,
        expected: decString(INDICATOR_TOTAL),
        actual: decString(total),
        locations: at(...r.indicators.map((i) => i.weight?.src)),
      }),
    );
  }
  const rate = totalFundRow(r)?.weight;
  const RATE_WEIGHT = w.rate;
  if (rate && RATE_WEIGHT && !dec(rate.value).eq(RATE_WEIGHT)) {
    out.push(
      finding('project.rate-weight', {
        message: `预算执行率分值为 ${decString(rate.value)} 分，应为 ${decString(RATE_WEIGHT)} 分`,
        expected: decString(RATE_WEIGHT),
        actual: rate.value,
        locations: at(rate.src),
      }),
    );
  }
  return out;
};

const unitRule = (i: ProjectIndicator): Finding[] =>
  unitsClash(i)
    ? [
        finding('project.unit-mismatch', {
          message: `${label(i)}指标值单位「${i.target.unit}」与实际完成值单位「${i.actual.unit}」不同，无法按公式复核得分`,
          expected: i.target.unit ?? '',
          actual: i.actual.unit ?? '',
          locations: at(i.actual.src, i.target.src),
        }),
      ]
    : [];

export const projectIndicatorRules = (r: ProjectReport, framework: Framework | null = null): Finding[] => [
  ...r.indicators.flatMap((i) => [...unitRule(i), ...formulaRule(i), ...deviationRule(i)]),
  ...weightRules(r, formWeights(framework, r)),
];
