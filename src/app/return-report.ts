/**
 * Use case: a reviewer returns a report with a written reason (kept as a return-reason comment); the
 * preparer reopens it (已退回 → 草稿), or saving a new version reopens it. A published report returned
 * for correction keeps its publications public.
 */
import type { Result } from '../core/result.ts';
import { invalid } from './access.ts';
import { checkMove, moveStatus, type StatusInput } from './change-status.ts';
import type { Report, Store, User } from './store.ts';

export const returnReport = async (
  store: Store,
  actor: User,
  input: StatusInput & { reason: string },
): Promise<Result<Report>> => {
  if (input.reason.trim() === '') return invalid('退回必须写明理由', 'a return needs a reason');
  const checked = await checkMove(store, actor, input, 'returned');
  if (!checked.ok) return checked;
  const { report } = checked.value;
  const moved = await moveStatus(store, actor, report, 'returned');
  if (!moved.ok) return moved;
  const noted = await store.review.addComment(
    { reportId: report.id, version: report.currentVersion, kind: 'return-reason', body: input.reason.trim() },
    actor.id,
  );
  if (!noted.ok) return noted;
  return moved;
};

export const reopenReport = async (
  store: Store,
  actor: User,
  input: StatusInput,
): Promise<Result<Report>> => {
  const checked = await checkMove(store, actor, input, 'draft');
  if (!checked.ok) return checked;
  return moveStatus(store, actor, checked.value.report, 'draft');
};
