/**
 * 互动交流: the inbox of messages (来信) in the staff member's scope — filters (box, type, status, channel,
 * overdue, due soon), bulk assignment, registering what came by phone, letter …, and each message's handling steps,
 * only those the API says this person may take now.
 */
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { LABELS } from '../../../../src/domain/labels.js';
import { ApiError, fieldErrors, get, post } from '../api';
import { DateInput } from '../components/DateInput';
import { FileUpload } from '../components/FileUpload';
import { SearchSelect } from '../components/SearchSelect';
import { currentPath, navigate } from '../router';
import { useSession } from '../session';
import type { Org } from '../types';
import { EmptyText } from '../components/EmptyText';
import { FaqFromMessage } from './faq/FaqFromMessage';

interface ListedMessage {
  id: number; trackingNo: string; orgName: string; boxName: string; subject: string; excerpt: string; senderName: string;
  typeLabel: string; channelLabel: string; status: string; statusLabel: string; receivedOn: string; replyDueOn: string;
  assignedOrgName: string | null; ratingLabel: string | null; overdue: boolean; dueSoon: boolean; vetoRisk: boolean; published: boolean;
}
interface MessageEvent { id: number; onDate: string; title: string; note: string | null; public: boolean; actorName: string | null }
interface MessageDetail extends ListedMessage {
  body: string; senderPhoneMasked: string | null; senderEmailMasked: string | null; draftReply: string | null; replyText: string | null;
  repliedOn: string | null; round: number; extensionDays: number; extensionReason: string | null; publicReply: boolean; closeReason: string | null;
  firstRatingLabel: string | null; ratingComment: string | null; duplicateOfTrackingNo: string | null; events: MessageEvent[];
  documents: { id: number; title: string; fileName: string }[];
  actions: { action: string; label: string }[];
}
interface Mailbox { orgCode: string; orgName: string; code: string; name: string }
interface Template { id: number; title: string; text: string }

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const ALL = { value: '', label: '全部' };
const TAG: Record<string, CSSProperties> = {
  overdue: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  open: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  done: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
};
/** The API names the sender's fields sender.name …; the form keeps them flat. */
const SENDER_FIELDS: Record<string, string> = { 'sender.name': 'senderName', 'sender.phone': 'senderPhone', 'sender.email': 'senderEmail' };
const OPEN = new Set(['pending', 'accepted', 'assigned', 'drafted']);

