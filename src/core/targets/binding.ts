/**
 * Carrying the approved targets into the self-evaluation (DOMAIN-CYCLE §1.5): the report's 绩效目标表 is
 * filled from the approved version, and any target whose value, unit or comparator differs from that
 * version is an audit finding naming both.
 */

import { comparableUnits, normName, scaled } from '../audit/measure.ts';
import { decString } from '../decimal.ts';

import { type Finding, finding } from '../findings.ts';
import type { Measure, Report } from '../model/index.ts';
import type { TargetIndicator, TargetTable } from './table.ts';
import { parseValue } from './value.ts';

/** The approved (or adjusted) version a report of the same year is bound to. */
export type ApprovedTargets = { table: TargetTable; version: number };

/** The approved indicator as the report writes a target: "≥95%", comparator and unit apart. */
export const measureOf = (ind: TargetIndicator): Measure => {
  if (ind.nature === '定性' || ind.nature === null) {
    const p = parseValue(ind.value);
    return ind.nature === '定性'
      ? { text: ind.value.trim(), op: null, value: null, unit: null }
      : {
          text: `${ind.value.trim()}${ind.unit.trim()}`,
          op: p.op,
          value: p.number,
          unit: ind.unit.trim() || null,
        };
  }
  const p = parseValue(ind.value);
  const unit = ind.unit.trim() || p.unit || null;
  return {
    text: `${ind.nature}${p.number ?? ind.value.trim()}${unit ?? ''}`,
    op: ind.nature,
    value: p.number,
    unit,
  };
};

/** The rows of a 绩效目标表 filled from the approved table. */
export const targetRowsOf = (t: TargetTable): { name: string; target: Measure }[] =>
  t.indicators.map((ind) => ({ name: ind.name.trim(), target: measureOf(ind) }));

const sameMeasure = (a: Measure, b: Measure): boolean => {
  if (a.value === null || b.value === null) {
    return a.value === b.value && normName(a.text) === normName(b.text);
  }
  if ((a.op ?? '≥') !== (b.op ?? '≥')) return false;
  if ((a.unit ?? '') !== (b.unit ?? '') && !comparableUnits(a.unit, b.unit)) return false;
  if ((a.unit ?? '') !== (b.unit ?? '') && (a.unit === null || b.unit === null)) return false;
  return scaled(a.value, a.unit).eq(scaled(b.value, b.unit));
};

export type ReportTarget = { name: string; target: Measure; src?: Measure['src'] };

/**
 * A report's 绩效目标表: a project form's indicator rows; a department report's target table, else the
 * targets of its 目标实现情况表.
 */
export const reportTargets = (doc: Report): ReportTarget[] => {
  if (doc.kind === 'project') return doc.indicators.map((i) => ({ name: i.name.value, target: i.target }));
  const rows = doc.targets?.rows.length ? doc.targets.rows : (doc.achievements?.rows ?? []);
  return rows.map((r) => ({ name: r.name.value, target: r.target }));
};

/**
 * Findings for a report's targets against the approved table `approved` (version `version`): changed
 * values, units or comparators; approved indicators the report leaves out; indicators it adds.
 */
export const compareWithApproved = (
  rows: readonly ReportTarget[],
  approved: TargetTable,
  version: number,
): Finding[] => {
  const out: Finding[] = [];
  const where = `批复的绩效目标表（第${version}版）`;
  const byName = new Map(approved.indicators.map((ind) => [normName(ind.name), ind]));
  const seen = new Set<string>();
  for (const row of rows) {
    const key = normName(row.name);
    const ind = byName.get(key);
    if (!ind) {
      out.push(
        finding('binding.target-added', {
          message: `自评表中的指标“${row.name}”不在${where}中`,
          actual: row.target.text,
          ...(row.target.src ? { locations: [row.target.src] } : {}),
        }),
      );
      continue;
    }
    seen.add(key);
    const approvedMeasure = measureOf(ind);
    if (!sameMeasure(row.target, approvedMeasure)) {
      const v = approvedMeasure.value !== null ? decString(approvedMeasure.value) : null;
      const approvedText =
        v !== null ? `${approvedMeasure.op ?? ''}${v}${approvedMeasure.unit ?? ''}` : approvedMeasure.text;
      out.push(
        finding('binding.target-changed', {
          message: `指标“${row.name}”的年度指标值在自评表中为“${row.target.text}”，${where}为“${approvedText}”`,
          expected: approvedText,
          actual: row.target.text,
          ...(row.target.src ? { locations: [row.target.src] } : {}),
        }),
      );
    }
  }
  for (const ind of approved.indicators) {
    if (seen.has(normName(ind.name))) continue;
    out.push(
      finding('binding.target-missing', {
        message: `${where}中的指标“${ind.name.trim()}”（${measureOf(ind).text}）在自评表中没有`,
        expected: measureOf(ind).text,
      }),
    );
  }
  return out;
};
