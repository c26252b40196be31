/**
 * A self-evaluation beside the targets approved for its year (DOMAIN-CYCLE §1.5): which version it is
 * bound to, a button that fills its 绩效目标表 from that version, and for the reviewer each approved
 * indicator beside the report's target and actual and the mid-year monitoring answer, the answers the
 * year-end report contradicts marked.
 */
import { Alert, Button, Table, Tag, Typography } from 'antd';
import type { AuditOptions } from '../../core/audit/index.ts';
import type { Report } from '../../core/model/report.ts';
import { fillFromApproved } from '../../core/targets/fill.ts';
import { MonitoringEntry } from '../../core/targets/monitoring.ts';
import { TargetTable } from '../../core/targets/table.ts';
import { DEVIATION_CAUSE_LABELS, LIKELIHOOD_LABELS } from '../../core/targets/vocab.ts';
import { loadBinding } from '../api/targets.ts';

export type LoadedBinding = Awaited<ReturnType<typeof loadBinding>>;
export type BoundTargets = { binding: LoadedBinding; approved: NonNullable<AuditOptions['approved']> | null };

/** The binding and what the live check passes to the audit (null when no approved table exists). */
export const loadBoundTargets = async (reportId: string): Promise<BoundTargets | null> => {
  const binding = await loadBinding(reportId).catch(() => null);
  if (!binding) return null;
  const table = binding.document ? TargetTable.safeParse(binding.document) : null;
  const monitoring = binding.monitoring ? MonitoringEntry.safeParse(binding.monitoring) : null;
  return {
    binding,
    approved:
      table?.success && binding.version !== null
        ? {
            table: table.data,
            version: binding.version,
            monitoring: monitoring?.success ? monitoring.data : null,
          }
        : null,
  };
};

/** What the editor says above the form: the version it is bound to, and the fill button. */
export const BoundNotice = ({
  bound,
  doc,
  onFill,
}: {
  bound: BoundTargets | null;
  doc: Report;
  /** Absent: read-only. */
  onFill?: ((doc: Report) => void) | undefined;
}) => {
  if (!bound?.approved)
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="本年度尚无批复的绩效目标表：绩效目标表按所填内容核对。"
        data-testid="bound-none"
      />
    );
  const { approved } = bound;
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="bound-targets"
      title={`本报告对应批复的绩效目标表（第${approved.version}版，${approved.table.indicators.length}项指标）：年度指标值与批复不一致的，审核时列为问题。`}
      action={
        onFill ? (
          <Button
            size="small"
            data-testid="fill-from-approved"
            onClick={() => onFill(fillFromApproved(doc, approved.table))}
          >
            从批复目标填入绩效目标表
          </Button>
        ) : undefined
      }
    />
  );
};

type Row = LoadedBinding['rows'][number];

const monitoringText = (m: Row['monitoring']) =>
  m ? (
    <>
      当前 {m.current ?? '—'}；全年预计 {m.projected ?? '—'}
      {m.likelihood ? (
        <Tag style={{ marginLeft: 4 }} color={m.likelihood === 'certain' ? 'green' : 'orange'}>
          {LIKELIHOOD_LABELS[m.likelihood]}
        </Tag>
      ) : null}
      {m.causes
        .filter((c) => c.text.trim() !== '')
        .map((c) => (
          <div key={c.cause}>
            <Typography.Text type="secondary">{DEVIATION_CAUSE_LABELS[c.cause]}：</Typography.Text>
            {c.text}
          </div>
        ))}
    </>
  ) : (
    <Typography.Text type="secondary">未填报</Typography.Text>
  );

/** The reviewer's table: approved target, the report's target and actual, the mid-year answer. */
export const CarriedTargets = ({ bound }: { bound: BoundTargets | null }) => {
  const b = bound?.binding;
  if (!b || b.version === null)
    return <Typography.Text type="secondary">本年度尚无批复的绩效目标表。</Typography.Text>;
  return (
    <div data-testid="carried-targets">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        批复的绩效目标表第{b.version}版
        {b.round ? `；年中监控：${b.round.title}` : '；本年度没有填报的运行监控'}
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="indicatorId"
        pagination={false}
        dataSource={b.rows}
        rowClassName={(r) => (r.contradiction ? 'jx-carried-conflict' : '')}
        columns={[
          { title: '指标', dataIndex: 'name', width: 110 },
          {
            title: '批复目标',
            width: 90,
            render: (_: unknown, r) => {
              const changed =
                r.yearEnd && r.yearEnd.target.replace(/\s/gu, '') !== r.approved.replace(/\s/gu, '');
              return changed ? (
                <>
                  {r.approved}
                  <div>
                    <Tag color="red">自评表：{r.yearEnd?.target}</Tag>
                  </div>
                </>
              ) : (
                r.approved
              );
            },
          },
          { title: '年中监控', render: (_: unknown, r) => monitoringText(r.monitoring) },
          {
            title: '年末完成',
            width: 190,
            render: (_: unknown, r) =>
              r.yearEnd ? (
                <>
                  {r.yearEnd.actual ?? '—'}
                  {r.yearEnd.met === false ? (
                    <Tag color="orange" style={{ marginLeft: 4 }}>
                      未完成
                    </Tag>
                  ) : null}
                  {r.yearEnd.deviation ? (
                    <div>
                      <Typography.Text type="secondary">偏差原因：</Typography.Text>
                      {r.yearEnd.deviation}
                    </div>
                  ) : null}
                  {r.contradiction ? (
                    <div>
                      <Tag color="red" data-testid="contradiction">
                        与年中所报不符
                      </Tag>
                    </div>
                  ) : null}
                </>
              ) : (
                <Typography.Text type="secondary">自评表中没有</Typography.Text>
              ),
          },
        ]}
      />
    </div>
  );
};
