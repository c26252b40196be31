/** 预算单位 of the jurisdiction: list, add, rename; and the reporting year's deadline. */
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ok } from '../../api/client.ts';
import type { Department } from '../../api/types.ts';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { fmtDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';

type NewDept = { name: string; code?: string; supervisorId?: string };

const DepartmentsFor = ({ jurisdictionId }: { jurisdictionId: string }) => {
  const { message } = App.useApp();
  const load = useLoad(() => ok(api.departments.$get({ query: { jurisdictionId } })), [jurisdictionId]);
  const years = useLoad(() => ok(api['fiscal-years'].$get({ query: { jurisdictionId } })), [jurisdictionId]);
  const [form] = Form.useForm<NewDept>();
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const add = async (v: NewDept) => {
    try {
      await ok(
        api.departments.$post({
          json: { name: v.name, code: v.code || null, jurisdictionId, supervisorId: v.supervisorId ?? null },
        }),
      );
      message.success('已添加');
      form.resetFields();
      load.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const putYear = async () => {
    try {
      await ok(
        api['fiscal-years'].$put({
          json: { jurisdictionId, year, deadline: deadline ? deadline.format('YYYY-MM-DD') : null },
        }),
      );
      message.success('已保存报送截止日期');
      years.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const names = new Map((load.data ?? []).map((d) => [d.id, d.name]));
  return (
    <>
      <div className="jx-page-title">
        <h1>部门（预算单位）</h1>
      </div>
      <Card size="small" title="添加部门" style={{ marginBottom: 12 }}>
        <Form<NewDept> form={form} layout="inline" onFinish={add}>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="code" label="编码">
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="supervisorId" label="主管部门">
            <Select
              allowClear
              style={{ width: 220 }}
              options={(load.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            添加
          </Button>
        </Form>
      </Card>
      <PageState load={load} empty={(rows) => rows.length === 0} emptyText="还没有部门">
        {(rows) => (
          <Table<Department>
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 个` }}
            columns={[
              { title: '名称', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
              {
                title: '编码',
                dataIndex: 'code',
                width: 140,
                sorter: (a, b) => (a.code ?? '').localeCompare(b.code ?? ''),
              },
              {
                title: '主管部门',
                key: 'sup',
                render: (_, d) => (d.supervisorId ? names.get(d.supervisorId) : '—'),
              },
              { title: '创建日期', dataIndex: 'createdAt', width: 140, render: (d: string) => fmtDate(d) },
            ]}
          />
        )}
      </PageState>
      <Card size="small" title="报送截止日期" style={{ marginTop: 12 }}>
        <Space wrap>
          <InputNumber aria-label="年度" value={year} onChange={(v) => v && setYear(v)} />
          <DatePicker aria-label="截止日期" value={deadline} onChange={setDeadline} />
          <Button onClick={putYear}>保存</Button>
          <span>
            已设：
            {(years.data ?? [])
              .map((y) => `${y.year}年度 ${y.deadline ? fmtDate(y.deadline) : '未设'}`)
              .join('；') || '无'}
          </span>
        </Space>
      </Card>
    </>
  );
};

const Departments = () => (
  <RequireRole roles={['admin']}>
    {(me) => <DepartmentsFor jurisdictionId={me.jurisdictionId ?? ''} />}
  </RequireRole>
);
export default Departments;
