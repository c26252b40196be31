/**
 * Use case: what the signed-in user has to do today, as counts — 待我审核 (reports waiting for this role's
 * approval), 被退回 (returned reports waiting for the clerk), 草稿 (drafts not handed in) — and the days to
 * the reporting deadline of the year under evaluation (its own jurisdiction's, else the nearest above).
 */
import type { ReportStatus } from '../core/workflow.ts';
import { deadlineFor } from './departments-admin.ts';
import type { Store, User } from './store.ts';

export type Todo = {
  /** The budget year being evaluated (the calendar year before today's). */
  year: number;
  toReview: number;
  returned: number;
  drafts: number;
  deadline: string | null;
  /** Whole days from today to the deadline; negative when past; null without a deadline. */
  daysLeft: number | null;
};

/** The status a role approves from: 单位审核 takes 已提交, 财政审核 takes 单位已审核. */
const REVIEWS: Partial<Record<User['role'], ReportStatus>> = {
  'dept-reviewer': 'submitted',
  'bureau-reviewer': 'dept-approved',
};

const DAY_MS = 86_400_000;

export const todoFor = async (
  store: Store,
  actor: User,
  options: { year?: number | undefined; today?: Date } = {},
): Promise<Todo> => {
  const today = options.today ?? new Date();
  const year = options.year ?? today.getUTCFullYear() - 1;
  const scope = actor.departmentId
    ? { departmentId: actor.departmentId }
    : { jurisdictionId: actor.jurisdictionId ?? '' };
  const reports = await store.reports.list({ ...scope, year });
  const count = (s: ReportStatus) => reports.filter((r) => r.status === s).length;
  const review = REVIEWS[actor.role];
  const clerk = actor.role === 'preparer';
  const place = actor.departmentId
    ? ((await store.org.getDepartment(actor.departmentId))?.jurisdictionId ?? null)
    : actor.jurisdictionId;
  const due = place ? await deadlineFor(store, place, year) : null;
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return {
    year,
    toReview: review ? count(review) : 0,
    returned: clerk ? count('returned') : 0,
    drafts: clerk ? count('draft') : 0,
    deadline: due?.deadline ?? null,
    daysLeft: due ? Math.round((Date.parse(`${due.deadline}T00:00:00Z`) - todayUtc) / DAY_MS) : null,
  };
};
