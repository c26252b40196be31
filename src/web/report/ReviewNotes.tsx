import { Empty, List, Tag, Typography } from 'antd';
import type { ReportDetail } from '../api/types.ts';
import { fmtDateTime, fmtScore } from '../lib/format.ts';

const KIND_LABELS = {
  comment: '意见',
  'return-reason': '退回理由',
  'finding-explanation': '问题说明',
} as const;

/** The reviewers' comments, return reasons and re-scores (审核得分) of a report. */
export const ReviewNotes = ({ detail }: { detail: ReportDetail }) => {
  const notes = [
    ...detail.comments.map((c) => ({
      key: `c-${c.id}`,
      at: c.createdAt,
      tag: (
        <Tag color={c.kind === 'return-reason' ? 'red' : c.kind === 'comment' ? 'blue' : 'default'}>
          {KIND_LABELS[c.kind]}
        </Tag>
      ),
      text: c.body,
      version: c.version,
    })),
    ...detail.rescores.map((r) => ({
      key: `r-${r.id}`,
      at: r.createdAt,
      tag: <Tag color="purple">审核得分</Tag>,
      text: `${r.indicatorPath}：${fmtScore(r.score)} 分。${r.reason}`,
      version: r.version,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (notes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无审核意见" />;
  return (
    <List
      size="small"
      data-testid="review-notes"
      dataSource={notes}
      pagination={notes.length > 6 ? { pageSize: 6, size: 'small' } : false}
      renderItem={(n) => (
        <List.Item>
          <div>
            {n.tag}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              第 {n.version} 版 · {fmtDateTime(n.at)}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{n.text}</div>
          </div>
        </List.Item>
      )}
    />
  );
};
