/**
 * Use case: a bureau reviewer publishes the approved current version (财政已审核 → 已公开). The published
 * version never changes; a correction goes back through the workflow and is published as a further
 * version, the earlier one staying public.
 */
import type { AppResult } from './access.ts';
import { checkMove, type StatusInput } from './change-status.ts';
import type { Publication, Store, User } from './store.ts';

export const publishReport = async (
  store: Store,
  actor: User,
  input: StatusInput,
): Promise<AppResult<Publication>> => {
  const checked = await checkMove(store, actor, input, 'published');
  if (!checked.ok) return checked;
  const { report } = checked.value;
  return store.reports.publish(
    { reportId: report.id, version: report.currentVersion, from: report.status },
    actor.id,
  );
};
