/**
 * The unit of a money table, editable: choosing another unit asks whether the figures are converted
 * (they were right in the old unit) or kept (only the label was wrong).
 */
import { Button, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { MONEY_UNITS, type MoneyUnit } from '../../core/model/values.ts';
import { useEditor } from './editor-context.tsx';

export const UnitSelect = ({
  table,
  value,
  onChange,
}: {
  /** The table's name, for the question. */
  table: string;
  value: MoneyUnit;
  onChange: (to: MoneyUnit, convert: boolean) => void;
}) => {
  const { readOnly } = useEditor();
  const [asked, setAsked] = useState<MoneyUnit | null>(null);
  if (readOnly) return <span>单位：{value}</span>;
  const answer = (convert: boolean) => {
    if (asked) onChange(asked, convert);
    setAsked(null);
  };
  return (
    <Space size={4}>
      <span>单位：</span>
      <Select<MoneyUnit>
        size="small"
        aria-label={`${table}单位`}
        style={{ width: 84 }}
        value={value}
        options={MONEY_UNITS.map((u) => ({ value: u, label: u }))}
        onChange={(to) => to !== value && setAsked(to)}
      />
      <Modal
        open={asked !== null}
        title={`把${table}的单位从“${value}”改为“${asked ?? ''}”`}
        onCancel={() => setAsked(null)}
        footer={[
          <Button key="cancel" onClick={() => setAsked(null)}>
            取消
          </Button>,
          <Button key="label" onClick={() => answer(false)}>
            只改单位，数字不变
          </Button>,
          <Button key="convert" type="primary" onClick={() => answer(true)}>
            同时换算表中数字
          </Button>,
        ]}
      >
        <p>表中数字原本就是按“{asked}”填写、只是单位写错时，选“只改单位”。</p>
        <p>
          数字是按“{value}”填写的、需要换成“{asked}”时，选“同时换算”：每个金额按 1 万元 = 10000
          元换算，不四舍五入。
        </p>
      </Modal>
    </Space>
  );
};
