/**
 * Use case: a preparer submits a draft. The audit runs on the current version; every error must carry
 * a written explanation (a finding-explanation comment keyed by the finding) or the submission is refused.
 */
import { failure, type Result } from '../core/result.ts';
import { checkMove, moveStatus, type StatusInput } from './change-status.ts';
import { auditWithExplanations } from './report-scoring.ts';
import type { Report, Store, User } from './store.ts';
import { approvedFor } from './targets/binding.ts';

export const submitReport = async (
  store: Store,
  actor: User,
  input: StatusInput,
): Promise<Result<Report>> => {
  const checked = await checkMove(store, actor, input, 'submitted');
  if (!checked.ok) return checked;
  const { report } = checked.value;
  const version = await store.reports.getVersion(report.id, report.currentVersion);
  if (!version) return failure('not-found', '未找到报告版本', 'report version not found');
  const findings = auditWithExplanations(
    version.document,
    await store.review.listComments(report.id),
    undefined,
    await approvedFor(store, report),
  );
  const unexplained = findings.filter((f) => f.severity === 'error' && !f.explanation);
  if (unexplained.length > 0)
    return failure(
      'unexplained-errors',
      `报告有 ${unexplained.length} 处审核错误未说明，请逐条说明后再提交`,
      `${unexplained.length} audit errors need a written explanation before submitting`,
      { findings: unexplained.map((f) => ({ key: f.key, rule: f.rule, message: f.message })) },
    );
  return moveStatus(store, actor, report, 'submitted');
};
