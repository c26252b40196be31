/**
 * A 项目支出绩效自评表 seen as an indicator tree, so that framework matching and the scoring engine (built
 * around headings, inputs and a goal table) score it unchanged: 预算执行率 with the execution rate as its
 * input, then 一级 → 二级 → 三级 rows whose targets and actuals form the goal table.
 */
import { type Decimal, dec, decString, roundHalfUp } from '../decimal.ts';
import { emptyDepartmentReport } from '../model/empty-report.ts';
import type {
  AchievementRow,
  DepartmentReport,
  FundRow,
  IndicatorNode,
  ProjectIndicator,
  ProjectReport,
} from '../model/index.ts';
import { normalizeName } from './names.ts';
import type { Framework } from './schema.ts';

export const RATE_HEADING = '预算执行率';

/** The fund row the execution rate is scored on: 年度资金总额 / 总额, else the first row. */
export const totalFundRow = (r: ProjectReport): FundRow | undefined =>
  r.funds.find((f) => f.key === 'total') ?? r.funds[0];

/**
 * 执行率 of a fund row in percent, rounded to 2 decimals: 全年执行数 / 全年预算数 (调整后预算数), else over
 * 年初预算数 when no full-year budget is stated. Undefined when the amounts are missing or the base is 0.
 */
export const computedRate = (row: FundRow): Decimal | undefined => {
  const base = row.adjusted ?? row.budget;
  if (!base || !row.final || dec(base.value).isZero()) return undefined;
  return roundHalfUp(dec(row.final.value).div(base.value).times(100));
};

/** The rate a project is scored on: from the amounts when they are there, else as stated. */
export const executionRate = (r: ProjectReport): Decimal | undefined => {
  const row = totalFundRow(r);
  if (!row) return undefined;
  return computedRate(row) ?? (row.rate ? dec(row.rate.value) : undefined);
};

const leaf = (i: ProjectIndicator): IndicatorNode => ({
  level: 3,
  label: null,
  name: i.name.value,
  weight: i.weight,
  statedScore: i.score,
  evidence: i.deviation?.value ?? '',
  inputs: [],
  children: [],
  src: i.src,
});

const group = (level: 1 | 2, name: string, children: IndicatorNode[]): IndicatorNode => ({
  level,
  label: null,
  name,
  weight: null,
  statedScore: null,
  evidence: '',
  inputs: [],
  children,
});

/** 一级 → 二级 → rows, in the order first met; a row without 一级/二级 hangs where it is found. */
const indicatorTree = (rows: readonly ProjectIndicator[]): IndicatorNode[] => {
  const top: IndicatorNode[] = [];
  const byName = (xs: IndicatorNode[], name: string, level: 1 | 2): IndicatorNode => {
    let n = xs.find((x) => x.name === name);
    if (!n) {
      n = group(level, name, []);
      xs.push(n);
    }
    return n;
  };
  for (const i of rows) {
    const l1 = i.level1?.value ? byName(top, i.level1.value, 1) : null;
    const l2 = i.level2?.value ? byName(l1 ? l1.children : top, i.level2.value, l1 ? 2 : 1) : null;
    (l2 ?? l1 ?? { children: top }).children.push(leaf(i));
  }
  return top;
};

const rateNode = (r: ProjectReport): IndicatorNode => {
  const row = totalFundRow(r);
  const rate = executionRate(r);
  return {
    level: 1,
    label: null,
    name: RATE_HEADING,
    weight: row?.weight ?? null,
    statedScore: row?.score ?? null,
    evidence: '',
    inputs: rate
      ? [{ key: 'budgetCompletionRate', name: RATE_HEADING, value: decString(rate), unit: '%', year: null }]
      : [],
    children: [],
    src: row?.src,
  };
};

/**
 * Wraps the 一级 groups under the framework's heading of rows when it lists them as its sections
 * (四川: 绩效指标 (90分) over 产出/效益/满意度).
 */
const wrapFor = (framework: Framework | undefined, groups: IndicatorNode[]): IndicatorNode[] => {
  const holder = framework?.indicators.find(
    (f) =>
      f.rule?.kind === 'indicator-rows' &&
      groups.length > 0 &&
      groups.every((g) =>
        (f.rule?.kind === 'indicator-rows' ? f.rule.sections : []).some(
          (s) => normalizeName(s) === normalizeName(g.name),
        ),
      ),
  );
  if (!holder) return groups;
  const lift = (n: IndicatorNode): IndicatorNode => ({
    ...n,
    level: Math.min(3, n.level + 1) as 1 | 2 | 3,
    children: n.children.map(lift),
  });
  return [group(1, holder.name, groups.map(lift))];
};

const achievements = (rows: readonly ProjectIndicator[]): AchievementRow[] =>
  rows.map((i) => ({ no: null, name: i.name, target: i.target, actual: i.actual, status: null, src: i.src }));

/** The department-shaped view of a project form that the engine scores (see the file comment). */
export const projectScoringView = (r: ProjectReport, framework?: Framework): DepartmentReport => ({
  ...emptyDepartmentReport(),
  title: r.title,
  year: r.year,
  frameworkId: r.frameworkId,
  department: { name: r.project.department, rank: null, extraNames: [], nature: null, jurisdiction: null },
  conclusion: {
    notice: null,
    noticeNo: null,
    statedTotal: r.statedTotal,
    statedGrade: r.statedGrade,
    text: r.conclusion?.value ?? '',
  },
  indicators: [rateNode(r), ...wrapFor(framework, indicatorTree(r.indicators))],
  achievements: { title: null, rows: achievements(r.indicators) },
  problems: { problems: r.problems, causes: null, measures: r.measures },
  meta: r.meta,
});
