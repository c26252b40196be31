import { Descriptions, Tag, Typography } from 'antd';
import { dec } from '../../core/decimal.ts';
import type { Evaluation } from '../../core/evaluation/evaluate.ts';
import { fmtScore } from '../lib/format.ts';

const GRADE_COLORS = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' } as const;

const pct = (fit: number) => `${Math.round(fit * 100)}%`;

/** The evaluated total and grade next to what the report states, and the framework it was scored by. */
export const ScoreSummary = ({ evaluation }: { evaluation: Evaluation | null }) => {
  if (!evaluation) return <Typography.Text type="secondary">暂无法评分（请先修正格式错误）</Typography.Text>;
  const e = evaluation;
  const byFramework = e.basis === 'framework';
  const differs = e.statedTotal !== null && e.total !== null && !dec(e.statedTotal).eq(dec(e.total));
  return (
    <Descriptions size="small" column={2} layout="vertical" bordered data-testid="score-summary">
      <Descriptions.Item label={byFramework ? '重算总分' : '按所填得分合计'}>
        <strong data-testid={byFramework ? 'computed-total' : 'own-total'}>
          <span data-testid="evaluated-total">{fmtScore(e.total)}</span>
        </strong>{' '}
        {e.grade ? <Tag color={GRADE_COLORS[e.grade]}>{e.gradeLabel ?? e.grade}</Tag> : null}
      </Descriptions.Item>
      <Descriptions.Item label="自评总分">
        <span style={differs ? { color: '#cf1322' } : undefined}>{fmtScore(e.statedTotal)}</span>{' '}
        {e.statedGrade ? <Tag>{e.statedGrade}</Tag> : null}
      </Descriptions.Item>
      <Descriptions.Item label="评分框架" span={2}>
        <Typography.Text style={{ fontSize: 12 }} data-testid="framework-choice">
          {e.choice && e.scored
            ? `${e.scored.framework.name}（${e.scored.framework.version}）· ${e.choice.reason}`
            : `未找到适用的指标体系，未重新计分，得分按报告所填${
                e.candidates.length > 0
                  ? `；最接近的：${e.candidates
                      .slice(0, 3)
                      .map((c) => `${c.name}（${pct(c.fit)}）`)
                      .join('、')}`
                  : ''
              }`}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
};
