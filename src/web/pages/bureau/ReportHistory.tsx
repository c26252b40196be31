/**
 * A report's history on one page, newest first: versions saved, workflow moves, publications, comments,
 * opinions and re-scores, each with who did it and when (local time), filterable by kind.
 */
import { Card, Segmented, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client.ts';
import { loadDetail } from '../../api/reports.ts';
import { KIND_SHORT, StatusTag } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { Link } from '../../app/router.tsx';
import { fmtDateTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';

const FILTERS = [
  { value: 'all', label: '全部' },
  { value: 'version', label: '版本' },
  { value: 'status', label: '流程' },
  { value: 'comment', label: '意见' },
  { value: 'rescore', label: '审核得分' },
] as const;
type Filter = (typeof FILTERS)[number]['value'];

const COLOR = {
  version: 'blue',
  status: 'orange',
  publish: 'green',
  comment: 'purple',
  rescore: 'red',
  other: 'gray',
} as const;
const KIND_LABEL = {
  version: '版本',
  status: '流程',
  publish: '公开',
  comment: '意见',
  rescore: '审核得分',
  other: '其他',
} as const;

const load = async (id: string) => {
  const [detail, history] = await Promise.all([
    loadDetail(id),
    ok(api.reports[':id'].history.$get({ param: { id } })),
  ]);
  return { detail, history };
};

const ReportHistory = ({ params }: { params: Record<string, string> }) => {
  const id = params.id ?? '';
  const loaded = useLoad(() => load(id), [id]);
  const [filter, setFilter] = useState<Filter>('all');
  return (
    <RequireRole roles={['preparer', 'dept-reviewer', 'bureau-reviewer', 'admin']}>
      {(me) => (
        <PageState load={loaded}>
          {({ detail, history }) => {
            const r = detail.report;
            const shown = history.filter(
              (h) => filter === 'all' || h.kind === filter || (filter === 'status' && h.kind === 'publish'),
            );
            const back = me.departmentId ? `/reports/${r.id}` : `/bureau/review/${r.id}`;
            return (
              <>
                <div className="jx-page-title">
                  <h1>
                    报告历史：{r.year}年度 · {r.departmentName} · {KIND_SHORT[r.kind]}
                    {r.projectName ? ` · ${r.projectName}` : ''} <StatusTag status={r.status} />
                  </h1>
                  <Link to={back}>返回报告</Link>
                </div>
                <Card size="small">
                  <Space style={{ marginBottom: 16 }} wrap>
                    <Segmented<Filter>
                      aria-label="历史类型"
                      options={FILTERS.map((f) => ({ value: f.value, label: f.label }))}
                      value={filter}
                      onChange={setFilter}
                    />
                    <Typography.Text type="secondary">共 {shown.length} 条 · 时间为本地时间</Typography.Text>
                  </Space>
                  <Timeline
                    data-testid="report-history"
                    items={shown.map((h) => ({
                      key: h.id,
                      color: COLOR[h.kind],
                      content: (
                        <div>
                          <Space size={6} wrap>
                            <Tag color={COLOR[h.kind]}>{KIND_LABEL[h.kind]}</Tag>
                            <Typography.Text strong>{h.title}</Typography.Text>
                            {h.version ? (
                              <Typography.Text type="secondary">第 {h.version} 版</Typography.Text>
                            ) : null}
                          </Space>
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {h.actorName ?? '系统'} · {fmtDateTime(h.at)}
                            </Typography.Text>
                          </div>
                          {h.text ? (
                            <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{h.text}</div>
                          ) : null}
                        </div>
                      ),
                    }))}
                  />
                </Card>
              </>
            );
          }}
        </PageState>
      )}
    </RequireRole>
  );
};
export default ReportHistory;
