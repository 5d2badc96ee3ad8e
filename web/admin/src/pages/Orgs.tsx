import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Input, Popconfirm, Select, Space, Tree, Typography } from 'antd';
import { ApiError, del, fieldErrors, get, patch, post } from '../api';
import { useSession } from '../session';
import { ORG_TYPE_LABELS, type Org, type OrgType } from '../types';

interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

function buildTree(orgs: Org[], parent: string | null): TreeNode[] {
  return orgs
    .filter((o) => o.parentCode === parent)
    .map((o) => ({ key: o.code, title: `${o.name}（${ORG_TYPE_LABELS[o.type]}）`, children: buildTree(orgs, o.code) }));
}

const FIELDS: [keyof Org, string][] = [
  ['address', '办公地址'], ['officeHours', '办公时间'], ['phone', '联系电话'], ['fax', '传真'], ['email', '电子邮箱'], ['postalCode', '邮政编码'], ['website', '网站'],
];

export default function Orgs() {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ mode: 'create' | 'edit'; org?: Org } | null>(null);
  const [form] = Form.useForm();
  const canEdit = hasRole('admin');

  const load = useCallback(async () => setOrgs((await get<{ items: Org[] }>('/api/v1/orgs')).items), []);
  useEffect(() => {
    void load();
  }, [load]);

  const tree = useMemo(() => buildTree(orgs, null), [orgs]);
  const current = orgs.find((o) => o.code === selected);

  function openCreate(type: OrgType) {
    form.resetFields();
    form.setFieldsValue({ type, parentCode: current?.code ?? orgs.find((o) => o.type === 'government')?.code });
    setEditing({ mode: 'create' });
  }

  function openEdit(org: Org) {
    form.resetFields();
    form.setFieldsValue(org);
    setEditing({ mode: 'edit', org });
  }

  async function save(values: Record<string, string>) {
    try {
      if (editing?.mode === 'create') {
        await post('/api/v1/orgs', values);
        message.success('机构已创建');
      } else if (editing?.org) {
        const { code: _code, ...rest } = values;
        await patch(`/api/v1/orgs/${editing.org.code}`, rest);
        message.success('机构信息已保存');
      }
      setEditing(null);
      await load();
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  async function remove(org: Org) {
    try {
      await del(`/api/v1/orgs/${org.code}`);
      message.success('机构已删除');
      setSelected(null);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '删除失败');
    }
  }

  return (
    <>
      <Typography.Title level={2}>组织机构</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        {canEdit && (
          <>
            <Button type="primary" onClick={() => openCreate('department')}>新建部门</Button>
            <Button onClick={() => openCreate('township')}>新建乡镇（街道）</Button>
            <Button onClick={() => openCreate('office')}>新建科室</Button>
          </>
        )}
      </Space>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Card title="机构树" style={{ flex: '1 1 360px' }}>
          {tree.length ? <Tree treeData={tree} defaultExpandAll onSelect={(keys) => setSelected((keys[0] as string) ?? null)} selectedKeys={selected ? [selected] : []} /> : <Empty />}
        </Card>
        <Card title="机构详情" style={{ flex: '1 1 420px' }}>
          {current ? (
            <>
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label="名称">{current.name}</Descriptions.Item>
                <Descriptions.Item label="类型">{ORG_TYPE_LABELS[current.type]}</Descriptions.Item>
                <Descriptions.Item label="机构代码">{current.code}</Descriptions.Item>
                {FIELDS.map(([k, label]) => (
                  <Descriptions.Item key={k} label={label}>{(current[k] as string) || '—'}</Descriptions.Item>
                ))}
              </Descriptions>
              {canEdit && (
                <Space style={{ marginTop: 16 }}>
                  <Button onClick={() => openEdit(current)}>编辑</Button>
                  <Popconfirm title={`确定删除“${current.name}”？`} okText="删除" cancelText="取消" onConfirm={() => remove(current)}>
                    <Button danger>删除</Button>
                  </Popconfirm>
                </Space>
              )}
            </>
          ) : (
            <Empty description="请在左侧选择机构" />
          )}
        </Card>
      </div>
      <Drawer title={editing?.mode === 'create' ? '新建机构' : '编辑机构'} open={!!editing} onClose={() => setEditing(null)} width={480} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item label="机构名称" name="name" rules={[{ required: true, message: '请输入机构名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="机构代码" name="code" extra="18位统一社会信用代码或9位组织机构代码" rules={[{ required: true, message: '请输入机构代码' }]}>
            <Input disabled={editing?.mode === 'edit'} />
          </Form.Item>
          <Form.Item label="机构类型" name="type" rules={[{ required: true }]}>
            <Select options={Object.entries(ORG_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="上级机构" name="parentCode">
            <Select allowClear showSearch optionFilterProp="label" options={orgs.map((o) => ({ value: o.code, label: o.name }))} />
          </Form.Item>
          {FIELDS.map(([k, label]) => (
            <Form.Item key={k} label={label} name={k}>
              <Input />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit">保存</Button>
        </Form>
      </Drawer>
    </>
  );
}
