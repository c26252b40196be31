import { Alert, Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { Load } from '../lib/use-load.ts';

/** Loading, error and empty states around a page's data, the same on every page. */
export const PageState = <T,>({
  load,
  empty,
  emptyText = '暂无数据',
  children,
}: {
  load: Load<T>;
  empty?: (data: T) => boolean;
  emptyText?: ReactNode;
  children: (data: T) => ReactNode;
}) => {
  if (load.error) {
    return (
      <Alert
        type="error"
        showIcon
        title="加载失败"
        description={load.error.message}
        action={<Button onClick={load.reload}>重试</Button>}
      />
    );
  }
  if (load.data === undefined) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (empty?.(load.data)) return <Empty description={emptyText} />;
  return <>{children(load.data)}</>;
};
