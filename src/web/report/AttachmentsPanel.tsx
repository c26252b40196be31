/**
 * 附件 of a report: the preparer attaches 决算报表, 佐证材料 and 调整文件 while the report is editable and
 * deletes them; everyone who reads the report downloads them; the bureau ticks 公开 for those to publish
 * with the report.
 */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_CATEGORIES,
  ATTACHMENT_CATEGORY_LABELS,
  ATTACHMENT_LIMITS,
  ATTACHMENT_TYPES_ZH,
  type AttachmentCategory,
} from '../../core/attachments.ts';
import { isEditable, type ReportStatus, type Role } from '../../core/workflow.ts';
import {
  attachmentUrl,
  choosePublic,
  deleteAttachment,
  fmtSize,
  loadAttachments,
  uploadAttachment,
} from '../api/attachments.ts';
import { fmtDate } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { useWrite } from '../lib/use-write.ts';

const CHOOSE_PUBLIC: readonly ReportStatus[] = ['dept-approved', 'bureau-approved'];

export const AttachmentsPanel = ({
  reportId,
  status,
  role,
}: {
  reportId: string;
  status: ReportStatus;
  role: Role;
}) => {
  const { message } = App.useApp();
  const load = useLoad(() => loadAttachments(reportId), [reportId]);
  const [category, setCategory] = useState<AttachmentCategory>('evidence');
  const { run: write, busy } = useWrite();
  const canEdit = role === 'preparer' && isEditable(status);
  const canChoose = role === 'bureau-reviewer' && CHOOSE_PUBLIC.includes(status);
  const items = load.data?.items ?? [];

  const run = (work: () => Promise<unknown>, done: string) => write(work, { done, after: load.reload });

  const upload = (file: File) => {
    if (file.size > ATTACHMENT_LIMITS.maxFileBytes)
      message.error(
        `单个附件不能超过 ${ATTACHMENT_LIMITS.maxFileBytes / 1024 / 1024} MB，此文件 ${fmtSize(file.size)}`,
      );
    else void run(() => uploadAttachment(reportId, file, category), `已上传：${file.name}`);
    return false;
  };

  return (
    <Card size="small" title={`附件（${items.length}）`} style={{ marginTop: 12 }} data-testid="attachments">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {canEdit ? (
          <Space wrap>
            <Select
              aria-label="附件类别"
              value={category}
              onChange={setCategory}
              style={{ width: 120 }}
              options={ATTACHMENT_CATEGORIES.map((c) => ({ value: c, label: ATTACHMENT_CATEGORY_LABELS[c] }))}
            />
            <Upload accept={ATTACHMENT_ACCEPT} showUploadList={false} beforeUpload={upload} disabled={busy}>
              <Button icon={<UploadOutlined />} loading={busy} data-testid="attach">
                上传附件
              </Button>
            </Upload>
          </Space>
        ) : null}
        {canEdit ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            支持 {ATTACHMENT_TYPES_ZH}；单个不超过 {ATTACHMENT_LIMITS.maxFileBytes / 1024 / 1024}{' '}
            MB，合计不超过 {ATTACHMENT_LIMITS.maxTotalBytes / 1024 / 1024} MB。
          </Typography.Text>
        ) : null}
        {canChoose && items.length > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            勾选“公开”的附件将在公开报告时一并公开。
          </Typography.Text>
        ) : null}
        <Table
          size="small"
          rowKey="id"
          loading={load.loading}
          pagination={false}
          dataSource={items}
          locale={{ emptyText: '暂无附件' }}
          columns={[
            {
              title: '类别',
              dataIndex: 'category',
              width: 84,
              render: (c: AttachmentCategory) => <Tag>{ATTACHMENT_CATEGORY_LABELS[c]}</Tag>,
            },
            {
              title: '文件',
              dataIndex: 'fileName',
              render: (name: string, a) => (
                <>
                  <a href={attachmentUrl(reportId, a.id)} download={name} data-testid="attachment-link">
                    <PaperClipOutlined /> {name}
                  </a>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fmtSize(a.size)} · {fmtDate(a.createdAt)} 上传于第 {a.version} 版
                  </Typography.Text>
                </>
              ),
            },
            {
              title: '公开',
              dataIndex: 'public',
              width: 56,
              render: (pub: boolean, a) =>
                canChoose ? (
                  <Checkbox
                    aria-label={`公开 ${a.fileName}`}
                    checked={pub}
                    disabled={busy}
                    onChange={(e) =>
                      void run(
                        () => choosePublic(reportId, a.id, e.target.checked),
                        e.target.checked ? '将随报告公开' : '不公开',
                      )
                    }
                  />
                ) : pub ? (
                  <Tag color="green">公开</Tag>
                ) : (
                  '—'
                ),
            },
            ...(canEdit
              ? [
                  {
                    title: '',
                    key: 'delete',
                    width: 50,
                    render: (_: unknown, a: { id: string; fileName: string }) => (
                      <Popconfirm
                        title={`删除附件“${a.fileName}”？`}
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => run(() => deleteAttachment(reportId, a.id), '已删除')}
                      >
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除" />
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
    </Card>
  );
};
