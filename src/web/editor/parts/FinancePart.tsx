import { Button, Card, Empty, Select, Space, Table } from 'antd';
import {
  AMOUNT_TERMS,
  ECONOMIC_CLASSES,
  EXPENDITURE_COLUMN_TERMS,
  EXPENDITURE_NATURE_TERMS,
} from '../../../core/glossary.ts';
import type { DepartmentReport, ExpenditureRow } from '../../../core/model/department-report.ts';
import { EXPENDITURE_COLUMNS } from '../../../core/model/department-report.ts';
import { at, rootOf } from '../../lib/paths.ts';
import { componentStages } from '../component-stages.ts';
import { useEditor } from '../editor-context.tsx';
import { DecimalFactField, IntFactField, Labelled, MoneyField, PlainTextField } from '../fields.tsx';
import { deleteColumn } from '../row-buttons.tsx';
import { UnitSelect } from '../UnitSelect.tsx';
import { withTableUnit } from '../units.ts';

const root = rootOf<DepartmentReport>();

const AMOUNT_LABELS = AMOUNT_TERMS;

/**
 * The rows a table may gain, as the form names them: by nature (基本支出, 人员经费 …, the totals) and by
 * economic class (301 工资福利支出 …). The row's key and code come with it, so the audit and scoring know
 * what the new row is.
 */
const ROW_CHOICES: { value: string; label: string; row: Pick<ExpenditureRow, 'key' | 'code' | 'label'> }[] = [
  ...Object.entries(EXPENDITURE_NATURE_TERMS).map(([key, label]) => ({
    value: key,
    label,
    row: { key: key as ExpenditureRow['key'], code: null, label },
  })),
  ...ECONOMIC_CLASSES.map((c) => ({
    value: `economic-${c.code}`,
    label: `${c.code} ${c.name}`,
    row: { key: 'economic' as const, code: c.code, label: c.name },
  })),
];

const AddPart = ({ label, onAdd }: { label: string; onAdd: () => void }) => {
  const { readOnly } = useEditor();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`报告未写${label}`}>
      {readOnly ? null : <Button onClick={onAdd}>填写{label}</Button>}
    </Empty>
  );
};

