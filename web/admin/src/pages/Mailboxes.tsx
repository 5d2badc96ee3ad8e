/** 信箱设置 for the 公开办: each mailbox's name, the types it takes, the reply limit per type and the public text. */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Collapse, Form, Input, InputNumber, Space, Typography } from 'antd';
import { LABELS } from '../../../../src/domain/labels.js';
import { ApiError, get, post, put } from '../api';

interface Mailbox {
  orgCode: string; orgName: string; code: string; name: string; introduction: string; url: string;
  acceptedTypes: string[]; replyLimits: Record<string, number>;
}
const TYPES = Object.entries(LABELS.messageType).map(([value, label]) => ({ value, label }));

function MailboxCard({ box, onSaved }: { box: Mailbox; onSaved: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  async function save(values: { name: string; acceptedTypes: string[]; introduction: string; limits: Record<string, number> }) {
    try {
      await put(`/api/v1/mailboxes/${box.orgCode}/${box.code}`, { name: values.name, acceptedTypes: values.acceptedTypes, introduction: values.introduction ?? '', replyLimits: values.limits });
      message.success('信箱设置已保存。');
      onSaved();
    } catch (e) {
      form.setFields(e instanceof ApiError ? e.details.filter((d) => d.path).map((d) => ({ name: d.path!.startsWith('replyLimits.') ? ['limits', d.path!.split('.')[1]] : d.path!, errors: [d.message] })) : []);
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }
  return (
    <>
      <p><a href={box.url} target="_blank" rel="noreferrer">查看公开页面</a></p>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ name: box.name, acceptedTypes: box.acceptedTypes, introduction: box.introduction, limits: box.replyLimits }} aria-label={`${box.name}设置`}>
        <Form.Item label="名称" name="name" rules={[{ required: true, message: '请填写信箱名称。' }]}><Input maxLength={30} style={{ maxWidth: 320 }} /></Form.Item>
        <Form.Item label="受理的来信类型" name="acceptedTypes" extra="至少选择一种。"><Checkbox.Group options={TYPES} /></Form.Item>
        <Form.Item label="答复期限（工作日）" extra="自收到来信的次日起计算；默认10个工作日。网站检查对超过3个月未答复的有效来信实行单项否决。">
          <Space wrap>{TYPES.map((t) => <Form.Item key={t.value} label={t.label} name={['limits', t.value]} style={{ marginBottom: 0 }}><InputNumber min={1} max={60} /></Form.Item>)}</Space>
        </Form.Item>
        <Form.Item label="信箱说明（在公开页面显示）" name="introduction"><Input.TextArea rows={3} maxLength={2000} showCount /></Form.Item>
        <Button type="primary" htmlType="submit">保存</Button>
      </Form>
    </>
  );
}

interface Template { id: number; title: string; text: string }

/** 常用答复模板: the drafting step offers them; the office adds new ones here. */
function Templates() {
  const [items, setItems] = useState<Template[]>([]);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const load = () => get<{ items: Template[] }>('/api/v1/message-templates').then((r) => setItems(r.items)).catch(() => undefined);
  useEffect(() => { void load(); }, []);
  async function add(values: { templateTitle: string; templateText: string }) {
    try {
      await post('/api/v1/message-templates', values);
      message.success('答复模板已保存。');
      form.resetFields();
      await load();
    } catch (e) {
      form.setFields(e instanceof ApiError ? e.details.filter((d) => d.path).map((d) => ({ name: d.path!, errors: [d.message] })) : []);
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }
  return (
    <Card title="常用答复模板" style={{ marginBottom: 16 }}>
      {items.length ? <ul>{items.map((t) => <li key={t.id}><Typography.Text strong>{t.title}</Typography.Text>：{t.text}</li>)}</ul> : <Typography.Paragraph>暂无模板。</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={add} aria-label="新增答复模板">
        <Form.Item label="模板标题" name="templateTitle" rules={[{ required: true, message: '请填写模板标题。' }]}><Input maxLength={50} style={{ maxWidth: 320 }} /></Form.Item>
        <Form.Item label="模板内容" name="templateText" rules={[{ required: true, message: '请填写模板内容。' }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Button htmlType="submit">新增模板</Button>
      </Form>
    </Card>
  );
}

export default function Mailboxes() {
  const [boxes, setBoxes] = useState<Mailbox[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => get<{ items: Mailbox[] }>('/api/v1/handling/mailboxes')
    .then((r) => { setBoxes(r.items); setError(null); }).catch((e) => setError(e instanceof ApiError ? e.message : '加载失败'));
  useEffect(() => { void load(); }, []);
  return (
    <>
      <Typography.Title level={2}>信箱设置</Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {boxes && boxes.length > 0 && (
        <Collapse style={{ marginBottom: 16 }} defaultActiveKey={[`${boxes[0].orgCode}/${boxes[0].code}`]}
          items={boxes.map((b) => ({ key: `${b.orgCode}/${b.code}`, label: `${b.orgName}　${b.name}`, children: <MailboxCard box={b} onSaved={() => void load()} /> }))} />
      )}
      <Templates />
    </>
  );
}
