/** Use case: a preparer explains one audit error of the current version in writing (needed to submit). */
import { failure, type Result } from '../core/result.ts';
import { needRole, seeReport } from './access.ts';
import { auditWithExplanations } from './report-scoring.ts';
import type { Store, User } from './store.ts';
import { approvedFor } from './targets/binding.ts';

/** A preparer's written explanation of one audit error of the current version. */
export const explainFinding = async (
  store: Store,
  actor: User,
  input: { reportId: string; key: string; body: string },
): Promise<Result<{ key: string }>> => {
  const seen = await seeReport(store, actor, input.reportId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['preparer']);
  if (refused) return refused;
  const { report } = seen.value;
  const version = await store.reports.getVersion(report.id, report.currentVersion);
  if (!version) return failure('not-found', '未找到报告版本', 'report version not found');
  const finding = auditWithExplanations(
    version.document,
    [],
    undefined,
    await approvedFor(store, report),
  ).find((f) => f.key === input.key);
  if (!finding)
    return failure(
      'not-found',
      `当前版本没有审核问题 ${input.key}`,
      `no finding ${input.key} in the current version`,
    );
  const added = await store.review.addComment(
    {
      reportId: report.id,
      version: report.currentVersion,
      kind: 'finding-explanation',
      body: input.body,
      findingRule: input.key,
    },
    actor.id,
  );
  if (!added.ok) return added;
  return { ok: true, value: { key: input.key } };
};
