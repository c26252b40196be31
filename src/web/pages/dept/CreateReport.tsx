import { CopyOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, InputNumber, Select, Space, Tabs, Upload } from 'antd';
import { useState } from 'react';
import { Report } from '../../../core/model/report.ts';
import { api, ok } from '../../api/client.ts';
import { loadVersion } from '../../api/reports.ts';
import type { Created } from '../../api/types.ts';
import { KIND_SHORT } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { navigate } from '../../app/router.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { copyForYear } from './copy-report.ts';
import { ImportSummary } from './ImportSummary.tsx';

const thisYear = new Date().getFullYear();

/** What the readers take (src/formats/extensions.ts; the web app may not import src/formats). */
const UPLOAD_ACCEPT = '.docx,.doc,.wps,.pdf,.html,.htm,.mhtml,.mht,.txt,.xlsx,.xls,.json';

/** Import a report file (any type the readers take) through the upload API and show what was read. */
const ImportTab = () => {
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      setCreated(await ok(api.reports.upload.$post({ form: { file, ...(year ? { year } : {}) } })));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
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
      {error ? <Alert type="error" showIcon title="导入失败" description={error} /> : null}
      <Upload.Dragger accept={UPLOAD_ACCEPT} showUploadList={false} beforeUpload={upload} disabled={busy}>
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

/** Start from one of last year's reports. */
const CopyTab = () => {
  const { message } = App.useApp();
  const load = useLoad(() => ok(api.reports.$get({ query: {} })), []);
  const [source, setSource] = useState<string | null>(null);
  const [year, setYear] = useState<number>(thisYear - 1);
  const [busy, setBusy] = useState(false);
  const copy = async (rows: { id: string; currentVersion: number }[]) => {
    const row = rows.find((r) => r.id === source);
    if (!row) return;
    setBusy(true);
    try {
      const v = await loadVersion(row.id, row.currentVersion);
      const document = copyForYear(Report.parse(v.document), year);
      const created = await ok(
        api.reports.$post({ json: { document, year, summary: `从${v.report.year}年度报告复制` } }),
      );
      navigate(`/reports/${created.report.id}`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
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
            ]}
          />
        </Card>
      </>
    )}
  </RequireRole>
);
export default CreateReport;
