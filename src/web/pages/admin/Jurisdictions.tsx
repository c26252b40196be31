/** 地区: the 省/市/县 tree in the admin's scope; add a jurisdiction below one, rename it, set its 编码. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client.ts';
import type { Me } from '../../api/session.ts';
import type { Jurisdiction } from '../../api/types.ts';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { fetchDownload } from '../../lib/download.ts';
import { useWrite } from '../../lib/use-write.ts';
import { CHILD_LEVEL, LEVEL_LABELS, useWorkingPlace } from './use-working-place.tsx';

type Node = Jurisdiction & { children?: Node[] };
type PlaceForm = { name: string; code?: string };
/** Adding below `parent`, or editing `place`. */
type Dialog = { mode: 'add'; parent: Jurisdiction } | { mode: 'edit'; place: Jurisdiction };

const tree = (places: readonly Jurisdiction[]): Node[] => {
  const nodes = new Map<string, Node>(places.map((p) => [p.id, { ...p }]));
  const roots: Node[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (!parent) roots.push(n);
    else if (parent.children) parent.children.push(n);
    else parent.children = [n];
  }
  const order = (ns: Node[]) => {
    ns.sort(
      (a, b) =>
        (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff') || a.name.localeCompare(b.name, 'zh-CN'),
    );
    for (const n of ns) if (n.children) order(n.children);
  };
  order(roots);
  return roots;
};

const JurisdictionsFor = ({ me }: { me: Me }) => {
  const { message } = App.useApp();
  const { run } = useWrite();
  const backup = useWrite<'backup'>();
  const wp = useWorkingPlace(me);
  const [form] = Form.useForm<PlaceForm>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // Everything open, new rows too, except what the admin folded.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const open = (d: Dialog) => setDialog(d);
  const submit = async (v: PlaceForm) => {
    if (!dialog) return;
    await run(async () => {
      if (dialog.mode === 'add') {
        const level = CHILD_LEVEL[dialog.parent.level];
        if (!level) return;
        const made = await ok(
          api.jurisdictions.$post({
            json: { name: v.name, code: v.code || null, level, parentId: dialog.parent.id },
          }),
        );
        message.success(`已添加${made.name}`);
        // A new county is where the admin will work next: departments and accounts go there.
        if (made.level === 'county') wp.set(made.id);
      } else {
        await ok(
          api.jurisdictions[':id'].$patch({
            param: { id: dialog.place.id },
            json: { name: v.name, code: v.code || null },
          }),
        );
        message.success('已保存');
      }
      setDialog(null);
      wp.load.reload();
    });
  };
  const childLevel = dialog?.mode === 'add' ? CHILD_LEVEL[dialog.parent.level] : null;
  return (
    <>
      <div className="jx-page-title">
        <h1>地区（省、市、县）</h1>
      </div>
      <p style={{ color: '#666' }}>
        部门与财政审核账号属于某一地区；财政局审核本地区及下级地区的报告。新建县后，在“部门”“用户”页把部门和账号建在该县。
      </p>
      <PageState load={wp.load} empty={(r) => r.length === 0} emptyText="没有可管理的地区">
        {(places) => (
          <Table<Node>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={tree(places)}
            expandable={{
              expandedRowKeys: places.filter((p) => !folded.has(p.id)).map((p) => p.id),
              onExpand: (open, p) =>
                setFolded((f) => {
                  const next = new Set(f);
                  if (open) next.delete(p.id);
                  else next.add(p.id);
                  return next;
                }),
            }}
            columns={[
              { title: '名称', dataIndex: 'name' },
              {
                title: '级别',
                dataIndex: 'level',
                width: 100,
                render: (l: Jurisdiction['level']) => <Tag>{LEVEL_LABELS[l]}</Tag>,
              },
              { title: '编码', dataIndex: 'code', width: 140, render: (c: string | null) => c ?? '—' },
              {
                title: '当前',
                key: 'working',
                width: 120,
                render: (_, p) =>
                  p.id === wp.working ? (
                    <Tag color="blue">当前地区</Tag>
                  ) : (
                    <Button size="small" type="link" onClick={() => wp.set(p.id)}>
                      设为当前
                    </Button>
                  ),
              },
              {
                title: '操作',
                key: 'ops',
                width: 220,
                render: (_, p) => {
                  const child = CHILD_LEVEL[p.level];
                  return (
                    <Space>
                      <Button
                        size="small"
                        aria-label={`编辑 ${p.name}`}
                        onClick={() => open({ mode: 'edit', place: p })}
                      >
                        编辑
                      </Button>
                      {child ? (
                        <Button
                          size="small"
                          aria-label={`在${p.name}下添加${LEVEL_LABELS[child]}`}
                          onClick={() => open({ mode: 'add', parent: p })}
                        >
                          添加下级{LEVEL_LABELS[child]}
                        </Button>
                      ) : null}
                    </Space>
                  );
                },
              },
            ]}
          />
        )}
      </PageState>
      {wp.places.find((p) => p.id === me.jurisdictionId)?.parentId === null ? (
        <Card size="small" title="数据备份" style={{ marginTop: 16 }}>
          <Space wrap>
            <span>
              下载内置数据库的完整备份（.tar.gz，服务不停止），可用 jixiao admin restore 恢复；使用 PostgreSQL
              时请用 pg_dump 备份。
            </span>
            <Button
              icon={<DownloadOutlined />}
              data-testid="download-backup"
              loading={backup.busyWith === 'backup'}
              onClick={() =>
                backup.run(() => fetchDownload('/api/admin/backup', 'jixiao-backup.tar.gz', '下载备份'), {
                  key: 'backup',
                })
              }
            >
              下载备份
            </Button>
          </Space>
        </Card>
      ) : null}
      <Modal
        title={
          dialog?.mode === 'add'
            ? `在“${dialog.parent.name}”下添加${childLevel ? LEVEL_LABELS[childLevel] : ''}`
            : `编辑地区：${dialog?.mode === 'edit' ? dialog.place.name : ''}`
        }
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText="保存"
        cancelText="取消"
        destroyOnHidden
      >
        <Form<PlaceForm>
          key={dialog ? (dialog.mode === 'add' ? `add-${dialog.parent.id}` : dialog.place.id) : 'none'}
          name="jurisdiction"
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={
            dialog?.mode === 'edit' ? { name: dialog.place.name, code: dialog.place.code ?? '' } : {}
          }
        >
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
            <Input aria-label="地区名称" />
          </Form.Item>
          <Form.Item name="code" label="编码（行政区划代码）">
            <Input aria-label="地区编码" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};

const Jurisdictions = () => (
  <RequireRole roles={['admin']}>{(me) => <JurisdictionsFor me={me} />}</RequireRole>
);
export default Jurisdictions;
