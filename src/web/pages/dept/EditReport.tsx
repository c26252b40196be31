/**
 * The department's editor of one report: the form beside the live score and audit, saving versions
 * (a stale save is refused by the server and offered back), the workflow moves of the signed-in role,
 * reviewers' notes, version history and downloads.
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Modal, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Report } from '../../../core/model/report.ts';
import { findingKey, isEditable, type Role } from '../../../core/workflow.ts';
import { ApiError, api, ok } from '../../api/client.ts';
import { loadAudit } from '../../api/reports.ts';
import { KIND_SHORT, StatusTag } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { setDirty } from '../../app/unsaved.ts';
import { ReportEditor } from '../../editor/ReportEditor.tsx';
import { useLiveCheck } from '../../editor/use-live-check.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { BoundNotice } from '../../report/ApprovedTargets.tsx';
import { AttachmentsPanel } from '../../report/AttachmentsPanel.tsx';
import { Downloads } from '../../report/Downloads.tsx';
import { ExplainFinding } from '../../report/ExplainFinding.tsx';
import { type CurrentVersion, loadCurrentVersion } from '../../report/load-current.ts';
import { ReviewNotes } from '../../report/ReviewNotes.tsx';
import { VersionHistory } from '../../report/VersionHistory.tsx';
import { WorkflowBar } from '../../report/WorkflowBar.tsx';
import { NewVersion } from './NewVersion.tsx';

/** `explanations` by finding key; `serverKeys`: the findings of the saved version (the ones that can be explained). */
type Loaded = CurrentVersion<{ explanations: Map<string, string>; serverKeys: Set<string> }>;

const loadAll = (id: string): Promise<Loaded> =>
  loadCurrentVersion(id, async (id, v) => {
    const audit = await loadAudit(id, v);
    return {
      explanations: new Map(
        audit.findings.flatMap((f) => (f.explanation ? [[f.key, f.explanation.body]] : [])),
      ),
      serverKeys: new Set(audit.findings.map((f) => f.key)),
    };
  });

