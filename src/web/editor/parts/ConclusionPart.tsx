import { Button, Card, Space } from 'antd';
import type { DepartmentReport } from '../../../core/model/department-report.ts';
import { useEditor } from '../editor-context.tsx';
import { DecimalFactField, GradeField, Labelled, PlainTextField, TextFactField } from '../fields.tsx';

/** 自评结论 (stated total and grade), problems, causes and measures. */
export const ConclusionPart = ({ doc }: { doc: DepartmentReport }) => {
  const { update, readOnly } = useEditor();
  const c = doc.conclusion;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="自评结论">
        {c ? (
          <>
            <Labelled label="依据文件" path={['conclusion', 'notice']}>
              <TextFactField path={['conclusion', 'notice']} />
            </Labelled>
            <Labelled label="文号" path={['conclusion', 'noticeNo']}>
              <TextFactField path={['conclusion', 'noticeNo']} />
            </Labelled>
            <Labelled label="自评总分" path={['conclusion', 'statedTotal']}>
              <DecimalFactField path={['conclusion', 'statedTotal']} suffix="分" />
            </Labelled>
            <Labelled label="自评等级" path={['conclusion', 'statedGrade']}>
              <GradeField path={['conclusion', 'statedGrade']} />
            </Labelled>
            <Labelled label="结论" path={['conclusion', 'text']}>
              <PlainTextField path={['conclusion', 'text']} />
            </Labelled>
          </>
        ) : readOnly ? (
          '报告未写自评结论'
        ) : (
          <Button
            onClick={() =>
              update(['conclusion'], {
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
        <Labelled label="存在的问题" path={['problems', 'problems']}>
          <TextFactField path={['problems', 'problems']} multiline />
        </Labelled>
        <Labelled label="原因" path={['problems', 'causes']}>
          <TextFactField path={['problems', 'causes']} multiline />
        </Labelled>
        <Labelled label="改进措施" path={['problems', 'measures']}>
          <TextFactField path={['problems', 'measures']} multiline />
        </Labelled>
        <Labelled label="其他说明" path={['otherNotes']}>
          <TextFactField path={['otherNotes']} multiline />
        </Labelled>
      </Card>
    </Space>
  );
};
