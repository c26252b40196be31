/** The bureau's list of the jurisdiction's reports, filtered by year and status, and the 抽查复核 draw. */
import { Alert, App, Button, Card, InputNumber, List, Select, Space } from 'antd';
import { useState } from 'react';
import { REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportStatus } from '../../../core/workflow.ts';
import { api, ok } from '../../api/client.ts';
import type { Me } from '../../api/session.ts';
import { KIND_SHORT, StatusTag } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { Link, setQuery, useLocation } from '../../app/router.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { ReportTable } from '../dept/Workspace.tsx';
import { useScope } from './use-scope.ts';

type Drawn = Awaited<ReturnType<typeof drawSample>>;
const drawSample = (jurisdictionId: string, year: number, percent: number) =>
  ok(api.samples.$post({ json: { jurisdictionId, year, percent } }));

const SampleCard = ({ jurisdictionId, year }: { jurisdictionId: string; year: number }) => {
  const { message } = App.useApp();
  const [percent, setPercent] = useState(20);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [busy, setBusy] = useState(false);
  const draw = async () => {
    setBusy(true);
    try {
      setDrawn(await drawSample(jurisdictionId, year, percent));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="抽查复核" style={{ marginBottom: 12 }}>
      <Space wrap>
        <span>从 {year} 年度已报送的报告中随机抽取</span>
        <InputNumber
          aria-label="抽取比例"
          min={1}
          max={100}
          value={percent}
          onChange={(v) => v && setPercent(v)}
          suffix="%"
        />
        <Button onClick={draw} loading={busy}>
          抽取
        </Button>
      </Space>
      {drawn ? (
        <>
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={`共 ${drawn.population} 份中抽取 ${drawn.drawn.length} 份，抽取记录已写入审计日志（编号 ${drawn.auditId}）`}
          />
          <List
            size="small"
            dataSource={drawn.drawn}
            renderItem={(r) => (
              <List.Item>
                <Link to={`/bureau/review/${r.id}`}>
                  {r.year}年度 · {KIND_SHORT[r.kind]}
                  {r.projectName ? ` · ${r.projectName}` : ''}
                </Link>
                <StatusTag status={r.status} />
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
};

const ListFor = ({ me }: { me: Me }) => {
  const scope = useScope(me);
  const { query } = useLocation();
  const status = (query.get('status') ?? '') as '' | ReportStatus;
  const load = useLoad(
    () =>
      ok(
        api.reports.$get({
          query: {
            year: scope.year,
            ...(status ? { status } : {}),
            ...(scope.jurisdictionId ? { jurisdictionId: scope.jurisdictionId } : {}),
          },
        }),
      ),
    [scope.year, status, scope.jurisdictionId],
  );
  return (
    <>
      <div className="jx-page-title">
        <h1>{scope.year} 年度报告</h1>
        <Space wrap>
          <Select
            aria-label="年度"
            style={{ width: 120 }}
            value={scope.year}
            onChange={scope.setYear}
            options={scope.years.map((y) => ({ value: y, label: `${y}年度` }))}
          />
          <Select
            aria-label="状态"
            style={{ width: 140 }}
            value={status}
            onChange={(v) => setQuery({ status: v })}
            options={[
              { value: '', label: '全部状态' },
              ...REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] })),
            ]}
          />
        </Space>
      </div>
      {me.role === 'bureau-reviewer' && scope.jurisdictionId ? (
        <SampleCard jurisdictionId={scope.jurisdictionId} year={scope.year} />
      ) : null}
      <PageState load={load} empty={(rows) => rows.length === 0} emptyText="没有符合条件的报告">
        {(rows) => <ReportTable rows={rows} reviewLinks />}
      </PageState>
    </>
  );
};

const ReportList = () => (
  <RequireRole roles={['bureau-reviewer', 'admin']}>{(me) => <ListFor me={me} />}</RequireRole>
);
export default ReportList;
