import { Card, Select, Space, Table } from 'antd';
import type {
  FundRow,
  FundRowKey,
  ProjectIndicator,
  ProjectReport,
} from '../../../core/model/project-report.ts';
import { at, rootOf } from '../../lib/paths.ts';
import { useEditor } from '../editor-context.tsx';
import {
  DecimalFactField,
  GradeField,
  IntFactField,
  Labelled,
  MeasureField,
  TextFactField,
} from '../fields.tsx';
import { AddButton, deleteColumn } from '../row-buttons.tsx';
import { UnitSelect } from '../UnitSelect.tsx';
import { withFundsUnit } from '../units.ts';

const root = rootOf<ProjectReport>();

/** 项目信息: the project, its department and implementer, the year's goal. */
export const ProjectBasicPart = () => (
  <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
    <Card size="small" title="项目">
      <Labelled label="标题">
        <TextFactField path={at(root, 'title')} />
      </Labelled>
      <Labelled label="年度">
        <IntFactField path={at(root, 'year')} suffix="年" />
      </Labelled>
      <Labelled label="项目名称">
        <TextFactField path={at(root, 'project', 'name')} />
      </Labelled>
      <Labelled label="主管部门">
        <TextFactField path={at(root, 'project', 'department')} />
      </Labelled>
      <Labelled label="实施单位">
        <TextFactField path={at(root, 'project', 'implementer')} />
      </Labelled>
    </Card>
    <Card size="small" title="年度总体目标">
      <Labelled label="预期目标">
        <TextFactField path={at(root, 'goal', 'expected')} multiline />
      </Labelled>
      <Labelled label="实际完成情况">
        <TextFactField path={at(root, 'goal', 'actual')} multiline />
      </Labelled>
    </Card>
  </Space>
);

/** The rows 项目资金 may gain, as the standard form names them. */
const FUND_ROW_CHOICES: { key: FundRowKey; label: string }[] = [
  { key: 'total', label: '年度资金总额' },
  { key: 'fiscal', label: '其中：当年财政拨款' },
  { key: 'carryOver', label: '上年结转资金' },
  { key: 'specialAccount', label: '财政专户管理资金' },
  { key: 'unit', label: '单位资金' },
  { key: 'other', label: '其他资金' },
];

/** 项目资金: budget, adjusted, executed, weight, rate and score per fund row; the unit editable. */
export const ProjectFundsPart = ({ doc }: { doc: ProjectReport }) => {
  const { update, readOnly } = useEditor();
  const unit = doc.moneyUnit?.value ?? '万元';
  return (
    <Card
      size="small"
      title="项目资金"
      extra={
        <Space>
          <UnitSelect
            table="项目资金表"
            value={unit}
            // The unit and the amounts change together: one update of the whole document.
            onChange={(to, convert) => update(root, { ...doc, ...withFundsUnit(doc, to, convert) })}
          />
          {readOnly ? null : (
            <Select<FundRowKey>
              size="small"
              aria-label="添加资金行"
              placeholder="添加一行…"
              style={{ width: 180 }}
              value={null}
              options={FUND_ROW_CHOICES.map((c) => ({ value: c.key, label: c.label }))}
              onChange={(key) => {
                const label = FUND_ROW_CHOICES.find((c) => c.key === key)?.label ?? '';
                update(at(root, 'funds'), [
                  ...doc.funds,
                  {
                    key,
                    label,
                    budget: null,
                    adjusted: null,
                    final: null,
                    weight: null,
                    rate: null,
                    score: null,
                    reason: null,
                  } satisfies FundRow,
                ]);
              }}
            />
          )}
        </Space>
      }
    >
      <Table<FundRow & { i: number }>
        size="small"
        rowKey="i"
        pagination={false}
        locale={{ emptyText: '未填写项目资金' }}
        dataSource={doc.funds.map((r, i) => ({ ...r, i }))}
        columns={[
          { title: '项目', dataIndex: 'label' },
          ...(
            [
              ['budget', '年初预算数', true],
              ['adjusted', '全年预算数', true],
              ['final', '全年执行数', true],
              ['weight', '分值', false],
              ['rate', '执行率(%)', false],
              ['score', '得分', false],
            ] as const
          ).map(([k, title, money]) => ({
            title,
            key: k,
            width: money ? 130 : 90,
            render: (_: unknown, r: FundRow & { i: number }) => (
              <DecimalFactField path={at(root, 'funds', r.i, k)} money={money} width={money ? 120 : 80} />
            ),
          })),
          ...deleteColumn<FundRow & { i: number }>(readOnly, (i) =>
            update(
              at(root, 'funds'),
              doc.funds.filter((_, j) => j !== i),
            ),
          ),
        ]}
      />
    </Card>
  );
};

