/** 主管部门审核: the supervising department passes a subordinate unit's table on to 财政, or returns it. */
import { Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import type { SupervisorOutcome } from '../../../core/targets/review-chain.ts';
import { supervisorReview } from '../../api/targets.ts';
import { useWrite } from '../../lib/use-write.ts';

export const SupervisorPanel = ({
  id,
  version,
  unit,
  onDone,
}: {
  id: string;
  version: number;
  unit: string;
  onDone: () => void;
}) => {
  const [reasons, setReasons] = useState('');
  const { run, busy } = useWrite();
  const send = (outcome: SupervisorOutcome) =>
    run(() => supervisorReview(id, version, outcome, reasons), {
      done: outcome === 'pass' ? '已审核通过，报财政审核' : '已退回单位修改',
      after: onDone,
    });
  return (
    <Card title={`主管部门审核（${unit}，第${version}版）`} size="small" data-testid="supervisor-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        <div style={{ color: '#666' }}>
          审核下属单位报送的目标表：通过后报财政审核；需修改的写明理由退回。
        </div>
        <Input.TextArea
          aria-label="主管部门审核意见"
          autoSize={{ minRows: 3 }}
          placeholder="审核意见（退回时必填）"
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
        />
        <Space>
          <Button type="primary" loading={busy} onClick={() => send('pass')}>
            审核通过，报财政
          </Button>
          <Button danger loading={busy} disabled={!reasons.trim()} onClick={() => send('return')}>
            退回修改
          </Button>
        </Space>
      </Space>
    </Card>
  );
};
