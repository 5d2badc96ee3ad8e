import { useCallback, useEffect, useState } from 'react';
import { App, Button, Drawer, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { ApiError, fieldErrors, get, patch, post } from '../api';
import { useSession } from '../session';
import { ROLE_LABELS, type Org, type Role } from '../types';

interface UserRow {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  orgCode: string;
  orgName: string;
  roles: Role[];
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

const roleOptions = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

export default function Users() {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [users, setUsers] = useState<UserRow[]>([]);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [editing, setEditing] = useState<{ mode: 'create' | 'edit' | 'password'; user?: UserRow } | null>(null);
  const [form] = Form.useForm();
  const canEdit = hasRole('admin');

  const load = useCallback(async () => {
    setUsers((await get<{ items: UserRow[] }>('/api/v1/users')).items);
  }, []);
  useEffect(() => {
    void load();
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items));
  }, [load]);

  function open(mode: 'create' | 'edit' | 'password', user?: UserRow) {
    form.resetFields();
    if (user && mode === 'edit') form.setFieldsValue(user);
    setEditing({ mode, user });
  }

  async function save(values: Record<string, unknown>) {
    try {
      if (editing?.mode === 'create') {
        await post('/api/v1/users', values);
        message.success('用户已创建');
      } else if (editing?.mode === 'edit' && editing.user) {
        await patch(`/api/v1/users/${editing.user.id}`, { displayName: values.displayName, email: values.email ?? '', orgCode: values.orgCode, roles: values.roles, active: values.active });
        message.success('用户已保存');
      } else if (editing?.mode === 'password' && editing.user) {
        await post(`/api/v1/users/${editing.user.id}/password`, { password: values.password });
        message.success('密码已重置');
      }
      setEditing(null);
      await load();
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  async function unlock(user: UserRow) {
    try {
      await post(`/api/v1/users/${user.id}/unlock`);
      message.success('已解除锁定');
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  const locked = (u: UserRow) => !!u.lockedUntil && new Date(u.lockedUntil) > new Date();

  return (
    <>
      <Typography.Title level={2}>用户与角色</Typography.Title>
      {canEdit && (
        <Button type="primary" style={{ marginBottom: 16 }} onClick={() => open('create')}>新建用户</Button>
      )}
      <Table<UserRow>
        rowKey="id"
        dataSource={users}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '所属机构', dataIndex: 'orgName' },
          { title: '角色', dataIndex: 'roles', render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
          { title: '状态', render: (_, u) => (!u.active ? <Tag color="default">已停用</Tag> : locked(u) ? <Tag color="red">已锁定</Tag> : <Tag color="green">正常</Tag>) },
          {
            title: '操作',
            render: (_, u) =>
              canEdit && (
                <Space>
                  <Button size="small" onClick={() => open('edit', u)}>编辑</Button>
                  <Button size="small" onClick={() => open('password', u)}>重置密码</Button>
                  {locked(u) && <Button size="small" onClick={() => unlock(u)}>解锁</Button>}
                </Space>
              ),
          },
        ]}
      />
      <Drawer title={{ create: '新建用户', edit: '编辑用户', password: '重置密码' }[editing?.mode ?? 'create']} open={!!editing} onClose={() => setEditing(null)} width={480} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ active: true }}>
          {editing?.mode !== 'password' && (
            <>
              <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
                <Input disabled={editing?.mode === 'edit'} autoComplete="off" />
              </Form.Item>
              <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
                <Input />
              </Form.Item>
              <Form.Item label="工作邮箱" name="email" extra="来信即将到期或超期时，提醒邮件发到这里（可不填）。">
                <Input type="email" autoComplete="off" maxLength={100} />
              </Form.Item>
              <Form.Item label="所属机构" name="orgCode" rules={[{ required: true, message: '请选择机构' }]}>
                <Select showSearch optionFilterProp="label" options={orgs.map((o) => ({ value: o.code, label: o.name }))} />
              </Form.Item>
              <Form.Item label="角色" name="roles" rules={[{ required: true, message: '请至少选择一个角色' }]}>
                <Select mode="multiple" options={roleOptions} />
              </Form.Item>
            </>
          )}
          {editing?.mode === 'edit' && (
            <Form.Item label="启用" name="active" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          {editing?.mode !== 'edit' && (
            <Form.Item label="密码" name="password" extra="至少10位，包含大写字母、小写字母、数字、符号中的至少三类" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit">保存</Button>
        </Form>
      </Drawer>
    </>
  );
}
