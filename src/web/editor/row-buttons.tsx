/** The editor's buttons for lists: add an item (in a card's header), remove a row (a table column). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useEditor } from './editor-context.tsx';

/** A small "添加…" button; nothing when the document is read-only. */
export const AddButton = ({ onClick, children }: { onClick: () => void; children: ReactNode }) => {
  const { readOnly } = useEditor();
  return readOnly ? null : (
    <Button size="small" icon={<PlusOutlined />} onClick={onClick}>
      {children}
    </Button>
  );
};

/** A table column of delete buttons, one per row (rows carry their index `i`); none when read-only. */
export const deleteColumn = <R extends { i: number }>(readOnly: boolean, onDelete: (i: number) => void) =>
  readOnly
    ? []
    : [
        {
          title: '',
          key: 'del',
          width: 48,
          render: (_: unknown, r: R) => (
            <Button
              aria-label="删除此行"
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              onClick={() => onDelete(r.i)}
            />
          ),
        },
      ];
