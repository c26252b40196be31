import { Button, Card, Space } from 'antd';
import type { DepartmentReport } from '../../../core/model/department-report.ts';
import { at, rootOf } from '../../lib/paths.ts';
import { useEditor } from '../editor-context.tsx';
import { DecimalFactField, GradeField, Labelled, PlainTextField, TextFactField } from '../fields.tsx';

const root = rootOf<DepartmentReport>();

/** 自评结论 (stated total and grade), problems, causes and measures. */
export const ConclusionPart = ({ doc }: { doc: DepartmentReport }) => {
  const { update, readOnly } = useEditor();
  const c = doc.conclusion;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="自评结论">
        {c ? (
          <>
            <Labelled label="依据文件">
              <TextFactField path={at(root, 'conclusion', 'notice')} />
            </Labelled>
            <Labelled label="文号">
              <TextFactField path={at(root, 'conclusion', 'noticeNo')} />
            </Labelled>
            <Labelled label="自评总分">
              <DecimalFactField path={at(root, 'conclusion', 'statedTotal')} suffix="分" />
            </Labelled>
            <Labelled label="自评等级">
              <GradeField path={at(root, 'conclusion', 'statedGrade')} />
            </Labelled>
            <Labelled label="结论">
              <PlainTextField path={at(root, 'conclusion', 'text')} />
            </Labelled>
          </>
        ) : readOnly ? (
          '报告未写自评结论'
        ) : (
          <Button
            onClick={() =>
              update(at(root, 'conclusion'), {
                notice: null,
                noticeNo: null,
                statedTotal: null,
                statedGrade: null,
                text: '',
              })
            }
          >
            填写自评结论
          </Button>
        )}
      </Card>
      <Card size="small" title="存在的问题、原因及改进措施">
        <Labelled label="存在的问题">
          <TextFactField path={at(root, 'problems', 'problems')} multiline />
        </Labelled>
        <Labelled label="原因">
          <TextFactField path={at(root, 'problems', 'causes')} multiline />
        </Labelled>
        <Labelled label="改进措施">
          <TextFactField path={at(root, 'problems', 'measures')} multiline />
        </Labelled>
        <Labelled label="其他说明">
          <TextFactField path={at(root, 'otherNotes')} multiline />
        </Labelled>
      </Card>
    </Space>
  );
};
