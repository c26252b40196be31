/**
 * 试算 without an account: open a report saved as JSON (`jixiao import --format json`), edit it and see
 * the score and the audit recomputed in the browser. Nothing leaves the machine.
 *
 * A Word (.docx) or other report file cannot be read here: the readers (src/formats) run on the server or
 * in the CLI (they use Node's zlib and worker isolation, and the web app may not import them), and there is
 * no public endpoint that reads a file without an account — nor should one read strangers' files. The page
 * says so and names the two ways that work: the CLI's JSON export, or 新建报告 after signing in.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { BUILTIN_FRAMEWORKS } from '../../core/framework/registry.ts';
import { Report } from '../../core/model/report.ts';
import { ReportEditor } from '../editor/ReportEditor.tsx';
import { useLiveCheck } from '../editor/use-live-check.ts';
import { downloadBlob } from '../lib/download.ts';

const OFFICE_FILE =
  '离线试算只能打开报告 JSON：Word、PDF、Excel 等文件需要服务器读取，本页不会上传文件。请用命令 jixiao import 报告.docx --format json > 报告.json 转换后再打开，或登录后在“新建报告”中导入。';

const TryEditor = () => {
  const [doc, setDoc] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = useLiveCheck(doc, BUILTIN_FRAMEWORKS);
  const open = async (file: File) => {
    if (!/\.json$/i.test(file.name)) {
      setError(OFFICE_FILE);
      return false;
    }
    try {
      const r = Report.safeParse(JSON.parse(await file.text()));
      if (r.success) {
        setDoc(r.data);
        setError(null);
      } else setError(`不是有效的报告 JSON：${r.error.issues[0]?.message ?? ''}`);
    } catch {
      setError('无法读取：文件不是 JSON');
    }
    return false;
  };
  return (
    <>
      <div className="jx-page-title">
        <h1>离线试算</h1>
        {doc ? (
          <Space>
            <Button
              onClick={() =>
                downloadBlob(
                  new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }),
                  'report.json',
                )
              }
            >
              下载 JSON
            </Button>
            <Button onClick={() => setDoc(null)}>换一个文件</Button>
          </Space>
        ) : null}
      </div>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {doc ? (
        <ReportEditor doc={doc} onChange={setDoc} check={check} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            data-testid="try-docx"
            title="Word 文件（.docx）请先转换为 JSON"
            description={
              <>
                离线试算完全在浏览器中运行，不上传文件；读取 Word、PDF、Excel
                的程序只在服务器和命令行中运行。转换方法：
                <Typography.Text code>jixiao import 报告.docx --format json &gt; 报告.json</Typography.Text>
                ；已有账号的单位可直接在“新建报告”中导入 Word 文件。
              </>
            }
          />
          <Upload.Dragger
            accept=".json,.docx,.doc,.wps,.pdf,.xlsx,.xls,.txt,.html,.htm"
            showUploadList={false}
            beforeUpload={open}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>把报告 JSON 拖到这里，或点击选择文件</p>
            <p style={{ color: '#999' }}>评分与一致性审核在本机浏览器中运行，文件不会上传。</p>
          </Upload.Dragger>
        </Space>
      )}
    </>
  );
};
export default TryEditor;
