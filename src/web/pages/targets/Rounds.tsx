/** 运行监控 rounds: the bureau opens one (months covered, deadline); everyone opens a round's page. */
import { Button, Form, Input, InputNumber, Table } from 'antd';
import { listRounds, openRound } from '../../api/targets.ts';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';

type OpenForm = { year: number; month: number; title: string; deadline: string };

const OpenRound = () => {
  const { run, busy } = useWrite();
  const year = new Date().getFullYear();
  const submit = (v: OpenForm) =>
    run(async () => {
      const r = await openRound(v);
      navigate(`/monitoring/${r.id}`);
    });
  return (
    <Form<OpenForm>
      layout="inline"
      initialValues={{ year, month: 7, title: `${year}年1—7月绩效运行监控` }}
      onFinish={submit}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber aria-label="年度" min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="month" label="截至月份" rules={[{ required: true, message: '请填写月份' }]}>
        <InputNumber aria-label="截至月份" min={1} max={12} />
      </Form.Item>
      <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
        <Input aria-label="轮次名称" style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="deadline" label="报送截止" rules={[{ required: true, message: '请选择截止日期' }]}>
        {/* A native date field: antd's DatePicker throws when Enter submits and the page moves on. */}
        <Input type="date" aria-label="报送截止" style={{ width: 160 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        开启监控
      </Button>
    </Form>
  );
};

const Rounds = () => {
  const load = useLoad(() => listRounds(), []);
  return (
    <RequireRole roles={['preparer', 'dept-reviewer', 'bureau-reviewer', 'admin']}>
      {(me) => (
        <>
          <div className="jx-page-title">
            <h1>绩效运行监控</h1>
          </div>
          {me.role === 'bureau-reviewer' ? <OpenRound /> : null}
          <PageState load={load} empty={(d) => d.length === 0} emptyText="还没有开启的监控轮次">
            {(rows) => (
              <Table
                rowKey="id"
                dataSource={rows}
                pagination={false}
                columns={[
                  { title: '年度', dataIndex: 'year', width: 80 },
                  { title: '轮次', render: (_, r) => <Link to={`/monitoring/${r.id}`}>{r.title}</Link> },
                  { title: '数据截至', render: (_, r) => `${r.month}月` },
                  { title: '报送截止', dataIndex: 'deadline' },
                ]}
              />
            )}
          </PageState>
        </>
      )}
    </RequireRole>
  );
};

export default Rounds;
