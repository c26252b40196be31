import { CopyOutlined, FileAddOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, Radio, Select, Space, Tabs, Upload } from 'antd';
import { useState } from 'react';
import type { IdentityMismatch } from '../../../core/identity.ts';
import { emptyDepartmentReport, emptyProjectReport } from '../../../core/model/empty-report.ts';
import { Report } from '../../../core/model/report.ts';
import { ApiError, api, ok } from '../../api/client.ts';
import { loadVersion } from '../../api/reports.ts';
import type { Created } from '../../api/types.ts';
import { KIND_SHORT } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { navigate } from '../../app/router.tsx';
import { keepForNewVersion } from '../../editor/pending-file.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { IdentityCheck } from '../../report/IdentityCheck.tsx';
import { copyForYear } from './copy-report.ts';
import { ImportSummary } from './ImportSummary.tsx';
import { UPLOAD_ACCEPT } from './upload-accept.ts';

const thisYear = new Date().getFullYear();

/** A refused import that the user can act on: a file to confirm, or a report that exists. */
type Refusal =
  | { kind: 'identity'; file: File; mismatches: IdentityMismatch[] }
  | { kind: 'exists'; file: File; existingId: string }
  | { kind: 'error'; message: string };

/**
 * Import a report file (any type the readers take) through the upload API and show what was read. A file
 * naming another unit or year asks for a reason; a report that exists already is offered for 上传新版本.
 */
