import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { ApiError, post } from '../api';
import type { User } from '../types';

export function Login({ notice, onSignedIn }: { notice: string | null; onSignedIn: (data: { user: User; csrfToken: string }) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await post<{ user: User; csrfToken: string }>('/api/v1/auth/login', values));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试。');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '100vh', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          政务公开平台 · 管理控制台
        </Typography.Title>
        {notice && <Alert type="warning" message={notice} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" role="alert" message={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        {/* Colours chosen for contrast (WCAG AA, 4.5:1 at this size): antd's secondary text and link blue fall short on white. */}
        <Typography.Paragraph style={{ marginTop: 16, fontSize: 13, color: '#595959' }}>
          连续5次密码错误，账号将锁定15分钟。
          <a href="/" style={{ color: '#0b4ea2', textDecoration: 'underline' }}>
            返回公众门户
          </a>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
