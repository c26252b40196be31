/**
 * 修改密码 for everyone signed in; after an admin's reset it is the only page until a new password is set.
 * The strength rules are the server's (length, mixed characters, not common, not the username).
 */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { api, ok } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { navigate } from '../../app/router.tsx';
import { useWrite } from '../../lib/use-write.ts';

type Fields = { current: string; next: string; again: string };

export const ChangePasswordForm = ({ forced = false }: { forced?: boolean }) => {
  const { me, refresh } = useAuth();
  const { run, busy, error } = useWrite({ inline: true });
  const submit = (v: Fields) =>
    run(
      async () => {
        await ok(api.session.password.$put({ json: { current: v.current, next: v.next } }));
        await refresh();
        if (forced) navigate(me?.departmentId ? '/dept' : '/bureau', { replace: true });
      },
      { done: '密码已修改' },
    );
  return (
    <Card style={{ maxWidth: 440, margin: '32px auto' }} title="修改密码">
      {forced ? (
        <Alert
          type="warning"
          showIcon
          title="管理员已重置您的密码，请先设置新密码再继续使用。"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Typography.Paragraph type="secondary">
        新密码至少 10
        个字符，须混合字母、数字或符号，不能是常见密码，也不能包含用户名。修改后其他已登录的设备需重新登录。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Fields> name="password" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="current"
          label={forced ? '一次性密码' : '当前密码'}
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="next"
          label="新密码"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 10, message: '至少 10 个字符' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label="再次输入新密码"
          dependencies={['next']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('两次输入不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          保存新密码
        </Button>
      </Form>
    </Card>
  );
};

const ChangePassword = () => {
  const { me, ready } = useAuth();
  if (ready && !me) {
    navigate('/login?next=/account/password', { replace: true });
    return null;
  }
  return <ChangePasswordForm />;
};
export default ChangePassword;
