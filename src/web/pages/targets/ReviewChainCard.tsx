/** The review chain of the bureau's (or admin's) jurisdiction: which steps a submitted table goes through. */
import { App, Card, Select, Space, Typography } from 'antd';
import { chooseReviewChain, loadReviewChain } from '../../api/targets.ts';
import { useLoad } from '../../lib/use-load.ts';

export const ReviewChainCard = () => {
  const { message } = App.useApp();
  const load = useLoad(() => loadReviewChain(), []);
  const view = load.data;
  if (!view) return null;
  const choose = async (key: string) => {
    try {
      await chooseReviewChain(key);
      message.success('审核流程已更新，此后报送的目标表按新流程审核');
      load.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
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
