/** The 附件 published with a version, on the public page; nothing shown when none were published. */
import { PaperClipOutlined } from '@ant-design/icons';
import { Card, List, Space, Tag, Typography } from 'antd';
import { ATTACHMENT_CATEGORY_LABELS } from '../../core/attachments.ts';
import { fmtSize, loadPublicAttachments, publicAttachmentUrl } from '../api/attachments.ts';
import { useLoad } from '../lib/use-load.ts';

export const PublicAttachments = ({ id, version }: { id: string; version: number }) => {
  const load = useLoad(() => loadPublicAttachments(id, version), [id, version]);
  const items = load.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title="附件" style={{ marginTop: 16 }} data-testid="public-attachments">
      <List
        size="small"
        dataSource={items}
        renderItem={(a) => (
          <List.Item>
            <Space wrap>
              <Tag>{ATTACHMENT_CATEGORY_LABELS[a.category]}</Tag>
              <a href={publicAttachmentUrl(id, version, a.id)} download={a.fileName}>
                <PaperClipOutlined /> {a.fileName}
              </a>
              <Typography.Text type="secondary">{fmtSize(a.size)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
};
