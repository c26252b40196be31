/**
 * 试算 without an account: open a report saved as JSON (`jixiao import --format json`), edit it and see
 * the score and the audit recomputed in the browser. Nothing leaves the machine.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { BUILTIN_FRAMEWORKS } from '../../core/framework/registry.ts';
import { Report } from '../../core/model/report.ts';
import { ReportEditor } from '../editor/ReportEditor.tsx';
import { useLiveCheck } from '../editor/use-live-check.ts';
import { downloadBlob } from '../lib/download.ts';

const TryEditor = () => {
  const [doc, setDoc] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = useLiveCheck(doc, BUILTIN_FRAMEWORKS);
  const open = async (file: File) => {
    try {
      const r = Report.safeParse(JSON.parse(await file.text()));
      if (r.success) {
        setDoc(r.data);
        setError(null);
      } else setError(`不是有效的报告 JSON：${r.error.issues[0]?.message ?? ''}`);
    } catch {
      setError('无法读取：文件不是 JSON (not a JSON file)');
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
        <Upload.Dragger accept=".json" showUploadList={false} beforeUpload={open}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>把报告 JSON 拖到这里，或点击选择文件</p>
          <p style={{ color: '#999' }}>评分与一致性审核在本机浏览器中运行，文件不会上传。</p>
        </Upload.Dragger>
      )}
    </>
  );
};
export default TryEditor;
