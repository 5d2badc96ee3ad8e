/**
 * 全站搜索的管理（系统管理员）: the thesaurus applied to every search at once (each change audited),
 * and the full reindex, a background job whose progress shows here.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { ApiError, del, get, post, put } from '../api';

interface Group { id: number; terms: string[]; builtin: boolean; builtinLabel: string }
interface IndexStatus {
  run: { status: string; statusLabel: string; done: number; total: number; percent: number; error: string | null; finishedAt: string | null } | null;
  documents: number;
  bytes: number;
}

const size = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export default function Search() {
  const { message } = App.useApp();
  const [groups, setGroups] = useState<Group[]>([]);
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [editing, setEditing] = useState<Group | null>(null);
  const [form] = Form.useForm<{ terms: string[] }>();

  const load = useCallback(async () => {
    const [g, s] = await Promise.all([get<{ items: Group[] }>('/api/v1/admin/search/synonyms'), get<IndexStatus>('/api/v1/admin/search/index')]);
    setGroups(g.items);
    setStatus(s);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const running = status?.run && ['queued', 'running'].includes(status.run.status);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void get<IndexStatus>('/api/v1/admin/search/index').then(setStatus), 2000);
    return () => clearInterval(timer);
  }, [running]);

  async function save(values: { terms: string[] }) {
    try {
      if (editing) await put(`/api/v1/admin/search/synonyms/${editing.id}`, values);
      else await post('/api/v1/admin/search/synonyms', values);
      message.success('已保存，搜索立即按新的同义词扩展');
      setEditing(null);
      form.resetFields();
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  async function remove(id: number) {
    try {
      await del(`/api/v1/admin/search/synonyms/${id}`);
      message.success('已删除');
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '删除失败');
    }
  }

  async function reindex() {
    try {
      setStatus(await post<IndexStatus>('/api/v1/admin/search/reindex'));
      message.success('已开始重建索引，可离开本页，完成后自动生效');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  const shown = filter ? groups.filter((g) => g.terms.some((t) => t.includes(filter))) : groups;

  return (
    <>
      <Typography.Title level={2}>全站搜索</Typography.Title>
      <Card title="搜索索引" style={{ marginBottom: 16 }}>
        <p>已收录 {status?.documents ?? 0} 篇公开内容（政府信息、政策解读、年度报告等），索引占用 {size(status?.bytes ?? 0)}。发布、更正、撤销时自动更新；修改分词词典或升级后可重建全部索引。</p>
        {status?.run && (
          <div style={{ marginBottom: 12 }}>
            <Space wrap>
              <span>最近一次重建：</span>
              <Tag color={status.run.status === 'failed' ? 'red' : status.run.status === 'done' ? 'green' : 'blue'}>{status.run.statusLabel}</Tag>
              <span>{status.run.done} / {status.run.total}</span>
            </Space>
            <Progress percent={status.run.percent} status={status.run.status === 'failed' ? 'exception' : running ? 'active' : 'normal'} aria-label="重建进度" />
            {status.run.error && <Alert type="error" showIcon message={`重建失败：${status.run.error}`} />}
          </div>
        )}
        <Popconfirm title="重建全部搜索索引？" description="在后台进行，期间搜索照常可用。" okText="重建" cancelText="取消" onConfirm={reindex}>
          <Button type="primary" disabled={!!running}>重建索引</Button>
        </Popconfirm>
      </Card>
      <Card title="同义词与简称">
        <p>搜索其中任何一个词时，同组的其他词也能找到（如搜索“公租房”也找到“公共租赁住房”）。修改立即生效，无需重建索引；每次修改都记入审计日志。</p>
        <Form form={form} layout="inline" onFinish={save} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="terms" label="同组词语" rules={[{ required: true, type: 'array', min: 2, message: '请至少填写2个词，输入一个词后按回车' }]} style={{ minWidth: 320, flex: 1 }}>
            <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} placeholder="输入词语后按回车，如：公租房、公共租赁住房" open={false} aria-label="同组词语" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">{editing ? '保存修改' : '新增同义词组'}</Button>
              {editing && <Button onClick={() => { setEditing(null); form.resetFields(); }}>取消</Button>}
            </Space>
          </Form.Item>
        </Form>
        <Space style={{ marginBottom: 12 }} wrap>
          <label htmlFor="synonym-filter">查找</label>
          <Input id="synonym-filter" allowClear value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="输入词语" style={{ width: 200 }} />
          <span>共 {shown.length} 组</span>
        </Space>
        <Table<Group>
          rowKey="id"
          size="small"
          dataSource={shown}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '同组词语', dataIndex: 'terms', render: (terms: string[]) => terms.join('、') },
            { title: '来源', dataIndex: 'builtinLabel', width: 80 },
            {
              title: '操作', key: 'actions', width: 140,
              render: (_, g) => (
                <Space>
                  <Button type="link" size="small" onClick={() => { setEditing(g); form.setFieldsValue({ terms: g.terms }); }}>修改</Button>
                  <Popconfirm title={`删除“${g.terms[0]}”这一组？`} okText="删除" cancelText="取消" onConfirm={() => remove(g.id)}>
                    <Button type="link" size="small" danger>删除</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
