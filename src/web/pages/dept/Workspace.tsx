import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table } from 'antd';
import { REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportStatus } from '../../../core/workflow.ts';
import { api, ok } from '../../api/client.ts';
import type { ReportRow } from '../../api/types.ts';
import { GradeTag, KIND_SHORT, recentYears, StatusTag } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { Link, navigate, setQuery, useLocation } from '../../app/router.tsx';
import { fmtDateTime, fmtScore } from '../../lib/format.ts';
import { compareNumbers } from '../../lib/sort.ts';
import { useLoad } from '../../lib/use-load.ts';

/** The department's reports by year and kind. */
const Workspace = () => {
  const { query } = useLocation();
  const year = query.get('year') ?? '';
  const kind = (query.get('kind') ?? '') as '' | 'department' | 'project';
  const status = (query.get('status') ?? '') as '' | ReportStatus;
  const load = useLoad(
    () =>
      ok(
        api.reports.$get({
          query: {
            ...(year ? { year: Number(year) } : {}),
            ...(kind ? { kind } : {}),
            ...(status ? { status } : {}),
          },
        }),
      ),
    [year, kind, status],
  );
  return (
    <RequireRole roles={['preparer', 'dept-reviewer']}>
      {(me) => (
        <>
          <div className="jx-page-title">
            <h1>本单位报告</h1>
            <Space wrap>
              <Select
                aria-label="年度"
                value={year}
                style={{ width: 120 }}
                onChange={(v) => setQuery({ year: v })}
                options={[
                  { value: '', label: '全部年度' },
                  ...recentYears().map((y) => ({ value: String(y), label: `${y}年度` })),
                ]}
              />
              <Select
                aria-label="类型"
                value={kind}
                style={{ width: 130 }}
                onChange={(v) => setQuery({ kind: v })}
                options={[
                  { value: '', label: '全部类型' },
                  { value: 'department', label: '部门整体支出' },
                  { value: 'project', label: '项目支出' },
                ]}
              />
              <Select
                aria-label="状态"
                value={status}
                style={{ width: 130 }}
                onChange={(v) => setQuery({ status: v })}
                options={[
                  { value: '', label: '全部状态' },
                  ...REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] })),
                ]}
              />
              {me.role === 'preparer' ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/dept/new')}>
                  新建报告
                </Button>
              ) : null}
            </Space>
          </div>
          <PageState
            load={load}
            empty={(rows) => rows.length === 0}
            emptyText="还没有报告：可导入 Word、WPS、PDF 或网页文件，或从上年报告复制"
          >
            {(rows) => <ReportTable rows={rows} />}
          </PageState>
        </>
      )}
    </RequireRole>
  );
};

export const ReportTable = ({ rows, reviewLinks = false }: { rows: ReportRow[]; reviewLinks?: boolean }) => (
  <Table<ReportRow>
    rowKey="id"
    size="middle"
    dataSource={rows}
    pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${n} 份` }}
    columns={[
      {
        title: '年度',
        dataIndex: 'year',
        width: 80,
        sorter: (a, b) => a.year - b.year,
        defaultSortOrder: 'descend',
      },
      {
        title: '报告',
        key: 'name',
        render: (_, r) => (
          <Link to={reviewLinks ? `/bureau/review/${r.id}` : `/reports/${r.id}`}>
            {r.departmentName} · {KIND_SHORT[r.kind]}
            {r.projectName ? ` · ${r.projectName}` : ''}
          </Link>
        ),
        sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
      },
      {
        title: '状态',
        dataIndex: 'status',
        width: 110,
        render: (s: ReportStatus) => <StatusTag status={s} />,
      },
      {
        title: '重算得分',
        key: 'total',
        width: 110,
        align: 'right',
        render: (_, r) => fmtScore(r.computedTotal),
        sorter: (a, b) => compareNumbers(a.computedTotal, b.computedTotal),
      },
      { title: '等级', key: 'grade', width: 70, render: (_, r) => <GradeTag grade={r.grade} /> },
      {
        title: '审核得分',
        key: 'reviewed',
        width: 100,
        align: 'right',
        render: (_, r) => (r.reviewedTotal === null ? '—' : fmtScore(r.reviewedTotal)),
        sorter: (a, b) => compareNumbers(a.reviewedTotal, b.reviewedTotal),
      },
      {
        title: '审核等级',
        key: 'reviewedGrade',
        width: 80,
        render: (_, r) => (r.reviewedGrade ? <GradeTag grade={r.reviewedGrade} /> : '—'),
      },
      { title: '版本', dataIndex: 'currentVersion', width: 70, align: 'right' },
      {
        title: '更新时间',
        dataIndex: 'updatedAt',
        width: 160,
        render: (d: string) => fmtDateTime(d),
        sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      },
    ]}
  />
);

export default Workspace;
