import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Dropdown, Layout, Menu, Result, Spin, Typography } from 'antd';
import { get, post, setCsrfToken, setUnauthenticatedHandler } from './api';
import { Login } from './pages/Login';
import { navigate, usePath } from './router';
import { ROUTES } from './routes';
import { SessionContext, type Session } from './session';
import { ROLE_LABELS, type Role, type User } from './types';

interface Me {
  user: User;
  csrfToken: string | null;
}

export function Root() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const path = usePath();

  const load = useCallback(async () => {
    try {
      const data = await get<Me>('/api/v1/auth/me');
      setCsrfToken(data.csrfToken);
      setMe(data);
    } catch {
      setMe(null);
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler((message) => {
      setCsrfToken(null);
      setMe(null);
      setNotice(message);
    });
    void load();
  }, [load]);

  const session = useMemo<Session | null>(() => {
    if (!me) return null;
    return {
      user: me.user,
      hasRole: (...roles: Role[]) => roles.some((r) => me.user.roles.includes(r)),
      async signOut() {
        await post('/api/v1/auth/logout').catch(() => undefined);
        setCsrfToken(null);
        setMe(null);
        navigate('/');
      },
    };
  }, [me]);

  if (me === undefined) return <Spin fullscreen tip="加载中" />;
  if (!me || !session) {
    return (
      <Login
        notice={notice}
        onSignedIn={(data) => {
          setNotice(null);
          setCsrfToken(data.csrfToken);
          setMe(data);
        }}
      />
    );
  }

  const visible = ROUTES.filter((r) => r.roles.length === 0 || session.hasRole(...r.roles));
  // Paths with parameters (/items/:id) match any value in that segment.
  const matches = (pattern: string) => {
    const a = pattern.split('/');
    const b = path.split('/');
    return a.length === b.length && a.every((seg, i) => seg.startsWith(':') || seg === b[i]);
  };
  const route = visible.find((r) => matches(r.path));
  const Page = route?.component;

  return (
    <SessionContext.Provider value={session}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <div style={{ padding: 16, fontWeight: 'bold' }}>政务公开平台</div>
          <nav aria-label="控制台菜单">
            <Menu
              mode="inline"
              selectedKeys={[route?.path.split('/:')[0] ?? '']}
              items={visible.filter((r) => !r.hidden).map((r) => ({ key: r.path, label: <a href={`#${r.path}`}>{r.label}</a> }))}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '0 24px' }}>
            <Typography.Text>{session.user.orgName}</Typography.Text>
            <Dropdown
              menu={{
                items: [
                  { key: 'password', label: '修改密码', onClick: () => navigate('/password') },
                  { key: 'logout', label: '退出登录', onClick: () => void session.signOut() },
                ],
              }}
            >
              <Button type="text">
                {session.user.displayName}（{session.user.roles.map((r) => ROLE_LABELS[r]).join('、')}）
              </Button>
            </Dropdown>
          </Layout.Header>
          <Layout.Content style={{ margin: 24 }} role="main">
            {notice && <Alert type="warning" message={notice} closable onClose={() => setNotice(null)} style={{ marginBottom: 16 }} />}
            <Suspense fallback={<Spin />}>{Page ? <Page /> : <Result status="404" title="页面不存在或无权访问" />}</Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </SessionContext.Provider>
  );
}
