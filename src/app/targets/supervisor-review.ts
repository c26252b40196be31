/**
 * Use case of the 主管部门's review (where the jurisdiction's chain has one): a reviewer of the supervising
 * department passes a subordinate unit's submitted table on to the next step (财政), or returns it to
 * the unit with reasons. The 主管部门 does not grade; 财政 does.
 */
import { failure, type Result } from '../../core/result.ts';
import { nextStep, type SupervisorOutcome } from '../../core/targets/review-chain.ts';
import { canMoveTarget } from '../../core/targets/transitions.ts';
import { forbidden, invalid, needRole } from '../access.ts';
import type { Store, TargetReview, TargetTableRow, User } from '../store.ts';
import { isSupervisorOf, seeTable } from './access.ts';
import { chainInForce } from './review-chain.ts';

export const supervisorReview = async (
  store: Store,
  actor: User,
  input: { tableId: string; version: number; outcome: SupervisorOutcome; reasons: string },
): Promise<Result<{ table: TargetTableRow; review: TargetReview }>> => {
  const seen = await seeTable(store, actor, input.tableId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['dept-reviewer']);
  if (refused) return refused;
  const { table, department } = seen.value;
  if (!isSupervisorOf(actor, department))
    return forbidden('只有主管部门可以审核下属单位的目标表', 'only the supervising department reviews here');
  if (!canMoveTarget('supervisor-review', table.status) || table.reviewStep !== 'supervisor')
    return failure(
      'bad-transition',
      '目标表不在主管部门审核环节',
      'the table does not wait at its supervising department',
    );
  if (input.version !== table.currentVersion)
    return failure(
      'status-conflict',
      `目标表已更新为第${table.currentVersion}版，请刷新`,
      'the table has a newer version',
      { current: table },
    );
  const reasons = input.reasons.trim();
  if (input.outcome === 'return' && reasons === '')
    return invalid('退回须写明理由', 'a return needs reasons');
  const { chain } = await chainInForce(store, department.jurisdictionId);
  const next = nextStep(chain, true, 'supervisor') ?? 'finance';
  return store.targets.review(
    {
      tableId: table.id,
      version: input.version,
      step: 'supervisor',
      outcome: input.outcome,
      reasons,
      from: 'submitted',
      to: input.outcome === 'pass' ? 'submitted' : 'returned',
      nextStep: input.outcome === 'pass' ? next : null,
    },
    actor.id,
  );
};
