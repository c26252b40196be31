/**
 * The year-end report beside the year's monitoring (DOMAIN-CYCLE §1.5 ③): each approved indicator with
 * the report's target and actual, and the mid-year answers (当前完成, 全年预计, 完成可能性, 偏差原因). Where
 * the 偏差原因 given mid-year and the year-end report disagree, a finding says both.
 */
import { computedMet, normName } from '../audit/measure.ts';
import { rowMet } from '../audit/targets.ts';
import { readDirection } from '../direction.ts';
import { type Finding, finding } from '../findings.ts';
import type { Measure, Report } from '../model/index.ts';
import { measureOf } from './binding.ts';
import type { IndicatorEntry, MonitoringEntry } from './monitoring.ts';
import type { TargetTable } from './table.ts';
import { DEVIATION_CAUSE_LABELS, type DeviationCause, LIKELIHOOD_LABELS } from './vocab.ts';

/** A row of the year-end report: its target, actual, whether it was met, its stated 偏差原因. */
export type YearEndRow = {
  name: string;
  target: string;
  actual: string | null;
  /** The actual as a measure (to judge it against the approved target). */
  actualMeasure: Measure;
  /** Met by the report's own target; in `carryMonitoring`, by the approved one where it can tell. */
  met: boolean | null;
  deviation: string | null;
};

export const yearEndRows = (doc: Report): YearEndRow[] =>
  doc.kind === 'project'
    ? doc.indicators.map((i) => ({
        name: i.name.value.trim(),
        target: i.target.text,
        actual: i.actual.text || null,
        actualMeasure: i.actual,
        met: computedMet(i.target, i.actual, readDirection(i.name.value, i.target).op),
        deviation: i.deviation?.value.trim() || null,
      }))
    : (doc.achievements?.rows ?? []).map((r) => ({
        name: r.name.value.trim(),
        target: r.target.text,
        actual: r.actual.text || null,
        actualMeasure: r.actual,
        met: rowMet(r),
        deviation: null,
      }));

export type CarriedRow = {
  indicatorId: string;
  name: string;
  /** The approved 指标值 ("≥95%"). */
  approved: string;
  yearEnd: YearEndRow | null;
  monitoring: IndicatorEntry | null;
  /** What the reviewer should see where the two moments disagree. */
  contradiction: string | null;
};

/** Words that name each 偏差原因 category in free text (其他 has none). */
const CAUSE_WORDS: Record<Exclude<DeviationCause, 'other'>, RegExp> = {
  funding: /经费|资金|预算|拨付|拨款|财力/u,
  rules: /制度|政策|审批|程序|流程|规定/u,
  staff: /人员|人手|人力|编制|招聘|队伍/u,
  equipment: /设备|硬件|场地|设施|器材/u,
};

/** The categories a year-end 偏差原因 names. */
export const causesNamed = (text: string): DeviationCause[] =>
  (Object.keys(CAUSE_WORDS) as (keyof typeof CAUSE_WORDS)[]).filter((c) => CAUSE_WORDS[c].test(text));

const saidCauses = (e: IndicatorEntry): string =>
  e.causes
    .filter((c) => c.text.trim() !== '')
    .map((c) => `${DEVIATION_CAUSE_LABELS[c.cause]}：${c.text.trim()}`)
    .join('；');

const contradictionOf = (e: IndicatorEntry | null, y: YearEndRow | null): string | null => {
  if (!e || !y || e.likelihood === null || e.likelihood === 'certain') return null;
  const said = saidCauses(e);
  if (!said) return null;
  const midYear = `年中监控称“${LIKELIHOOD_LABELS[e.likelihood]}”完成，偏差原因为“${said}”`;
  if (e.likelihood === 'impossible' && y.met === true)
    return `${midYear}；年末自评表完成值“${y.actual ?? ''}”已达到目标`;
  if (y.met === false && y.deviation) {
    const given = new Set(e.causes.filter((c) => c.text.trim() !== '').map((c) => c.cause));
    const named = causesNamed(y.deviation);
    if (named.length > 0 && !named.some((c) => given.has(c)))
      return `${midYear}；年末自评表的偏差原因为“${y.deviation}”（${named.map((c) => DEVIATION_CAUSE_LABELS[c]).join('、')}）`;
  }
  return null;
};

/**
 * Each approved indicator beside the report's row of the same name and the monitoring answer for it
 * (`entry`: the latest round's entry for this table, or null).
 */
export const carryMonitoring = (
  approved: TargetTable,
  entry: MonitoringEntry | null,
  report: Report,
): CarriedRow[] => {
  const rows = new Map(yearEndRows(report).map((r) => [normName(r.name), r]));
  return approved.indicators.map((ind) => {
    const stated = rows.get(normName(ind.name)) ?? null;
    // Met or not is judged against the approved target: a target lowered in the report does not make it met.
    const approvedTarget = measureOf(ind);
    const yearEnd = stated && {
      ...stated,
      met:
        computedMet(approvedTarget, stated.actualMeasure, readDirection(ind.name, approvedTarget).op) ??
        stated.met,
    };
    const monitoring = entry?.indicators.find((x) => x.indicatorId === ind.id) ?? null;
    return {
      indicatorId: ind.id,
      name: ind.name.trim(),
      approved: approvedTarget.text,
      yearEnd,
      monitoring,
      contradiction: contradictionOf(monitoring, yearEnd),
    };
  });
};

/** The contradictions of `carryMonitoring` as findings. */
export const monitoringFindings = (rows: readonly CarriedRow[]): Finding[] =>
  rows.flatMap((r) =>
    r.contradiction
      ? [
          finding('binding.monitoring-contradicted', {
            severity: 'warning' as const,
            message: `指标“${r.name}”：${r.contradiction}`,
          }),
        ]
      : [],
  );
