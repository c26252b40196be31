import { Card, Space, Table } from 'antd';
import type { FundRow, ProjectIndicator, ProjectReport } from '../../../core/model/project-report.ts';
import {
  DecimalFactField,
  GradeField,
  IntFactField,
  Labelled,
  MeasureField,
  TextFactField,
} from '../fields.tsx';

/** 项目信息: the project, its department and implementer, the year's goal. */
export const ProjectBasicPart = () => (
  <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
    <Card size="small" title="项目">
      <Labelled label="标题" path={['title']}>
        <TextFactField path={['title']} />
      </Labelled>
      <Labelled label="年度" path={['year']}>
        <IntFactField path={['year']} suffix="年" />
      </Labelled>
      <Labelled label="项目名称" path={['project', 'name']}>
        <TextFactField path={['project', 'name']} />
      </Labelled>
      <Labelled label="主管部门" path={['project', 'department']}>
        <TextFactField path={['project', 'department']} />
      </Labelled>
      <Labelled label="实施单位" path={['project', 'implementer']}>
        <TextFactField path={['project', 'implementer']} />
      </Labelled>
    </Card>
    <Card size="small" title="年度总体目标">
      <Labelled label="预期目标" path={['goal', 'expected']}>
        <TextFactField path={['goal', 'expected']} multiline />
      </Labelled>
      <Labelled label="实际完成情况" path={['goal', 'actual']}>
        <TextFactField path={['goal', 'actual']} multiline />
      </Labelled>
    </Card>
  </Space>
);

/** 项目资金: budget, adjusted, executed, weight, rate and score per fund row. */
export const ProjectFundsPart = ({ doc }: { doc: ProjectReport }) => (
  <Card size="small" title={`项目资金（单位：${doc.moneyUnit?.value ?? '万元'}）`}>
    <Table<FundRow & { i: number }>
      size="small"
      rowKey="i"
      pagination={false}
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
            <DecimalFactField path={['funds', r.i, k]} money={money} width={money ? 120 : 80} />
          ),
        })),
      ]}
    />
  </Card>
);

/** 绩效指标: each indicator's target, actual, weight, score and the reason for a deviation. */
export const ProjectIndicatorsPart = ({ doc }: { doc: ProjectReport }) => (
  <Table<ProjectIndicator & { i: number }>
    size="small"
    rowKey="i"
    pagination={false}
    scroll={{ x: 1200 }}
    dataSource={doc.indicators.map((r, i) => ({ ...r, i }))}
    columns={[
      { title: '一级', key: 'l1', width: 90, render: (_, r) => r.level1?.value ?? '' },
      { title: '二级', key: 'l2', width: 90, render: (_, r) => r.level2?.value ?? '' },
      {
        title: '三级指标',
        key: 'name',
        width: 200,
        render: (_, r) => <TextFactField path={['indicators', r.i, 'name']} nullable={false} />,
      },
      {
        title: '年度指标值',
        key: 'target',
        width: 260,
        render: (_, r) => <MeasureField path={['indicators', r.i, 'target']} />,
      },
      {
        title: '实际完成值',
        key: 'actual',
        width: 260,
        render: (_, r) => <MeasureField path={['indicators', r.i, 'actual']} />,
      },
      {
        title: '分值',
        key: 'weight',
        width: 80,
        render: (_, r) => <DecimalFactField path={['indicators', r.i, 'weight']} width={70} />,
      },
      {
        title: '得分',
        key: 'score',
        width: 80,
        render: (_, r) => <DecimalFactField path={['indicators', r.i, 'score']} width={70} />,
      },
    ]}
  />
);

export const ProjectConclusionPart = () => (
  <Card size="small" title="自评结论">
    <Labelled label="自评总分" path={['statedTotal']}>
      <DecimalFactField path={['statedTotal']} suffix="分" />
    </Labelled>
    <Labelled label="自评等级" path={['statedGrade']}>
      <GradeField path={['statedGrade']} />
    </Labelled>
    <Labelled label="评价结论" path={['conclusion']}>
      <TextFactField path={['conclusion']} multiline />
    </Labelled>
    <Labelled label="存在问题" path={['problems']}>
      <TextFactField path={['problems']} multiline />
    </Labelled>
    <Labelled label="改进措施" path={['measures']}>
      <TextFactField path={['measures']} multiline />
    </Labelled>
  </Card>
);
