/**
 * The bureau's progress table: every department of the jurisdiction (and below) by the step its reports
 * have reached, with the date of each step; filtered by step, kind and 地区; downloadable as .xlsx.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { InferResponseType } from 'hono/client';
import { z } from 'zod';
import { api, ok } from '../../api/client.ts';
import type { Me } from '../../api/session.ts';
import { KIND_SHORT } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { param, useQueryParams } from '../../app/query.ts';
import { RequireRole } from '../../app/RequireRole.tsx';
import { Link, setQuery } from '../../app/router.tsx';
import { fmtDateTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';
import { KindSelect, PlaceSelect, YearSelect } from './scope-selects.tsx';
import { useScope } from './use-scope.ts';

type Progress = Exclude<InferResponseType<typeof api.progress.$get, 200>, { code: string; message: string }>;
type Row = Progress['rows'][number];

/** The steps in order, as the server names them (src/app/progress.ts). */
const STEPS = [
  ['none', '未建', 'default'],
  ['draft', '草稿', 'default'],
  ['submitted', '已提交', 'processing'],
  ['dept-approved', '单位已审核', 'cyan'],
  ['bureau-approved', '财政已审核', 'blue'],
  ['published', '已公开', 'success'],
] as const;
type Step = (typeof STEPS)[number][0];
const STEP_LABEL = Object.fromEntries(STEPS.map(([k, l]) => [k, l])) as Record<Step, string>;
const STEP_COLOR = Object.fromEntries(STEPS.map(([k, , c]) => [k, c])) as Record<Step, string>;
const DATED = STEPS.slice(1) as readonly (readonly [Exclude<Step, 'none'>, string, string])[];
const Params = z.object({
  step: param.oneOf(STEPS.map(([k]) => k)),
  kind: param.oneOf(['department', 'project']),
});

const ProgressFor = ({ me }: { me: Me }) => {
  const scope = useScope(me);
  const { step, kind } = useQueryParams(Params);
  const params = {
    year: String(scope.year),
    ...(scope.jurisdictionId ? { jurisdictionId: scope.jurisdictionId } : {}),
    ...(kind ? { kind } : {}),
  };
  const load = useLoad(
    () => ok(api.progress.$get({ query: params })),
    [scope.year, scope.jurisdictionId, kind],
  );
  const exportUrl = api.progress.export.$url({ query: { ...params, ...(step ? { step } : {}) } });
  return (
    <>
      <div className="jx-page-title">
        <h1>{scope.year} 年度填报进度</h1>
        <Space wrap>
          <YearSelect scope={scope} />
          <PlaceSelect scope={scope} />
          <KindSelect value={kind} width={130} />
          <a href={exportUrl.pathname + exportUrl.search} download data-testid="progress-export">
            <Button icon={<DownloadOutlined />}>导出 Excel</Button>
          </a>
        </Space>
      </div>
      <PageState load={load}>
        {(p) => {
          const rows = step ? p.rows.filter((r) => r.step === step) : p.rows;
          return (
            <>
              <Segmented<string>
                aria-label="环节"
                style={{ marginBottom: 12 }}
                value={step}
                onChange={(v) => setQuery({ step: v })}
                options={[
                  { value: '', label: `全部 ${p.rows.length}` },
                  ...STEPS.map(([k, l]) => ({ value: k, label: `${l} ${p.counts[k]}` })),
                ]}
              />
              <Table<Row>
                rowKey={(r) => r.reportId ?? `none-${r.departmentId}`}
                size="small"
                data-testid="progress-table"
                dataSource={rows}
                scroll={{ x: 1200 }}
                pagination={{ pageSize: 50, showSizeChanger: true, showTotal: (n) => `共 ${n} 行` }}
                columns={[
                  { title: '地区', dataIndex: 'jurisdictionName', width: 110 },
                  {
                    title: '编码',
                    dataIndex: 'departmentCode',
                    width: 90,
                    render: (c: string | null) => c ?? '—',
                  },
                  {
                    title: '单位',
                    key: 'name',
                    width: 220,
                    render: (_, r) =>
                      r.reportId ? (
                        <Link to={`/bureau/review/${r.reportId}`}>
                          {r.departmentName}
                          {r.kind ? ` · ${KIND_SHORT[r.kind]}` : ''}
                          {r.projectName ? ` · ${r.projectName}` : ''}
                        </Link>
                      ) : (
                        <Typography.Text>{r.departmentName}</Typography.Text>
                      ),
                  },
                  {
                    title: '环节',
                    key: 'step',
                    width: 120,
                    render: (_, r) => (
                      <Space size={4}>
                        <Tag color={STEP_COLOR[r.step]}>{STEP_LABEL[r.step]}</Tag>
                        {r.status === 'returned' ? <Tag color="red">已退回</Tag> : null}
                      </Space>
                    ),
                  },
                  ...DATED.map(([k, l]) => ({
                    title: l,
                    key: k,
                    width: 130,
                    render: (_: unknown, r: Row) => {
                      const d = r.dates[k];
                      return d ? fmtDateTime(d) : '';
                    },
                  })),
                ]}
              />
            </>
          );
        }}
      </PageState>
    </>
  );
};

const Progress = () => (
  <RequireRole roles={['bureau-reviewer', 'admin']}>{(me) => <ProgressFor me={me} />}</RequireRole>
);
export default Progress;
