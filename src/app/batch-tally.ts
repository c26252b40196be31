/**
 * What a batch adds up while its results stream past (nothing else of them is kept): how many files,
 * how many could not be read, how many have an error finding, and the findings by rule and severity.
 */
import type { Finding, Severity } from '../core/findings.ts';

export type FindingCounts = Record<Severity, number>;

export const countFindings = (findings: readonly Pick<Finding, 'severity'>[]): FindingCounts => {
  const c: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
};

export type BatchSummary = {
  files: number;
  unreadable: number;
  withErrors: number;
  /** Findings by rule, most frequent first (ties by rule id). */
  byRule: { rule: string; severity: Severity; count: number }[];
};

export type BatchTally = {
  /** One file that could not be read (counted under its read error's code, when given). */
  unreadable: (code?: string) => void;
  /** One file read, with its findings. */
  read: (findings: readonly Pick<Finding, 'rule' | 'severity'>[]) => void;
  summary: () => BatchSummary;
};

export const batchTally = (): BatchTally => {
  let files = 0;
  let unreadable = 0;
  let withErrors = 0;
  const rules = new Map<string, { severity: Severity; count: number }>();
  const add = (rule: string, severity: Severity) => {
    const r = rules.get(rule);
    if (r) r.count++;
    else rules.set(rule, { severity, count: 1 });
  };
  return {
    unreadable: (code) => {
      files++;
      unreadable++;
      if (code !== undefined) add(code, 'error');
    },
    read: (findings) => {
      files++;
      if (findings.some((f) => f.severity === 'error')) withErrors++;
      for (const f of findings) add(f.rule, f.severity);
    },
    summary: () => ({
      files,
      unreadable,
      withErrors,
      byRule: [...rules]
        .map(([rule, r]) => ({ rule, ...r }))
        .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1)),
    }),
  };
};
