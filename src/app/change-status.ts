/**
 * The shared step of every workflow use case: the report is seen, the move is allowed for the role
 * (core/workflow.ts), and the store does a compare-and-set of the status and the current version in one
 * UPDATE — a version saved after the actor looked (e.g. after a submit audited it) makes the move fail.
 */
import { failure, type Result } from '../core/result.ts';
import { canTransition, REPORT_STATUS_LABELS, type ReportStatus, ROLE_LABELS } from '../core/workflow.ts';
import { type SeenReport, seeReport } from './access.ts';
import type { Report, Store, User } from './store.ts';

export type StatusInput = {
  reportId: string;
  /** The status the user saw; when given and the report has moved on, the change is refused (409). */
  from?: ReportStatus | undefined;
};

/** The report, when `actor` may move it from its status to `to`. */
export const checkMove = async (
  store: Store,
  actor: User,
  input: StatusInput,
  to: ReportStatus,
): Promise<Result<SeenReport>> => {
  const seen = await seeReport(store, actor, input.reportId);
  if (!seen.ok) return seen;
  const { report } = seen.value;
  if (input.from && input.from !== report.status)
    return failure('status-conflict', '报告状态已被他人更改，请刷新', 'the status has changed meanwhile', {
      current: report,
    });
  if (!canTransition(actor.role, report.status, to))
    return failure(
      'bad-transition',
      `${ROLE_LABELS[actor.role]}不能将报告从「${REPORT_STATUS_LABELS[report.status]}」改为「${REPORT_STATUS_LABELS[to]}」`,
      `a ${actor.role} may not move a report from ${report.status} to ${to}`,
      { status: report.status },
    );
  return seen;
};

export const moveStatus = async (
  store: Store,
  actor: User,
  report: Report,
  to: ReportStatus,
): Promise<Result<Report>> => {
  const moved = await store.reports.setStatus(
    { reportId: report.id, from: report.status, to, version: report.currentVersion },
    actor.id,
  );
  if (moved.ok || moved.code !== 'status-conflict' || moved.current.status !== report.status) return moved;
  return failure(
    'status-conflict',
    `报告已保存为第${moved.current.currentVersion}版，请刷新后重试`,
    `version ${moved.current.currentVersion} was saved meanwhile`,
    { current: moved.current },
  );
};
