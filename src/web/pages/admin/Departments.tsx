/**
 * 预算单位 of the jurisdiction the admin works in (and below it): list by 编码, add in a chosen 地区, edit,
 * move, disable; and that jurisdiction's reporting deadline.
 */
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ok } from '../../api/client.ts';
import type { Me } from '../../api/session.ts';
import type { Department, Jurisdiction } from '../../api/types.ts';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { fmtDate } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { placeName, placeOptions, useWorkingPlace, WorkingPlacePicker } from './use-working-place.tsx';

type DeptForm = { name: string; code?: string; jurisdictionId: string; supervisorId?: string };

/** 编码 order, those without one last (the server's order too). */
const byCode = (a: Department, b: Department) =>
  (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff') || a.name.localeCompare(b.name, 'zh-CN');

const DeptFields = ({
  places,
  departments,
  form,
  self,
}: {
  places: readonly Jurisdiction[];
  departments: readonly Department[];
  form: ReturnType<typeof Form.useForm<DeptForm>>[0];
  self?: string;
}) => {
  const place = Form.useWatch('jurisdictionId', form);
  return (
    <>
      <Form.Item name="jurisdictionId" label="所属地区" rules={[{ required: true, message: '请选择地区' }]}>
        <Select
          style={{ width: 260 }}
          options={placeOptions(places)}
          onChange={() => form.setFieldValue('supervisorId', undefined)}
        />
      </Form.Item>
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
          options={departments
            .filter((d) => d.jurisdictionId === place && d.id !== self && !d.disabled)
            .map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
    </>
  );
};

const DepartmentsFor = ({ me }: { me: Me }) => {
  const wp = useWorkingPlace(me);
  const jurisdictionId = wp.working;
  const load = useLoad(
    () =>
      jurisdictionId
        ? ok(api.departments.$get({ query: { jurisdictionId } }))
        : Promise.resolve([] as Department[]),
    [jurisdictionId],
  );
  const years = useLoad(
    () =>
      jurisdictionId
        ? ok(api['fiscal-years'].$get({ query: { jurisdictionId } }))
        : Promise.resolve([] as { year: number; deadline: string | null }[]),
    [jurisdictionId],
  );
  const [form] = Form.useForm<DeptForm>();
  const [editForm] = Form.useForm<DeptForm>();
  const [editing, setEditing] = useState<Department | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const { run: write } = useWrite();
  const run = (f: () => Promise<unknown>, done: string) => write(f, { done, after: load.reload });
  const add = async (v: DeptForm) => {
    const added = await run(
      () =>
        ok(
          api.departments.$post({
            json: {
              name: v.name,
              code: v.code || null,
              jurisdictionId: v.jurisdictionId,
              supervisorId: v.supervisorId ?? null,
            },
          }),
        ),
      '已添加',
    );
    if (added) form.resetFields(['name', 'code', 'supervisorId']);
  };
  const save = async (v: DeptForm) => {
    if (!editing) return;
    const saved = await run(
      () =>
        ok(
          api.departments[':id'].$patch({
            param: { id: editing.id },
            json: {
              name: v.name,
              code: v.code || null,
              jurisdictionId: v.jurisdictionId,
              supervisorId: v.supervisorId ?? null,
            },
          }),
        ),
      '已保存',
    );
    if (saved) setEditing(null);
  };
  const putYear = () =>
    write(
      () =>
        ok(
          api['fiscal-years'].$put({
            json: { jurisdictionId, year, deadline: deadline ? deadline.format('YYYY-MM-DD') : null },
          }),
        ),
      { done: '已保存报送截止日期', after: years.reload },
    );
  const rows = [...(load.data ?? [])].sort(byCode);
  const names = new Map(rows.map((d) => [d.id, d.name]));
  const here = placeName(wp.places, jurisdictionId);
  return (
    <>
      <div className="jx-page-title">
        <h1>部门（预算单位）</h1>
        <WorkingPlacePicker places={wp.places} working={jurisdictionId} onChange={wp.set} />
      </div>
      <Card size="small" title="添加部门" style={{ marginBottom: 12 }}>
        {wp.ready ? (
          <Form<DeptForm>
            key={jurisdictionId}
            name="add-department"
            form={form}
            layout="inline"
            onFinish={add}
            initialValues={{ jurisdictionId }}
          >
            <DeptFields places={wp.places} departments={rows} form={form} />
            <Button type="primary" htmlType="submit">
              添加
            </Button>
          </Form>
        ) : null}
      </Card>
      <PageState load={load} empty={(r) => r.length === 0} emptyText={`${here || '本地区'}还没有部门`}>
        {() => (
          <Table<Department>
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 个` }}
            columns={[
              { title: '编码', dataIndex: 'code', width: 140, sorter: byCode, render: (c) => c ?? '—' },
              { title: '名称', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
              {
                title: '地区',
                key: 'place',
                render: (_, d) => wp.places.find((p) => p.id === d.jurisdictionId)?.name ?? '—',
              },
              {
                title: '主管部门',
                key: 'sup',
                render: (_, d) => (d.supervisorId ? names.get(d.supervisorId) : '—'),
              },
              { title: '创建日期', dataIndex: 'createdAt', width: 120, render: (d: string) => fmtDate(d) },
              {
                title: '启用',
                key: 'on',
                width: 90,
                render: (_, d) => (
                  <Space size={4}>
                    <Switch
                      aria-label={`启用 ${d.name}`}
                      checked={!d.disabled}
                      onChange={(on) =>
                        run(
                          () =>
                            ok(
                              api.departments[':id'].$patch({ param: { id: d.id }, json: { disabled: !on } }),
                            ),
                          on ? '已启用' : '已停用',
                        )
                      }
                    />
                    {d.disabled ? <Tag>已停用</Tag> : null}
                  </Space>
                ),
              },
              {
                title: '操作',
                key: 'edit',
                width: 80,
                render: (_, d) => (
                  <Button size="small" aria-label={`编辑 ${d.name}`} onClick={() => setEditing(d)}>
                    编辑
                  </Button>
                ),
              },
            ]}
          />
        )}
      </PageState>
      <Modal
        title={`编辑部门：${editing?.name ?? ''}`}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => editForm.submit()}
        okText="保存"
        cancelText="取消"
        destroyOnHidden
      >
        <Form<DeptForm>
          key={editing?.id}
          name="edit-department"
          form={editForm}
          layout="vertical"
          onFinish={save}
          initialValues={
            editing
              ? {
                  name: editing.name,
                  code: editing.code ?? '',
                  jurisdictionId: editing.jurisdictionId,
                  supervisorId: editing.supervisorId ?? undefined,
                }
              : {}
          }
        >
          <DeptFields places={wp.places} departments={rows} form={editForm} self={editing?.id ?? ''} />
          <p style={{ color: '#888' }}>改变所属地区后，该部门的报告随之归新地区的财政局审核。</p>
        </Form>
      </Modal>
      <Card size="small" title={`报送截止日期（${here || '—'}）`} style={{ marginTop: 12 }}>
        <Space wrap>
          <InputNumber aria-label="年度" value={year} onChange={(v) => v && setYear(v)} />
          <DatePicker aria-label="截止日期" value={deadline} onChange={setDeadline} />
          <Button onClick={putYear} disabled={!jurisdictionId}>
            保存
          </Button>
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

const Departments = () => <RequireRole roles={['admin']}>{(me) => <DepartmentsFor me={me} />}</RequireRole>;
export default Departments;
