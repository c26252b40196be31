/**
 * The workflow transitions of the API, as one table of data: reports (提交, 审核通过, 退回, 重新编辑, 公开)
 * and target tables (报送审核, 目标审核). Their statuses and roles come from the core's transition tables
 * (`core/workflow.ts` for reports, `core/targets/transitions.ts` for target tables, by action), which the
 * use cases check too.
 */
import type { z } from 'zod';
import { approveReport } from '../../app/approve-report.ts';
import { publishReport } from '../../app/publish-report.ts';
import { reopenReport, returnReport } from '../../app/return-report.ts';
import { submitReport } from '../../app/submit-report.ts';
import { submitTargetTable } from '../../app/targets/declare.ts';
import { reviewTargetTable } from '../../app/targets/review.ts';
import { TARGET_TRANSITIONS as TARGET_MOVES } from '../../core/targets/transitions.ts';
import { type Role, TRANSITIONS, type WorkflowAction } from '../../core/workflow.ts';
import { ApproveBody, ReturnBody, StatusBody } from '../schemas.ts';
import { ReviewTargetBody, SubmitTargetBody } from '../target-schemas.ts';
import type { TransitionRoute } from './transition-routes.ts';

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The statuses and roles of a report's transitions named `actions` in the core's table. */
const moves = (...actions: WorkflowAction[]) => {
  const ts = TRANSITIONS.filter((t) => actions.includes(t.action));
  return {
    from: unique(ts.map((t) => t.from)),
    to: unique(ts.map((t) => t.to)),
    roles: unique(ts.flatMap((t): readonly Role[] => t.roles)),
  };
};

/** Row by row, so each keeps its own body and answer types (for `hc`). */
const row = <P extends string, B extends z.ZodType, T>(t: TransitionRoute<P, B, T>) => t;

export const REPORT_TRANSITIONS = [
  row({
    path: 'submit',
    summary: '提交 (草稿 → 已提交)',
    ...moves('submit'),
    body: StatusBody,
    status: 200,
    response: 'Report',
    run: (store, actor, reportId, body) => submitReport(store, actor, { reportId, ...body }),
  }),
  row({
    path: 'approve',
    summary: '审核通过 (已提交 → 单位已审核 → 财政已审核；可附审核意见)',
    ...moves('dept-approve', 'bureau-approve'),
    body: ApproveBody,
    status: 200,
    response: 'Report',
    run: (store, actor, reportId, body) => approveReport(store, actor, { reportId, ...body }),
  }),
  row({
    path: 'return',
    summary: '退回并写明理由 (return with a reason)',
    ...moves('return'),
    body: ReturnBody,
    status: 200,
    response: 'Report',
    run: (store, actor, reportId, body) => returnReport(store, actor, { reportId, ...body }),
  }),
  row({
    path: 'reopen',
    summary: '重新编辑 (已退回 → 草稿)',
    ...moves('reopen'),
    body: StatusBody,
    status: 200,
    response: 'Report',
    run: (store, actor, reportId, body) => reopenReport(store, actor, { reportId, ...body }),
  }),
  row({
    path: 'publish',
    summary: '公开 (财政已审核 → 已公开)',
    ...moves('publish'),
    body: StatusBody,
    status: 200,
    response: 'Publication',
    run: (store, actor, reportId, body) => publishReport(store, actor, { reportId, ...body }),
  }),
] as const;

export const TARGET_TRANSITIONS = [
  row({
    path: 'submit',
    summary: '报送审核 (submit for review)',
    ...TARGET_MOVES.submit,
    body: SubmitTargetBody,
    status: 200,
    run: (store, actor, tableId, body) => submitTargetTable(store, actor, { tableId, ...body }),
  }),
  row({
    path: 'review',
    summary: '目标审核：优/良/中/差 (grade the submitted version)',
    ...TARGET_MOVES.review,
    body: ReviewTargetBody,
    status: 201,
    run: (store, actor, tableId, body) => reviewTargetTable(store, actor, { tableId, ...body }),
  }),
] as const;
