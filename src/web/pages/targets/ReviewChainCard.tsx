/** The review chain of the bureau's (or admin's) jurisdiction: which steps a submitted table goes through. */
import { Card, Select, Space, Typography } from 'antd';
import { chooseReviewChain, loadReviewChain } from '../../api/targets.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';

export const ReviewChainCard = () => {
  const load = useLoad(() => loadReviewChain(), []);
  const { run } = useWrite();
  const view = load.data;
  if (!view) return null;
  const choose = (key: string) =>
    run(() => chooseReviewChain(key), {
      done: '审核流程已更新，此后报送的目标表按新流程审核',
      after: load.reload,
    });
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="review-chain">
      <Space wrap>
        <span>目标审核流程：</span>
        <Select
          aria-label="目标审核流程"
          style={{ width: 260 }}
          value={view.inForce.chain.key}
          onChange={choose}
          options={view.chains.map((c) => ({ value: c.key, label: c.name }))}
        />
        <Typography.Text type="secondary">
          {view.inForce.chosenBy === null
            ? '（默认）'
            : view.inForce.chosenBy === view.jurisdictionId
              ? '（本地区设定）'
              : '（沿用上级设定）'}
          有主管部门的单位先经主管部门审核；没有主管部门的单位直接报财政。
        </Typography.Text>
      </Space>
    </Card>
  );
};
