/**
 * The public portal: published reports, and published 绩效目标表 beside them, by county, year and
 * department (and kind of target table), with a search. No login.
 */
import { Card, Input, List, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { z } from 'zod';
import { TARGET_KIND_LABELS, type TargetKind } from '../../../core/targets/vocab.ts';
import { api, ok } from '../../api/client.ts';
import type { PublicRow } from '../../api/types.ts';
import { PlaceSelect, PUBLIC_DATASETS, YearSelect } from '../../app/filters.tsx';
import { GradeTag, KIND_SHORT } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { param, useQueryParams } from '../../app/query.ts';
import { Link, setQuery } from '../../app/router.tsx';
import { fmtDate, fmtScore } from '../../lib/format.ts';
import { compareNumbers } from '../../lib/sort.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useNarrow } from '../../lib/use-narrow.ts';
import { PublishedTargets } from './PublishedTargets.tsx';
import { listedTotal } from './public-score.ts';

const reportLink = (r: PublicRow) => `/public/reports/${r.reportId}?v=${r.version}`;

const Params = z.object({
  county: param.text(),
  year: param.positive(),
  q: param.text(),
  show: param.text(),
  kind: param.text(),
});

const PortalHome = () => {
  const { county: jurisdictionId, year, q: typed, show: shown, kind } = useQueryParams(Params);
  const q = typed.trim();
  const show = shown === 'targets' ? 'targets' : 'reports';
  const targetKind: TargetKind | '' = kind === 'department' || kind === 'project' ? kind : '';
  const narrow = useNarrow();
  const places = useLoad(() => ok(api.public.jurisdictions.$get()), []);
  const load = useLoad(
    () =>
      ok(
        api.public.reports.$get({
          query: { ...(jurisdictionId ? { jurisdictionId } : {}), ...(year ? { year } : {}) },
        }),
      ),
    [jurisdictionId, year],
  );
  const counties = (places.data ?? []).filter((j) => j.level === 'county');
  const match = useMemo(
    () => (r: PublicRow) => !q || `${r.departmentName} ${r.projectName ?? ''} ${r.year}`.includes(q),
    [q],
  );
  return (
    <>
      <div className="jx-page-title">
        <h1>{show === 'targets' ? '公开的绩效目标表' : '公开的绩效自评报告'}</h1>
        <Link to="/public/open-data">开放数据下载（CSV / JSON）</Link>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Segmented
            aria-label="公开内容"
            value={show}
            onChange={(v) => setQuery({ show: v === 'targets' ? 'targets' : '' })}
            options={[...PUBLIC_DATASETS]}
          />
          <PlaceSelect
            places={counties}
            all="全部县（区）"
            width={160}
            value={jurisdictionId}
            onChange={(v) => setQuery({ county: v })}
          />
          <YearSelect value={year ? String(year) : ''} onChange={(v) => setQuery({ year: v })} />
          {show === 'targets' ? (
            <Select
              aria-label="目标表类型"
              style={{ width: 220 }}
              value={targetKind}
              onChange={(v) => setQuery({ kind: v })}
              options={[
                { value: '', label: '全部目标表' },
                ...(['department', 'project'] as const).map((k) => ({
                  value: k,
                  label: TARGET_KIND_LABELS[k],
                })),
              ]}
            />
          ) : null}
          <Input.Search
            aria-label="搜索部门或项目"
            placeholder="搜索部门或项目名称"
            allowClear
            defaultValue={q}
            style={{ width: 260 }}
            onSearch={(v) => setQuery({ q: v })}
          />
        </Space>
      </Card>
      {show === 'targets' ? (
        <PublishedTargets
          jurisdictionId={jurisdictionId}
          year={year ? String(year) : ''}
          kind={targetKind}
          q={q}
        />
      ) : (
        <PageState
          load={load}
          empty={(rows) => rows.filter((r) => r.latest && match(r)).length === 0}
          emptyText="没有符合条件的公开报告"
        >
          {(all) => {
            const rows = all.filter((r) => r.latest && match(r));
            return narrow ? (
              <List
                dataSource={rows}
                pagination={{ pageSize: 10, size: 'small' }}
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta
                      title={<Link to={reportLink(r)}>{r.departmentName}</Link>}
                      description={
                        <Space size={8} wrap>
                          <span>{r.year}年度</span>
                          <span>{KIND_SHORT[r.kind]}</span>
                          <span>自评 {listedTotal(r.computedTotal, r.statedTotal, fmtScore)}</span>
                          <GradeTag grade={r.grade} />
                          {r.reviewedTotal !== null ? (
                            <>
                              <span>财政审核 {fmtScore(r.reviewedTotal)}</span>
                              <GradeTag grade={r.reviewedGrade} />
                            </>
                          ) : null}
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Table<PublicRow>
                rowKey={(r) => `${r.reportId}-${r.version}`}
                dataSource={rows}
                pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 份` }}
                columns={[
                  { title: '年度', dataIndex: 'year', width: 90, sorter: (a, b) => a.year - b.year },
                  { title: '地区', dataIndex: 'jurisdictionName', width: 110 },
                  {
                    title: '部门（单位）',
                    key: 'dept',
                    render: (_, r) => <Link to={reportLink(r)}>{r.departmentName}</Link>,
                    sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
                  },
                  {
                    title: '类型',
                    key: 'kind',
                    width: 120,
                    render: (_, r) => KIND_SHORT[r.kind] + (r.projectName ? ` · ${r.projectName}` : ''),
                  },
                  {
                    title: '自评得分',
                    key: 'total',
                    width: 110,
                    align: 'right',
                    render: (_, r) => listedTotal(r.computedTotal, r.statedTotal, fmtScore),
                    sorter: (a, b) =>
                      compareNumbers(a.computedTotal ?? a.statedTotal, b.computedTotal ?? b.statedTotal),
                  },
                  { title: '等级', key: 'grade', width: 80, render: (_, r) => <GradeTag grade={r.grade} /> },
                  {
                    title: '审核得分',
                    key: 'reviewed',
                    width: 110,
                    align: 'right',
                    render: (_, r) => fmtScore(r.reviewedTotal),
                    sorter: (a, b) => compareNumbers(a.reviewedTotal, b.reviewedTotal),
                  },
                  {
                    title: '审核等级',
                    key: 'reviewedGrade',
                    width: 90,
                    render: (_, r) => <GradeTag grade={r.reviewedGrade} />,
                  },
                  {
                    title: '公开日期',
                    dataIndex: 'publishedAt',
                    width: 150,
                    render: (d: string) => fmtDate(d),
                  },
                ]}
              />
            );
          }}
        </PageState>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {show === 'targets'
          ? '本页公开的是财政部门批复后公开的部门整体支出和项目支出绩效目标表，为批复时的版本。'
          : '本页公开的是经财政部门审核后公开的部门整体支出和项目支出绩效自评报告。得分由系统按当年指标框架重新计算；没有适用指标框架的报告按其所填得分列示，标明“按所填”。'}
      </Typography.Paragraph>
    </>
  );
};
export default PortalHome;
