/** What the signed-in user has to do, in a line of counts: 待我审核 N, 被退回 N, 草稿 N, 距截止 N 天. */
import { Space, Tag } from 'antd';
import { api, ok } from '../api/client.ts';
import { useLoad } from '../lib/use-load.ts';

export const TodoBar = ({ role }: { role: string }) => {
  const load = useLoad(() => ok(api.todo.$get({ query: {} })), []);
  const t = load.data;
  if (!t) return null;
  const reviewer = role === 'dept-reviewer' || role === 'bureau-reviewer';
  const clerk = role === 'preparer';
  return (
    <Space wrap size={8} data-testid="todo" style={{ marginBottom: 12 }}>
      <span>{t.year}年度待办：</span>
      {reviewer ? <Tag color={t.toReview ? 'orange' : 'default'}>待我审核 {t.toReview}</Tag> : null}
      {clerk ? <Tag color={t.returned ? 'red' : 'default'}>被退回 {t.returned}</Tag> : null}
      {clerk ? <Tag>草稿 {t.drafts}</Tag> : null}
      {t.daysLeft === null ? (
        <Tag>未设截止日期</Tag>
      ) : t.daysLeft >= 0 ? (
        <Tag color={t.daysLeft <= 7 ? 'orange' : 'blue'}>距截止 {t.daysLeft} 天</Tag>
      ) : (
        <Tag color="red">已过截止日期 {-t.daysLeft} 天</Tag>
      )}
    </Space>
  );
};
