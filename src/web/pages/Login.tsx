import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { z } from 'zod';
import { login } from '../api/session.ts';
import { useAuth } from '../app/auth.tsx';
import { param, useQueryParams } from '../app/query.ts';
import { navigate } from '../app/router.tsx';
import { useWrite } from '../lib/use-write.ts';

type Fields = { username: string; password: string };

/** Where to go back to after signing in (a path of this app). */
const Params = z.object({ next: param.optionalText() });

const Login = () => {
  const { refresh } = useAuth();
  const { next: back } = useQueryParams(Params);
  const { run, busy, error } = useWrite({ inline: true });
  const submit = (v: Fields) =>
    run(async () => {
      const me = await login(v.username, v.password);
      await refresh();
      navigate(back?.startsWith('/') ? back : me.departmentId ? '/dept' : '/bureau', { replace: true });
    });
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
