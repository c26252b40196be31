import { Card, Space, Table } from 'antd';
import type { AchievementRow, DepartmentReport, TargetRow } from '../../../core/model/department-report.ts';
import { at, type FieldPath, rootOf } from '../../lib/paths.ts';
import { useEditor } from '../editor-context.tsx';
import { MeasureField, TextFactField } from '../fields.tsx';
import { AddButton, deleteColumn } from '../row-buttons.tsx';

const root = rootOf<DepartmentReport>();

const emptyMeasure = { text: '', op: null, value: null, unit: null };

/** 绩效目标表 and 目标完成情况表: each target with its comparator, value and unit. */
export const TargetsPart = ({ doc }: { doc: DepartmentReport }) => {
  const { update, readOnly } = useEditor();
  const targets = doc.targets?.rows ?? [];
  const achievements = doc.achievements?.rows ?? [];
  const removeCol = <T,>(rows: T[], path: FieldPath<T[]>) =>
    deleteColumn(readOnly, (i) =>
      update(
        path,
        rows.filter((_, j) => j !== i),
      ),
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={`绩效目标（${targets.length} 个）`}
        extra={
          <AddButton
            onClick={() =>
              update(at(root, 'targets'), {
                title: doc.targets?.title ?? null,
                rows: [
                  ...targets,
                  { no: { value: targets.length + 1 }, name: { value: '' }, target: emptyMeasure },
                ] satisfies TargetRow[],
              })
            }
          >
            添加目标
          </AddButton>
        }
      >
        <Table<TargetRow & { i: number }>
          size="small"
          rowKey="i"
          pagination={false}
          dataSource={targets.map((r, i) => ({ ...r, i }))}
          locale={{ emptyText: '未填写绩效目标' }}
          columns={[
            { title: '序号', key: 'no', width: 56, render: (_, r) => r.no?.value ?? r.i + 1 },
            {
              title: '指标名称',
              key: 'name',
              render: (_, r) => (
                <TextFactField path={at(root, 'targets', 'rows', r.i, 'name')} nullable={false} />
              ),
            },
            {
              title: '目标值',
              key: 'target',
              width: 280,
              render: (_, r) => <MeasureField path={at(root, 'targets', 'rows', r.i, 'target')} />,
            },
            ...removeCol(targets, at(root, 'targets', 'rows')),
          ]}
        />
      </Card>
      <Card size="small" title={`目标完成情况（${achievements.length} 项）`}>
        <Table<AchievementRow & { i: number }>
          size="small"
          rowKey="i"
          pagination={false}
          dataSource={achievements.map((r, i) => ({ ...r, i }))}
          locale={{ emptyText: '未填写完成情况' }}
          scroll={{ x: 1150 }}
          columns={[
            {
              title: '指标名称',
              key: 'name',
              render: (_, r) => (
                <TextFactField path={at(root, 'achievements', 'rows', r.i, 'name')} nullable={false} />
              ),
            },
            {
              title: '目标值',
              key: 'target',
              width: 280,
              render: (_, r) => <MeasureField path={at(root, 'achievements', 'rows', r.i, 'target')} />,
            },
            {
              title: '完成值',
              key: 'actual',
              width: 280,
              render: (_, r) => <MeasureField path={at(root, 'achievements', 'rows', r.i, 'actual')} />,
            },
            {
              title: '完成情况',
              key: 'status',
              width: 110,
              render: (_, r) => <TextFactField path={at(root, 'achievements', 'rows', r.i, 'status')} />,
            },
            ...removeCol(achievements, at(root, 'achievements', 'rows')),
          ]}
        />
      </Card>
    </Space>
  );
};
