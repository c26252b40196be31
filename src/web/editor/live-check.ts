/**
 * What the editor shows beside the form, recomputed as the user types: the document checked against the
 * model, scored by the core engine and audited by the core rules — the same functions the server and the
 * CLI run, so the figures agree. Pure; the hook that debounces it lives in use-live-check.ts.
 */
import { auditReport } from '../../core/audit/index.ts';
import type { Finding } from '../../core/findings.ts';
import { chooseFramework } from '../../core/framework/match.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { Report } from '../../core/model/report.ts';
import { scoreReport } from '../../core/scoring/score-report.ts';
import type { ScoredReport } from '../../core/scoring/types.ts';
import type { Path } from '../lib/paths.ts';
import { fieldsOfFinding, sourcedFields } from './locate.ts';

/** A finding with the editor fields it points at. */
export type EditorFinding = Finding & { fields: Path[] };

export type LiveCheck = {
  /** Null while the document does not pass the model's checks. */
  scored: ScoredReport | null;
  frameworkReason: string | null;
  findings: EditorFinding[];
  /** Milliseconds the check took. */
  ms: number;
};

const issueMessage = (path: Path, message: string) =>
  `填写内容不符合格式：${path.join('.') || '报告'} — ${message}`;

export const checkReport = (doc: unknown, frameworks: readonly Framework[]): LiveCheck => {
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
    return { scored: null, frameworkReason: null, findings, ms: performance.now() - t0 };
  }
  const report = parsed.data;
  const choice = chooseFramework(report, frameworks);
  const scored = choice ? scoreReport(report, choice.framework) : null;
  const fields = sourcedFields(report);
  const seen = new Set<string>();
  const findings: EditorFinding[] = [];
  for (const f of [...auditReport(report), ...(scored?.findings ?? [])]) {
    const key = `${f.rule}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ ...f, fields: fieldsOfFinding(fields, f) });
  }
  return { scored, frameworkReason: choice?.reason ?? null, findings, ms: performance.now() - t0 };
};
