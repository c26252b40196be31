import { Alert, Button, Form, Input, Select, Table, Typography } from 'antd';
import { api, ok } from '../../api/client.ts';
import type { ScoreView } from '../../api/types.ts';
import { fmtScore } from '../../lib/format.ts';
import { useWrite } from '../../lib/use-write.ts';
import { rescoreNote, rescoreOptions } from './rescore-options.ts';

type PathNode = ScoreView['indicators'][number];
type Leaf = Omit<PathNode, 'children'>;

const flatten = (nodes: readonly PathNode[], out: Leaf[] = []): Leaf[] => {
  for (const { children, ...leaf } of nodes) {
    out.push(leaf);
    flatten(children as PathNode[], out);
  }
  return out;
};

type Fields = { indicatorPath: string; score: string; reason: string };

/** 审核得分: the bureau's own score for an indicator, with the reason; the reviewed total follows. */
export const RescorePanel = ({
  reportId,
  score,
  onDone,
}: {
  reportId: string;
  score: ScoreView;
  onDone: () => void;
}) => {
  const { run } = useWrite();
  const [form] = Form.useForm<Fields>();
  const nodes = flatten(score.indicators);
  const changed = nodes.filter((n) => n.rescore);
  const options = rescoreOptions(score.indicators, fmtScore);
  const note = rescoreNote(score.basis, options.length);
  const submit = (v: Fields) =>
    run(() => ok(api.reports[':id'].rescores.$post({ param: { id: reportId }, json: v })), {
      done: '审核得分已记录',
      after: () => {
        form.resetFields();
        onDone();
      },
    });
  return (
    <>
      <Typography.Paragraph>
        {score.basis === 'stated' ? '按所填得分合计' : '重算'} <strong>{fmtScore(score.total)}</strong>（
        {score.gradeLabel ?? score.grade}），审核后{' '}
        <strong data-testid="reviewed-total">{fmtScore(score.reviewedTotal)}</strong>（
        {score.reviewedGradeLabel ?? score.reviewedGrade}）
      </Typography.Paragraph>
      {changed.length ? (
        <Table<Leaf>
          size="small"
          rowKey="path"
          pagination={false}
          dataSource={changed}
          columns={[
            { title: '指标', dataIndex: 'name' },
            {
              title: score.basis === 'stated' ? '所填' : '重算',
              key: 'c',
              width: 60,
              render: (_, n) => fmtScore(n.computed),
            },
            { title: '审核', key: 'r', width: 60, render: (_, n) => fmtScore(n.rescore?.score) },
          ]}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {note ? (
        <Alert
          type={options.length ? 'info' : 'warning'}
          showIcon
          title={note}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form<Fields> form={form} layout="vertical" size="small" onFinish={submit} requiredMark={false}>
        <Form.Item name="indicatorPath" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
          <Select showSearch optionFilterProp="label" options={options} notFoundContent="没有可调整的指标" />
        </Form.Item>
        <Form.Item
          name="score"
          label="审核得分"
          rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: '得分应为数字，最多两位小数' }]}
        >
          <Input inputMode="decimal" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: '审核得分必须写明理由' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button htmlType="submit">记录审核得分</Button>
      </Form>
    </>
  );
};
