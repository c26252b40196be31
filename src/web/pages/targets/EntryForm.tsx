/**
 * A unit's monitoring entry for one approved table: 执行数, 预计全年执行, and per indicator 当前完成,
 * 全年预计完成, 完成目标可能性, and where not certain 偏差原因 by category and 纠偏措施. Lights are computed
 * live with the round's preset, by the same core function the server uses.
 */
import { Alert, Button, Input, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { monitoringPreset } from '../../../core/targets/lights.ts';
import {
  emptyEntry,
  entryProblems,
  evaluateEntry,
  type MonitoringEntry,
} from '../../../core/targets/monitoring.ts';
import type { TargetTable } from '../../../core/targets/table.ts';
import {
  DEVIATION_CAUSE_LABELS,
  DEVIATION_CAUSES,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
} from '../../../core/targets/vocab.ts';
import { putEntry } from '../../api/targets.ts';
import { useWrite } from '../../lib/use-write.ts';
import { LightTag } from './labels.tsx';

type Props = {
  roundId: string;
  tableId: string;
  month: number;
  preset: string;
  table: TargetTable;
  initial: MonitoringEntry | null;
  submitted: boolean;
  onSaved: () => void;
};

const dec = (s: string): string | null => (/^-?\d+(\.\d+)?$/.test(s.trim()) ? s.trim() : null);

export const EntryForm = ({ roundId, tableId, month, preset, table, initial, submitted, onSaved }: Props) => {
  const { run } = useWrite();
  const [entry, setEntry] = useState<MonitoringEntry>(initial ?? emptyEntry(table));
  const lights = useMemo(
    () => evaluateEntry(table, entry, month, monitoringPreset(preset)),
    [table, entry, month, preset],
  );
  const problems = useMemo(() => entryProblems(table, entry), [table, entry]);
  const row = (id: string) => entry.indicators.find((i) => i.indicatorId === id);
  const patch = (id: string, p: Partial<MonitoringEntry['indicators'][number]>) =>
    setEntry({
      ...entry,
      indicators: table.indicators.map((ind) => {
        const e = row(ind.id) ?? emptyEntry(table).indicators.find((x) => x.indicatorId === ind.id)!;
        return ind.id === id ? { ...e, ...p } : e;
      }),
    });
  const save = (submit: boolean) =>
    run(() => putEntry(roundId, tableId, entry, submit), {
      done: submit ? '已报送' : '已保存',
      after: onSaved,
    });
  const ro = submitted;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="entry-form">
      <Space wrap>
        <span>
          预算执行数（万元）
          <Input
            aria-label="预算执行数"
            style={{ width: 120, marginLeft: 4 }}
            disabled={ro}
            defaultValue={entry.executed ?? ''}
            onChange={(e) => setEntry({ ...entry, executed: dec(e.target.value) })}
          />
        </span>
        <span>
          预计全年执行（万元）
          <Input
            aria-label="预计全年执行"
            style={{ width: 120, marginLeft: 4 }}
            disabled={ro}
            defaultValue={entry.projectedAnnual ?? ''}
            onChange={(e) => setEntry({ ...entry, projectedAnnual: dec(e.target.value) })}
          />
        </span>
        <span>
          预算执行：
          <LightTag light={lights.budget?.light} pace={lights.budget?.pace?.toFixed(1) ?? null} />
        </span>
        <span>
          项目：
          <LightTag light={lights.project} />
        </span>
      </Space>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 1100 }}
        dataSource={table.indicators}
        columns={[
          { title: '三级指标', dataIndex: 'name', width: 160 },
          {
            title: '年度指标值',
            width: 110,
            render: (_, ind) => `${ind.nature === '定性' ? '' : (ind.nature ?? '')}${ind.value}${ind.unit}`,
          },
          {
            title: '当前完成',
            width: 160,
            render: (_, ind) =>
              ind.nature === '定性' ? (
                <Select
                  aria-label={`${ind.name}当前完成`}
                  disabled={ro}
                  style={{ width: '100%' }}
                  value={row(ind.id)?.current ?? undefined}
                  onChange={(v) => patch(ind.id, { current: v })}
                  options={monitoringPreset(preset).qualitative.map((q) => ({
                    value: q.phrase,
                    label: q.phrase,
                  }))}
                />
              ) : (
                <Input
                  aria-label={`${ind.name}当前完成`}
                  disabled={ro}
                  value={row(ind.id)?.current ?? ''}
                  onChange={(e) => patch(ind.id, { current: e.target.value || null })}
                />
              ),
          },
          {
            title: '全年预计',
            width: 100,
            render: (_, ind) =>
              ind.nature === '定性' ? (
                '—'
              ) : (
                <Input
                  aria-label={`${ind.name}全年预计`}
                  disabled={ro}
                  value={row(ind.id)?.projected ?? ''}
                  onChange={(e) => patch(ind.id, { projected: e.target.value || null })}
                />
              ),
          },
          {
            title: '预警',
            width: 100,
            render: (_, ind) => {
              const l = lights.indicators.find((x) => x.indicatorId === ind.id);
              return <LightTag light={l?.light} pace={l?.pace?.toFixed(1) ?? null} />;
            },
          },
          {
            title: '完成可能性',
            width: 120,
            render: (_, ind) => (
              <Select
                aria-label={`${ind.name}完成可能性`}
                disabled={ro}
                style={{ width: '100%' }}
                value={row(ind.id)?.likelihood ?? undefined}
                onChange={(v) => patch(ind.id, { likelihood: v })}
                options={LIKELIHOODS.map((l) => ({ value: l, label: LIKELIHOOD_LABELS[l] }))}
              />
            ),
          },
          {
            title: '偏差原因',
            width: 230,
            render: (_, ind) => {
              const e = row(ind.id);
              if (!e?.likelihood || e.likelihood === 'certain') return '—';
              const c = e.causes[0];
              return (
                <Space.Compact style={{ width: '100%' }}>
                  <Select
                    aria-label={`${ind.name}偏差类别`}
                    disabled={ro}
                    style={{ width: 100 }}
                    value={c?.cause ?? 'funding'}
                    onChange={(cause) => patch(ind.id, { causes: [{ cause, text: c?.text ?? '' }] })}
                    options={DEVIATION_CAUSES.map((k) => ({ value: k, label: DEVIATION_CAUSE_LABELS[k] }))}
                  />
                  <Input
                    aria-label={`${ind.name}偏差原因`}
                    disabled={ro}
                    value={c?.text ?? ''}
                    onChange={(ev) =>
                      patch(ind.id, { causes: [{ cause: c?.cause ?? 'funding', text: ev.target.value }] })
                    }
                  />
                </Space.Compact>
              );
            },
          },
          {
            title: '纠偏措施',
            width: 180,
            render: (_, ind) => {
              const e = row(ind.id);
              if (!e?.likelihood || e.likelihood === 'certain') return '—';
              return (
                <Input
                  aria-label={`${ind.name}纠偏措施`}
                  disabled={ro}
                  value={e.measures}
                  onChange={(ev) => patch(ind.id, { measures: ev.target.value })}
                />
              );
            },
          },
        ]}
      />
      {!ro && problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`还有${problems.length}处未填写完整`}
          description={problems
            .slice(0, 5)
            .map((p) => p.message)
            .join('；')}
        />
      ) : null}
      {ro ? (
        <Alert type="success" showIcon title="已报送" />
      ) : (
        <Space>
          <Button onClick={() => save(false)}>保存</Button>
          <Button type="primary" disabled={problems.length > 0} onClick={() => save(true)}>
            报送
          </Button>
        </Space>
      )}
    </Space>
  );
};
