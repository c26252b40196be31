/** The indicator grid (一级 → 二级 → 三级, 指标性质, 指标值, 计量单位, 权重 …), editable row by row. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Table } from 'antd';
import { labelSet } from '../../../core/targets/labels.ts';
import { blankIndicator } from '../../../core/targets/sample-tables.ts';
import type { TargetIndicator } from '../../../core/targets/table.ts';
import { NATURES } from '../../../core/targets/vocab.ts';

type Props = {
  rows: TargetIndicator[];
  labelSetKey: string;
  editable: boolean;
  /** Ids of rows with a finding, to mark them. */
  flagged: Set<string>;
  onChange: (rows: TargetIndicator[]) => void;
};

const decimalOrNull = (s: string): string | null => (/^-?\d+(\.\d+)?$/.test(s.trim()) ? s.trim() : null);

export const IndicatorGrid = ({ rows, labelSetKey, editable, flagged, onChange }: Props) => {
  const set = labelSet(labelSetKey);
  const patch = (id: string, p: Partial<TargetIndicator>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...p } : r)));
  const text = (
    r: TargetIndicator,
    field: 'name' | 'value' | 'unit' | 'belowLastYearReason',
    label: string,
  ) =>
    editable ? (
      <Input aria-label={label} value={r[field]} onChange={(e) => patch(r.id, { [field]: e.target.value })} />
    ) : (
      r[field]
    );
  const nextId = () => {
    let n = rows.length + 1;
    while (rows.some((r) => r.id === `n${n}`)) n++;
    return `n${n}`;
  };
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1200 }}
        rowClassName={(r) => (flagged.has(r.id) ? 'jx-row-flagged' : '')}
        columns={[
          {
            title: '一级指标',
            width: 130,
            render: (_, r) =>
              editable ? (
                <Select
                  aria-label="一级指标"
                  value={r.level1}
                  style={{ width: '100%' }}
                  onChange={(v) => patch(r.id, { level1: v, level2: '' })}
                  options={set.level1.map((l) => ({ value: l.label, label: l.label }))}
                />
              ) : (
                r.level1
              ),
          },
          {
            title: '二级指标',
            width: 150,
            render: (_, r) =>
              editable ? (
                <Select
                  aria-label="二级指标"
                  value={r.level2}
                  style={{ width: '100%' }}
                  onChange={(v) => patch(r.id, { level2: v })}
                  options={(set.level1.find((l) => l.label === r.level1)?.level2 ?? []).map((l) => ({
                    value: l,
                    label: l,
                  }))}
                />
              ) : (
                r.level2
              ),
          },
          { title: '三级指标', width: 180, render: (_, r) => text(r, 'name', '三级指标') },
          {
            title: '指标性质',
            width: 90,
            render: (_, r) =>
              editable ? (
                <Select
                  aria-label="指标性质"
                  value={r.nature}
                  style={{ width: '100%' }}
                  onChange={(v) => patch(r.id, { nature: v })}
                  options={NATURES.map((n) => ({ value: n, label: n }))}
                />
              ) : (
                r.nature
              ),
          },
          { title: '指标值', width: 120, render: (_, r) => text(r, 'value', '指标值') },
          { title: '计量单位', width: 90, render: (_, r) => text(r, 'unit', '计量单位') },
          {
            title: '权重',
            width: 80,
            render: (_, r) =>
              editable ? (
                <Input
                  aria-label="权重"
                  value={r.weight ?? ''}
                  onChange={(e) => patch(r.id, { weight: decimalOrNull(e.target.value) })}
                />
              ) : (
                r.weight
              ),
          },
          {
            title: '上年实际',
            width: 100,
            render: (_, r) =>
              editable ? (
                <Input
                  aria-label="上年实际"
                  value={r.lastYearActual ?? ''}
                  onChange={(e) => patch(r.id, { lastYearActual: decimalOrNull(e.target.value) })}
                />
              ) : (
                r.lastYearActual
              ),
          },
          {
            title: '低于上年的理由',
            width: 160,
            render: (_, r) => text(r, 'belowLastYearReason', '低于上年的理由'),
          },
          ...(editable
            ? [
                {
                  title: '',
                  width: 50,
                  render: (_: unknown, r: TargetIndicator) => (
                    <Button
                      type="text"
                      aria-label="删除指标"
                      icon={<DeleteOutlined />}
                      onClick={() => onChange(rows.filter((x) => x.id !== r.id))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable ? (
        <Button
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => onChange([...rows, blankIndicator(nextId())])}
        >
          添加指标
        </Button>
      ) : null}
    </>
  );
};
