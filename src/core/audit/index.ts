/**
 * The consistency audit: every contradiction a careful reviewer would catch, as findings. Each rule
 * family is a pure function report → findings in its own file; `auditReport` runs them all.
 */
import type { Finding } from '../findings.ts';
import { definedDirections } from '../framework/directions.ts';
import type { Framework } from '../framework/schema.ts';
import type { DepartmentReport, Report } from '../model/index.ts';
import { type ApprovedTargets, compareWithApproved, reportTargets } from '../targets/binding.ts';
import { carryMonitoring, monitoringFindings } from '../targets/carry.ts';
import type { MonitoringEntry } from '../targets/monitoring.ts';
import { countRules } from './counts.ts';
import { financeSentenceRules } from './finance-sentences.ts';
import { financeTableRules } from './finance-table.ts';
import { leafCheckFor, targetCountRules } from './leaf-inputs.ts';
import { narrativeRules } from './narrative.ts';
import { periodRules } from './periods.ts';
import { auditProjectReport } from './project-report.ts';
import { scoreTreeRules } from './score-tree.ts';
import { AuditCache } from './support.ts';
import { targetRules } from './targets.ts';
import { threePublicRules } from './three-public.ts';
import { unitRules } from './units.ts';

export { AUDIT_RULES, type AuditRule, isAuditRule } from './catalogue.ts';
export { RULE_FAMILIES, ruleFamily } from './families.ts';

export type AuditOptions = {
  /** Include the reader's warnings (report.meta.warnings) as findings. Default true. */
  readerWarnings?: boolean;
  /**
   * The framework the report is evaluated against (chosen by `evaluate`): quantitative leaves are checked
   * by its rules. Null or absent: a rule is inferred only for a leaf named after the input it states.
   */
  framework?: Framework | null | undefined;
  /**
   * The approved (or adjusted) target table of the report's year, department and project: targets that
   * differ from it are findings naming both. With `monitoring` (that table's latest monitoring entry),
   * 偏差原因 given mid-year that the report contradicts are findings too. Absent: no such check.
   */
  approved?: (ApprovedTargets & { monitoring?: MonitoringEntry | null }) | null | undefined;
};

/** The findings of a report against its approved targets and their monitoring (none without). */
export const approvedTargetRules = (report: Report, approved: AuditOptions['approved']): Finding[] =>
  approved
    ? [
        ...compareWithApproved(reportTargets(report), approved.table, approved.version),
        ...monitoringFindings(carryMonitoring(approved.table, approved.monitoring ?? null, report)),
      ]
    : [];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export const auditReport = (report: Report, options: AuditOptions = {}): Finding[] => {
  const warnings = options.readerWarnings === false ? [] : report.meta.warnings;
  const bound = approvedTargetRules(report, options.approved);
  if (report.kind === 'project') return sorted([...auditProjectReport(report, options), ...bound]);
  return sorted([...runRules(report, options.framework ?? null), ...bound, ...warnings]);
};

const runRules = (report: DepartmentReport, framework: Framework | null): Finding[] => {
  const defined = definedDirections(framework);
  // What several families share, computed once for this report.
  const cache = new AuditCache();
  return [
    ...unitRules(report, cache),
    ...financeTableRules(report, cache),
    ...financeSentenceRules(report, cache),
    ...threePublicRules(report, cache),
    ...scoreTreeRules(report, leafCheckFor(report, framework, cache)),
    ...targetCountRules(report, defined, cache),
    ...targetRules(report, defined, cache),
    ...narrativeRules(report),
    ...countRules(report),
    ...periodRules(report),
  ];
};

const sorted = (findings: Finding[]): Finding[] =>
  findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