/** 收入、支出、部门整体支出表、三公经费. */
export const FinancePart = ({ doc }: { doc: DepartmentReport }) => {
  const { update, readOnly } = useEditor();
  const unit = doc.expenditureTable?.unit?.value ?? '万元';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="收入情况">
        {doc.income ? (
          <>
            {(Object.keys(AMOUNT_LABELS) as (keyof typeof AMOUNT_LABELS)[]).map((k) => (
              <Labelled key={k} label={`收入${AMOUNT_LABELS[k]}`}>
                <MoneyField path={at(root, 'income', k)} />
              </Labelled>
            ))}
            {doc.income.components.flatMap((c, i) =>
              componentStages(c).map((k) => (
                <Labelled key={`${c.key}-${k}`} label={`其中：${c.name}（${AMOUNT_LABELS[k]}）`}>
                  <MoneyField path={at(root, 'income', 'components', i, k)} />
                </Labelled>
              )),
            )}
          </>
        ) : (
          <AddPart
            label="收入情况"
            onAdd={() =>
              update(at(root, 'income'), {
                year: null,
                budget: null,
                adjusted: null,
                final: null,
                components: [],
              })
            }
          />
        )}
      </Card>
      <Card size="small" title="支出情况">
        {doc.expenditure ? (
          <>
            {(Object.keys(AMOUNT_LABELS) as (keyof typeof AMOUNT_LABELS)[]).map((k) => (
              <Labelled key={k} label={`支出${AMOUNT_LABELS[k]}`}>
                <MoneyField path={at(root, 'expenditure', k)} />
              </Labelled>
            ))}
            {doc.expenditure.parts.map((p, i) => (
              <Labelled key={p.key} label={`其中：${p.name}`}>
                <MoneyField path={at(root, 'expenditure', 'parts', i, 'amount')} />
              </Labelled>
            ))}
            <Labelled label="年末结转和结余">
              <MoneyField path={at(root, 'expenditure', 'carryOverEnd')} />
            </Labelled>
          </>
        ) : (
          <AddPart
            label="支出情况"
            onAdd={() =>
              update(at(root, 'expenditure'), {
                year: null,
                budget: null,
                adjusted: null,
                final: null,
                parts: [],
                carryOverEnd: null,
              })
            }
          />
        )}
      </Card>
      <Card
        size="small"
        title="部门整体支出表"
        extra={
          !doc.expenditureTable ? null : (
            <Space>
              <UnitSelect
                table="部门整体支出表"
                value={unit}
                onChange={(to, convert) => {
                  if (doc.expenditureTable)
                    update(at(root, 'expenditureTable'), withTableUnit(doc.expenditureTable, to, convert));
                }}
              />
              {readOnly ? null : (
                <Select
                  size="small"
                  aria-label="添加一行"
                  placeholder="添加一行…"
                  style={{ width: 220 }}
                  value={null}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={ROW_CHOICES.map(({ value, label }) => ({ value, label }))}
                  onChange={(value: string) => {
                    const choice = ROW_CHOICES.find((c) => c.value === value);
                    if (!choice || !doc.expenditureTable) return;
                    update(at(root, 'expenditureTable', 'rows'), [
                      ...doc.expenditureTable.rows,
                      { ...choice.row, budget: null, adjusted: null, final: null },
                    ]);
                  }}
                />
              )}
            </Space>
          )
        }
      >
        {doc.expenditureTable ? (
          <Table<ExpenditureRow & { i: number }>
            size="small"
            rowKey="i"
            pagination={false}
            dataSource={doc.expenditureTable.rows.map((r, i) => ({ ...r, i }))}
            columns={[
              {
                title: '项目',
                dataIndex: 'label',
                render: (_, r) => (
                  <PlainTextField
                    path={at(root, 'expenditureTable', 'rows', r.i, 'label')}
                    multiline={false}
                  />
                ),
              },
              ...EXPENDITURE_COLUMNS.map((c) => ({
                title: EXPENDITURE_COLUMN_TERMS[c],
                key: c,
                width: 150,
                render: (_: unknown, r: ExpenditureRow & { i: number }) => (
                  <DecimalFactField path={at(root, 'expenditureTable', 'rows', r.i, c)} money width={130} />
                ),
              })),
              ...deleteColumn<ExpenditureRow & { i: number }>(readOnly, (i) =>
                update(
                  at(root, 'expenditureTable', 'rows'),
                  doc.expenditureTable?.rows.filter((_, j) => j !== i) ?? [],
                ),
              ),
            ]}
          />
        ) : (
          <AddPart
            label="部门整体支出表"
            onAdd={() =>
              update(at(root, 'expenditureTable'), { title: null, unit: { value: '万元' }, rows: [] })
            }
          />
        )}
      </Card>
      <Card size="small" title="“三公”经费">
        {doc.threePublic ? (
          <>
            <Labelled label="年度">
              <IntFactField path={at(root, 'threePublic', 'year')} suffix="年" />
            </Labelled>
            <Labelled label="预算数">
              <MoneyField path={at(root, 'threePublic', 'budget')} />
            </Labelled>
            <Labelled label="决算（实际支出）">
              <MoneyField path={at(root, 'threePublic', 'actual')} />
            </Labelled>
            {doc.threePublic.changes.map((c, i) => (
              <Labelled
                // biome-ignore lint/suspicious/noArrayIndexKey: two changes may compare with the same year
                key={`${c.against}-${i}`}
                label={`较${c.against}${c.direction === 'increase' ? '增加' : c.direction === 'decrease' ? '减少' : '持平'}`}
              >
                <MoneyField path={at(root, 'threePublic', 'changes', i, 'amount')} />
              </Labelled>
            ))}
            {doc.threePublic.parts.map((p, i) => (
              <Labelled key={p.name} label={p.name}>
                <MoneyField path={at(root, 'threePublic', 'parts', i, 'amount')} />
              </Labelled>
            ))}
          </>
        ) : (
          <AddPart
            label="三公经费"
            onAdd={() =>
              update(at(root, 'threePublic'), {
                year: null,
                actual: null,
                changes: [],
                budget: null,
                parts: [],
              })
            }
          />
        )}
      </Card>
    </Space>
  );
};
