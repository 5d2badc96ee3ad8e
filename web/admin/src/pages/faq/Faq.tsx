/**
 * 便民问答 for the 公开办: entries made from published answers (转为便民问答 in the message detail) or written
 * here, edited and published on their own (草稿 → 已发布 → 已撤回); supervisors read them.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { LABELS } from '../../../../../src/domain/labels.js';
import { ApiError, fieldErrors, get, post, put } from '../../api';
import { EmptyText } from '../../components/EmptyText';
import { useSession } from '../../session';

interface Entry {
  id: number; orgName: string; question: string; answer: string; category: string; status: string; statusLabel: string;
  publishedOn: string | null; url: string; sourceMessageId: number | null; actions?: string[];
}

const STATUS = [{ value: '', label: '全部' }, ...Object.entries(LABELS.faqStatus).map(([value, label]) => ({ value, label }))];

export default function Faq() {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const canEdit = hasRole('disclosureOffice', 'admin');
  const [status, setStatus] = useState('');
  const [data, setData] = useState<{ items: Entry[]; total: number } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState<Entry | 'new' | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async (s: string) => {
    try {
      setData(await get<{ items: Entry[]; total: number }>(`/api/v1/faq?pageSize=200${s ? `&status=${s}` : ''}`));
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof ApiError ? e.message : '加载失败，请稍后重试。');
    }
  }, []);
  useEffect(() => { void load(status); }, [load, status]);

  async function edit(id: number | 'new') {
    form.resetFields();
    if (id === 'new') return setOpen('new');
    const f = await get<Entry>(`/api/v1/faq/${id}`);
    form.setFieldsValue({ question: f.question, answer: f.answer, category: f.category });
    setOpen(f);
  }

  async function save(values: { question: string; answer: string; category?: string }) {
    try {
      const body = { ...values, category: values.category ?? '' };
      const f = open === 'new' ? await post<Entry>('/api/v1/faq', body) : await put<Entry>(`/api/v1/faq/${(open as Entry).id}`, body);
      message.success('已保存。');
      setOpen(f);
      await load(status);
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  async function act(f: Entry, action: string) {
    try {
      const updated = await post<Entry>(`/api/v1/faq/${f.id}/actions`, { action });
      message.success(`已${LABELS.faqAction[action as keyof typeof LABELS.faqAction]}。`);
      setOpen(updated);
      await load(status);
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  const current = open && open !== 'new' ? open : null;
  return (
    <>
      <Typography.Title level={2}>便民问答</Typography.Title>
      <Typography.Paragraph>在“互动交流”的来信详情中，可将已公开的答复“转为便民问答”；问答经修改、发布后在网站“便民问答”栏目公开，并可在全站搜索中查到。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text id="faq-status">状态</Typography.Text>
        <Select aria-labelledby="faq-status" style={{ width: 120 }} value={status} options={STATUS} onChange={setStatus} />
        {canEdit && <Button type="primary" onClick={() => void edit('new')}>新增便民问答</Button>}
        <Button href="/hdjl/faq" target="_blank">查看公开页面</Button>
        {data && <Typography.Text>共 {data.total} 条</Typography.Text>}
      </Space>
      {loadError && <Alert type="error" showIcon message={loadError} style={{ marginBottom: 16 }} />}
      <Table<Entry>
        rowKey="id" dataSource={data?.items ?? []} loading={!data && !loadError} pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: <EmptyText>暂无便民问答</EmptyText> }}
        columns={[
          { title: '问题', dataIndex: 'question', ellipsis: true },
          { title: '分类', dataIndex: 'category', width: 120 },
          { title: '解答单位', dataIndex: 'orgName', width: 180 },
          { title: '状态', width: 100, render: (_, f) => <Tag>{f.statusLabel}</Tag> },
          { title: '发布日期', dataIndex: 'publishedOn', width: 110 },
          { title: '操作', width: 90, render: (_, f) => <Button size="small" onClick={() => void edit(f.id)}>{canEdit ? '编辑' : '查看'}</Button> },
        ]}
      />
      <Drawer title={open === 'new' ? '新增便民问答' : '便民问答'} open={!!open} onClose={() => setOpen(null)} width={640} destroyOnHidden>
        {current && <p>状态：<Tag>{current.statusLabel}</Tag>{current.status === 'published' && <a href={current.url} target="_blank" rel="noreferrer">查看公开页面</a>}{current.sourceMessageId && '（由来信答复转成）'}</p>}
        <Form form={form} layout="vertical" onFinish={save} disabled={!canEdit} aria-label="便民问答内容">
          <Form.Item label="问题" name="question" rules={[{ required: true, message: '请填写问题。' }, { min: 4, message: '问题至少4个字。' }]}><Input maxLength={200} showCount /></Form.Item>
          <Form.Item label="解答" name="answer" rules={[{ required: true, message: '请填写解答。' }, { min: 4, message: '解答至少4个字。' }]} extra="发布前检查个人信息和敏感内容；不要写入来信人的姓名、电话等。"><Input.TextArea rows={8} maxLength={5000} showCount /></Form.Item>
          <Form.Item label="分类" name="category"><Input maxLength={40} placeholder="如：社会保障" style={{ maxWidth: 240 }} /></Form.Item>
          {canEdit && <Space wrap>
            <Button type="primary" htmlType="submit">保存</Button>
            {current?.actions?.map((a) => <Button key={a} onClick={() => void act(current, a)}>{LABELS.faqAction[a as keyof typeof LABELS.faqAction]}</Button>)}
          </Space>}
        </Form>
      </Drawer>
    </>
  );
}
