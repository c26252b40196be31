import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { Role } from '../../core/workflow.ts';
import type { Me } from '../api/session.ts';
import { useAuth } from './auth.tsx';
import { navigate } from './router.tsx';

/** Renders `children(me)` for a signed-in user of one of `roles`; otherwise asks to sign in, or refuses. */
export const RequireRole = ({
  roles,
  children,
}: {
  roles: readonly Role[];
  children: (me: Me) => ReactNode;
}) => {
  const { me, ready } = useAuth();
  if (!ready) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!me) {
    return (
      <Result
        status="403"
        title="请先登录"
        extra={
          <Button
            type="primary"
            onClick={() => navigate(`/login?next=${encodeURIComponent(location.pathname)}`)}
          >
            登录
          </Button>
        }
      />
    );
  }
  if (!roles.includes(me.role)) return <Result status="403" title="当前角色无权查看此页面" />;
  return <>{children(me)}</>;
};
