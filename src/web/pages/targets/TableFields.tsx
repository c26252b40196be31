/** The header of a target table: unit or project facts, funds, goals. Both kinds, editable or read-only. */
import { Descriptions, Input, Select } from 'antd';
import type {
  DepartmentTargetTable,
  ProjectTargetTable,
  SharedAmount,
  TargetTable,
} from '../../../core/targets/table.ts';
import { PROJECT_ATTRIBUTES } from '../../../core/targets/vocab.ts';

type Props<T> = { doc: T; editable: boolean; onChange: (doc: T) => void };

const dec = (s: string): string | null => (/^-?\d+(\.\d+)?$/.test(s.trim()) ? s.trim() : null);

const Field = ({
  label,
  value,
  editable,
  onChange,
  area,
}: {
  label: string;
  value: string;
  editable: boolean;
  onChange: (v: string) => void;
  area?: boolean;
}) =>
  !editable ? (
    <span>{value || '—'}</span>
  ) : area ? (
    <Input.TextArea aria-label={label} autoSize value={value} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />
  );

/** A list of lines (目标1…n, duties) typed one per line. */
const Lines = ({
  label,
  lines,
  editable,
  onChange,
}: {
  label: string;
  lines: string[];
  editable: boolean;
  onChange: (l: string[]) => void;
}) =>
  editable ? (
    <Input.TextArea
      aria-label={label}
      autoSize={{ minRows: 2 }}
      value={lines.join('\n')}
      placeholder="每行一条"
      onChange={(e) => onChange(e.target.value.split('\n'))}
    />
  ) : (
    <ol style={{ margin: 0, paddingLeft: 20 }}>
      {lines
        .filter((l) => l.trim())
        .map((l) => (
          <li key={l}>{l}</li>
        ))}
    </ol>
  );

/** The money rows of the 部门整体 table: 收入构成 and 支出构成, each cell with its label. */
const FUND_PARTS = [
  {
    part: 'income',
    label: '收入构成',
    cells: [
      { key: 'fiscal', text: '财政拨款', aria: '财政拨款' },
      { key: 'other', text: '其他资金', aria: '其他资金' },
      { key: 'total', text: '合计', aria: '收入合计' },
    ],
  },
  {
    part: 'expenditure',
    label: '支出构成',
    cells: [
      { key: 'basic', text: '基本支出', aria: '基本支出' },
      { key: 'project', text: '项目支出', aria: '项目支出' },
      { key: 'total', text: '合计', aria: '支出合计' },
    ],
  },
] as const;

const Money = ({
  label,
  cell,
  editable,
  onChange,
}: {
  label: string;
  cell: SharedAmount;
  editable: boolean;
  onChange: (c: SharedAmount) => void;
}) =>
  editable ? (
    <span style={{ display: 'inline-flex', gap: 4 }}>
      <Input
        aria-label={`${label}金额`}
        suffix="万元"
        style={{ width: 140 }}
        defaultValue={cell.amount ?? ''}
        onChange={(e) => onChange({ ...cell, amount: dec(e.target.value) })}
      />
      <Input
        aria-label={`${label}占比`}
        suffix="%"
        style={{ width: 100 }}
        defaultValue={cell.share ?? ''}
        onChange={(e) => onChange({ ...cell, share: dec(e.target.value) })}
      />
    </span>
  ) : (
    <span>
      {cell.amount ?? '—'} 万元（{cell.share ?? '—'}%）
    </span>
  );

