/** Accounts: who may sign in, with which role and scope; add, disable, reset a password. */
import { App, Button, Card, Form, Input, Select, Switch, Table, Tag } from 'antd';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/workflow.ts';
import { api, ok } from '../../api/client.ts';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { fmtDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';

type NewAccount = {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId?: string;
};

const UsersFor = ({ jurisdictionId }: { jurisdictionId: string }) => {
  const { message } = App.useApp();
  const load = useLoad(() => ok(api.users.$get()), []);
  const depts = useLoad(() => ok(api.departments.$get({ query: { jurisdictionId } })), [jurisdictionId]);
  const [form] = Form.useForm<NewAccount>();
  const role = Form.useWatch('role', form);
  const needsDept = role === 'preparer' || role === 'dept-reviewer';
  const names = new Map((depts.data ?? []).map((d) => [d.id, d.name]));
  const run = async (f: () => Promise<unknown>, done: string) => {
    try {
      await f();
      message.success(done);
      load.reload();
      return true;
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  const add = async (v: NewAccount) => {
    const json = needsDept
      ? { ...v, departmentId: v.departmentId ?? null, jurisdictionId: null }
      : { ...v, departmentId: null, jurisdictionId };
    if (await run(() => ok(api.users.$post({ json })), '已添加账号')) form.resetFields();
  };
  return (
    <>
      <div className="jx-page-title">
        <h1>用户</h1>
      </div>
      <Card size="small" title="添加账号" style={{ marginBottom: 12 }}>
        <Form<NewAccount> form={form} layout="inline" onFinish={add} initialValues={{ role: 'preparer' }}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input style={{ width: 140 }} autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="password"
            label="初始密码"
            rules={[{ required: true, min: 10, message: '至少 10 个字符' }]}
          >
            <Input.Password style={{ width: 160 }} autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Select
              style={{ width: 120 }}
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            />
          </Form.Item>
          {needsDept ? (
            <Form.Item name="departmentId" label="部门" rules={[{ required: true, message: '请选择部门' }]}>
              <Select
                style={{ width: 220 }}
                options={(depts.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit">
            添加
          </Button>
        </Form>
      </Card>
      <PageState load={load} empty={(rows) => rows.length === 0}>
        {(rows) => (
          <Table
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 个` }}
            columns={[
              {
                title: '用户名',
                dataIndex: 'username',
                sorter: (a, b) => a.username.localeCompare(b.username),
              },
              { title: '姓名', dataIndex: 'displayName' },
              {
                title: '角色',
                dataIndex: 'role',
                render: (r: Role) => <Tag>{ROLE_LABELS[r]}</Tag>,
                filters: ROLES.map((r) => ({ text: ROLE_LABELS[r], value: r })),
                onFilter: (v, u) => u.role === v,
              },
              {
                title: '部门',
                key: 'dept',
                render: (_, u) => (u.departmentId ? (names.get(u.departmentId) ?? '—') : '—'),
              },
              { title: '创建', dataIndex: 'createdAt', width: 130, render: (d: string) => fmtDate(d) },
              {
                title: '启用',
                key: 'on',
                width: 80,
                render: (_, u) => (
                  <Switch
                    aria-label={`启用 ${u.username}`}
                    checked={!u.disabled}
                    onChange={(on) =>
                      run(
                        () => ok(api.users[':id'].$patch({ param: { id: u.id }, json: { disabled: !on } })),
                        on ? '已启用' : '已停用',
                      )
                    }
                  />
                ),
              },
            ]}
          />
        )}
      </PageState>
    </>
  );
};

const Users = () => (
  <RequireRole roles={['admin']}>{(me) => <UsersFor jurisdictionId={me.jurisdictionId ?? ''} />}</RequireRole>
);
export default Users;
