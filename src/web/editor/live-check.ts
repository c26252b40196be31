/**
 * What the editor shows beside the form, recomputed as the user types: the document checked against the
 * model, then the core `evaluate` — the function the server and the CLI run, with the frameworks the
 * server evaluates this report against — so the figures agree. Pure; the hook that debounces it lives in
 * use-live-check.ts.
 */
import type { AuditOptions } from '../../core/audit/index.ts';
import { boundOptions } from '../../core/evaluation/choose.ts';
import { type Evaluation, evaluate } from '../../core/evaluation/evaluate.ts';
import type { Finding } from '../../core/findings.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { Report } from '../../core/model/report.ts';
import type { ScoredReport } from '../../core/scoring/types.ts';
import type { Path } from '../lib/paths.ts';
import { fieldsOfFinding, sourcedFields } from './locate.ts';

/** A finding with the editor fields it points at. */
export type EditorFinding = Finding & { fields: Path[] };

export type LiveCheck = {
  /** Null while the document does not pass the model's checks. */
  evaluation: Evaluation | null;
  /** The engine's result when a framework fits. */
  scored: ScoredReport | null;
  frameworkReason: string | null;
  findings: EditorFinding[];
  /** Milliseconds the check took. */
  ms: number;
};

const issueMessage = (path: Path, message: string) =>
  `填写内容不符合格式：${path.join('.') || '报告'} — ${message}`;

/**
 * `bound`: `frameworks` is the one version the stored report is bound to (as the server says);
 * `approved`: the approved targets of the report's year (as the server passes them to its audit).
 */
export const checkReport = (
  doc: unknown,
  frameworks: readonly Framework[],
  bound = false,
  approved: AuditOptions['approved'] = null,
): LiveCheck => {
  const t0 = performance.now();
  const parsed = Report.safeParse(doc);
  if (!parsed.success) {
    const findings = parsed.error.issues.map(
      (i): EditorFinding => ({
        rule: 'editor.invalid',
        severity: 'error',
        message: issueMessage(i.path as Path, i.message),
        fields: [i.path.filter((p): p is string | number => typeof p !== 'symbol')],
      }),
    );
    return { evaluation: null, scored: null, frameworkReason: null, findings, ms: performance.now() - t0 };
  }
  const report = parsed.data;
  const evaluation = evaluate(report, frameworks, { ...boundOptions(frameworks, bound), approved });
  const fields = sourcedFields(report);
  const findings = evaluation.findings.map(
    (f): EditorFinding => ({ ...f, fields: fieldsOfFinding(fields, f) }),
  );
  return {
    evaluation,
    scored: evaluation.scored,
    frameworkReason: evaluation.choice?.reason ?? null,
    findings,
    ms: performance.now() - t0,
  };
};
