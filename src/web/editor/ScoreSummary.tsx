import { Descriptions, Tag, Typography } from 'antd';
import { dec } from '../../core/decimal.ts';
import type { ScoredReport } from '../../core/scoring/types.ts';
import { fmtScore } from '../lib/format.ts';

const GRADE_COLORS = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' } as const;

/** The recomputed total and grade next to what the report states. */
export const ScoreSummary = ({ scored, reason }: { scored: ScoredReport | null; reason: string | null }) => {
  if (!scored) return <Typography.Text type="secondary">暂无法评分（请先修正格式错误）</Typography.Text>;
  const differs = scored.statedTotal !== null && !dec(scored.statedTotal).eq(dec(scored.total));
  return (
    <Descriptions size="small" column={2} layout="vertical" bordered data-testid="score-summary">
      <Descriptions.Item label="重算总分">
        <strong data-testid="computed-total">{fmtScore(scored.total)}</strong>{' '}
        <Tag color={GRADE_COLORS[scored.grade]}>{scored.grade}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="自评总分">
        <span style={differs ? { color: '#cf1322' } : undefined}>{fmtScore(scored.statedTotal)}</span>{' '}
        {scored.statedGrade ? <Tag>{scored.statedGrade}</Tag> : null}
      </Descriptions.Item>
      <Descriptions.Item label="评分框架" span={2}>
        <Typography.Text style={{ fontSize: 12 }}>
          {scored.framework.name}（{scored.framework.version}）{reason ? `· ${reason}` : ''}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
};