const ImportTab = () => {
  const [year, setYear] = useState<number | null>(null);
  const { run, busy } = useWrite();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [reason, setReason] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const upload = async (file: File, why?: string) => {
    setRefusal(null);
    await run(
      async () => {
        setCreated(
          await ok(
            api.reports.upload.$post({
              form: { file, ...(year ? { year } : {}), ...(why ? { reason: why } : {}) },
            }),
          ),
        );
        setReason('');
      },
      // Every refusal is shown in place: a file to confirm, a report that exists, or the reason.
      {
        handle: (e) => {
          const body = (e instanceof ApiError ? e.body : null) as {
            mismatches?: IdentityMismatch[];
            existingId?: string;
          } | null;
          if (e instanceof ApiError && e.code === 'identity-mismatch' && body?.mismatches)
            setRefusal({ kind: 'identity', file, mismatches: body.mismatches });
          else if (e instanceof ApiError && e.code === 'report-exists' && body?.existingId)
            setRefusal({ kind: 'exists', file, existingId: body.existingId });
          else setRefusal({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
          return true;
        },
      },
    );
    return false;
  };
  if (created) {
    const doc = Report.parse(created.version.document);
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon title={`已导入，生成第 ${created.version.version} 版草稿`} />
        <ImportSummary doc={doc} warnings={created.warnings} />
        <Space>
          <Button type="primary" onClick={() => navigate(`/reports/${created.report.id}`)}>
            打开编辑
          </Button>
          <Button onClick={() => setCreated(null)}>再导入一份</Button>
        </Space>
      </Space>
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <span>年度（报告未写明时使用）</span>
        <InputNumber
          aria-label="年度"
          min={2000}
          max={2100}
          value={year}
          onChange={setYear}
          placeholder={String(thisYear - 1)}
        />
      </Space>
      {refusal?.kind === 'error' ? (
        <Alert type="error" showIcon title="导入失败" description={refusal.message} />
      ) : null}
      {refusal?.kind === 'exists' ? (
        <Alert
          type="info"
          showIcon
          data-testid="report-exists"
          title="本单位这一年度的此类报告已经存在"
          description="修改后的文件可作为该报告的新版本上传：先列出与当前版本的不同，确认后保存。"
          action={
            <Space orientation="vertical">
              <Button
                type="primary"
                size="small"
                onClick={() => {
                  keepForNewVersion(refusal.existingId, refusal.file);
                  navigate(`/reports/${refusal.existingId}`);
                }}
              >
                作为新版本上传
              </Button>
              <Button size="small" onClick={() => navigate(`/reports/${refusal.existingId}`)}>
                打开已有报告
              </Button>
            </Space>
          }
        />
      ) : null}
      {refusal?.kind === 'identity' ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <IdentityCheck mismatches={refusal.mismatches} reason={reason} onReason={setReason} />
          <Space>
            <Button
              type="primary"
              disabled={reason.trim() === ''}
              loading={busy}
              onClick={() => upload(refusal.file, reason.trim())}
            >
              确认导入
            </Button>
            <Button onClick={() => setRefusal(null)}>换一个文件</Button>
          </Space>
        </Space>
      ) : null}
      <Upload.Dragger
        accept={UPLOAD_ACCEPT}
        showUploadList={false}
        beforeUpload={(f) => upload(f)}
        disabled={busy}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>
          {busy
            ? '正在读取…'
            : '把自评报告文件拖到这里，或点击选择（Word、WPS、PDF、网页、Excel、文本或 JSON）'}
        </p>
        <p style={{ color: '#999' }}>读取后会显示读到的内容和未能读出的部分。</p>
      </Upload.Dragger>
    </Space>
  );
};

/** Stores a new report and opens it in the editor. */
const createAndOpen = async (document: Report, year: number, summary: string) => {
  const created = await ok(api.reports.$post({ json: { document, year, summary } }));
  navigate(`/reports/${created.report.id}`);
};

/** A report to fill in from scratch: 部门整体 or 项目 (a project needs its name: one report per project). */
const BlankTab = () => {
  const [kind, setKind] = useState<'department' | 'project'>('department');
  const [year, setYear] = useState<number>(thisYear - 1);
  const [projectName, setProjectName] = useState('');
  const { run, busy } = useWrite();
  const create = () =>
    run(() =>
      createAndOpen(
        kind === 'department'
          ? { ...emptyDepartmentReport(), year: { value: year } }
          : {
              ...emptyProjectReport(),
              year: { value: year },
              project: { name: { value: projectName.trim() }, department: null, implementer: null },
            },
        year,
        '新建空白报告',
      ),
    );
  return (
    <Space orientation="vertical">
      <Radio.Group
        aria-label="报告类型"
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        options={[
          { value: 'department', label: '部门整体支出绩效自评报告' },
          { value: 'project', label: '项目支出绩效自评表' },
        ]}
      />
      <Space wrap>
        <span>年度</span>
        <InputNumber
          aria-label="报告年度"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
        {kind === 'project' ? (
          <Input
            aria-label="项目名称"
            placeholder="项目名称"
            style={{ width: 280 }}
            value={projectName}
            onChange={(e) => setProjectName(e.target.value)}
          />
        ) : null}
        <Button
          type="primary"
          icon={<FileAddOutlined />}
          loading={busy}
          disabled={kind === 'project' && projectName.trim() === ''}
          onClick={create}
        >
          新建并填写
        </Button>
      </Space>
      <span style={{ color: '#999' }}>各部分在编辑器中逐项填写，评分与审核随填随算。</span>
    </Space>
  );
};

/** Start from one of last year's reports. */
const CopyTab = () => {
  const load = useLoad(() => ok(api.reports.$get({ query: {} })), []);
  const [source, setSource] = useState<string | null>(null);
  const [year, setYear] = useState<number>(thisYear - 1);
  const { run, busy } = useWrite();
  const copy = async (rows: { id: string; currentVersion: number }[]) => {
    const row = rows.find((r) => r.id === source);
    if (!row) return;
    await run(async () => {
      const v = await loadVersion(row.id, row.currentVersion);
      await createAndOpen(
        copyForYear(Report.parse(v.document), year),
        year,
        `从${v.report.year}年度报告复制`,
      );
    });
  };
  return (
    <PageState load={load} empty={(rows) => rows.length === 0} emptyText="本单位还没有以前年度的报告">
      {(rows) => (
        <Space wrap>
          <Select
            aria-label="复制哪一份"
            style={{ width: 360 }}
            placeholder="选择要复制的报告"
            value={source}
            onChange={(v) => {
              setSource(v);
              const r = rows.find((x) => x.id === v);
              if (r) setYear(r.year + 1);
            }}
            options={rows.map((r) => ({
              value: r.id,
              label: `${r.year}年度 · ${KIND_SHORT[r.kind]}${r.projectName ? ` · ${r.projectName}` : ''}`,
            }))}
          />
          <span>新报告年度</span>
          <InputNumber
            aria-label="新报告年度"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
          <Button
            type="primary"
            icon={<CopyOutlined />}
            disabled={!source}
            loading={busy}
            onClick={() => copy(rows)}
          >
            复制并编辑
          </Button>
        </Space>
      )}
    </PageState>
  );
};

const CreateReport = () => (
  <RequireRole roles={['preparer']}>
    {() => (
      <>
        <div className="jx-page-title">
          <h1>新建报告</h1>
        </div>
        <Card>
          <Tabs
            items={[
              { key: 'import', label: '导入文件', children: <ImportTab /> },
              { key: 'copy', label: '从上年报告复制', children: <CopyTab /> },
              { key: 'blank', label: '空白报告', children: <BlankTab /> },
            ]}
          />
        </Card>
      </>
    )}
  </RequireRole>
);
export default CreateReport;
