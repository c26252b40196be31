import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import {
  type ReportStatus,
  type Role,
  TRANSITIONS,
  WORKFLOW_ACTION_LABELS,
  type WorkflowAction,
} from '../../core/workflow.ts';
import { returnReport, WORKFLOW_CALLS } from '../api/reports.ts';
import { useWrite } from '../lib/use-write.ts';

/** What each move that its maker cannot take back says before it is made. */
const CONFIRM: Partial<Record<WorkflowAction, string>> = {
  submit: '提交后报告交单位负责人审核，不能再修改；如需修改，须由审核人退回。',
  'dept-approve': '审核通过后报告报送财政局审核，单位不能再修改。',
  'bureau-approve': '审核通过后报告可以公开；如需修改，须先退回。',
  publish: '公开后任何人都能查看和下载本版报告，公开不能撤回。',
};

/** Whose turn it is in each status, and what they do; `roles` decides whether that is the reader. */
const TURN: Record<ReportStatus, { who: string; what: string; roles: readonly Role[] }> = {
  draft: { who: '填报人', what: '完善报告，说明审核错误后提交', roles: ['preparer'] },
  returned: { who: '填报人', what: '按退回理由修改后重新提交', roles: ['preparer'] },
  submitted: { who: '单位审核人', what: '审核通过或退回', roles: ['dept-reviewer'] },
  'dept-approved': { who: '财政局', what: '审核（可调整审核得分），通过或退回', roles: ['bureau-reviewer'] },
  'bureau-approved': { who: '财政局', what: '公开报告', roles: ['bureau-reviewer'] },
  published: { who: '', what: '', roles: [] },
};

/** One line saying whose turn it is (and whether that is the reader). */
export const WhoseTurn = ({ status, role }: { status: ReportStatus; role: Role }) => {
  const t = TURN[status];
  return (
    <Typography.Text data-testid="whose-turn">
      {status === 'published'
        ? '报告已公开，流程结束；如需更正，由财政局退回。'
        : `现在轮到${t.who}${t.roles.includes(role) ? '（您）' : ''}：${t.what}。`}
    </Typography.Text>
  );
};

/** Approvals may carry an opinion (审核意见), kept with the version approved. */
const APPROVALS: readonly WorkflowAction[] = ['dept-approve', 'bureau-approve'];

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
  const { run: write, busyWith: busy, error } = useWrite<WorkflowAction>({ inline: true });
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const opinion = useRef('');
  const moves = TRANSITIONS.filter((t) => t.from === status && (t.roles as readonly Role[]).includes(role));
  if (moves.length === 0) return <WhoseTurn status={status} role={role} />;

  const run = (action: WorkflowAction, call: () => Promise<unknown>) =>
    write(
      async () => {
        if (before && !(await before())) return;
        await call();
        message.success(`${WORKFLOW_ACTION_LABELS[action]}：已完成`);
        setReturning(false);
        setReason('');
        onDone();
      },
      { key: action },
    );

  /** A move that cannot be taken back by its maker asks first; the others go at once. */
  const ask = (action: Exclude<WorkflowAction, 'return'>) => {
    opinion.current = '';
    const go = () => run(action, () => WORKFLOW_CALLS[action](id, status, opinion.current.trim()));
    const text = CONFIRM[action];
    if (!text) return void go();
    modal.confirm({
      title: `确认${WORKFLOW_ACTION_LABELS[action]}？`,
      content: APPROVALS.includes(action) ? (
        <>
          <p>{text}</p>
          <Input.TextArea
            aria-label="审核意见"
            rows={3}
            maxLength={2000}
            placeholder="审核意见（可选），填报单位和财政局可以看到"
            onChange={(e) => {
              opinion.current = e.target.value;
            }}
          />
        </>
      ) : (
        text
      ),
      okText: '确定',
      cancelText: '取消',
      onOk: go,
    });
  };

  return (
    <>
      <WhoseTurn status={status} role={role} />
      <Space wrap data-testid="workflow" style={{ display: 'flex', marginTop: 8 }}>
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
