/**
 * Use case of 目标审核: a bureau reviewer grades the submitted version 优/良/中/差 with reasons; the grade's
 * outcome (data) sets the status, and approval freezes the version as the approved one.
 */

import type { Grade } from '../../core/model/index.ts';
import { failure, type Result } from '../../core/result.ts';
import { reviewNeedsReason, statusAfterReview } from '../../core/targets/review.ts';
import { canMoveTarget } from '../../core/targets/transitions.ts';
import { invalid, needRole } from '../access.ts';
import type { Store, TargetReview, TargetTableRow, User } from '../store.ts';
import { seeTable } from './access.ts';

export const reviewTargetTable = async (
  store: Store,
  actor: User,
  input: { tableId: string; version: number; grade: Grade; reasons: string },
): Promise<Result<{ table: TargetTableRow; review: TargetReview }>> => {
  const seen = await seeTable(store, actor, input.tableId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['bureau-reviewer']);
  if (refused) return refused;
  const { table } = seen.value;
  if (!canMoveTarget('review', table.status))
    return failure('bad-transition', '只有已报送的目标表可以审核', 'only a submitted table can be reviewed');
  if ((table.reviewStep ?? 'finance') !== 'finance')
    return failure(
      'bad-transition',
      '目标表尚在主管部门审核，主管部门审核通过后才能由财政审核',
      'the table waits at its supervising department',
    );
  if (input.version !== table.currentVersion)
    return failure(
      'status-conflict',
      `目标表已更新为第${table.currentVersion}版，请刷新`,
      'the table has a newer version',
      {
        current: table,
      },
    );
  if (reviewNeedsReason(input.grade) && input.reasons.trim() === '')
    return invalid(`审核结果为“${input.grade}”时须写明理由`, 'this grade needs reasons');
  return store.targets.review(
    {
      tableId: table.id,
      version: input.version,
      grade: input.grade,
      reasons: input.reasons.trim(),
      from: 'submitted',
      to: statusAfterReview(input.grade),
      step: 'finance',
    },
    actor.id,
  );
};
