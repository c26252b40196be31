/**
 * Use case: approval. A department reviewer approves the department's submission (已提交 → 单位已审核);
 * a bureau reviewer approves it for the jurisdiction (单位已审核 → 财政已审核). Which one is meant
 * follows from the actor's role. An opinion written with it (审核意见) is kept beside the version approved.
 */
import type { Result } from '../core/result.ts';
import { checkMove, moveStatus, type StatusInput } from './change-status.ts';
import type { Report, Store, User } from './store.ts';

export const approveReport = async (
  store: Store,
  actor: User,
  input: StatusInput & { opinion?: string | undefined },
): Promise<Result<Report>> => {
  const to = actor.role === 'bureau-reviewer' ? 'bureau-approved' : 'dept-approved';
  const checked = await checkMove(store, actor, input, to);
  if (!checked.ok) return checked;
  const { report } = checked.value;
  const moved = await moveStatus(store, actor, report, to);
  const opinion = input.opinion?.trim();
  if (!moved.ok || !opinion) return moved;
  const noted = await store.review.addComment(
    { reportId: report.id, version: report.currentVersion, kind: 'approval-opinion', body: opinion },
    actor.id,
  );
  return noted.ok ? moved : noted;
};
