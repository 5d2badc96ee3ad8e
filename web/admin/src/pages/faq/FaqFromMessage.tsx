/** In the message detail: "转为便民问答" for a published answer, and the entries already made from it. */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { ApiError, fieldErrors, get, post } from '../../api';

interface Entry { id: number; question: string; status: string; statusLabel: string }

export function FaqFromMessage({ messageId }: { messageId: number }) {
  const { message } = App.useApp();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    setEntries((await get<{ items: Entry[] }>(`/api/v1/handling/messages/${messageId}/faq`)).items);
  }, [messageId]);
  useEffect(() => { void load().catch(() => {}); }, [load]);

  async function create(values: { category?: string }) {
    try {
      const f = await post<Entry>(`/api/v1/handling/messages/${messageId}/faq`, { category: values.category ?? '' });
      message.success(`已转为便民问答草稿（${f.question}），请在“便民问答”中修改后发布。`);
      setEditing(false);
      await load();
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  return (
    <section aria-label="便民问答">
      <Typography.Title level={4} style={{ marginTop: 16 }}>便民问答</Typography.Title>
      {entries.length > 0 && <ul>{entries.map((e) => <li key={e.id}><a href="#/faq">{e.question}</a> <Tag>{e.statusLabel}</Tag></li>)}</ul>}
      {editing ? (
        <Form form={form} layout="inline" onFinish={create} aria-label="转为便民问答">
          <Form.Item label="问答分类" name="category"><Input maxLength={40} placeholder="如：社会保障" /></Form.Item>
          <Space><Button type="primary" htmlType="submit">确认转为便民问答</Button><Button onClick={() => setEditing(false)}>取消</Button></Space>
        </Form>
      ) : <Button onClick={() => setEditing(true)}>转为便民问答</Button>}
    </section>
  );
}
