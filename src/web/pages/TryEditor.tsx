/**
 * 试算: open a report, edit it and see the score and the audit recomputed in the browser; nothing is stored.
 *
 * A report JSON (`jixiao import --format json`) is read here in the browser. Any other file (Word, PDF,
 * Excel, HTML, text) needs the readers in src/formats, which run in Node (zip guard, worker isolation) and
 * may not be imported by the web app: a signed-in user's file goes to POST /api/read, which reads it
 * through the isolated reader and stores nothing. The public is not offered that (reading untrusted files
 * costs CPU): it is asked to sign in, or to convert the file with the CLI.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../core/findings.ts';
import { BUILTIN_FRAMEWORKS } from '../../core/framework/registry.ts';
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import { Report } from '../../core/model/report.ts';
import { api, ok } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { navigate } from '../app/router.tsx';
import { ReportEditor } from '../editor/ReportEditor.tsx';
import { useLiveCheck } from '../editor/use-live-check.ts';
import { errorText } from '../lib/chinese-message.ts';
import { downloadBlob } from '../lib/download.ts';

/** What the server reads (src/formats/extensions.ts; the web app may not import it). */
const ACCEPT = '.json,.docx,.doc,.wps,.pdf,.xlsx,.xls,.txt,.html,.htm,.mhtml,.mht';
const SIGN_IN_TO_READ = '登录后可读取 Word、PDF 等文件（仅读取，不保存）';

const signIn = () => navigate(`/login?next=${encodeURIComponent('/try')}`);

const TryEditor = () => {
  const [doc, setDoc] = useState<Report | null>(null);
  const check = useLiveCheck(doc, BUILTIN_FRAMEWORKS);
  const { me } = useAuth();
  const [warnings, setWarnings] = useState<Finding[]>([]);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<{ text: string; signIn?: boolean } | null>(null);
  const show = (d: Report, w: Finding[]) => {
    setDoc(d);
    setWarnings(w);
    setError(null);
  };
  const readOnServer = async (file: File) => {
    setReading(true);
    setError(null);
    try {
      const read = await ok(api.read.$post({ form: { file } }));
      const r = Report.safeParse(read.document);
      if (r.success) show(r.data, read.warnings as Finding[]);
      else setError({ text: '读取结果不是有效的报告' });
    } catch (e) {
      setError({ text: errorText(e) });
    } finally {
      setReading(false);
    }
  };
  const open = async (file: File) => {
    if (!/\.json$/i.test(file.name)) {
      if (me) void readOnServer(file);
      else setError({ text: SIGN_IN_TO_READ, signIn: true });
      return false;
    }
    try {
      const r = Report.safeParse(JSON.parse(await file.text()));
      if (r.success) show(r.data, []);
      else setError({ text: `不是有效的报告 JSON：${r.error.issues[0]?.message ?? ''}` });
    } catch {
      setError({ text: '无法读取：文件不是 JSON' });
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
      {error ? (
        <Alert
          type={error.signIn ? 'info' : 'error'}
          showIcon
          data-testid="try-error"
          title={error.text}
          action={
            error.signIn ? (
              <Button size="small" type="primary" onClick={signIn}>
                登录
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {doc && warnings.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="try-warnings"
          title={`读取${SEVERITY_TERMS.warning} ${warnings.length} 条`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {warnings.slice(0, 10).map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed once read
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {doc ? (
        <ReportEditor doc={doc} onChange={setDoc} check={check} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            data-testid="try-docx"
            title={me ? 'Word、PDF 等文件由服务器读取，仅读取，不保存' : 'Word、PDF 等文件需登录后读取'}
            description={
              me ? (
                '评分与一致性审核在本机浏览器中运行；文件只用来读出报告内容，不会保存为报告。'
              ) : (
                <>
                  未登录时只能打开报告 JSON（在浏览器中读取，不上传）。登录后可直接读取 Word、PDF
                  等文件（仅读取，不保存）；也可用命令转换：
                  <Typography.Text code>jixiao import 报告.docx --format json &gt; 报告.json</Typography.Text>
                </>
              )
            }
          />
          <Upload.Dragger accept={ACCEPT} disabled={reading} showUploadList={false} beforeUpload={open}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            {reading ? <Spin /> : null}
            <p>
              {me
                ? '把报告文件（Word、PDF、Excel、网页、文本或 JSON）拖到这里，或点击选择文件'
                : '把报告 JSON 拖到这里，或点击选择文件'}
            </p>
            <p style={{ color: '#999' }}>
              {me
                ? '文件仅读取，不保存；评分与一致性审核在本机浏览器中运行。'
                : '评分与一致性审核在本机浏览器中运行，文件不会上传。'}
            </p>
          </Upload.Dragger>
        </Space>
      )}
    </>
  );
};
export default TryEditor;
