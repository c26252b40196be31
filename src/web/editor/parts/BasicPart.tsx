import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import type { DepartmentReport } from '../../../core/model/department-report.ts';
import { at, rootOf } from '../../lib/paths.ts';
import { useEditor } from '../editor-context.tsx';
import { IntFactField, Labelled, PlainTextField, TextFactField } from '../fields.tsx';
import { AddButton } from '../row-buttons.tsx';

const root = rootOf<DepartmentReport>();

/** 基本情况: title, year, the department, its duties, staffing and the year's work. */
export const BasicPart = ({ doc }: { doc: DepartmentReport }) => {
  const { update, readOnly } = useEditor();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="报告">
        <Labelled label="标题">
          <TextFactField path={at(root, 'title')} />
        </Labelled>
        <Labelled label="年度">
          <IntFactField path={at(root, 'year')} suffix="年" />
        </Labelled>
      </Card>
      <Card size="small" title="部门（单位）">
        <Labelled label="名称">
          <TextFactField path={at(root, 'department', 'name')} />
        </Labelled>
        <Labelled label="级别">
          <TextFactField path={at(root, 'department', 'rank')} placeholder="正科级" />
        </Labelled>
        <Labelled label="性质">
          <TextFactField path={at(root, 'department', 'nature')} />
        </Labelled>
        <Labelled label="所属行政区">
          <TextFactField path={at(root, 'department', 'jurisdiction')} />
        </Labelled>
      </Card>
      <Card size="small" title="人员编制">
        <Labelled label="截止日期">
          <TextFactField path={at(root, 'staffing', 'asOf')} placeholder="YYYY-MM-DD" />
        </Labelled>
        {(
          [
            ['authorized', '编制数'],
            ['inService', '在职人数'],
            ['contractStaff', '编外人员'],
            ['other', '其他人员'],
            ['retired', '退休人数'],
          ] as const
        ).map(([k, label]) => (
          <Labelled key={k} label={label}>
            <IntFactField path={at(root, 'staffing', k)} suffix="人" />
          </Labelled>
        ))}
      </Card>
      <Card
        size="small"
        title={`主要职责（${doc.duties.items.length} 项）`}
        extra={
          <AddButton
            onClick={() =>
              update(at(root, 'duties', 'items'), [
                ...doc.duties.items,
                { no: doc.duties.items.length + 1, text: '' },
              ])
            }
          >
            添加职责
          </AddButton>
        }
      >
        {doc.duties.items.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items are positions of an edited list; their text changes as typed
          <Labelled key={`${d.no}-${i}`} label={`${d.no}.`}>
            <PlainTextField path={at(root, 'duties', 'items', i, 'text')} />
          </Labelled>
        ))}
      </Card>
      <Card
        size="small"
        title={`年度主要工作（${doc.work.sections.length} 项）`}
        extra={
          <AddButton
            onClick={() =>
              update(at(root, 'work', 'sections'), [
                ...doc.work.sections,
                { no: doc.work.sections.length + 1, title: '', body: '' },
              ])
            }
          >
            添加一项工作
          </AddButton>
        }
      >
        {doc.work.sections.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sections are positions of an edited list
          <div key={`${s.no}-${i}`} style={{ marginBottom: 12 }}>
            <Labelled label={`（${s.no}）标题`} path={at(root, 'work', 'sections', i, 'title')}>
              <Space.Compact style={{ width: '100%' }}>
                <PlainTextField path={at(root, 'work', 'sections', i, 'title')} multiline={false} />
                {readOnly ? null : (
                  <Button
                    aria-label="删除此项工作"
                    icon={<DeleteOutlined />}
                    onClick={() =>
                      update(
                        at(root, 'work', 'sections'),
                        doc.work.sections.filter((_, j) => j !== i).map((x, j) => ({ ...x, no: j + 1 })),
                      )
                    }
                  />
                )}
              </Space.Compact>
            </Labelled>
            <Labelled label="内容">
              <PlainTextField path={at(root, 'work', 'sections', i, 'body')} />
            </Labelled>
          </div>
        ))}
      </Card>
    </Space>
  );
};
