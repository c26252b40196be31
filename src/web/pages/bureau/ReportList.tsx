/**
 * The bureau's list of the jurisdiction's reports — searched by department or project, filtered (on the
 * server) by year, kind, status and audit errors — with batch export of the selected or filtered reports
 * and the 抽查复核 draw.
 */
import { Alert, Button, Card, Input, InputNumber, List, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportStatus } from '../../../core/workflow.ts';
import { api, ok } from '../../api/client.ts';
import type { Me } from '../../api/session.ts';
import type { ReportRow } from '../../api/types.ts';
import { KIND_SHORT, StatusTag } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { param, useQueryParams } from '../../app/query.ts';
import { RequireRole } from '../../app/RequireRole.tsx';
import { reportColumns } from '../../app/report-columns.tsx';
import { Link, setQuery } from '../../app/router.tsx';
import { chineseOnly } from '../../lib/chinese-message.ts';
import { downloadBlob, fileNameOf } from '../../lib/download.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { KindSelect, YearSelect } from './scope-selects.tsx';
import { useScope } from './use-scope.ts';

type Drawn = Awaited<ReturnType<typeof drawSample>>;
const drawSample = (jurisdictionId: string, year: number, percent: number) =>
  ok(api.samples.$post({ json: { jurisdictionId, year, percent } }));

const SampleCard = ({ jurisdictionId, year }: { jurisdictionId: string; year: number }) => {
  const [percent, setPercent] = useState(20);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const { run, busy } = useWrite();
  const draw = () => run(async () => setDrawn(await drawSample(jurisdictionId, year, percent)));
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

const ERROR_FILTERS = [
  { value: '', label: '审核错误：不限' },
  { value: 'none', label: '无审核错误' },
  { value: 'some', label: '有审核错误' },
  { value: 'many', label: '审核错误 5 处以上' },
] as const;
const ERROR_QUERY = {
  none: { maxErrors: 0 },
  some: { minErrors: 1 },
  many: { minErrors: 5 },
} as const;

/** The file name the server gave (filename*=UTF-8''…), else a fallback. */
type Filter = {
  year?: number;
  status?: ReportStatus;
  kind?: 'department' | 'project';
  jurisdictionId?: string;
  q?: string;
  minErrors?: number;
  maxErrors?: number;
  targetsChanged?: boolean;
};

const ExportButtons = ({ filter, selected }: { filter: Filter; selected: string[] }) => {
  const { run: write, busyWith: busy } = useWrite<'docx' | 'pdf' | 'summary'>();
  const run = (format: 'docx' | 'pdf' | 'summary') =>
    write(
      async () => {
        const res = await api.reports.export.$post({
          json: { format, filter, ...(selected.length ? { ids: selected } : {}) },
        });
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as { message?: string } | null;
          throw new Error(body?.message ? chineseOnly(body.message) : `导出失败（${res.status}）`);
        }
        downloadBlob(await res.blob(), fileNameOf(res, format === 'summary' ? '报告汇总.xlsx' : '报告.zip'));
      },
      { key: format },
    );
  const what = selected.length ? `所选 ${selected.length} 份` : '筛选出的全部';
  return (
    <Space wrap data-testid="batch-export">
      <Typography.Text type="secondary">导出{what}：</Typography.Text>
      <Button size="small" loading={busy === 'docx'} onClick={() => run('docx')}>
        Word 压缩包
      </Button>
      <Button size="small" loading={busy === 'pdf'} onClick={() => run('pdf')}>
        PDF 压缩包
      </Button>
      <Button size="small" loading={busy === 'summary'} onClick={() => run('summary')}>
        Excel 汇总表
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        PDF 每次最多 30 份，Word 最多 200 份
      </Typography.Text>
    </Space>
  );
};

const columns = reportColumns((r) => `/bureau/review/${r.id}`);

