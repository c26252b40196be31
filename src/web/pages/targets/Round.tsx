/**
 * One monitoring round. The bureau sees every approved table of the year with its lights (the lights
 * dashboard across departments) and records a decision with a reason; a unit fills its entries.
 */
import { Button, Card, Input, Modal, Select, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import type { MonitoringEntry } from '../../../core/targets/monitoring.ts';
import type { TargetTable } from '../../../core/targets/table.ts';
import {
  DECISION_LABELS,
  DECISIONS,
  type Decision,
  LIGHT_LABELS,
  LIGHTS,
} from '../../../core/targets/vocab.ts';
import { decide, loadRound, loadTargetVersion } from '../../api/targets.ts';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { Link } from '../../app/router.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { EntryForm } from './EntryForm.tsx';
import { LightTag } from './labels.tsx';

type Overview = Awaited<ReturnType<typeof loadRound>>;
type RoundRow = Overview['rows'][number];

/** Stays mounted and opens for a row: unmounting an open antd Modal mid-animation throws in antd. */
const DecisionModal = ({
  roundId,
  row,
  onClose,
}: {
  roundId: string;
  row: RoundRow | null;
  onClose: (saved: boolean) => void;
}) => {
  const { run } = useWrite();
  const [decision, setDecision] = useState<Decision>('continue');
  const [reason, setReason] = useState('');
  const save = async () => {
    if (!row) return;
    await run(() => decide(roundId, row.table.id, decision, reason), {
      done: '处理决定已记录',
      after: () => {
        setReason('');
        onClose(true);
      },
    });
  };
  return (
    <Modal
      open={row !== null}
      title={`处理决定：${row?.name ?? ''}`}
      okText="记录决定"
      cancelText="取消"
      okButtonProps={{ disabled: !reason.trim() }}
      onOk={save}
      onCancel={() => onClose(false)}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          aria-label="处理决定"
          value={decision}
          onChange={setDecision}
          style={{ width: 200 }}
          options={DECISIONS.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
        />
        <Input.TextArea
          aria-label="决定理由"
          autoSize={{ minRows: 3 }}
          placeholder="写明理由（必填）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Space>
    </Modal>
  );
};

const Fill = ({ overview, row, reload }: { overview: Overview; row: RoundRow; reload: () => void }) => {
  const load = useLoad(() => loadTargetVersion(row.table.id, row.version), [row.table.id, row.version]);
  return (
    <PageState load={load}>
      {(v) => (
        <EntryForm
          roundId={overview.round.id}
          tableId={row.table.id}
          month={overview.round.month}
          preset={overview.round.preset}
          table={v.document as TargetTable}
          initial={(row.entry?.document as MonitoringEntry | undefined) ?? null}
          submitted={!!row.entry?.submittedAt}
          onSaved={reload}
        />
      )}
    </PageState>
  );
};

const RoundPage = ({ params }: { params: Record<string, string> }) => {
  const id = params.id ?? '';
  const load = useLoad(() => loadRound(id), [id]);
  const [deciding, setDeciding] = useState<RoundRow | null>(null);
  return (
    <RequireRole roles={['preparer', 'dept-reviewer', 'bureau-reviewer', 'admin']}>
      {(me) => (
        <PageState load={load}>
          {(o) => (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <div className="jx-page-title">
                <h1>{o.round.title}</h1>
                <span>
                  数据截至{o.round.month}月，报送截止 {o.round.deadline}
                </span>
              </div>
              <Card size="small" title="预警灯分布" data-testid="light-counts">
                <Space size="large" wrap>
                  {LIGHTS.map((l) => (
                    <Statistic key={l} title={LIGHT_LABELS[l]} value={o.counts[l]} />
                  ))}
                  <Statistic title="未填报" value={o.counts.none} />
                </Space>
              </Card>
              <Table
                rowKey={(r) => r.table.id}
                dataSource={o.rows}
                pagination={false}
                expandable={
                  me.role === 'preparer'
                    ? {
                        expandedRowRender: (r) => <Fill overview={o} row={r} reload={load.reload} />,
                        expandRowByClick: false,
                      }
                    : undefined
                }
                columns={[
                  { title: '单位', dataIndex: 'departmentName' },
                  { title: '目标表', render: (_, r) => <Link to={`/targets/${r.table.id}`}>{r.name}</Link> },
                  {
                    title: '预算执行',
                    render: (_, r) => (
                      <LightTag light={r.lights.budget?.light} pace={r.lights.budget?.pace} />
                    ),
                  },
                  { title: '项目预警', render: (_, r) => <LightTag light={r.lights.project} /> },
                  {
                    title: '填报',
                    render: (_, r) => (r.entry?.submittedAt ? '已报送' : r.entry ? '已保存' : '未填'),
                  },
                  { title: '待补', render: (_, r) => (r.problems.length ? `${r.problems.length}处` : '—') },
                  {
                    title: '处理决定',
                    render: (_, r) =>
                      r.decision
                        ? `${DECISION_LABELS[r.decision.decision]}：${r.decision.reason}`
                        : me.role === 'bureau-reviewer'
                          ? null
                          : '—',
                  },
                  ...(me.role === 'bureau-reviewer'
                    ? [
                        {
                          title: '',
                          render: (_: unknown, r: RoundRow) => (
                            <Button onClick={() => setDeciding(r)}>作出决定</Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              <DecisionModal
                roundId={o.round.id}
                row={deciding}
                onClose={(saved) => {
                  setDeciding(null);
                  if (saved) load.reload();
                }}
              />
              <Link to="/monitoring">返回监控轮次</Link>
            </Space>
          )}
        </PageState>
      )}
    </RequireRole>
  );
};

export default RoundPage;
