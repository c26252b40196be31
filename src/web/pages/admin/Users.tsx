/**
 * Accounts of the jurisdiction the admin works in (and below it): who may sign in, with which role, in
 * which 地区 and 单位; add in a chosen 地区, rename, disable.
 */
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../core/workflow.ts';
import { api, ok } from '../../api/client.ts';
import type { Me } from '../../api/session.ts';
import type { Department } from '../../api/types.ts';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { fmtDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { MoveUser } from './MoveUser.tsx';
import { below, placeOptions, useWorkingPlace, WorkingPlacePicker } from './use-working-place.tsx';

type NewAccount = {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  departmentId?: string;
  jurisdictionId?: string;
};

const isDeptRole = (r: Role | undefined) => r === 'preparer' || r === 'dept-reviewer';
const deptLabel = (d: Department) => (d.code ? `${d.code} ${d.name}` : d.name);

const UsersFor = ({ me }: { me: Me }) => {
  const { modal } = App.useApp();
  const { run: write } = useWrite();
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const wp = useWorkingPlace(me);
  const working = wp.working;
  const load = useLoad(() => ok(api.users.$get()), []);
  // Every department in the admin's scope: an account's row shows its department wherever it lies.
  const depts = useLoad(() => ok(api.departments.$get({ query: {} })), []);
  const [form] = Form.useForm<NewAccount>();
  const role = Form.useWatch('role', form);
  const [renaming, setRenaming] = useState<{ id: string; displayName: string } | null>(null);
  const [newName, setNewName] = useState('');
  const deptById = new Map((depts.data ?? []).map((d) => [d.id, d]));
  const placeById = new Map(wp.places.map((p) => [p.id, p]));
  const here = working ? below(wp.places, working) : new Set<string>();
  const localDepts = (depts.data ?? [])
    .filter((d) => here.has(d.jurisdictionId) && !d.disabled)
    .sort((a, b) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff'));
  const run = (f: () => Promise<unknown>, done: string) => write(f, { done, after: load.reload });
  const add = async (v: NewAccount) => {
    const json = isDeptRole(v.role)
      ? { ...v, departmentId: v.departmentId ?? null, jurisdictionId: null }
      : { ...v, departmentId: null, jurisdictionId: v.jurisdictionId ?? working };
    if (await run(() => ok(api.users.$post({ json })), '已添加账号'))
      form.resetFields(['username', 'displayName', 'password', 'departmentId']);
  };
  const placeOf = (u: { departmentId: string | null; jurisdictionId: string | null }) =>
    u.jurisdictionId ?? (u.departmentId ? deptById.get(u.departmentId)?.jurisdictionId : undefined);
  const codeOf = (u: { departmentId: string | null }) =>
    (u.departmentId ? deptById.get(u.departmentId)?.code : null) ?? '';
  const rows = (load.data ?? [])
    .filter((u) => {
      const p = placeOf(u);
      return !working || (p !== undefined && here.has(p));
    })
    .sort(
      (a, b) =>
        (codeOf(a) || '\uffff').localeCompare(codeOf(b) || '\uffff') || a.username.localeCompare(b.username),
    );
  return (
    <>
      <div className="jx-page-title">
        <h1>用户</h1>
        <WorkingPlacePicker places={wp.places} working={working} onChange={wp.set} />
      </div>
      <Card size="small" title="添加账号" style={{ marginBottom: 12 }}>
        {wp.ready ? (
          <Form<NewAccount>
            key={working}
            name="add-user"
            form={form}
            layout="inline"
            onFinish={add}
            initialValues={{ role: 'preparer', jurisdictionId: working }}
          >
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
            {isDeptRole(role) ? (
              <Form.Item name="departmentId" label="部门" rules={[{ required: true, message: '请选择部门' }]}>
                <Select
                  style={{ width: 240 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={localDepts.map((d) => ({ value: d.id, label: deptLabel(d) }))}
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="jurisdictionId"
                label="所属地区"
                rules={[{ required: true, message: '请选择地区' }]}
              >
                <Select style={{ width: 260 }} options={placeOptions(wp.places)} />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit">
              添加
            </Button>
          </Form>
        ) : null}
      </Card>
      <PageState load={load}>
        {() => (
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
                title: '地区',
                key: 'place',
                render: (_, u) => placeById.get(placeOf(u) ?? '')?.name ?? '—',
              },
              {
                title: '编码',
                key: 'code',
                width: 120,
                render: (_, u) => codeOf(u) || '—',
                sorter: (a, b) => codeOf(a).localeCompare(codeOf(b)),
              },
              {
                title: '部门',
                key: 'dept',
                render: (_, u) => (u.departmentId ? (deptById.get(u.departmentId)?.name ?? '—') : '—'),
              },
              { title: '创建', dataIndex: 'createdAt', width: 120, render: (d: string) => fmtDate(d) },
              {
                title: '启用',
                key: 'on',
                width: 70,
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
              {
                title: '操作',
                key: 'ops',
                width: 250,
                render: (_, u) => (
                  <Space size={4}>
                    <Button
                      size="small"
                      aria-label={`改名 ${u.username}`}
                      onClick={() => {
                        setRenaming(u);
                        setNewName(u.displayName);
                      }}
                    >
                      改姓名
                    </Button>
                    <Button
                      size="small"
                      aria-label={`重置密码 ${u.username}`}
                      disabled={u.id === me.id}
                      onClick={() =>
                        modal.confirm({
                          title: `重置 ${u.displayName}（${u.username}）的密码？`,
                          content:
                            '将生成一次性密码，只显示一次；该用户已登录的设备随即退出，下次登录须设置新密码。',
                          okText: '重置',
                          cancelText: '取消',
                          onOk: () =>
                            write(
                              async () => {
                                const r = await ok(
                                  api.users[':id']['reset-password'].$post({ param: { id: u.id } }),
                                );
                                setIssued({ username: u.username, password: r.password });
                              },
                              { after: load.reload },
                            ),
                        })
                      }
                    >
                      重置密码
                    </Button>
                    <MoveUser
                      user={u}
                      departments={depts.data ?? []}
                      places={wp.places}
                      onDone={load.reload}
                    />
                    {u.mustChangePassword ? <Tag color="orange">待改密码</Tag> : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </PageState>
      <Modal
        title="一次性密码"
        open={issued !== null}
        onCancel={() => setIssued(null)}
        onOk={() => setIssued(null)}
        okText="我已记下"
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <p>
          账号 <strong>{issued?.username}</strong>{' '}
          的一次性密码（只显示这一次，请当面或通过安全渠道交给本人）：
        </p>
        <Typography.Paragraph copyable={{ text: issued?.password ?? '' }} data-testid="one-time-password">
          <code style={{ fontSize: 18 }}>{issued?.password}</code>
        </Typography.Paragraph>
        <p style={{ color: '#888' }}>本人用它登录后须立即设置新密码。</p>
      </Modal>
      <Modal
        title={`修改姓名：${renaming?.displayName ?? ''}`}
        open={renaming !== null}
        onCancel={() => setRenaming(null)}
        okText="保存"
        cancelText="取消"
        onOk={async () => {
          if (!renaming || !newName.trim()) return;
          const done = await run(
            () =>
              ok(
                api.users[':id'].$patch({
                  param: { id: renaming.id },
                  json: { displayName: newName.trim() },
                }),
              ),
            '已保存',
          );
          if (done) setRenaming(null);
        }}
      >
        <Input aria-label="新姓名" value={newName} onChange={(e) => setNewName(e.target.value)} />
      </Modal>
    </>
  );
};

const Users = () => <RequireRole roles={['admin']}>{(me) => <UsersFor me={me} />}</RequireRole>;
export default Users;