const DepartmentFields = ({ doc, editable, onChange }: Props<DepartmentTargetTable>) => {
  const f = doc.funds;
  const setFunds = (part: 'income' | 'expenditure', key: string, c: SharedAmount) =>
    onChange({ ...doc, funds: { ...f, [part]: { ...f[part], [key]: c } } });
  return (
    <Descriptions bordered size="small" column={1}>
      <Descriptions.Item label="部门（单位）名称">
        <Field
          label="部门（单位）名称"
          value={doc.unitName}
          editable={editable}
          onChange={(v) => onChange({ ...doc, unitName: v })}
        />
      </Descriptions.Item>
      <Descriptions.Item label="部门职能概述">
        <Lines
          label="部门职能概述"
          lines={doc.duties}
          editable={editable}
          onChange={(duties) => onChange({ ...doc, duties })}
        />
      </Descriptions.Item>
      {FUND_PARTS.map(({ part, label, cells }) => (
        <Descriptions.Item key={part} label={label}>
          <div style={{ display: 'grid', gap: 4 }}>
            {cells.map(({ key, text, aria }) => (
              <span key={key}>
                {text}{' '}
                <Money
                  label={aria}
                  cell={(f[part] as Record<string, SharedAmount>)[key]!}
                  editable={editable}
                  onChange={(c) => setFunds(part, key, c)}
                />
              </span>
            ))}
          </div>
        </Descriptions.Item>
      ))}
      <Descriptions.Item label="年度总体目标">
        <Lines
          label="年度总体目标"
          lines={doc.goals}
          editable={editable}
          onChange={(goals) => onChange({ ...doc, goals })}
        />
      </Descriptions.Item>
    </Descriptions>
  );
};

const ProjectFields = ({ doc, editable, onChange }: Props<ProjectTargetTable>) => {
  const set = (p: Partial<ProjectTargetTable>) => onChange({ ...doc, ...p });
  const text = (
    label: string,
    key: 'projectName' | 'department' | 'implementer' | 'start' | 'end' | 'basis' | 'longTermGoal',
    area = false,
  ) => (
    <Descriptions.Item label={label}>
      <Field
        label={label}
        value={doc[key]}
        area={area}
        editable={editable}
        onChange={(v) => set({ [key]: v })}
      />
    </Descriptions.Item>
  );
  return (
    <Descriptions bordered size="small" column={2}>
      {text('项目名称', 'projectName')}
      <Descriptions.Item label="项目属性">
        {editable ? (
          <Select
            aria-label="项目属性"
            value={doc.attribute}
            style={{ width: 120 }}
            onChange={(v) => set({ attribute: v })}
            options={PROJECT_ATTRIBUTES.map((a) => ({ value: a, label: a }))}
          />
        ) : (
          (doc.attribute ?? '—')
        )}
      </Descriptions.Item>
      {text('主管部门', 'department')}
      {text('实施单位', 'implementer')}
      {text('开始时间', 'start')}
      {text('完成时间', 'end')}
      <Descriptions.Item label="资金总额（万元）">
        {editable ? (
          <Input
            aria-label="资金总额"
            defaultValue={doc.fundsTotal ?? ''}
            onChange={(e) => set({ fundsTotal: dec(e.target.value) })}
          />
        ) : (
          (doc.fundsTotal ?? '—')
        )}
      </Descriptions.Item>
      <Descriptions.Item label="资金来源（万元）">
        <div style={{ display: 'grid', gap: 4 }}>
          {doc.fundSources.map((s, i) => (
            <span key={s.label}>
              {s.label}{' '}
              {editable ? (
                <Input
                  aria-label={`${s.label}金额`}
                  style={{ width: 140 }}
                  defaultValue={s.amount ?? ''}
                  onChange={(e) =>
                    set({
                      fundSources: doc.fundSources.map((x, j) =>
                        j === i ? { ...x, amount: dec(e.target.value) } : x,
                      ),
                    })
                  }
                />
              ) : (
                (s.amount ?? '—')
              )}
            </span>
          ))}
        </div>
      </Descriptions.Item>
      {text('立项依据', 'basis', true)}
      {text('中长期目标', 'longTermGoal', true)}
      <Descriptions.Item label="年度目标" span={2}>
        <Lines label="年度目标" lines={doc.goals} editable={editable} onChange={(goals) => set({ goals })} />
      </Descriptions.Item>
    </Descriptions>
  );
};

export const TableFields = ({ doc, editable, onChange }: Props<TargetTable>) =>
  doc.kind === 'department' ? (
    <DepartmentFields doc={doc} editable={editable} onChange={onChange} />
  ) : (
    <ProjectFields doc={doc} editable={editable} onChange={onChange} />
  );