const BureauTable = ({
  rows,
  selected,
  onSelect,
}: {
  rows: ReportRow[];
  selected: string[];
  onSelect: (ids: string[]) => void;
}) => (
  <Table<ReportRow>
    rowKey="id"
    size="middle"
    data-testid="bureau-reports"
    dataSource={rows}
    rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)) }}
    pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${n} 份` }}
    columns={[
      columns.name,
      columns.status,
      { ...columns.total, width: 100 },
      columns.grade,
      columns.reviewed,
      columns.errors,
      columns.warnings,
      columns.updatedAt,
    ]}
  />
);

const Params = z.object({
  status: param.oneOf(REPORT_STATUSES),
  kind: param.oneOf(['department', 'project']),
  q: param.text(),
  errors: param.oneOf(['none', 'some', 'many']),
  changed: param.text(),
});

const ListFor = ({ me }: { me: Me }) => {
  const scope = useScope(me);
  const { status, kind, q, errors, changed: changedQ } = useQueryParams(Params);
  /** Only reports whose targets differ from the approved target table (the overview links here). */
  const changed = changedQ === '1';
  const [typed, setTyped] = useState(q);
  const [selected, setSelected] = useState<string[]>([]);
  const filter: Filter = {
    year: scope.year,
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...(q ? { q } : {}),
    ...(scope.jurisdictionId ? { jurisdictionId: scope.jurisdictionId } : {}),
    ...(errors ? ERROR_QUERY[errors] : {}),
  };
  const load = useLoad(
    () =>
      ok(
        api.reports.$get({
          query: {
            year: scope.year,
            ...(status ? { status } : {}),
            ...(kind ? { kind } : {}),
            ...(q ? { q } : {}),
            ...(errors ? ERROR_QUERY[errors] : {}),
            ...(changed ? { targetsChanged: true } : {}),
            ...(scope.jurisdictionId ? { jurisdictionId: scope.jurisdictionId } : {}),
          },
        }),
      ).then((rows) => {
        setSelected((s) => s.filter((id) => rows.some((r) => r.id === id)));
        return rows;
      }),
    [scope.year, status, kind, q, errors, changed, scope.jurisdictionId],
  );
  return (
    <>
      <div className="jx-page-title">
        <h1>{scope.year} 年度报告</h1>
        <Space wrap>
          <Input.Search
            aria-label="搜索单位或项目"
            placeholder="单位、编码或项目名称"
            allowClear
            style={{ width: 220 }}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => setQuery({ q: v.trim() })}
          />
          <YearSelect scope={scope} />
          <KindSelect value={kind} width={120} />
          <Select
            aria-label="状态"
            style={{ width: 130 }}
            value={status}
            onChange={(v) => setQuery({ status: v })}
            options={[
              { value: '', label: '全部状态' },
              ...REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] })),
            ]}
          />
          <Select
            aria-label="审核错误"
            style={{ width: 170 }}
            value={errors}
            onChange={(v) => setQuery({ errors: v })}
            options={ERROR_FILTERS.map((f) => ({ value: f.value, label: f.label }))}
          />
        </Space>
      </div>
      {changed ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="只列出绩效目标与批复版本不一致的报告（目标值、计量单位或比较符被改动，或与运行监控时的偏差原因矛盾）"
          action={<Link to={`/bureau/reports?year=${scope.year}`}>显示全部</Link>}
        />
      ) : null}
      {me.role === 'bureau-reviewer' && scope.jurisdictionId ? (
        <SampleCard jurisdictionId={scope.jurisdictionId} year={scope.year} />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <ExportButtons filter={filter} selected={selected} />
      </Card>
      <PageState load={load} empty={(rows) => rows.length === 0} emptyText="没有符合条件的报告">
        {(rows) => <BureauTable rows={rows} selected={selected} onSelect={setSelected} />}
      </PageState>
    </>
  );
};

const ReportList = () => (
  <RequireRole roles={['bureau-reviewer', 'admin']}>{(me) => <ListFor me={me} />}</RequireRole>
);
export default ReportList;