const emptyMeasure = { text: '', op: null, value: null, unit: null };

/** 绩效指标: each indicator's target, actual, weight, score and the reason for a deviation. */
export const ProjectIndicatorsPart = ({ doc }: { doc: ProjectReport }) => {
  const { update, readOnly } = useEditor();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<ProjectIndicator & { i: number }>
        size="small"
        rowKey="i"
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: '未填写绩效指标' }}
        dataSource={doc.indicators.map((r, i) => ({ ...r, i }))}
        columns={[
          {
            title: '一级',
            key: 'l1',
            width: 110,
            render: (_, r) => <TextFactField path={at(root, 'indicators', r.i, 'level1')} />,
          },
          {
            title: '二级',
            key: 'l2',
            width: 110,
            render: (_, r) => <TextFactField path={at(root, 'indicators', r.i, 'level2')} />,
          },
          {
            title: '三级指标',
            key: 'name',
            width: 200,
            render: (_, r) => <TextFactField path={at(root, 'indicators', r.i, 'name')} nullable={false} />,
          },
          {
            title: '年度指标值',
            key: 'target',
            width: 260,
            render: (_, r) => <MeasureField path={at(root, 'indicators', r.i, 'target')} />,
          },
          {
            title: '实际完成值',
            key: 'actual',
            width: 260,
            render: (_, r) => <MeasureField path={at(root, 'indicators', r.i, 'actual')} />,
          },
          {
            title: '分值',
            key: 'weight',
            width: 80,
            render: (_, r) => <DecimalFactField path={at(root, 'indicators', r.i, 'weight')} width={70} />,
          },
          {
            title: '得分',
            key: 'score',
            width: 80,
            render: (_, r) => <DecimalFactField path={at(root, 'indicators', r.i, 'score')} width={70} />,
          },
          ...deleteColumn<ProjectIndicator & { i: number }>(readOnly, (i) =>
            update(
              at(root, 'indicators'),
              doc.indicators.filter((_, j) => j !== i),
            ),
          ),
        ]}
      />
      <AddButton
        onClick={() =>
          update(at(root, 'indicators'), [
            ...doc.indicators,
            {
              level1: doc.indicators.at(-1)?.level1 ?? { value: '产出指标' },
              level2: doc.indicators.at(-1)?.level2 ?? { value: '数量指标' },
              name: { value: '' },
              target: emptyMeasure,
              actual: emptyMeasure,
              weight: null,
              score: null,
              deviation: null,
            } satisfies ProjectIndicator,
          ])
        }
      >
        添加指标
      </AddButton>
    </Space>
  );
};

export const ProjectConclusionPart = () => (
  <Card size="small" title="自评结论">
    <Labelled label="自评总分">
      <DecimalFactField path={at(root, 'statedTotal')} suffix="分" />
    </Labelled>
    <Labelled label="自评等级">
      <GradeField path={at(root, 'statedGrade')} />
    </Labelled>
    <Labelled label="评价结论">
      <TextFactField path={at(root, 'conclusion')} multiline />
    </Labelled>
    <Labelled label="存在问题">
      <TextFactField path={at(root, 'problems')} multiline />
    </Labelled>
    <Labelled label="改进措施">
      <TextFactField path={at(root, 'measures')} multiline />
    </Labelled>
  </Card>
);
