import { Alert, Button, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ok } from '../api/client.ts';
import type { ReportDetail } from '../api/types.ts';
import { fmtDateTime, fmtScore } from '../lib/format.ts';
import { useWrite } from '../lib/use-write.ts';

export const COMMENT_LABELS = {
  comment: '意见',
  'return-reason': '退回理由',
  'finding-explanation': '问题说明',
  'approval-opinion': '审核意见',
} as const;

const COLORS = {
  comment: 'blue',
  'return-reason': 'red',
  'finding-explanation': 'default',
  'approval-opinion': 'green',
} as const;

/** A comment box: what a reviewer writes to the department (kept with the current version). */
const CommentBox = ({ id, onAdded }: { id: string; onAdded: () => void }) => {
  const [body, setBody] = useState('');
  const { run, busy, error } = useWrite({ inline: true });
  const send = () =>
    run(
      async () => {
        await ok(api.reports[':id'].comments.$post({ param: { id }, json: { body: body.trim() } }));
        setBody('');
        onAdded();
      },
      { done: '意见已发送' },
    );
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 8 }}>
      <Input.TextArea
        aria-label="写意见"
        rows={3}
        maxLength={4000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder="写给填报单位的意见，单位在报告页可以看到"
      />
      <Button type="primary" size="small" disabled={body.trim() === ''} loading={busy} onClick={send}>
        发送意见
      </Button>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Space>
  );
};

/**
 * The comments, opinions, return reasons and re-scores (审核得分) of a report, each with who wrote it
 * and when; with `onAdded`, a box to write a comment.
 */
export const ReviewNotes = ({ detail, onAdded }: { detail: ReportDetail; onAdded?: () => void }) => {
  const who = (id: string | null) => (id ? (detail.people[id] ?? '（已删除的用户）') : '系统');
  const notes = [
    ...detail.comments.map((c) => ({
      key: `c-${c.id}`,
      at: c.createdAt,
      tag: <Tag color={COLORS[c.kind]}>{COMMENT_LABELS[c.kind]}</Tag>,
      text: c.body,
      version: c.version,
      by: who(c.authorId),
    })),
    ...detail.rescores.map((r) => ({
      key: `r-${r.id}`,
      at: r.createdAt,
      tag: <Tag color="purple">审核得分</Tag>,
      text: `${r.indicatorPath}：${fmtScore(r.score)} 分。${r.reason}`,
      version: r.version,
      by: who(r.reviewerId),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <>
      {onAdded ? <CommentBox id={detail.report.id} onAdded={onAdded} /> : null}
      {notes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无审核意见" />
      ) : (
        <List
          size="small"
          data-testid="review-notes"
          dataSource={notes}
          pagination={notes.length > 6 ? { pageSize: 6, size: 'small' } : false}
          renderItem={(n) => (
            <List.Item>
              <div>
                {n.tag}
                <Typography.Text strong style={{ fontSize: 12, marginRight: 8 }}>
                  {n.by}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {fmtDateTime(n.at)} · 第 {n.version} 版
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{n.text}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </>
  );
};
