/**
 * The bureau's review of one report: the report (read-only) beside its audit findings, the differences
 * from the previous version, re-scores with reasons, and return / approve / publish.
 */
import { Card, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { findingKey, type Role } from '../../../core/workflow.ts';
import { loadScore } from '../../api/reports.ts';
import type { ScoreView } from '../../api/types.ts';
import { KIND_SHORT, StatusTag } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { Link } from '../../app/router.tsx';
import { checkReport } from '../../editor/live-check.ts';
import { ReportEditor } from '../../editor/ReportEditor.tsx';
import { fmtDateTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';
import { CarriedTargets } from '../../report/ApprovedTargets.tsx';
import { AttachmentsPanel } from '../../report/AttachmentsPanel.tsx';
import { Downloads } from '../../report/Downloads.tsx';
import { type CurrentVersion, loadCurrentVersion } from '../../report/load-current.ts';
import { ReviewNotes } from '../../report/ReviewNotes.tsx';
import { VersionDiff, VersionHistory } from '../../report/VersionHistory.tsx';
import { WorkflowBar } from '../../report/WorkflowBar.tsx';
import { RescorePanel } from './RescorePanel.tsx';

/** The current version with its stored score (null when it has none). */
type Loaded = CurrentVersion<ScoreView | null>;

const loadAll = (id: string): Promise<Loaded> =>
  loadCurrentVersion(id, (id, v) => loadScore(id, v).catch(() => null));

const ReviewFor = ({ loaded, role, reload }: { loaded: Loaded; role: Role; reload: () => void }) => {
  const { detail, doc, extra: score, frameworks, bound, targets } = loaded;
  const r = detail.report;
  const check = useMemo(
    () => checkReport(doc, frameworks, bound, targets?.approved ?? null),
    [doc, frameworks, bound, targets],
  );
  // The department's written explanations, by finding key: shown under each finding they explain.
  const explained = useMemo(
    () =>
      new Map(
        detail.comments.flatMap((c) =>
          c.kind === 'finding-explanation' && c.findingRule ? [[c.findingRule, c] as const] : [],
        ),
      ),
    [detail.comments],
  );
  // Reviewing is the task here: the moves and the review tabs come first, the live findings below them.
  const side = (
    <Card size="small" title="审核" style={{ marginBottom: 12 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <WorkflowBar id={r.id} status={r.status} role={role} onDone={reload} />
        <Tabs
          size="small"
          items={[
            ...(r.currentVersion > 1
              ? [
                  {
                    key: 'diff',
                    label: '与上一版的差异',
                    children: (
                      <VersionDiff id={r.id} version={r.currentVersion} against={r.currentVersion - 1} />
                    ),
                  },
                ]
              : []),
            ...(score && role === 'bureau-reviewer'
              ? [
                  {
                    key: 'rescore',
                    label: '审核得分',
                    children: <RescorePanel reportId={r.id} score={score} onDone={reload} />,
                  },
                ]
              : []),
            {
              key: 'notes',
              label: `意见（${detail.comments.length + detail.rescores.length}）`,
              children: <ReviewNotes detail={detail} onAdded={reload} />,
            },
            {
              key: 'versions',
              label: `版本（${detail.versions.length}）`,
              children: <VersionHistory detail={detail} />,
            },
          ]}
        />
        <AttachmentsPanel reportId={r.id} status={r.status} role={role} />
      </Space>
    </Card>
  );
  return (
    <>
      <div className="jx-page-title">
        <h1>
          审核：{r.year}年度 · {r.departmentName} · {KIND_SHORT[r.kind]}
          {r.projectName ? ` · ${r.projectName}` : ''} <StatusTag status={r.status} />
          <Typography.Text type="secondary" style={{ fontSize: 14 }}>
            第 {r.currentVersion} 版
          </Typography.Text>
        </h1>
        <Space wrap>
          <Link to={`/reports/${r.id}/history`}>报告历史</Link>
          <Downloads id={r.id} version={r.currentVersion} />
        </Space>
      </div>
      {targets?.approved ? (
        <Card size="small" title="批复目标与年中监控" style={{ marginBottom: 12 }}>
          <CarriedTargets bound={targets} />
        </Card>
      ) : null}
      <ReportEditor
        doc={doc}
        check={check}
        side={side}
        findingExtra={(f) => {
          const c = explained.get(findingKey(f));
          if (c)
            return (
              <div className="jx-explanation" data-testid="finding-explanation">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  单位说明 · {c.authorId ? (detail.people[c.authorId] ?? '') : ''} ·{' '}
                  {fmtDateTime(c.createdAt)}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{c.body}</div>
              </div>
            );
          return f.severity === 'error' ? <Tag color="orange">单位未说明</Tag> : null;
        }}
      />
    </>
  );
};

const Review = ({ params }: { params: Record<string, string> }) => {
  const id = params.id ?? '';
  const load = useLoad(() => loadAll(id), [id]);
  return (
    <RequireRole roles={['bureau-reviewer', 'admin', 'dept-reviewer']}>
      {(me) => (
        <PageState load={load}>
          {(loaded) => <ReviewFor loaded={loaded} role={me.role} reload={load.reload} />}
        </PageState>
      )}
    </RequireRole>
  );
};
export default Review;
