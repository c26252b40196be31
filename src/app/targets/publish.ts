/**
 * Use case: the bureau publishes the approved (frozen) version of a target table (公开). A publication
 * never changes and cannot be withdrawn, as for reports; an adjustment approved later is a version of
 * its own, published by a publication of its own, the earlier one staying public.
 */
import { failure, type Result } from '../../core/result.ts';
import { needRole } from '../access.ts';
import type { Store, TargetPublication, User } from '../store.ts';
import { seeTable } from './access.ts';

export const publishTargetTable = async (
  store: Store,
  actor: User,
  input: { tableId: string; version: number },
): Promise<Result<TargetPublication>> => {
  const seen = await seeTable(store, actor, input.tableId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['bureau-reviewer']);
  if (refused) return refused;
  const { table } = seen.value;
  if (table.approvedVersion === null)
    return failure('bad-transition', '只有已批复的目标表可以公开', 'only an approved table can be published');
  if (input.version !== table.approvedVersion)
    return failure(
      'bad-transition',
      `只能公开批复的版本（第${table.approvedVersion}版）`,
      'only the approved version can be published',
      { approvedVersion: table.approvedVersion },
    );
  return store.targets.publish({ tableId: table.id, version: input.version }, actor.id);
};
