/**
 * Use cases of 绩效目标申报: a preparer creates a table for the department, saves further versions
 * (also after approval: an adjustment, reviewed again), and submits it. Submission is refused while a
 * required cell is empty; the other checks go to the reviewer with the table.
 */
import { failure, type Result } from '../../core/result.ts';
import { checkTargetTable, type TargetFinding } from '../../core/targets/index.ts';
import { firstStep } from '../../core/targets/review-chain.ts';
import type { TargetTable } from '../../core/targets/table.ts';
import { canMoveTarget, TARGET_EDITABLE_STATUSES } from '../../core/targets/transitions.ts';
import type { TargetStatus } from '../../core/targets/vocab.ts';
import { invalid, needRole } from '../access.ts';
import type { Store, TargetTableRow, TargetVersion, User } from '../store.ts';
import { needOwn, seeTable } from './access.ts';
import { chainInForce } from './review-chain.ts';

export type TargetSaved = { table: TargetTableRow; version: TargetVersion; findings: TargetFinding[] };

export const createTargetTable = async (
  store: Store,
  actor: User,
  input: { document: TargetTable; summary?: string | undefined },
): Promise<Result<TargetSaved>> => {
  const refused = needRole(actor, ['preparer']);
  if (refused) return refused;
  if (!actor.departmentId) return invalid('账号未关联单位', 'the account has no department');
  const doc = input.document;
  const created = await store.targets.create(
    {
      departmentId: actor.departmentId,
      year: doc.year,
      kind: doc.kind,
      projectName: doc.kind === 'project' ? doc.projectName.trim() || null : null,
      document: doc,
      summary: input.summary ?? '新建',
    },
    actor.id,
  );
  if (!created.ok) return created;
  return { ok: true, value: { ...created.value, findings: checkTargetTable(doc) } };
};

export const saveTargetVersion = async (
  store: Store,
  actor: User,
  input: { tableId: string; expectedVersion: number; document: TargetTable; summary?: string | undefined },
): Promise<Result<TargetSaved>> => {
  const seen = await seeTable(store, actor, input.tableId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['preparer']) ?? needOwn(seen.value);
  if (refused) return refused;
  const { table } = seen.value;
  if (!(TARGET_EDITABLE_STATUSES as readonly TargetStatus[]).includes(table.status))
    return failure(
      'not-editable',
      '目标表正在审核或已不予安排，不能修改',
      'the table is under review or rejected',
      {
        status: table.status,
      },
    );
  if (input.document.year !== table.year)
    return invalid(`目标表年度为${table.year}，不能改为${input.document.year}`, 'the year cannot change');
  const saved = await store.targets.saveVersion(
    {
      tableId: table.id,
      expectedVersion: input.expectedVersion,
      document: input.document,
      summary: input.summary ?? (table.status === 'approved' ? '调整' : '保存'),
    },
    actor.id,
  );
  if (!saved.ok) return saved;
  return { ok: true, value: { ...saved.value, findings: checkTargetTable(input.document) } };
};

export const submitTargetTable = async (
  store: Store,
  actor: User,
  input: { tableId: string; from: TargetStatus },
): Promise<Result<TargetTableRow>> => {
  const seen = await seeTable(store, actor, input.tableId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['preparer']) ?? needOwn(seen.value);
  if (refused) return refused;
  const { table, department } = seen.value;
  if (!canMoveTarget('submit', table.status))
    return failure(
      'bad-transition',
      '只有草稿或退回的目标表可以报送',
      'only a draft or returned table can be submitted',
    );
  const version = await store.targets.getVersion(table.id, table.currentVersion);
  const empty = checkTargetTable(version!.document).filter((f) => f.rule === 'target.required-empty');
  if (empty.length > 0)
    return failure('incomplete', `还有${empty.length}处必填内容未填写`, 'required cells are empty', {
      findings: empty,
    });
  // The first step of the jurisdiction's review chain: its 主管部门 where it has one and the chain says so.
  const { chain } = await chainInForce(store, department.jurisdictionId);
  const step = firstStep(chain, department.supervisorId !== null);
  return store.targets.setStatus({ tableId: table.id, from: input.from, to: 'submitted', step }, actor.id);
};
