/**
 * The bureau's year overview of its jurisdiction: status of every department, who is late, the grade
 * and score distributions, the ranking, the most frequent findings and the years before — charts beside
 * sortable tables.
 */
import { Card, Col, Empty, Row, Segmented, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { GRADES } from '../../../core/model/department-report.ts';
import { REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportStatus } from '../../../core/workflow.ts';
import { api, ok } from '../../api/client.ts';
import type { Dashboard } from '../../api/types.ts';
import { GradeTag, KIND_SHORT, SeverityTag, StatusTag } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { Link } from '../../app/router.tsx';
import { TodoBar } from '../../app/TodoBar.tsx';
import { EChart } from '../../charts/EChart.tsx';
import { findingTitle } from '../../lib/finding-title.ts';
import { fmtDate, fmtScore } from '../../lib/format.ts';
import { compareNumbers } from '../../lib/sort.ts';
import { useLoad } from '../../lib/use-load.ts';
import { PlaceSelect, YearSelect } from './scope-selects.tsx';
import { useScope } from './use-scope.ts';

type Ranked = Dashboard['ranking'][number];
type RuleRow = Dashboard['findingsByRule'][number];
type Yoy = Dashboard['yearOverYear']['departments'][number];

const GRADE_HEX = { 优: '#52c41a', 良: '#1677ff', 中: '#fa8c16', 差: '#f5222d' } as const;

const Charts = ({ d }: { d: Dashboard }) => (
  <Row gutter={[16, 16]}>
    <Col xs={24} lg={12}>
      <Card size="small" title="报告状态">
        <EChart
          label="各状态报告数"
          height={240}
          option={{
            grid: { left: 90, right: 24, top: 10, bottom: 24 },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: {
              type: 'category',
              inverse: true,
              data: REPORT_STATUSES.map((s) => REPORT_STATUS_LABELS[s]),
            },
            tooltip: {},
            series: [
              {
                type: 'bar',
                data: REPORT_STATUSES.map((s) => d.statusCounts[s]),
                itemStyle: { color: '#b71c1c' },
                label: { show: true, position: 'right' },
              },
            ],
          }}
        />
      </Card>
    </Col>
    <Col xs={24} lg={12}>
      <Card size="small" title="等级分布">
        <EChart
          label="各等级报告数"
          height={240}
          option={{
            tooltip: { trigger: 'item' },
            legend: { bottom: 0 },
            series: [
              {
                type: 'pie',
                radius: ['35%', '60%'],
                center: ['50%', '45%'],
                label: { formatter: '{b}：{c}' },
                data: GRADES.map((g) => ({
                  name: g,
                  value: d.grades[g],
                  itemStyle: { color: GRADE_HEX[g] },
                })),
              },
            ],
          }}
        />
      </Card>
    </Col>
    <Col xs={24} lg={12}>
      <Card size="small" title="得分分布">
        <EChart
          label="得分段报告数"
          height={240}
          option={{
            grid: { left: 40, right: 16, top: 16, bottom: 28 },
            xAxis: { type: 'category', data: d.distribution.map((b) => b.label) },
            yAxis: { type: 'value', minInterval: 1 },
            tooltip: {},
            series: [
              {
                type: 'bar',
                data: d.distribution.map((b) => b.count),
                itemStyle: { color: '#1677ff' },
                label: { show: true, position: 'top' },
              },
            ],
          }}
        />
      </Card>
    </Col>
    <Col xs={24} lg={12}>
      <Card size="small" title="历年对比">
        <EChart
          label="历年平均分和报告数"
          height={240}
          option={{
            grid: { left: 40, right: 40, top: 30, bottom: 28 },
            legend: { top: 0 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: d.yearOverYear.years.map((y) => `${y.year}`) },
            yAxis: [
              { type: 'value', name: '平均分', min: 0, max: 100 },
              { type: 'value', name: '份数', minInterval: 1 },
            ],
            series: [
              {
                name: '平均分',
                type: 'line',
                data: d.yearOverYear.years.map((y) => (y.average === null ? null : Number(y.average))),
              },
              {
                name: '报告数',
                type: 'bar',
                yAxisIndex: 1,
                data: d.yearOverYear.years.map((y) => y.reports),
                itemStyle: { color: '#d9d9d9' },
              },
            ],
          }}
        />
      </Card>
    </Col>
  </Row>
);

/** 部门整体 and 项目 ranked apart (never mixed), each by the bureau's 审核得分 where it exists. */
const RankingCard = ({ d }: { d: Dashboard }) => {
  const [kind, setKind] = useState<'department' | 'project'>('department');
  const rows = kind === 'department' ? d.ranking : d.projectRanking;
  const ranked = (r: Ranked) => r.reviewedTotal ?? r.total;
  return (
    <Card
      size="small"
      title="得分排名（已提交的报告）"
      extra={
        <Segmented
          size="small"
          value={kind}
          onChange={(v) => setKind(v === 'project' ? 'project' : 'department')}
          options={[
            { value: 'department', label: `部门整体（${d.ranking.length}）` },
            { value: 'project', label: `项目支出（${d.projectRanking.length}）` },
          ]}
        />
      }
    >
      <Table<Ranked>
        size="small"
        rowKey="reportId"
        dataSource={rows}
        pagination={{ pageSize: 10, size: 'small' }}
        columns={[
          { title: '名次', key: 'rank', width: 60, render: (_, _r, i) => i + 1 },
          {
            title: '部门',
            key: 'dept',
            render: (_, r) => (
              <Link to={`/bureau/review/${r.reportId}`}>
                {r.departmentName}
                {r.kind === 'project' ? ` · ${r.projectName ?? KIND_SHORT.project}` : ''}
              </Link>
            ),
            sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
          },
          {
            title: '审核得分',
            key: 'reviewed',
            width: 90,
            align: 'right',
            render: (_, r) => (r.reviewedTotal === null ? '未审核' : fmtScore(r.reviewedTotal)),
            sorter: (a, b) => compareNumbers(ranked(a), ranked(b)),
          },
          {
            title: '审核等级',
            key: 'rgrade',
            width: 80,
            render: (_, r) => (r.reviewedGrade ? <GradeTag grade={r.reviewedGrade} /> : '—'),
          },
          {
            title: '重算得分',
            key: 'total',
            width: 90,
            align: 'right',
            render: (_, r) => fmtScore(r.total),
            sorter: (a, b) => compareNumbers(a.total, b.total),
          },
          { title: '等级', key: 'grade', width: 70, render: (_, r) => <GradeTag grade={r.grade} /> },
          { title: '状态', key: 'status', width: 110, render: (_, r) => <StatusTag status={r.status} /> },
        ]}
      />
    </Card>
  );
};

const Tables = ({ d }: { d: Dashboard }) => (
  <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
    <Col xs={24} xl={14}>
      <RankingCard d={d} />
    </Col>
    <Col xs={24} xl={10}>
      <Card
        size="small"
        title={`逾期未报（截止 ${d.deadline ? fmtDate(d.deadline) : '未设'}）`}
        style={{ marginBottom: 16 }}
      >
        {d.late.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={d.deadline ? '没有逾期单位' : '未设截止日期'}
          />
        ) : (
          <Table
            size="small"
            rowKey="departmentId"
            dataSource={d.late}
            pagination={d.late.length > 8 ? { pageSize: 8, size: 'small' } : false}
            columns={[
              { title: '部门', dataIndex: 'name' },
              {
                title: '状态',
                dataIndex: 'status',
                width: 110,
                render: (s: ReportStatus | null) => (s ? <StatusTag status={s} /> : <Tag>未建报告</Tag>),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title="最常见的审核问题">
        <Table<RuleRow>
          size="small"
          rowKey="rule"
          dataSource={d.findingsByRule}
          pagination={{ pageSize: 8, size: 'small' }}
          columns={[
            {
              title: '问题',
              key: 'rule',
              render: (_, r) => (
                <span>
                  <SeverityTag severity={r.severity} />
                  {findingTitle(r.rule)}
                </span>
              ),
            },
            {
              title: '次数',
              dataIndex: 'count',
              width: 70,
              align: 'right',
              sorter: (a, b) => a.count - b.count,
              defaultSortOrder: 'descend',
            },
            {
              title: '报告数',
              dataIndex: 'reports',
              width: 80,
              align: 'right',
              sorter: (a, b) => a.reports - b.reports,
            },
          ]}
        />
      </Card>
    </Col>
    <Col span={24}>
      <Card size="small" title={`与 ${d.year - 1} 年度相比（部门整体）`}>
        <Table<Yoy>
          size="small"
          rowKey="departmentId"
          dataSource={d.yearOverYear.departments}
          pagination={{ pageSize: 10, size: 'small' }}
          columns={[
            { title: '部门', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
            {
              title: `${d.year} 年度`,
              key: 'total',
              align: 'right',
              render: (_, r) => fmtScore(r.total),
              sorter: (a, b) => compareNumbers(a.total, b.total),
            },
            {
              title: `${d.year - 1} 年度`,
              key: 'prev',
              align: 'right',
              render: (_, r) => fmtScore(r.previous),
              sorter: (a, b) => compareNumbers(a.previous, b.previous),
            },
            {
              title: '变化',
              key: 'change',
              align: 'right',
              render: (_, r) =>
                r.change === null ? (
                  '—'
                ) : (
                  <span style={{ color: r.change.startsWith('-') ? '#cf1322' : '#389e0d' }}>
                    {r.change.startsWith('-') ? r.change : `+${r.change}`}
                  </span>
                ),
              sorter: (a, b) => compareNumbers(a.change, b.change),
            },
          ]}
        />
      </Card>
    </Col>
  </Row>
);

const Kpis = ({ d }: { d: Dashboard }) => {
  const thisYear = d.yearOverYear.years.find((y) => y.year === d.year);
  const handedIn =
    d.statusCounts.submitted +
    d.statusCounts['dept-approved'] +
    d.statusCounts['bureau-approved'] +
    d.statusCounts.published;
  return (
    <div className="jx-kpi">
      <Card size="small">
        <Statistic title="部门数" value={d.departments} />
      </Card>
      <Card size="small">
        <Statistic title="报告数" value={d.reports} />
      </Card>
      <Card size="small">
        <Statistic title="已报送" value={handedIn} />
      </Card>
      <Card size="small">
        <Statistic title="待财政审核" value={d.statusCounts['dept-approved']} />
      </Card>
      <Card size="small">
        <Statistic title="已公开" value={d.statusCounts.published} />
      </Card>
      <Card size="small">
        <Statistic
          title="逾期单位"
          value={d.late.length}
          valueStyle={d.late.length ? { color: '#cf1322' } : undefined}
        />
      </Card>
      <Card size="small">
        <Statistic title="平均分" value={thisYear?.average ?? '—'} />
      </Card>
      <Card size="small" data-testid="targets-changed">
        <Link to={`/bureau/reports?year=${d.year}&changed=1`}>
          <Statistic
            title="目标与批复不一致"
            value={d.targetsChanged.reports}
            suffix="份"
            valueStyle={d.targetsChanged.reports ? { color: '#d46b08' } : undefined}
          />
        </Link>
      </Card>
    </div>
  );
};

const Overview = () => (
  <RequireRole roles={['bureau-reviewer', 'admin']}>{(me) => <OverviewFor me={me} />}</RequireRole>
);

const OverviewFor = ({ me }: { me: Parameters<typeof useScope>[0] }) => {
  const scope = useScope(me);
  const load = useLoad(
    () =>
      scope.ready && scope.jurisdictionId
        ? ok(
            api.dashboard.$get({ query: { jurisdictionId: scope.jurisdictionId, year: String(scope.year) } }),
          )
        : new Promise<never>(() => {}),
    [scope.ready, scope.jurisdictionId, scope.year],
  );
  return (
    <>
      {me.role === 'bureau-reviewer' ? <TodoBar role={me.role} /> : null}
      <div className="jx-page-title">
        <h1>{scope.year} 年度总览</h1>
        <Space wrap>
          <PlaceSelect scope={scope} />
          <YearSelect
            scope={scope}
            years={[...new Set([...scope.years, scope.year + 1, scope.year - 1])].sort((a, b) => b - a)}
          />
        </Space>
      </div>
      <PageState load={load}>
        {(d) => (
          <>
            <Kpis d={d} />
            <Charts d={d} />
            <Tables d={d} />
          </>
        )}
      </PageState>
    </>
  );
};

export default Overview;
