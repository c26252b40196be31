/** A published 绩效目标表 for the public: the approved table as published — its funds, goals and grid. */
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { TargetIndicator, TargetTable } from '../../../core/targets/table.ts';
import { TARGET_KIND_LABELS } from '../../../core/targets/vocab.ts';
import { loadPublicTarget } from '../../api/targets.ts';
import { PageState } from '../../app/PageState.tsx';
import { Link, useLocation } from '../../app/router.tsx';
import { fmtDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';

const wan = (v: string | null | undefined) => (v ? `${v} 万元` : '—');
const pct = (v: string | null | undefined) => (v ? `${v}%` : '—');

const Funds = ({ doc }: { doc: TargetTable }) =>
  doc.kind === 'project' ? (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }}>
      <Descriptions.Item label="项目名称">{doc.projectName}</Descriptions.Item>
      <Descriptions.Item label="项目属性">{doc.attribute ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="主管部门">{doc.department || '—'}</Descriptions.Item>
      <Descriptions.Item label="实施单位">{doc.implementer || '—'}</Descriptions.Item>
      <Descriptions.Item label="起止时间">
        {doc.start || '—'} 至 {doc.end || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="资金总额">{wan(doc.fundsTotal)}</Descriptions.Item>
      {doc.fundSources.map((f) => (
        <Descriptions.Item key={f.label} label={`其中：${f.label}`}>
          {wan(f.amount)}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label="立项依据" span={3}>
        {doc.basis || '—'}
      </Descriptions.Item>
      <Descriptions.Item label="中长期目标" span={3}>
        {doc.longTermGoal || '—'}
      </Descriptions.Item>
    </Descriptions>
  ) : (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 3 }}>
      <Descriptions.Item label="部门（单位）">{doc.unitName}</Descriptions.Item>
      <Descriptions.Item label="财政拨款">
        {wan(doc.funds.income.fiscal.amount)}（{pct(doc.funds.income.fiscal.share)}）
      </Descriptions.Item>
      <Descriptions.Item label="其他资金">
        {wan(doc.funds.income.other.amount)}（{pct(doc.funds.income.other.share)}）
      </Descriptions.Item>
      <Descriptions.Item label="收入合计">{wan(doc.funds.income.total.amount)}</Descriptions.Item>
      <Descriptions.Item label="基本支出">
        {wan(doc.funds.expenditure.basic.amount)}（{pct(doc.funds.expenditure.basic.share)}）
      </Descriptions.Item>
      <Descriptions.Item label="项目支出">
        {wan(doc.funds.expenditure.project.amount)}（{pct(doc.funds.expenditure.project.share)}）
      </Descriptions.Item>
      <Descriptions.Item label="支出合计">{wan(doc.funds.expenditure.total.amount)}</Descriptions.Item>
      <Descriptions.Item label="部门职能" span={2}>
        {doc.duties.join('；') || '—'}
      </Descriptions.Item>
    </Descriptions>
  );

const PublicTarget = ({ params }: { params: Record<string, string> }) => {
  const id = params.id ?? '';
  const { query } = useLocation();
  const version = Number(query.get('v') ?? '1') || 1;
  const load = useLoad(() => loadPublicTarget(id, version), [id, version]);
  return (
    <PageState load={load}>
      {(p) => {
        const doc = p.document as TargetTable;
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <div className="jx-page-title">
              <h1>
                {p.departmentName}
                {p.projectName ? ` · ${p.projectName}` : ''} {p.year}年度{TARGET_KIND_LABELS[p.kind]}
              </h1>
              <Space wrap>
                <Tag color="green">批复版本：第{p.version}版</Tag>
                <span>
                  {p.jurisdictionName} · 公开于 {fmtDate(p.publishedAt)}
                </span>
              </Space>
            </div>
            {p.versions.length > 1 ? (
              <Card size="small" title="各次公开">
                <Space wrap>
                  {p.versions.map((v) =>
                    v.version === p.version ? (
                      <Tag key={v.version} color="blue">
                        第{v.version}版（本页）
                      </Tag>
                    ) : (
                      <Link key={v.version} to={`/public/targets/${id}?v=${v.version}`}>
                        第{v.version}版（{fmtDate(v.publishedAt)}公开）
                      </Link>
                    ),
                  )}
                </Space>
              </Card>
            ) : null}
            <Card size="small" title="基本信息与资金">
              <Funds doc={doc} />
            </Card>
            <Card size="small" title={doc.kind === 'project' ? '年度目标' : '年度总体目标'}>
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {doc.goals.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ol>
            </Card>
            <Card size="small" title="绩效指标">
              <Table<TargetIndicator>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={doc.indicators}
                data-testid="public-target-grid"
                columns={[
                  { title: '一级指标', dataIndex: 'level1', width: 110 },
                  { title: '二级指标', dataIndex: 'level2', width: 130 },
                  { title: '三级指标', dataIndex: 'name' },
                  { title: '指标性质', width: 90, render: (_, r) => r.nature ?? '—' },
                  { title: '指标值', dataIndex: 'value', width: 130 },
                  { title: '计量单位', dataIndex: 'unit', width: 90 },
                  { title: '权重', width: 70, align: 'right', render: (_, r) => r.weight ?? '—' },
                ]}
              />
            </Card>
            <Typography.Paragraph type="secondary">
              本表为财政部门批复并公开的绩效目标表；年度中经批准调整的目标另行公开，原公开版本保留。
            </Typography.Paragraph>
            <Link to="/?show=targets">返回公开目录</Link>
          </Space>
        );
      }}
    </PageState>
  );
};
export default PublicTarget;
