/**
 * The bureau's review of one report: the report (read-only) beside its audit findings, the differences
 * from the previous version, re-scores with reasons, and return / approve / publish.
 */
import { Card, Space, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { type Framework, validateFramework } from '../../../core/framework/index.ts';
import { Report } from '../../../core/model/report.ts';
import type { Role } from '../../../core/workflow.ts';
import { loadDetail, loadFrameworks, loadScore, loadVersion } from '../../api/reports.ts';
import type { ReportDetail, ScoreView } from '../../api/types.ts';
import { KIND_SHORT, StatusTag } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { checkReport } from '../../editor/live-check.ts';
import { ReportEditor } from '../../editor/ReportEditor.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { AttachmentsPanel } from '../../report/AttachmentsPanel.tsx';
import { Downloads } from '../../report/Downloads.tsx';
import { ReviewNotes } from '../../report/ReviewNotes.tsx';
import { VersionDiff, VersionHistory } from '../../report/VersionHistory.tsx';
import { WorkflowBar } from '../../report/WorkflowBar.tsx';
import { RescorePanel } from './RescorePanel.tsx';

type Loaded = {
  detail: ReportDetail;
  doc: Report;
  score: ScoreView | null;
  /** What the server evaluates this report against, so the live figures are the stored ones. */
  frameworks: Framework[];
  bound: boolean;
};

const loadAll = async (id: string): Promise<Loaded> => {
  const detail = await loadDetail(id);
  const v = detail.report.currentVersion;
  const [version, score, fw] = await Promise.all([
    loadVersion(id, v),
    loadScore(id, v).catch(() => null),
    loadFrameworks(id),
  ]);
  const frameworks = fw.frameworks.flatMap((f) => {
    const checked = validateFramework(f);
    return checked.ok ? [checked.framework] : [];
  });
  return { detail, doc: Report.parse(version.document), score, frameworks, bound: fw.bound };
};

const ReviewFor = ({ loaded, role, reload }: { loaded: Loaded; role: Role; reload: () => void }) => {
  const { detail, doc, score, frameworks, bound } = loaded;
  const r = detail.report;
  const check = useMemo(() => checkReport(doc, frameworks, bound), [doc, frameworks, bound]);
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
              children: <ReviewNotes detail={detail} />,
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
        <Downloads id={r.id} version={r.currentVersion} />
      </div>
      <ReportEditor doc={doc} check={check} side={side} />
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
