/**
 * Use case: a bureau reviewer publishes the approved current version (财政已审核 → 已公开). The published
 * version never changes; a correction goes back through the workflow and is published as a further
 * version, the earlier one staying public. Its score and grade are kept with the publication.
 */
import type { Result } from '../core/result.ts';
import { notFound } from './access.ts';
import { checkMove, type StatusInput } from './change-status.ts';
import { evaluateStored, scopeOf } from './framework-choice.ts';
import { figuresOf } from './report-scoring.ts';
import type { Publication, Store, User } from './store.ts';

export const publishReport = async (
  store: Store,
  actor: User,
  input: StatusInput,
): Promise<Result<Publication>> => {
  const checked = await checkMove(store, actor, input, 'published');
  if (!checked.ok) return checked;
  const { report } = checked.value;
  const version = await store.reports.getVersion(report.id, report.currentVersion);
  if (!version) return notFound('报告版本', 'report version');
  const { evaluation } = await evaluateStored(store, version.document, scopeOf(report), { audit: false });
  return store.reports.publish(
    {
      reportId: report.id,
      version: report.currentVersion,
      from: report.status,
      figures: figuresOf(version.document, evaluation),
    },
    actor.id,
  );
};
