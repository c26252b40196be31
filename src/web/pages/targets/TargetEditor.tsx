/**
 * One 绩效目标申报表: the preparer fills it in with the 目标审核 checks running live (the same core
 * function the server runs), saves versions and submits; where the jurisdiction's review chain says so
 * the unit's 主管部门 passes it on or returns it first; the bureau grades the submitted version and
 * publishes the approved one. An approved table can be adjusted: saving makes a new version that goes
 * through review again (and is published by a publication of its own).
 */
import { Alert, App, Button, Card, List, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { SEVERITIES } from '../../../core/findings.ts';
import { SEVERITY_TERMS } from '../../../core/glossary.ts';
import { TARGET_RULES } from '../../../core/targets/catalogue.ts';
import { checkTargetTable } from '../../../core/targets/check-table.ts';
import { LABEL_SETS } from '../../../core/targets/labels.ts';
import { INDICATOR_LIBRARY, suggestIndicators } from '../../../core/targets/library.ts';
import { REVIEW_STEP_LABELS, SUPERVISOR_OUTCOME_LABELS } from '../../../core/targets/review-chain.ts';
import type { TargetTable } from '../../../core/targets/table.ts';
import { TARGET_KIND_LABELS } from '../../../core/targets/vocab.ts';
import { loadTarget, publishTarget, saveTarget, submitTarget } from '../../api/targets.ts';
import { SeverityTag } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { Link } from '../../app/router.tsx';
import { fmtDateTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { IndicatorGrid } from './IndicatorGrid.tsx';
import { TargetStatusTag } from './labels.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { SupervisorPanel } from './SupervisorPanel.tsx';
import { TableFields } from './TableFields.tsx';

type Detail = Awaited<ReturnType<typeof loadTarget>>;

const Editor = ({ detail, role, reload }: { detail: Detail; role: string; reload: () => void }) => {
  const { message } = App.useApp();
  const { table } = detail;
  const [doc, setDoc] = useState<TargetTable>(detail.current.document as TargetTable);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    setDoc(detail.current.document as TargetTable);
    setDirty(false);
  }, [detail]);
  const findings = useMemo(() => checkTargetTable(doc), [doc]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const tally = SEVERITIES.map((s) => ({ s, n: findings.filter((f) => f.severity === s).length }))
    .filter(({ n }) => n > 0)
    .map(({ s, n }) => `${n}处${SEVERITY_TERMS[s]}`)
    .join('，');
  const editable =
    role === 'preparer' && !detail.supervised && ['draft', 'returned', 'approved'].includes(table.status);
  const published = new Set(detail.publications.map((p) => p.version));
  const canPublish =
    role === 'bureau-reviewer' && table.approvedVersion !== null && !published.has(table.approvedVersion);
  const change = (d: TargetTable) => {
    setDoc(d);
    setDirty(true);
  };
  const { run: write } = useWrite();
  const run = (what: string, fn: () => Promise<unknown>) => write(fn, { done: what, after: reload });
  const save = () => run('已保存', () => saveTarget(table.id, table.currentVersion, doc));
  const submit = () => run('已报送审核', () => submitTarget(table.id, table.status));
  const publish = () =>
    run('已公开，公众可在公开目录中查看', () => publishTarget(table.id, table.approvedVersion ?? 0));
  const flagged = new Set(findings.map((f) => f.indicatorId).filter((x): x is string => !!x));
  const lastReview = detail.reviews.at(-1);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="jx-page-title">
        <h1>
          {TARGET_KIND_LABELS[table.kind]}（{table.year}年度）
        </h1>
        <Space wrap>
          <TargetStatusTag status={table.status} step={table.reviewStep} />
          <Tag>第{table.currentVersion}版</Tag>
          {table.approvedVersion ? <Tag color="green">批复版本：第{table.approvedVersion}版</Tag> : null}
          {detail.publications.map((p) => (
            <Link key={p.version} to={`/public/targets/${table.id}?v=${p.version}`}>
              <Tag color="blue">已公开第{p.version}版</Tag>
            </Link>
          ))}
          {canPublish ? (
            <Button type="primary" onClick={publish}>
              公开批复版本（第{table.approvedVersion}版）
            </Button>
          ) : null}
          {editable ? (
            <>
              <Button onClick={save} disabled={!dirty} type={dirty ? 'primary' : 'default'}>
                {table.status === 'approved' ? '保存调整' : '保存'}
              </Button>
              {table.status !== 'approved' ? (
                <Button onClick={submit} disabled={dirty}>
                  报送审核
                </Button>
              ) : null}
            </>
          ) : null}
        </Space>
      </div>
      {table.status === 'returned' && lastReview ? (
        <Alert
          type="error"
          showIcon
          title={
            lastReview.step === 'supervisor'
              ? '主管部门审核：已退回修改'
              : `审核结果：${lastReview.grade ?? ''}，已退回修改`
          }
          description={lastReview.reasons}
        />
      ) : null}
      {table.status === 'approved' && editable ? (
        <Alert
          type="info"
          showIcon
          title="目标已批复。如需调整，修改后保存为新版本，经审核批复后生效；原批复版本保留。"
        />
      ) : null}
      <Card size="small" title={`目标审核（${tally || '未发现问题'}）`} data-testid="target-findings">
        {findings.length === 0 ? (
          <span style={{ color: '#389e0d' }}>各项检查均已通过</span>
        ) : (
          <List
            size="small"
            dataSource={findings}
            renderItem={(f) => (
              <List.Item data-rule={f.rule} style={{ justifyContent: 'flex-start', gap: 8 }}>
                <SeverityTag severity={f.severity} />
                <span>{f.message}</span>
                <span style={{ color: '#999', marginLeft: 8 }}>{TARGET_RULES[f.rule].title}</span>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={`基本信息（${detail.departmentName}）`}>
        <TableFields doc={doc} editable={editable} onChange={change} />
      </Card>
      <Card
        size="small"
        title={`绩效指标（${LABEL_SETS.find((s) => s.key === doc.labelSet)?.name ?? doc.labelSet}）`}
        extra={
          editable ? (
            <Select
              aria-label="从指标库添加"
              placeholder="从指标库添加"
              style={{ width: 160 }}
              value={null}
              onChange={(type: string) => {
                const added = suggestIndicators(type, doc, [], (i) => `lib-${Date.now().toString(36)}-${i}`);
                if (added.length === 0) message.info('该类指标均已添加');
                change({ ...doc, indicators: [...doc.indicators, ...added] });
              }}
              options={INDICATOR_LIBRARY.map((e) => ({ value: e.type, label: e.name }))}
            />
          ) : null
        }
      >
        <IndicatorGrid
          rows={doc.indicators}
          labelSetKey={doc.labelSet}
          editable={editable}
          flagged={flagged}
          onChange={(indicators) => change({ ...doc, indicators })}
        />
      </Card>
      {detail.supervised &&
      role === 'dept-reviewer' &&
      table.status === 'submitted' &&
      table.reviewStep === 'supervisor' ? (
        <SupervisorPanel
          id={table.id}
          version={table.currentVersion}
          unit={detail.departmentName}
          onDone={reload}
        />
      ) : null}
      {role === 'bureau-reviewer' && table.status === 'submitted' && table.reviewStep !== 'supervisor' ? (
        <ReviewPanel id={table.id} version={table.currentVersion} errors={errors} onDone={reload} />
      ) : null}
      <Card size="small" title="版本与审核记录">
        <Table
          size="small"
          rowKey="version"
          pagination={false}
          dataSource={detail.versions}
          columns={[
            {
              title: '版本',
              render: (_, v) => `第${v.version}版${v.version === table.approvedVersion ? '（批复）' : ''}`,
            },
            { title: '说明', dataIndex: 'summary' },
            { title: '时间', render: (_, v) => fmtDateTime(v.createdAt) },
            {
              title: '审核',
              render: (_, v) =>
                detail.reviews
                  .filter((r) => r.version === v.version)
                  .map(
                    (r) =>
                      `${REVIEW_STEP_LABELS[r.step]} ${r.outcome ? SUPERVISOR_OUTCOME_LABELS[r.outcome] : (r.grade ?? '')}${r.reasons ? `：${r.reasons}` : ''}`,
                  )
                  .join('；') || '—',
            },
          ]}
        />
      </Card>
      <Link to="/targets">返回目标表列表</Link>
    </Space>
  );
};

const TargetEditor = ({ params }: { params: Record<string, string> }) => {
  const id = params.id ?? '';
  const load = useLoad(() => loadTarget(id), [id]);
  return (
    <RequireRole roles={['preparer', 'dept-reviewer', 'bureau-reviewer', 'admin']}>
      {(me) => (
        <PageState load={load}>{(d) => <Editor detail={d} role={me.role} reload={load.reload} />}</PageState>
      )}
    </RequireRole>
  );
};

export default TargetEditor;
