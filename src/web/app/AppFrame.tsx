import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Menu, Space } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { ROLE_LABELS, type Role } from '../../core/workflow.ts';
import { useAuth } from './auth.tsx';
import { Link, navigate, useLocation } from './router.tsx';

const MENUS: Record<Role | 'public', { key: string; label: string }[]> = {
  public: [
    { key: '/', label: '公开报告' },
    { key: '/public/open-data', label: '开放数据' },
    { key: '/try', label: '离线试算' },
  ],
  preparer: [
    { key: '/dept', label: '本单位报告' },
    { key: '/dept/new', label: '新建报告' },
    { key: '/targets', label: '绩效目标' },
    { key: '/monitoring', label: '运行监控' },
    { key: '/', label: '公开报告' },
  ],
  'dept-reviewer': [
    { key: '/dept', label: '本单位报告' },
    { key: '/targets', label: '绩效目标' },
    { key: '/monitoring', label: '运行监控' },
    { key: '/', label: '公开报告' },
  ],
  'bureau-reviewer': [
    { key: '/bureau', label: '年度总览' },
    { key: '/bureau/reports', label: '审核报告' },
    { key: '/bureau/jobs', label: '批量审核' },
    { key: '/targets', label: '目标审核' },
    { key: '/monitoring', label: '运行监控' },
    { key: '/bureau/frameworks', label: '指标框架' },
    { key: '/', label: '公开报告' },
  ],
  admin: [
    { key: '/bureau', label: '年度总览' },
    { key: '/bureau/reports', label: '报告' },
    { key: '/bureau/jobs', label: '批量审核' },
    { key: '/targets', label: '绩效目标' },
    { key: '/monitoring', label: '运行监控' },
    { key: '/bureau/frameworks', label: '指标框架' },
    { key: '/admin/jurisdictions', label: '地区' },
    { key: '/admin/departments', label: '部门' },
    { key: '/admin/users', label: '用户' },
  ],
};

/** After an admin's reset, the new password comes before any page (the API refuses the rest anyway). */
const ForcedPassword = lazy(() =>
  import('../pages/account/ChangePassword.tsx').then((m) => ({ default: m.ChangePasswordForm })),
);

/** The header with the role's menu and the account; the page below it. */
export const AppFrame = ({ children }: { children: ReactNode }) => {
  const { me, logout } = useAuth();
  const { path } = useLocation();
  const items = MENUS[me?.role ?? 'public'];
  const selected = items
    .map((i) => i.key)
    .filter((k) => (k === '/' ? path === '/' || path.startsWith('/public/reports') : path.startsWith(k)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  return (
    <>
      <header className="jx-header">
        <Link to={me ? (me.departmentId ? '/dept' : '/bureau') : '/'} className="jx-brand">
          预算绩效自评
        </Link>
        <Menu
          mode="horizontal"
          selectedKeys={selected}
          items={items.map((i) => ({ key: i.key, label: <Link to={i.key}>{i.label}</Link> }))}
        />
        {me ? (
          <Dropdown
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
              ],
              onClick: async ({ key }) => {
                if (key === 'password') {
                  navigate('/account/password');
                  return;
                }
                await logout();
                navigate('/');
              },
            }}
          >
            <Button type="text" icon={<UserOutlined />} data-testid="account">
              <Space size={4}>
                {me.displayName}
                <span style={{ color: '#999' }}>{ROLE_LABELS[me.role]}</span>
              </Space>
            </Button>
          </Dropdown>
        ) : path === '/login' ? null : (
          <Button type="primary" onClick={() => navigate('/login')}>
            登录
          </Button>
        )}
      </header>
      <main className="jx-content">
        {me?.mustChangePassword ? (
          <Suspense fallback={null}>
            <ForcedPassword forced />
          </Suspense>
        ) : (
          children
        )}
      </main>
    </>
  );
};
