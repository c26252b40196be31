/**
 * 调动: moves an account to another 单位 (clerks and department heads) or 地区 (财政审核 and admins), within
 * the admin's jurisdiction. The account keeps its name, role and password.
 */
import { Button, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client.ts';
import type { Department, Jurisdiction } from '../../api/types.ts';
import { useWrite } from '../../lib/use-write.ts';
import { placeName, placeOptions } from './use-working-place.tsx';

type Account = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentId: string | null;
  jurisdictionId: string | null;
};

export const MoveUser = ({
  user,
  departments,
  places,
  onDone,
}: {
  user: Account;
  departments: readonly Department[];
  places: readonly Jurisdiction[];
  onDone: () => void;
}) => {
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<string | null>(null);
  const { run, busy } = useWrite();
  const toDepartment = user.departmentId !== null;
  const options = toDepartment
    ? departments
        .filter((d) => !d.disabled && d.id !== user.departmentId)
        .sort((a, b) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff'))
        .map((d) => ({
          value: d.id,
          label: `${placeName(places, d.jurisdictionId)} · ${d.code ? `${d.code} ` : ''}${d.name}`,
        }))
    : placeOptions(places.filter((p) => p.id !== user.jurisdictionId));
  const move = async () => {
    if (!target) return;
    const json = toDepartment ? { departmentId: target } : { jurisdictionId: target };
    await run(() => ok(api.users[':id'].$patch({ param: { id: user.id }, json })), {
      done: `已调动 ${user.displayName}`,
      after: () => {
        setOpen(false);
        onDone();
      },
    });
  };
  return (
    <>
      <Button size="small" aria-label={`调动 ${user.username}`} onClick={() => setOpen(true)}>
        调动
      </Button>
      <Modal
        open={open}
        title={`调动 ${user.displayName}（${user.username}）`}
        okText="调动"
        cancelText="取消"
        okButtonProps={{ disabled: !target, loading: busy }}
        onOk={move}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {toDepartment ? '调到另一个预算单位' : '调到另一个地区'}：账号、角色和密码不变， 此后只能看到新
          {toDepartment ? '单位' : '地区'}的报告。
        </Typography.Paragraph>
        <Select
          aria-label={toDepartment ? '调入单位' : '调入地区'}
          showSearch
          optionFilterProp="label"
          style={{ width: '100%' }}
          placeholder={toDepartment ? '选择单位' : '选择地区'}
          options={options}
          value={target}
          onChange={setTarget}
        />
      </Modal>
    </>
  );
};