const Editor = ({ loaded, role, reload }: { loaded: Loaded; role: Role; reload: () => void }) => {
  const { message } = App.useApp();
  const { detail } = loaded;
  const report = detail.report;
  // The document as loaded when this version opened; a reload of notes keeps the edits in progress.
  const [base] = useState<Report>(loaded.doc);
  const [doc, setDoc] = useState<Report>(loaded.doc);
  const [summary, setSummary] = useState('');
  const { run, busy: saving } = useWrite();
  const [conflict, setConflict] = useState<number | null>(null);
  const dirty = doc !== base;
  const editable = role === 'preparer' && isEditable(report.status);
  const check = useLiveCheck(doc, loaded.frameworks, loaded.bound, loaded.targets?.approved ?? null);

  useEffect(() => {
    setDirty('editor', dirty);
    return () => setDirty('editor', false);
  }, [dirty]);

  const save = useCallback(
    (expectedVersion = report.currentVersion): Promise<boolean> =>
      run(
        async () => {
          const r = await ok(
            api.reports[':id'].versions.$post({
              param: { id: report.id },
              json: { expectedVersion, document: doc, summary: summary.trim() || '在线编辑' },
            }),
          );
          message.success(`已保存为第 ${r.version.version} 版`);
          setSummary('');
          setDirty('editor', false);
          reload();
        },
        {
          handle: (e) => {
            if (!(e instanceof ApiError && e.code === 'version-conflict')) return false;
            setConflict((e.body as { current?: { version?: number } } | null)?.current?.version ?? null);
            return true;
          },
        },
      ),
    [doc, summary, report.id, report.currentVersion, message, reload, run],
  );

  const lastReturnReason = detail.comments
    .filter((c) => c.kind === 'return-reason')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]?.body;
  const side = (
    <Card size="small" style={{ marginBottom: 12 }} title="流程">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {report.status === 'returned' ? (
          <Alert
            type="warning"
            showIcon
            title="报告已被退回：请按审核意见修改后保存，再提交。"
            description={lastReturnReason ? `退回理由：${lastReturnReason}` : undefined}
            data-testid="return-reason"
          />
        ) : null}
        <WorkflowBar
          id={report.id}
          status={report.status}
          role={role}
          before={async () => (dirty ? save() : true)}
          onDone={reload}
        />
      </Space>
    </Card>
  );

  const notes = (
    <Card size="small" style={{ marginTop: 12 }}>
      <Tabs
        size="small"
        items={[
          {
            key: 'notes',
            label: `审核意见（${detail.comments.length + detail.rescores.length}）`,
            children: <ReviewNotes detail={detail} />,
          },
          {
            key: 'versions',
            label: `版本（${detail.versions.length}）`,
            children: <VersionHistory detail={detail} />,
          },
        ]}
      />
    </Card>
  );

  return (
    <>
      <div className="jx-page-title">
        <h1>
          {report.year}年度 · {report.departmentName} · {KIND_SHORT[report.kind]}
          {report.projectName ? ` · ${report.projectName}` : ''} <StatusTag status={report.status} />
          <Typography.Text type="secondary" style={{ fontSize: 14 }}>
            第 {report.currentVersion} 版{dirty ? '（有未保存的修改）' : ''}
          </Typography.Text>
        </h1>
        <Space wrap>
          <Downloads id={report.id} version={report.currentVersion} />
          {editable ? (
            <>
              <NewVersion
                reportId={report.id}
                currentVersion={report.currentVersion}
                current={base}
                dirty={dirty}
                onSaved={() => {
                  setDirty('editor', false);
                  reload();
                }}
              />
              <Input
                aria-label="修改说明"
                placeholder="修改说明（可选）"
                style={{ width: 200 }}
                value={summary}
                onChange={(e) => setSummary(e.target.value)}
              />
              <Button
                data-testid="save"
                type="primary"
                icon={<SaveOutlined />}
                disabled={!dirty}
                loading={saving}
                onClick={() => save()}
              >
                保存
              </Button>
            </>
          ) : null}
        </Space>
      </div>
      {!editable && role === 'preparer' ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="报告已提交，正在审核中，暂不能修改。"
        />
      ) : null}
      <BoundNotice bound={loaded.targets} doc={doc} onFill={editable ? setDoc : undefined} />
      <ReportEditor
        doc={doc}
        {...(editable ? { onChange: setDoc } : {})}
        check={check}
        side={side}
        sideBottom={
          <>
            {notes}
            <AttachmentsPanel reportId={report.id} status={report.status} role={role} />
          </>
        }
        findingExtra={(f) =>
          role === 'preparer' && isEditable(report.status) && loaded.extra.serverKeys.has(findingKey(f)) ? (
            <ExplainFinding
              reportId={report.id}
              finding={f}
              explained={loaded.extra.explanations.get(findingKey(f))}
              onSaved={reload}
            />
          ) : null
        }
      />
      <Modal
        open={conflict !== null}
        title="保存冲突"
        onCancel={() => setConflict(null)}
        footer={[
          <Button
            key="reload"
            onClick={() => {
              setDirty('editor', false);
              setConflict(null);
              reload();
            }}
          >
            放弃我的修改，载入第 {conflict} 版
          </Button>,
          <Button
            key="overwrite"
            type="primary"
            danger
            onClick={() => {
              const v = conflict;
              setConflict(null);
              if (v) void save(v);
            }}
          >
            以我的版本保存为新版本
          </Button>,
        ]}
      >
        他人已保存了第 {conflict} 版（你是从第 {report.currentVersion}{' '}
        版开始修改的）。为避免覆盖他人的修改，请选择如何处理。
      </Modal>
    </>
  );
};

const EditReport = ({ params }: { params: Record<string, string> }) => {
  const id = params.id ?? '';
  const load = useLoad(() => loadAll(id), [id]);
  return (
    <RequireRole roles={['preparer', 'dept-reviewer', 'bureau-reviewer', 'admin']}>
      {(me) => (
        <PageState load={load}>
          {(loaded) => (
            <Editor
              key={`${loaded.detail.report.currentVersion}-${loaded.detail.report.status}`}
              loaded={loaded}
              role={me.role}
              reload={load.reload}
            />
          )}
        </PageState>
      )}
    </RequireRole>
  );
};
export default EditReport;
