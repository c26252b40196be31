import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table } from 'antd';
import { z } from 'zod';
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '../../../core/workflow.ts';
import { api, ok } from '../../api/client.ts';
import type { ReportRow } from '../../api/types.ts';
import { YearSelect } from '../../app/filters.tsx';
import { PageState } from '../../app/PageState.tsx';
import { param, useQueryParams } from '../../app/query.ts';
import { RequireRole } from '../../app/RequireRole.tsx';
import { reportColumns } from '../../app/report-columns.tsx';
import { navigate, setQuery } from '../../app/router.tsx';
import { TodoBar } from '../../app/TodoBar.tsx';
import { useLoad } from '../../lib/use-load.ts';

const Params = z.object({
  year: param.positive(),
  kind: param.oneOf(['department', 'project']),
  status: param.oneOf(REPORT_STATUSES),
});

/** The department's reports by year and kind. */
const Workspace = () => {
  const { year, kind, status } = useQueryParams(Params);
  const load = useLoad(
    () =>
      ok(
        api.reports.$get({
          query: {
            ...(year ? { year } : {}),
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
              <YearSelect value={year ? String(year) : ''} onChange={(v) => setQuery({ year: v })} />
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
          <TodoBar role={me.role} />
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

const columns = reportColumns((r) => `/reports/${r.id}`);

const ReportTable = ({ rows }: { rows: ReportRow[] }) => (
  <Table<ReportRow>
    rowKey="id"
    size="middle"
    dataSource={rows}
    pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${n} 份` }}
    columns={[
      columns.year,
      columns.name,
      columns.status,
      columns.total,
      columns.grade,
      columns.reviewed,
      columns.reviewedGrade,
      columns.version,
      columns.updatedAt,
    ]}
  />
);

export default Workspace;