function queryOf(filters: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim()) query.set(key, value.trim());
    if (value === true) query.set(key, 'true');
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The fields each step asks for; a step without fields is one click. */
function StepFields({ action, orgs, templates, form }: { action: string; orgs: Org[]; templates: Template[]; form: ReturnType<typeof Form.useForm>[0] }) {
  const orgOptions = orgs.map((o) => ({ value: o.code, label: o.name }));
  switch (action) {
    case 'transfer':
      return <>
        <Form.Item label="转办机关" name="toOrgCode" rules={[{ required: true, message: '请选择转办机关。' }]}><SearchSelect options={orgOptions} /></Form.Item>
        <Form.Item label="转办理由（告知来信人）" name="reason" rules={[{ required: true, message: '请填写理由。' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      </>;
    case 'assign':
      return <Form.Item label="承办部门" name="assignedOrgCode" rules={[{ required: true, message: '请选择承办部门。' }]}><SearchSelect options={orgOptions} /></Form.Item>;
    case 'refer': case 'close': case 'returnDraft':
      return <Form.Item label={action === 'refer' ? '告知内容（信访事项的说明）' : '理由'} name="reason" rules={[{ required: true, message: '请填写理由。' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>;
    case 'markDuplicate':
      return <Form.Item label="重复的来信编号" name="duplicateOf" rules={[{ required: true, message: '请填写来信编号。' }]}><Input maxLength={40} /></Form.Item>;
    case 'draft':
      return <>
        {templates.length > 0 && <Form.Item label="常用答复模板"><Select aria-label="常用答复模板" options={templates.map((t) => ({ value: t.id, label: t.title }))} onChange={(id) => form.setFieldsValue({ reply: templates.find((t) => t.id === id)?.text })} /></Form.Item>}
        <Form.Item label="答复内容" name="reply" rules={[{ required: true, message: '请填写答复内容。' }]}><Input.TextArea rows={6} maxLength={5000} showCount /></Form.Item>
      </>;
    case 'approve':
      return <Form.Item label="签发的答复（可修改）" name="reply"><Input.TextArea rows={6} maxLength={5000} showCount /></Form.Item>;
    case 'extend':
      return <>
        <Form.Item label="延长工作日数" name="days" rules={[{ required: true, message: '请填写延长的工作日数。' }]} extra="只能延长一次，最多10个工作日；理由会告知来信人。"><InputNumber min={1} max={10} /></Form.Item>
        <Form.Item label="延期理由" name="reason" rules={[{ required: true, message: '请填写延期理由。' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      </>;
    default:
      return null;
  }
}

export default function Messages() {
  const { hasRole, user } = useSession();
  const { message } = App.useApp();
  const isOffice = hasRole('disclosureOffice', 'admin');
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [data, setData] = useState<{ items: ListedMessage[]; total: number } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [boxes, setBoxes] = useState<Mailbox[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [open, setOpen] = useState<MessageDetail | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [step, setStep] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const [bulkOrg, setBulkOrg] = useState<string | undefined>();
  const [filterForm] = Form.useForm();
  const [stepForm] = Form.useForm();
  const [registerForm] = Form.useForm();

  const load = useCallback(async (f: Record<string, unknown>) => {
    try {
      setData(await get<{ items: ListedMessage[]; total: number }>(`/api/v1/handling/messages${queryOf({ ...f, pageSize: '200' })}`));
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof ApiError ? e.message : '加载失败，请稍后重试。');
      filterForm.setFields(fieldErrors(e));
    }
  }, [filterForm]);

  useEffect(() => {
    void load({});
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items.filter((o) => o.type !== 'office'))).catch(() => {});
    void get<{ items: Mailbox[] }>('/api/v1/mailboxes').then((r) => setBoxes(r.items)).catch(() => {});
    void get<{ items: Template[] }>('/api/v1/message-templates').then((r) => setTemplates(r.items)).catch(() => {});
    // #/messages/:id (the link in a reminder e-mail, the 工作台): open that message's drawer.
    const linked = /^\/messages\/(\d+)$/.exec(currentPath());
    if (linked) void show(Number(linked[1])).catch((e) => setLoadError(e instanceof ApiError ? e.message : '来信不存在或无权查看。'));
  }, [load]);

  async function show(id: number) {
    setOpen(await get<MessageDetail>(`/api/v1/handling/messages/${id}`));
    setStep(null);
    setDrawerOpen(true);
  }

  async function take(values: Record<string, unknown>) {
    if (!open || !step) return;
    try {
      await post(`/api/v1/handling/messages/${open.id}/actions`, { action: step, ...values });
      message.success(`已${LABELS.messageAction[step as keyof typeof LABELS.messageAction] ?? '办理'}。`);
      stepForm.resetFields();
      setStep(null);
      await show(open.id);
      await load(filters);
    } catch (e) {
      stepForm.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  async function bulkAssign() {
    if (!bulkOrg || !selected.length) return;
    try {
      const r = await post<{ assigned: number }>('/api/v1/handling/messages/bulk-assign', { ids: selected, assignedOrgCode: bulkOrg });
      message.success(`已交办 ${r.assigned} 件。`);
      setSelected([]);
      await load(filters);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '交办失败');
    }
  }

  async function register(values: Record<string, unknown>) {
    const { senderName, senderPhone, senderEmail, ...rest } = values as Record<string, string>;
    try {
      const r = await post<{ trackingNo: string; replyDueOn: string }>('/api/v1/messages', {
        ...rest, sender: { name: senderName, phone: senderPhone, ...(senderEmail ? { email: senderEmail } : {}) }, publicReply: !!values.publicReply,
      });
      message.success(`已登记，来信编号 ${r.trackingNo}，答复期限 ${r.replyDueOn}。`);
      setRegistering(false);
      await load(filters);
    } catch (e) {
      registerForm.setFields(e instanceof ApiError ? e.details.filter((d) => d.path).map((d) => ({ name: SENDER_FIELDS[d.path!] ?? d.path!.split('.')[0], errors: [d.message] })) : []);
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  }

  const statusTag = (m: ListedMessage) => (
    <Space size={4} wrap>
      <Tag style={m.overdue ? TAG.overdue : OPEN.has(m.status) ? TAG.open : TAG.done}>{m.statusLabel}</Tag>
      {m.overdue && <Tag style={TAG.overdue}>已超期</Tag>}
      {m.dueSoon && <Tag style={TAG.open}>即将到期</Tag>}
      {m.vetoRisk && <Tag style={TAG.overdue}>超3个月未办结</Tag>}
      {m.ratingLabel && <Tag>{m.ratingLabel}</Tag>}
      {m.published && <Tag>已公开</Tag>}
    </Space>
  );

  return (
    <>
      <Typography.Title level={2}>互动交流（来信办理）</Typography.Title>
      <Form form={filterForm} layout="inline" initialValues={{ status: '', type: '', channel: '', box: '' }} onFinish={(v) => { setFilters(v); void load(v); }} style={{ marginBottom: 16, rowGap: 8 }} aria-label="查找来信">
        <Form.Item label="关键词" name="q"><Input placeholder="编号、标题、内容或来信人" allowClear style={{ width: 200 }} /></Form.Item>
        <Form.Item label="信箱" name="box"><Select style={{ width: 200 }} options={[ALL, ...boxes.map((b) => ({ value: `${b.orgCode}/${b.code}`, label: `${b.orgName}${b.name}` }))]} /></Form.Item>
        <Form.Item label="类型" name="type"><Select style={{ width: 100 }} options={[ALL, ...options(LABELS.messageType)]} /></Form.Item>
        <Form.Item label="状态" name="status"><Select style={{ width: 150 }} options={[ALL, ...options(LABELS.messageStatus)]} /></Form.Item>
        <Form.Item label="渠道" name="channel"><Select style={{ width: 120 }} options={[ALL, ...options(LABELS.messageChannel)]} /></Form.Item>
        <Form.Item label="只看超期" name="overdue" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item label="只看即将到期" name="dueSoon" valuePropName="checked" tooltip="2个工作日内到期、已发出提醒的来信"><Switch /></Form.Item>
        <Form.Item label="收到日期自" name="from"><DateInput noFuture /></Form.Item>
        <Form.Item label="至" name="to"><DateInput noFuture /></Form.Item>
        <Form.Item><Space wrap><Button type="primary" htmlType="submit">查询</Button><Button onClick={() => { filterForm.resetFields(); setFilters({}); void load({}); }}>重置</Button></Space></Form.Item>
      </Form>
      <Space wrap style={{ marginBottom: 16 }}>
        {isOffice && <Button onClick={() => { registerForm.resetFields(); setRegistering(true); }}>登记电话、信函、当面等来信</Button>}
        {isOffice && <>
          <Typography.Text id="bulk-org">批量交办给</Typography.Text>
          <SearchSelect aria-labelledby="bulk-org" placeholder={undefined} style={{ width: 200 }} options={orgs.map((o) => ({ value: o.code, label: o.name }))} value={bulkOrg} onChange={(v) => setBulkOrg(v as string)} />
          <Button disabled={!selected.length || !bulkOrg} onClick={() => void bulkAssign()}>批量交办（已选 {selected.length} 件）</Button>
        </>}
        {hasRole('disclosureOffice', 'admin', 'supervisor') && <Button href={`/api/v1/handling/messages/export.csv${queryOf(filters)}`}>导出来信台账（CSV）</Button>}
        {data && <Typography.Text>共 {data.total} 件</Typography.Text>}
      </Space>
      {loadError && <Alert type="error" showIcon message={loadError} style={{ marginBottom: 16 }} />}
      <Table<ListedMessage>
        rowKey="id"
        dataSource={data?.items ?? []}
        loading={!data && !loadError}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: <EmptyText>没有符合条件的来信</EmptyText> }}
        rowSelection={isOffice ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (m) => ({ disabled: !['pending', 'accepted', 'assigned'].includes(m.status), 'aria-label': `选择来信 ${m.trackingNo}` }) } : undefined}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '信箱', width: 170, render: (_, m) => `${m.orgName}${m.boxName}` },
          { title: '类型', dataIndex: 'typeLabel', width: 70 },
          { title: '渠道', dataIndex: 'channelLabel', width: 90 },
          { title: '标题', dataIndex: 'subject', ellipsis: true },
          { title: '来信人', dataIndex: 'senderName', width: 80 },
          { title: '答复期限', dataIndex: 'replyDueOn', width: 110 },
          { title: '状态', width: 200, render: (_, m) => statusTag(m) },
          { title: '操作', width: 80, render: (_, m) => <Button size="small" onClick={() => void show(m.id)}>办理</Button> },
        ]}
      />
      <Drawer title={open ? `来信：${open.subject}` : '来信'} open={drawerOpen} onClose={() => { setDrawerOpen(false); if (currentPath() !== '/messages') navigate('/messages'); }} width={640} destroyOnHidden>
        {open && (
          <>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="来信编号">{open.trackingNo}</Descriptions.Item>
              <Descriptions.Item label="信箱">{open.orgName}{open.boxName}</Descriptions.Item>
              <Descriptions.Item label="类型与渠道">{open.typeLabel}　{open.channelLabel}</Descriptions.Item>
              <Descriptions.Item label="来信人">{open.senderName}　{open.senderPhoneMasked ?? ''}　{open.senderEmailMasked ?? ''}</Descriptions.Item>
              <Descriptions.Item label="收到日期">{open.receivedOn}</Descriptions.Item>
              <Descriptions.Item label="答复期限">{open.replyDueOn}{open.extensionDays ? `（已延长${open.extensionDays}个工作日：${open.extensionReason ?? ''}）` : ''}</Descriptions.Item>
              <Descriptions.Item label="状态">{statusTag(open)}{open.round === 2 ? <Tag>第二次办理（首次评价：{open.firstRatingLabel}）</Tag> : null}</Descriptions.Item>
              {open.assignedOrgName && <Descriptions.Item label="承办部门">{open.assignedOrgName}</Descriptions.Item>}
              <Descriptions.Item label="同意公开">{open.publicReply ? '是' : '否'}</Descriptions.Item>
              <Descriptions.Item label="来信内容"><div style={{ whiteSpace: 'pre-wrap' }}>{open.body}</div></Descriptions.Item>
              {open.draftReply && open.status === 'drafted' && <Descriptions.Item label="答复稿"><div style={{ whiteSpace: 'pre-wrap' }}>{open.draftReply}</div></Descriptions.Item>}
              {open.replyText && <Descriptions.Item label={`答复（${open.repliedOn ?? ''}）`}><div style={{ whiteSpace: 'pre-wrap' }}>{open.replyText}</div></Descriptions.Item>}
              {open.ratingComment && <Descriptions.Item label="评价意见">{open.ratingComment}</Descriptions.Item>}
              {open.closeReason && <Descriptions.Item label="办结说明">{open.closeReason}</Descriptions.Item>}
            </Descriptions>
            {open.actions.length > 0 ? (
              <>
                <Typography.Title level={4}>办理</Typography.Title>
                <Space wrap style={{ marginBottom: 12 }}>
                  {open.actions.map((a) => <Button key={a.action} type={step === a.action ? 'primary' : 'default'} onClick={() => { setStep(a.action); stepForm.resetFields(); if (a.action === 'approve') stepForm.setFieldsValue({ reply: open.draftReply }); }}>{a.label}</Button>)}
                </Space>
                {step && (
                  <Form form={stepForm} layout="vertical" onFinish={take} aria-label="办理操作">
                    <StepFields action={step} orgs={orgs} templates={templates} form={stepForm} />
                    <Button type="primary" htmlType="submit">确认{LABELS.messageAction[step as keyof typeof LABELS.messageAction]}</Button>
                  </Form>
                )}
              </>
            ) : <Alert type="info" showIcon message="您对该来信当前没有可进行的办理操作。" style={{ marginBottom: 16 }} />}
            {isOffice && open.published && <FaqFromMessage messageId={open.id} />}
            <Typography.Title level={4} style={{ marginTop: 16 }}>材料</Typography.Title>
            {open.documents.length ? <ul>{open.documents.map((d) => <li key={d.id}><a href={`/api/v1/handling/messages/${open.id}/attachments/${d.id}`}>{d.title}：{d.fileName}</a></li>)}</ul> : <Typography.Paragraph>暂无材料。</Typography.Paragraph>}
            {open.actions.length > 0 && (
              <FileUpload id="message-file" label="上传来信原件扫描件（PDF、JPEG、PNG 或 DOCX，不超过10MB）" accept=".pdf,.jpg,.jpeg,.png,.docx"
                url={`/api/v1/handling/messages/${open.id}/attachments`} fields={{ label: '来信原件扫描件' }} successMessage="材料已上传。"
                onUploaded={() => show(open.id)} onError={(m) => message.error(m)} />
            )}
            <Typography.Title level={4} style={{ marginTop: 16 }}>办理记录</Typography.Title>
            <Timeline items={open.events.map((e) => ({ children: <><Typography.Text>{e.onDate}　{e.title}{e.public ? '' : '（内部）'}</Typography.Text>{e.actorName && <div>{e.actorName}</div>}{e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}</> }))} />
          </>
        )}
      </Drawer>
      <Drawer title="登记来信" open={registering} onClose={() => setRegistering(false)} width={560} destroyOnHidden>
        <Form form={registerForm} layout="vertical" onFinish={register} initialValues={{ orgCode: user.orgCode, channel: 'phone', type: 'consultation' }}>
          <Form.Item label="受理机关" name="orgCode" rules={[{ required: true, message: '请选择受理机关。' }]}><SearchSelect options={orgs.map((o) => ({ value: o.code, label: o.name }))} /></Form.Item>
          <Form.Item label="信箱" name="box" extra="不选则为本机关主信箱。"><Select allowClear options={boxes.filter((b) => b.orgCode === user.orgCode).map((b) => ({ value: b.code, label: b.name }))} /></Form.Item>
          <Form.Item label="渠道" name="channel" rules={[{ required: true, message: '请选择渠道。' }]}><Select options={options(LABELS.messageChannel).filter((o) => o.value !== 'online')} /></Form.Item>
          <Form.Item label="收到日期" name="receivedOn" extra="答复期限自收到之日的次日起按工作日计算。"><DateInput noFuture /></Form.Item>
          <Form.Item label="类型" name="type" rules={[{ required: true, message: '请选择类型。' }]}><Select options={options(LABELS.messageType)} /></Form.Item>
          <Form.Item label="标题" name="subject" rules={[{ required: true, message: '请填写标题。' }]}><Input maxLength={100} showCount /></Form.Item>
          <Form.Item label="来信内容" name="body" rules={[{ required: true, message: '请填写来信内容。' }]}><Input.TextArea rows={5} maxLength={5000} showCount /></Form.Item>
          <Form.Item label="来信人姓名" name="senderName" rules={[{ required: true, message: '请填写姓名。' }]}><Input maxLength={50} /></Form.Item>
          <Form.Item label="联系电话" name="senderPhone" rules={[{ required: true, message: '请填写联系电话。' }]} extra="加密保存，不公开。"><Input maxLength={20} /></Form.Item>
          <Form.Item label="电子邮箱" name="senderEmail" extra="选填；填写后答复通过电子邮件发送。"><Input maxLength={100} /></Form.Item>
          <Form.Item label="查询密码" name="queryPassword" rules={[{ required: true, message: '请填写查询密码（告知来信人）。' }, { min: 6, message: '查询密码至少6位。' }]}><Input maxLength={64} /></Form.Item>
          <Form.Item name="publicReply" valuePropName="checked"><Checkbox>来信人同意公开来信和答复</Checkbox></Form.Item>
          <Button type="primary" htmlType="submit">登记</Button>
        </Form>
      </Drawer>
    </>
  );
}
