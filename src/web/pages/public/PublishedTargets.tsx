/** The portal's list of published 绩效目标表, by county, year, kind and a search, beside the reports. */
import { Table } from 'antd';
import { TARGET_KIND_LABELS, type TargetKind } from '../../../core/targets/vocab.ts';
import { listPublicTargets } from '../../api/targets.ts';
import { PageState } from '../../app/PageState.tsx';
import { Link } from '../../app/router.tsx';
import { fmtDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';

type Row = Awaited<ReturnType<typeof listPublicTargets>>[number];

export const PublishedTargets = ({
  jurisdictionId,
  year,
  kind,
  q,
}: {
  jurisdictionId: string;
  year: string;
  kind: TargetKind | '';
  q: string;
}) => {
  const load = useLoad(
    () =>
      listPublicTargets({
        ...(jurisdictionId ? { jurisdictionId } : {}),
        ...(year ? { year: Number(year) } : {}),
        ...(kind ? { kind } : {}),
      }),
    [jurisdictionId, year, kind],
  );
  const match = (r: Row) => !q || `${r.departmentName} ${r.projectName ?? ''} ${r.year}`.includes(q);
  return (
    <PageState
      load={load}
      empty={(rows) => rows.filter((r) => r.latest && match(r)).length === 0}
      emptyText="没有符合条件的公开绩效目标表"
    >
      {(all) => (
        <Table<Row>
          rowKey={(r) => `${r.tableId}-${r.version}`}
          dataSource={all.filter((r) => r.latest && match(r))}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 张` }}
          data-testid="public-targets"
          columns={[
            { title: '年度', dataIndex: 'year', width: 90, sorter: (a, b) => a.year - b.year },
            { title: '地区', dataIndex: 'jurisdictionName', width: 110 },
            {
              title: '部门（单位）',
              key: 'dept',
              render: (_, r) => (
                <Link to={`/public/targets/${r.tableId}?v=${r.version}`}>{r.departmentName}</Link>
              ),
            },
            {
              title: '目标表',
              key: 'kind',
              render: (_, r) => TARGET_KIND_LABELS[r.kind] + (r.projectName ? ` · ${r.projectName}` : ''),
            },
            { title: '批复版本', key: 'v', width: 90, render: (_, r) => `第${r.version}版` },
            { title: '公开日期', dataIndex: 'publishedAt', width: 150, render: (d: string) => fmtDate(d) },
          ]}
        />
      )}
    </PageState>
  );
};
