/**
 * The one report builder of the tests: small pieces (facts, amounts, measures, inputs, indicator nodes,
 * goal rows; a project form's fund and indicator rows) and a department report or a project form made
 * of them. Each named report of the tests (the scoring sample,
 * the clean audit report, the store's sample, …) is composed from these pieces with its own figures.
 *
 * `builder(src)` gives the pieces with a source on each fact (for tests of findings that point at
 * where a fact was read); the pieces exported at the top level carry none, as a typed-in document.
 */
import type {
  AchievementRow,
  Comparator,
  DepartmentReport,
  FundRow,
  IndicatorInput,
  IndicatorNode,
  Measure,
  Money,
  ProjectIndicator,
  ProjectReport,
  Source,
} from '../../../src/core/model/index.ts';
import { emptyDepartmentReport, emptyProjectReport } from '../../../src/core/model/index.ts';

/** Makes the source of a fact from its raw text; none for a typed-in document. */
export type SourceOf = (raw: string) => Source | undefined;

export type NodeParts = {
  /** The numbering written before the name (（一）, 1.), when the report has one. */
  label?: string;
  evidence?: string;
  inputs?: IndicatorInput[];
  children?: IndicatorNode[];
};

/** What a fund row states beyond its three amounts (the 资金 row of the form carries the 分值 and 得分). */
export type FundParts = { weight?: string; rate?: string; score?: string };

export const builder = (sourceOf: SourceOf = () => undefined) => {
  const sourced = <T extends object>(x: T, raw: string): T & { src?: Source } => {
    const src = sourceOf(raw);
    return src === undefined ? x : { ...x, src };
  };
  /** A fact (text, number, decimal string) with its source. */
  const fact = <T>(value: T, raw = String(value)) => sourced({ value }, raw);
  const money = (value: string, unit: Money['unit'] = '万元'): Money =>
    sourced({ value, unit }, value + unit);
  /** "11.02亿元" → a Measure; a leading comparator is read; a phrase has no value. */
  const measure = (text: string): Measure => {
    const m = text.match(/^([≥>=≤<])?\s*(-?\d+(?:\.\d+)?)\s*(.*)$/);
    if (!m) return sourced({ text, op: null, value: null, unit: null }, text);
    return sourced(
      { text, op: (m[1] as Comparator | undefined) ?? null, value: m[2]!, unit: m[3] ? m[3] : null },
      text,
    );
  };
  const input = (
    key: string,
    name: string,
    value: string,
    unit: string | null = '%',
    year: number | null = null,
  ): IndicatorInput => sourced({ key, name, value, unit, year }, `${name}${value}${unit ?? ''}`);
  /** An indicator node; a null weight or score is one the report does not state. */
  const node = (
    level: 1 | 2 | 3,
    name: string,
    weight: string | null,
    stated: string | null,
    more: NodeParts = {},
  ): IndicatorNode =>
    sourced(
      {
        level,
        label: more.label ?? null,
        name,
        weight: weight === null ? null : fact(weight),
        statedScore: stated === null ? null : fact(stated),
        evidence: more.evidence ?? '',
        inputs: more.inputs ?? [],
        children: more.children ?? [],
      },
      name,
    );
  /** A row of the 绩效目标实现情况 table. */
  const goal = (
    no: number,
    name: string,
    target: string,
    actual: string,
    status: string | null,
  ): AchievementRow =>
    sourced(
      {
        no: fact(no),
        name: fact(name),
        target: measure(target),
        actual: measure(actual),
        status: status === null ? null : fact(status),
      },
      name,
    );
  /** A row of a project form's 资金 table. */
  const fund = (
    key: FundRow['key'],
    label: string,
    budget: string,
    adjusted: string,
    final: string,
    more: FundParts = {},
  ): FundRow => ({
    key,
    label,
    budget: fact(budget),
    adjusted: fact(adjusted),
    final: fact(final),
    weight: more.weight === undefined ? null : fact(more.weight),
    rate: more.rate === undefined ? null : fact(more.rate),
    score: more.score === undefined ? null : fact(more.score),
    reason: null,
  });
  /** A row of a project form's indicator table: 一级, 二级, 三级 指标, 指标值, 实际完成值, 分值, 得分, 偏差原因. */
  const indicatorRow = (
    level1: string,
    level2: string | null,
    name: string,
    target: Measure,
    actual: Measure,
    weight: string,
    score: string,
    deviation: string | null = null,
  ): ProjectIndicator => ({
    level1: { value: level1 },
    level2: level2 === null ? null : { value: level2 },
    name: fact(name),
    target,
    actual,
    weight: fact(weight),
    score: fact(score),
    deviation: deviation === null ? null : { value: deviation },
  });
  return { fact, money, measure, input, node, goal, fund, indicatorRow };
};

export const { fact, money, measure, input, node, goal, fund, indicatorRow } = builder();

/** A department report of `department` for `year` with nothing else stated; compose the rest over it. */
export const departmentReport = (
  department: string,
  year: number,
  format: DepartmentReport['meta']['format'] = 'json',
): DepartmentReport => ({
  ...emptyDepartmentReport(format),
  title: { value: `${department}${year}年度部门整体支出绩效自评报告` },
  year: { value: year },
  department: { name: { value: department }, rank: null, extraNames: [], nature: null, jurisdiction: null },
});

/** A 项目支出绩效自评表 of `project` by `department` for `year` with nothing else stated. */
export const projectReport = (
  project: string,
  department: string,
  year: number,
  format: ProjectReport['meta']['format'] = 'json',
): ProjectReport => ({
  ...emptyProjectReport(format),
  title: { value: '项目支出绩效自评表' },
  year: { value: year },
  project: { name: { value: project }, department: { value: department }, implementer: null },
});
