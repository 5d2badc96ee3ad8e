import { useCallback, useEffect, useState } from 'react';
import { App, Button, Drawer, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { WITHHELD_GROUNDS } from '../../../../src/domain/item-workflow.js';
import { ApiError, fieldErrors, get, post } from '../api';
import { navigate } from '../router';
import { useSession } from '../session';

export interface ItemSummary {
  id: number;
  title: string;
  status: string;
  statusLabel: string;
  orgName: string;
  indexNo?: string | null;
  publishedOn?: string | null;
  publicationDue?: { dueOn: string; warning: 'overdue' | 'dueSoon' | null } | null;
}

/** Plain paragraphs typed in the console become the item's (sanitised on the server) markup. */
export function toHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split(/\n+/).filter((l) => l.trim()).map((l) => `<p>${escape(l.trim())}</p>`).join('');
}

export function ItemForm({ onSaved }: { onSaved: (id: number) => void }) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm();
  const disclosure = Form.useWatch('disclosure', form);
  // The body's own 信息类别 and the 主题分类 taxonomy, as configured on the server.
  const [categories, setCategories] = useState<string[]>([]);
  const [topics, setTopics] = useState<string[]>([]);
  useEffect(() => {
    void get<{ value: string[] }>(`/api/v1/settings/categories:${user.orgCode}`).then((r) => setCategories(r.value));
    void get<{ value: string[] }>('/api/v1/settings/topics').then((r) => setTopics(r.value));
  }, [user.orgCode]);

  async function save(values: Record<string, string>) {
    try {
      const { body, ...rest } = values;
      const item = await post<{ id: number }>('/api/v1/items', { ...rest, bodyHtml: toHtml(body ?? ''), docNo: rest.docNo || null, writtenOn: rest.writtenOn || null, formedOn: rest.formedOn || null });
      message.success('草稿已保存');
      onSaved(item.id);
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={save} initialValues={{ disclosure: 'proactive', docKind: 'other', category: '其他', topic: '其他' }}>
      <Form.Item label="标题" name="title" rules={[{ required: true, message: '请输入标题' }]}><Input /></Form.Item>
      <Form.Item label="公开属性" name="disclosure">
        <Select options={[{ value: 'proactive', label: '主动公开' }, { value: 'onRequest', label: '依申请公开' }, { value: 'withheld', label: '不予公开' }]} />
      </Form.Item>
      {disclosure && disclosure !== 'proactive' && (
        <>
          <Form.Item label="不主动公开的理由" name="withheldGround" rules={[{ required: true, message: '请选择法定理由' }]}>
            <Select options={Object.entries(WITHHELD_GROUNDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="理由说明" name="withheldReason" rules={[{ required: true, message: '请说明理由' }]}><Input.TextArea rows={2} /></Form.Item>
        </>
      )}
      <Form.Item label="文件类型" name="docKind">
        <Select options={[{ value: 'other', label: '其他文件' }, { value: 'normative', label: '行政规范性文件' }, { value: 'rule', label: '规章' }]} />
      </Form.Item>
      <Form.Item label="发文字号" name="docNo" extra="如：县财发〔2026〕12号"><Input /></Form.Item>
      <Form.Item label="信息类别" name="category"><Select options={categories.map((c) => ({ value: c, label: c }))} /></Form.Item>
      <Form.Item label="主题分类" name="topic"><Select options={topics.map((c) => ({ value: c, label: c }))} /></Form.Item>
      <Form.Item label="成文日期" name="writtenOn" extra="YYYY-MM-DD"><Input /></Form.Item>
      <Form.Item label="形成或变更日期" name="formedOn" extra="自该日起20个工作日内公开（条例第二十六条）"><Input /></Form.Item>
      <Form.Item label="正文" name="body" rules={[{ required: true, message: '请输入正文' }]}><Input.TextArea rows={8} /></Form.Item>
      <Button type="primary" htmlType="submit">保存草稿</Button>
    </Form>
  );
}

export default function Items() {
  const { hasRole } = useSession();
  const [queue, setQueue] = useState<ItemSummary[]>([]);
  const [all, setAll] = useState<ItemSummary[]>([]);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    setQueue((await get<{ items: ItemSummary[] }>('/api/v1/items/queue')).items);
    setAll((await get<{ items: ItemSummary[] }>('/api/v1/items')).items);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const columns = [
    { title: '标题', dataIndex: 'title', render: (t: string, i: ItemSummary) => <a href={`#/items/${i.id}`}>{t}</a> },
    { title: '机构', dataIndex: 'orgName' },
    { title: '状态', dataIndex: 'statusLabel', render: (l: string) => <Tag>{l}</Tag> },
    { title: '公开期限', render: (_: unknown, i: ItemSummary) => i.publicationDue ? <Tag color={i.publicationDue.warning === 'overdue' ? 'red' : i.publicationDue.warning ? 'orange' : 'default'}>{i.publicationDue.dueOn}</Tag> : '—' },
    { title: '索引号', dataIndex: 'indexNo', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <Typography.Title level={2}>信息发布</Typography.Title>
      {hasRole('clerk') && <Button type="primary" style={{ marginBottom: 16 }} onClick={() => setCreating(true)}>新建信息</Button>}
      <Tabs items={[
        { key: 'queue', label: `我的待办（${queue.length}）`, children: <Table rowKey="id" dataSource={queue} columns={columns} pagination={false} /> },
        { key: 'all', label: '全部信息', children: <Table rowKey="id" dataSource={all} columns={columns} /> },
      ]} />
      <Drawer title="新建信息" open={creating} onClose={() => setCreating(false)} width={640} destroyOnHidden>
        <ItemForm onSaved={(id) => { setCreating(false); navigate(`/items/${id}`); }} />
      </Drawer>
      <Space />
    </>
  );
}
