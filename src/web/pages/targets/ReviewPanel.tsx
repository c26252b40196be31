/** 目标审核 by the bureau: a grade 优/良/中/差 with what it leads to, and reasons (required but for 优). */
import { Alert, Button, Card, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { SEVERITY_TERMS } from '../../../core/glossary.ts';
import { GRADES, type Grade } from '../../../core/model/department-report.ts';
import { GRADE_RULES, reviewNeedsReason } from '../../../core/targets/review.ts';
import { reviewTarget } from '../../api/targets.ts';
import { useWrite } from '../../lib/use-write.ts';

export const ReviewPanel = ({
  id,
  version,
  errors,
  onDone,
}: {
  id: string;
  version: number;
  errors: number;
  onDone: () => void;
}) => {
  const [grade, setGrade] = useState<Grade>('优');
  const [reasons, setReasons] = useState('');
  const { run, busy } = useWrite();
  const rule = GRADE_RULES.find((r) => r.grade === grade);
  const send = () =>
    run(() => reviewTarget(id, version, grade, reasons), { done: '审核结果已保存', after: onDone });
  return (
    <Card title={`目标审核（第${version}版）`} size="small" data-testid="review-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        {errors > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={`自动审核发现${errors}处${SEVERITY_TERMS.error}，请在审核意见中说明处理方式`}
          />
        ) : null}
        <Radio.Group value={grade} onChange={(e) => setGrade(e.target.value)} aria-label="审核结果">
          {GRADES.map((g) => (
            <Radio.Button key={g} value={g}>
              {g}
            </Radio.Button>
          ))}
        </Radio.Group>
        <div style={{ color: '#666' }}>{rule?.meaning}</div>
        <Input.TextArea
          aria-label="审核意见"
          autoSize={{ minRows: 3 }}
          placeholder={reviewNeedsReason(grade) ? '写明理由和修改要求（必填）' : '审核意见（可选）'}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={reviewNeedsReason(grade) && !reasons.trim()}
          onClick={send}
        >
          提交审核结果
        </Button>
      </Space>
    </Card>
  );
};
