import { Alert, App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import {
  type ReportStatus,
  type Role,
  TRANSITIONS,
  WORKFLOW_ACTION_LABELS,
  type WorkflowAction,
} from '../../core/workflow.ts';
import { ApiError } from '../api/client.ts';
import { returnReport, WORKFLOW_CALLS } from '../api/reports.ts';

/** What each move that its maker cannot take back says before it is made. */
const CONFIRM: Partial<Record<WorkflowAction, string>> = {
  submit: '提交后报告交单位负责人审核，不能再修改；如需修改，须由审核人退回。',
  'dept-approve': '审核通过后报告报送财政局审核，单位不能再修改。',
  'bureau-approve': '审核通过后报告可以公开；如需修改，须先退回。',
  publish: '公开后任何人都能查看和下载本版报告，公开不能撤回。',
};

/**
 * The moves the signed-in role may make on the report now (the core's transition table decides which
 * buttons show; the server checks again). A return asks for the reason.
 */
export const WorkflowBar = ({
  id,
  status,
  role,
  before,
  onDone,
}: {
  id: string;
  status: ReportStatus;
  role: Role;
  /** Runs first (saving unsaved edits); false stops the move. */
  before?: () => Promise<boolean>;
  onDone: () => void;
}) => {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<WorkflowAction | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const moves = TRANSITIONS.filter((t) => t.from === status && (t.roles as readonly Role[]).includes(role));
  if (moves.length === 0) return null;

  const run = async (action: WorkflowAction, call: () => Promise<unknown>) => {
    setBusy(action);
    setError(null);
    try {
      if (before && !(await before())) return;
      await call();
      message.success(`${WORKFLOW_ACTION_LABELS[action]}：已完成`);
      setReturning(false);
      setReason('');
      onDone();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  /** A move that cannot be taken back by its maker asks first; the others go at once. */
  const ask = (action: Exclude<WorkflowAction, 'return'>) => {
    const go = () => run(action, () => WORKFLOW_CALLS[action](id, status));
    const text = CONFIRM[action];
    if (!text) return void go();
    modal.confirm({
      title: `确认${WORKFLOW_ACTION_LABELS[action]}？`,
      content: text,
      okText: '确定',
      cancelText: '取消',
      onOk: go,
    });
  };

  return (
    <>
      <Space wrap data-testid="workflow">
        {moves.map((t) =>
          t.action === 'return' ? (
            <Button key={t.action} danger onClick={() => setReturning(true)}>
              退回
            </Button>
          ) : (
            <Button key={t.action} type="primary" loading={busy === t.action} onClick={() => ask(t.action)}>
              {WORKFLOW_ACTION_LABELS[t.action]}
            </Button>
          ),
        )}
      </Space>
      {error && !returning ? (
        <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} closable />
      ) : null}
      <Modal
        open={returning}
        title="退回报告"
        okText="退回"
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: busy === 'return' }}
        cancelText="取消"
        onCancel={() => setReturning(false)}
        onOk={() => run('return', () => returnReport(id, status, reason.trim()))}
      >
        <p>请写明退回理由，填报单位会看到：</p>
        <Input.TextArea
          aria-label="退回理由"
          autoFocus
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="例如：支出表单位与正文不一致，请核对后重新提交"
        />
        {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      </Modal>
    </>
  );
};
