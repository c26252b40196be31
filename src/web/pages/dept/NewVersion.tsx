/**
 * 上传新版本: the clerk fixed the Word file offline and uploads it to the same report. The file is read
 * first (nothing saved), what changed against the current version is listed, a file naming another unit
 * or year needs a reason, and then it is saved as the next version; explanations of findings that
 * remain carry over as for any save.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin, Table, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { SEVERITY_TERMS } from '../../../core/glossary.ts';
import type { IdentityMismatch } from '../../../core/identity.ts';
import type { Report } from '../../../core/model/report.ts';
import { ApiError, api, ok } from '../../api/client.ts';
import { type Change, diffDocuments } from '../../editor/diff.ts';
import { takeForNewVersion } from '../../editor/pending-file.ts';
import { useWrite } from '../../lib/use-write.ts';
import { IdentityCheck } from '../../report/IdentityCheck.tsx';
import { UPLOAD_ACCEPT } from './upload-accept.ts';

type Preview = { document: unknown; warnings: unknown[]; mismatches: IdentityMismatch[] };

/** Changes listed at most (a whole other report differs everywhere; the count says so). */
const SHOWN = 200;

export const NewVersion = ({
  reportId,
  currentVersion,
  current,
  dirty,
  onSaved,
}: {
  reportId: string;
  currentVersion: number;
  /** The saved current version, the one the file is compared with. */
  current: Report;
  /** The editor holds unsaved edits (the file replaces them). */
  dirty: boolean;
  onSaved: () => void;
}) => {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const { run, busyWith, error, setError } = useWrite<'open' | 'save'>({ inline: true });
  const saving = busyWith === 'save';
  const [reason, setReason] = useState('');

  const open = async (f: File) => {
    setFile(f);
    setPreview(null);
    setReason('');
    await run(
      async () => {
        const p = await ok(
          api.reports[':id'].versions.preview.$post({ param: { id: reportId }, form: { file: f } }),
        );
        setPreview(p as Preview);
      },
      { key: 'open' },
    );
    return false;
  };

  // A file brought from 新建报告 (the report existed): opened at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per report, when the editor opens
  useEffect(() => {
    const f = takeForNewVersion(reportId);
    if (f) void open(f);
  }, [reportId]);

  const changes: Change[] = useMemo(
    () => (preview ? diffDocuments(current, preview.document) : []),
    [current, preview],
  );
  const close = () => {
    setFile(null);
    setPreview(null);
  };
  const needsReason = (preview?.mismatches.length ?? 0) > 0 && reason.trim() === '';

  const save = async () => {
    if (!file) return;
    await run(
      async () => {
        const r = await ok(
          api.reports[':id'].versions.upload.$post({
            param: { id: reportId },
            form: {
              file,
              expectedVersion: String(currentVersion),
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            },
          }),
        );
        message.success(`已保存为第 ${r.version.version} 版`);
        close();
        onSaved();
      },
      {
        key: 'save',
        handle: (e) => {
          if (!(e instanceof ApiError && e.code === 'version-conflict')) return false;
          setError('他人已保存了新版本：请关闭后重新打开报告，再上传。');
          return true;
        },
      },
    );
  };

  return (
    <>
      <Upload accept={UPLOAD_ACCEPT} showUploadList={false} beforeUpload={open}>
        <Button icon={<UploadOutlined />} data-testid="new-version">
          上传新版本
        </Button>
      </Upload>
      <Modal
        open={file !== null}
        width={860}
        title={`上传新版本：${file?.name ?? ''}`}
        onCancel={close}
        footer={[
          <Button key="cancel" onClick={close}>
            取消
          </Button>,
          <Button
            key="save"
            type="primary"
            data-testid="save-new-version"
            disabled={!preview || needsReason}
            loading={saving}
            onClick={save}
          >
            保存为第 {currentVersion + 1} 版
          </Button>,
        ]}
      >
        {error ? <Alert type="error" showIcon title="不能保存" description={error} /> : null}
        {!preview && !error ? (
          <Spin description="正在读取文件…">
            <div style={{ height: 80 }} />
          </Spin>
        ) : null}
        {preview ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <IdentityCheck mismatches={preview.mismatches} reason={reason} onReason={setReason} />
            {dirty ? (
              <Alert type="warning" showIcon title="编辑器中尚未保存的修改不会保留：新版本以文件内容为准。" />
            ) : null}
            {preview.warnings.length > 0 ? (
              <Typography.Text type="secondary">
                读取时有 {preview.warnings.length} 条{SEVERITY_TERMS.warning}，保存后在审核栏中可见。
              </Typography.Text>
            ) : null}
            <Typography.Text strong data-testid="diff-count">
              {changes.length === 0
                ? `文件内容与第 ${currentVersion} 版相同`
                : `与第 ${currentVersion} 版相比有 ${changes.length >= 500 ? '500 处以上' : `${changes.length} 处`}不同`}
            </Typography.Text>
            {changes.length > 0 ? (
              <Table<Change & { i: number }>
                size="small"
                rowKey="i"
                data-testid="version-diff"
                pagination={changes.length > 20 ? { pageSize: 20, size: 'small' } : false}
                dataSource={changes.slice(0, SHOWN).map((c, i) => ({ ...c, i }))}
                columns={[
                  { title: '位置', dataIndex: 'label', width: 260 },
                  { title: `第 ${currentVersion} 版`, dataIndex: 'before', ellipsis: true },
                  { title: '文件中', dataIndex: 'after', ellipsis: true },
                ]}
              />
            ) : null}
          </Space>
        ) : null}
      </Modal>
    </>
  );
};
