/**
 * The one report builder of the tests: small pieces (facts, amounts, measures, inputs, indicator nodes,
 * goal rows) and a department report made of them. Each named report of the tests (the scoring sample,
 * the clean audit report, the store's sample, …) is composed from these pieces with its own figures.
 *
 * `builder(src)` gives the pieces with a source on each fact (for tests of findings that point at
 * where a fact was read); the pieces exported at the top level carry none, as a typed-in document.
 */
import type {
  AchievementRow,
  Comparator,
  DepartmentReport,
  IndicatorInput,
  IndicatorNode,
  Measure,
  Money,
  Source,
} from '../../../src/core/model/index.ts';
import { emptyDepartmentReport } from '../../../src/core/model/index.ts';

/** Makes the source of a fact from its raw text; none for a typed-in document. */
export type SourceOf = (raw: string) => Source | undefined;

export type NodeParts = { evidence?: string; inputs?: IndicatorInput[]; children?: IndicatorNode[] };

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
        label: null,
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
  return { fact, money, measure, input, node, goal };
};

export const { fact, money, measure, input, node, goal } = builder();

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
