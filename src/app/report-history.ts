/**
 * Use case: a report's history, newest first — every saved version, status change, publication,
 * comment, opinion and re-score, with who did it and when — from the append-only audit log, each entry
 * said in Chinese (the comment and re-score texts joined from their own tables).
 */

import type { Result } from '../core/result.ts';
import {
  REPORT_STATUS_LABELS,
  type ReportStatus,
  transitionOf,
  WORKFLOW_ACTION_LABELS,
} from '../core/workflow.ts';
import { seeReport } from './access.ts';
import { PATH_SEPARATOR } from './report-scoring.ts';
import { namesOf } from './report-views.ts';
import type { AuditEntry, Comment, Rescore, Store, User } from './store.ts';

export const HISTORY_KINDS = ['version', 'status', 'publish', 'comment', 'rescore', 'other'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export type HistoryEntry = {
  id: number;
  at: Date;
  /** The audit log's stable code (report.save-version, report.set-status, …). */
  action: string;
  kind: HistoryKind;
  actorId: string | null;
  actorName: string | null;
  /** The version the entry concerns, when it concerns one. */
  version: number | null;
  /** What happened, said for people: 提交（草稿 → 已提交）, 保存第 3 版, 审核意见. */
  title: string;
  /** The comment, opinion, reason or version note, when there is one. */
  text: string | null;
  detail: Record<string, unknown>;
};

const COMMENT_TITLES = {
  comment: '意见',
  'return-reason': '退回理由',
  'finding-explanation': '问题说明',
  'approval-opinion': '审核意见',
} as const satisfies Record<Comment['kind'], string>;

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const isStatus = (v: unknown): v is ReportStatus => typeof v === 'string' && v in REPORT_STATUS_LABELS;

const describe = (
  e: AuditEntry,
  comments: Map<string, Comment>,
  rescores: Rescore[],
): Pick<HistoryEntry, 'kind' | 'version' | 'title' | 'text'> => {
  const d = e.detail;
  switch (e.action) {
    case 'report.create':
      return { kind: 'version', version: 1, title: '创建报告（第 1 版）', text: null };
    case 'report.save-version':
      return {
        kind: 'version',
        version: num(d.version),
        title: `保存第 ${num(d.version) ?? '?'} 版`,
        text: str(d.summary),
      };
    case 'report.set-status': {
      const from = isStatus(d.from) ? d.from : null;
      const to = isStatus(d.to) ? d.to : null;
      const t = from && to ? transitionOf(from, to) : undefined;
      const name = t ? WORKFLOW_ACTION_LABELS[t.action] : '状态变更';
      return {
        kind: 'status',
        version: num(d.version),
        title: from && to ? `${name}（${REPORT_STATUS_LABELS[from]} → ${REPORT_STATUS_LABELS[to]}）` : name,
        text: null,
      };
    }
    case 'report.publish':
      return {
        kind: 'publish',
        version: num(d.version),
        title: `公开第 ${num(d.version) ?? '?'} 版`,
        text: null,
      };
    case 'report.comment': {
      const c = comments.get(String(d.commentId));
      return {
        kind: 'comment',
        version: c?.version ?? null,
        title: c ? COMMENT_TITLES[c.kind] : '意见',
        text: c?.body ?? null,
      };
    }
    case 'report.rescore': {
      const r = rescores.find(
        (x) => x.indicatorPath === d.indicatorPath && x.score === d.score && x.reviewerId === e.actorId,
      );
      const path = String(d.indicatorPath ?? '')
        .split(PATH_SEPARATOR)
        .join(' › ');
      return {
        kind: 'rescore',
        version: r?.version ?? null,
        title: `审核得分：${path} ${String(d.score ?? '')} 分`,
        text: r?.reason ?? null,
      };
    }
    default:
      return { kind: 'other', version: num(d.version), title: '其他操作', text: null };
  }
};

export const reportHistory = async (
  store: Store,
  actor: User,
  reportId: string,
): Promise<Result<HistoryEntry[]>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const [entries, comments, rescores] = await Promise.all([
    store.audit.list({ targetType: 'report', targetId: reportId, limit: 1000 }),
    store.review.listComments(reportId),
    store.review.listRescores(reportId),
  ]);
  const names = await namesOf(
    store,
    entries.map((e) => e.actorId),
  );
  const byId = new Map(comments.map((c) => [c.id, c]));
  return {
    ok: true,
    value: entries.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      actorId: e.actorId,
      actorName: e.actorId ? (names[e.actorId] ?? null) : null,
      ...describe(e, byId, rescores),
      detail: e.detail,
    })),
  };
};
