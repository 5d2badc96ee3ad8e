/** 投诉登记簿: complaints about a window or a clerk, 登记 → 调查 → 处理 → 反馈 → 归档, each step with its 承办人 and 时限. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { fieldErrors, get, post } from '../../api';
import { DateInput } from '../../components/DateInput';
import { EmptyText } from '../../components/EmptyText';
import { useSession } from '../../session';
import { errorText, LABELS, options } from './shared';

interface Complaint {
  id: number; complaintNo: string; orgName: string; windowId: number | null; windowLabel: string | null; clerkName: string | null; channelLabel: string;
  messageTrackingNo: string | null; complainantName: string; complainantPhoneMasked: string | null; subject: string; content?: string; receivedOn: string; dueOn: string;
  status: string; statusLabel: string; stepDueOn: string; assigneeName: string | null; justified: boolean | null; finding: string | null; measures: string | null;
  feedback: string | null; archivedOn: string | null; overdue: boolean; stepOverdue: boolean;
}
interface Detail extends Complaint {
  steps: { id: number; stepLabel: string; onDate: string; dueOn: string | null; note: string | null; actorName: string | null; assigneeName: string | null }[];
  actions: { action: Step; label: string }[];
}
interface Window { id: number; number: string; name: string; orgName: string; clerks: { id: number; displayName: string }[] }
interface Staff { id: number; displayName: string; orgName?: string }
type Step = 'investigate' | 'handle' | 'feedback' | 'archive';
const STEP_TITLES: Record<Step, string> = { investigate: '开始调查', handle: '登记调查结论', feedback: '登记处理措施', archive: '反馈投诉人并归档' };
const CHANNELS = options(LABELS.complaintChannel).filter((o) => o.value !== 'message');

export default function ServiceComplaints() {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const handles = hasRole('serviceClerk', 'serviceManager');
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [rows, setRows] = useState<Complaint[]>([]);
  const [windows, setWindows] = useState<Window[]>([]);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [registering, setRegistering] = useState<'new' | 'message' | null>(null);
  const [acting, setActing] = useState<Step | null>(null);
  const [form] = Form.useForm();
  const [stepForm] = Form.useForm();
  const windowId = Form.useWatch('windowId', form) as number | undefined;

  const load = useCallback(async () => {
    setRows((await get<{ items: Complaint[] }>(`/api/v1/service-complaints?open=${onlyOpen}`)).items);
  }, [onlyOpen]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void get<{ items: { windows: Window[] }[] }>('/api/v1/service-centres').then((r) => setWindows(r.items.flatMap((c) => c.windows))).catch(() => setWindows([]));
    if (hasRole('serviceManager')) void get<{ items: Staff[] }>('/api/v1/service-staff').then((r) => setStaff(r.items));
  }, [hasRole]);

  const clerks = useMemo(() => windows.find((w) => w.id === windowId)?.clerks ?? [], [windows, windowId]);
  const open = async (no: string) => setDetail(await get<Detail>(`/api/v1/service-complaints/${no}`));

  async function register(values: Record<string, unknown>) {
    try {
      const url = registering === 'message' ? '/api/v1/service-complaints/from-message' : '/api/v1/service-complaints';
      const { complainantName, complainantPhone, ...rest } = values;
      const body = registering === 'message' ? rest : { ...rest, complainant: { name: complainantName, phone: complainantPhone || undefined } };
      const c = await post<Complaint>(url, body);
      message.success(`已登记，投诉编号 ${c.complaintNo}`);
      setRegistering(null);
      await load();
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(errorText(e));
    }
  }

  async function act(values: Record<string, unknown>) {
    if (!detail || !acting) return;
    try {
      setDetail(await post<Detail>(`/api/v1/service-complaints/${detail.complaintNo}/actions`, { action: acting, ...values }));
      message.success('已办理');
      setActing(null);
      await load();
    } catch (e) {
      stepForm.setFields(fieldErrors(e));
      message.error(errorText(e));
    }
  }

  const assigneeField = staff.length > 0 && (
    <Form.Item name="assigneeUserId" label="承办人" extra="不选为本人或原承办人">
      <Select allowClear showSearch optionFilterProp="label" options={staff.map((s) => ({ value: s.id, label: s.orgName ? `${s.displayName}（${s.orgName}）` : s.displayName }))} />
    </Form.Item>
  );

  return (
    <>
      <Typography.Title level={2}>投诉登记簿</Typography.Title>
      <Card
        extra={<Space>
          <label htmlFor="cp-open">只看未归档</label><Switch id="cp-open" checked={onlyOpen} onChange={setOnlyOpen} />
          {handles && <Button type="primary" onClick={() => { form.resetFields(); form.setFieldsValue({ channel: 'window' }); setRegistering('new'); }}>登记投诉</Button>}
          <Button onClick={() => { form.resetFields(); form.setFieldsValue({ mode: 'transfer' }); setRegistering('message'); }}>从互动交流转入</Button>
        </Space>}
        title="对窗口和工作人员的投诉"
      >
        <p style={{ marginTop: 0 }}>投诉自收到之日起15个工作日内办结：登记、调查、处理、反馈投诉人、归档，每一环节有承办人和时限。</p>
        <Table rowKey="id" size="small" dataSource={rows} locale={{ emptyText: <EmptyText>没有投诉</EmptyText> }} columns={[
          { title: '投诉编号', render: (_, r) => <Button type="link" size="small" onClick={() => void open(r.complaintNo)}>{r.complaintNo}</Button> },
          { title: '标题', dataIndex: 'subject' },
          { title: '被投诉', render: (_, r) => [r.windowLabel ?? r.orgName, r.clerkName].filter(Boolean).join(' · ') },
          { title: '渠道', dataIndex: 'channelLabel' },
          { title: '投诉人', dataIndex: 'complainantName' },
          { title: '收到日期', dataIndex: 'receivedOn' },
          { title: '环节', render: (_, r) => <Tag color={r.status === 'archived' ? 'green' : 'blue'}>{r.statusLabel}</Tag> },
          { title: '承办人', render: (_, r) => r.assigneeName ?? '—' },
          { title: '本环节时限', render: (_, r) => (r.status === 'archived' ? '—' : r.stepOverdue ? <Tag color="red">已超期（{r.stepDueOn}）</Tag> : r.stepDueOn) },
          { title: '办结时限', render: (_, r) => (r.overdue ? <Tag color="red">已超期（{r.dueOn}）</Tag> : r.dueOn) },
        ]} />
      </Card>

      <Modal title={registering === 'message' ? '互动交流的投诉来信转入投诉登记簿' : '登记投诉'} open={!!registering} onCancel={() => setRegistering(null)} onOk={() => form.submit()} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" onFinish={(v) => void register(v)}>
          {registering === 'message' && <>
            <Form.Item name="trackingNo" label="来信编号" rules={[{ required: true, message: '请填写来信编号' }]} extra="类型为“投诉”的来信"><Input /></Form.Item>
            <Form.Item name="mode" label="方式" extra="转入：来信在互动交流中受理，由投诉登记簿办理；关联：来信照常在互动交流中办理"><Radio.Group options={[{ value: 'transfer', label: '转入' }, { value: 'link', label: '关联' }]} /></Form.Item>
          </>}
          <Form.Item name="windowId" label="被投诉窗口" extra={registering === 'message' ? '不选则为来信所属机关' : undefined} rules={registering === 'new' ? [{ required: true, message: '请选择被投诉的窗口' }] : []}>
            <Select allowClear options={windows.map((w) => ({ value: w.id, label: `${w.number}号窗口 ${w.name}（${w.orgName}）` }))} />
          </Form.Item>
          <Form.Item name="clerkUserId" label="被投诉工作人员"><Select allowClear options={clerks.map((c) => ({ value: c.id, label: c.displayName }))} /></Form.Item>
          <Form.Item name="clerkName" label="被投诉人姓名" extra="不是窗口登记的工作人员时填写"><Input maxLength={50} /></Form.Item>
          {registering === 'new' && <>
            <Form.Item name="channel" label="投诉渠道"><Select options={CHANNELS} /></Form.Item>
            <Space.Compact block>
              <Form.Item name="complainantName" label="投诉人姓名" rules={[{ required: true, message: '请填写投诉人姓名' }]} style={{ flex: 1 }}><Input maxLength={50} autoComplete="off" /></Form.Item>
              <Form.Item name="complainantPhone" label="投诉人联系电话" style={{ flex: 1 }}><Input maxLength={20} autoComplete="off" /></Form.Item>
            </Space.Compact>
            <Form.Item name="subject" label="标题" rules={[{ required: true, message: '请填写标题' }]}><Input maxLength={200} /></Form.Item>
            <Form.Item name="content" label="投诉内容" rules={[{ required: true, message: '请填写投诉内容' }]}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
            <Form.Item name="receivedOn" label="收到日期" extra="不填为今天"><DateInput noFuture /></Form.Item>
          </>}
          {assigneeField}
          <Form.Item name="stepDueOn" label="本环节时限" extra="不填为办结时限（收到之日起15个工作日）"><DateInput /></Form.Item>
        </Form>
      </Modal>

      <Drawer title={detail ? `投诉 ${detail.complaintNo}` : ''} open={!!detail} onClose={() => setDetail(null)} width={720}>
        {detail && <>
          <Descriptions column={2} size="small" bordered items={[
            { key: 's', label: '标题', children: detail.subject, span: 2 },
            { key: 'c', label: '投诉内容', children: detail.content, span: 2 },
            { key: 'w', label: '被投诉', children: [detail.windowLabel ?? detail.orgName, detail.clerkName].filter(Boolean).join(' · ') },
            { key: 'ch', label: '渠道', children: detail.messageTrackingNo ? `${detail.channelLabel}（${detail.messageTrackingNo}）` : detail.channelLabel },
            { key: 'p', label: '投诉人', children: [detail.complainantName, detail.complainantPhoneMasked].filter(Boolean).join(' ') },
            { key: 'r', label: '收到日期', children: detail.receivedOn },
            { key: 'st', label: '环节', children: <Tag>{detail.statusLabel}</Tag> },
            { key: 'd', label: '办结时限', children: detail.overdue ? <Tag color="red">已超期（{detail.dueOn}）</Tag> : detail.dueOn },
            ...(detail.finding ? [{ key: 'f', label: '调查结论', children: `${detail.justified ? '属实' : '不属实'}：${detail.finding}`, span: 2 }] : []),
            ...(detail.measures ? [{ key: 'm', label: '处理措施', children: detail.measures, span: 2 }] : []),
            ...(detail.feedback ? [{ key: 'fb', label: '反馈情况', children: detail.feedback, span: 2 }] : []),
          ]} />
          <Typography.Title level={4} style={{ marginTop: 16 }}>办理记录</Typography.Title>
          <Timeline items={detail.steps.map((s) => ({
            key: s.id,
            children: <><strong>{s.onDate} {s.stepLabel}</strong>（{s.actorName ?? '—'}）{s.assigneeName && <>，承办人 {s.assigneeName}</>}{s.dueOn && <>，时限 {s.dueOn}</>}{s.note && <div>{s.note}</div>}</>,
          }))} />
          <Space>{detail.actions.map((a) => <Button key={a.action} type="primary" onClick={() => { stepForm.resetFields(); stepForm.setFieldsValue({ justified: true }); setActing(a.action); }}>{STEP_TITLES[a.action]}</Button>)}</Space>
        </>}
      </Drawer>

      <Modal title={acting ? STEP_TITLES[acting] : ''} open={!!acting} onCancel={() => setActing(null)} onOk={() => stepForm.submit()} destroyOnHidden>
        <Form form={stepForm} layout="vertical" onFinish={(v) => void act(v)}>
          {acting === 'investigate' && <Form.Item name="note" label="说明"><Input.TextArea rows={3} /></Form.Item>}
          {acting === 'handle' && <>
            <Form.Item name="justified" label="投诉是否属实"><Radio.Group options={[{ value: true, label: '属实' }, { value: false, label: '不属实' }]} /></Form.Item>
            <Form.Item name="finding" label="调查结论" rules={[{ required: true, message: '请填写调查结论' }]}><Input.TextArea rows={3} /></Form.Item>
          </>}
          {acting === 'feedback' && <Form.Item name="measures" label="处理措施" rules={[{ required: true, message: '请填写处理措施' }]}><Input.TextArea rows={3} /></Form.Item>}
          {acting === 'archive' && <Form.Item name="feedback" label="反馈情况" rules={[{ required: true, message: '请填写向投诉人反馈的情况' }]}><Input.TextArea rows={3} /></Form.Item>}
          {acting !== 'archive' && <>{assigneeField}<Form.Item name="stepDueOn" label="本环节时限" extra="不填为办结时限"><DateInput /></Form.Item></>}
        </Form>
      </Modal>
    </>
  );
}
