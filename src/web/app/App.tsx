/**
 * Routes and the page frame. Every page is its own `import()` chunk: the portal's first load carries
 * neither the editor nor echarts.
 */
import { Result, Spin } from 'antd';
import { type ComponentType, lazy, Suspense } from 'react';
import { AppFrame } from './AppFrame.tsx';
import { AuthProvider } from './auth.tsx';
import { matchPath, useLocation } from './router.tsx';

type Page = ComponentType<{ params: Record<string, string> }>;
const page = (load: () => Promise<{ default: Page }>) => lazy(load);

const ROUTES: { pattern: string; page: Page }[] = [
  { pattern: '/', page: page(() => import('../pages/public/PortalHome.tsx')) },
  { pattern: '/public/reports/:id', page: page(() => import('../pages/public/PublicReport.tsx')) },
  { pattern: '/public/targets/:id', page: page(() => import('../pages/public/PublicTarget.tsx')) },
  { pattern: '/public/open-data', page: page(() => import('../pages/public/OpenData.tsx')) },
  { pattern: '/account/password', page: page(() => import('../pages/account/ChangePassword.tsx')) },
  { pattern: '/login', page: page(() => import('../pages/Login.tsx')) },
  { pattern: '/try', page: page(() => import('../pages/TryEditor.tsx')) },
  { pattern: '/dept', page: page(() => import('../pages/dept/Workspace.tsx')) },
  { pattern: '/dept/new', page: page(() => import('../pages/dept/CreateReport.tsx')) },
  { pattern: '/reports/:id', page: page(() => import('../pages/dept/EditReport.tsx')) },
  { pattern: '/reports/:id/history', page: page(() => import('../pages/bureau/ReportHistory.tsx')) },
  { pattern: '/bureau', page: page(() => import('../pages/bureau/Overview.tsx')) },
  { pattern: '/bureau/reports', page: page(() => import('../pages/bureau/ReportList.tsx')) },
  { pattern: '/bureau/progress', page: page(() => import('../pages/bureau/Progress.tsx')) },
  { pattern: '/bureau/review/:id', page: page(() => import('../pages/bureau/Review.tsx')) },
  { pattern: '/bureau/frameworks', page: page(() => import('../pages/bureau/Frameworks.tsx')) },
  { pattern: '/bureau/jobs', page: page(() => import('../pages/bureau/AuditJobs.tsx')) },
  { pattern: '/admin/jurisdictions', page: page(() => import('../pages/admin/Jurisdictions.tsx')) },
  { pattern: '/admin/departments', page: page(() => import('../pages/admin/Departments.tsx')) },
  { pattern: '/admin/users', page: page(() => import('../pages/admin/Users.tsx')) },
  { pattern: '/targets', page: page(() => import('../pages/targets/TargetList.tsx')) },
  { pattern: '/targets/:id', page: page(() => import('../pages/targets/TargetEditor.tsx')) },
  { pattern: '/monitoring', page: page(() => import('../pages/targets/Rounds.tsx')) },
  { pattern: '/monitoring/:id', page: page(() => import('../pages/targets/Round.tsx')) },
];

const Routed = () => {
  const { path } = useLocation();
  for (const r of ROUTES) {
    const params = matchPath(r.pattern, path);
    if (params) {
      const P = r.page;
      return <P params={params} />;
    }
  }
  return <Result status="404" title="页面不存在" subTitle={path} />;
};

export const App = () => (
  <AuthProvider>
    <AppFrame>
      <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
        <Routed />
      </Suspense>
    </AppFrame>
  </AuthProvider>
);
