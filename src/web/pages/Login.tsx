import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { login } from '../api/session.ts';
import { useAuth } from '../app/auth.tsx';
import { navigate, useLocation } from '../app/router.tsx';

type Fields = { username: string; password: string };

const Login = () => {
  const { refresh } = useAuth();
  const { query } = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: Fields) => {
    setBusy(true);
    setError(null);
    try {
      const me = await login(v.username, v.password);
      await refresh();
      const back = query.get('next');
      navigate(back?.startsWith('/') ? back : me.departmentId ? '/dept' : '/bureau', { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card style={{ maxWidth: 400, margin: '48px auto' }} title="登录">
      <Typography.Paragraph type="secondary">
        单位填报、单位审核、财政审核和管理员账号在此登录；公众无需登录即可查看公开报告。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Fields> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
    </Card>
  );
};
export default Login;
