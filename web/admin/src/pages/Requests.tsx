import { useCallback, useEffect, useState } from 'react';
import { App, Button, Drawer, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { ApiError, fieldErrors, get, post } from '../api';
import { useSession } from '../session';
import type { Org } from '../types';

export interface Deadline { dueOn: string; paused: boolean; overdue: boolean; reminder: 'due5' | 'due2' | null; workingDaysLeft: number; certain: boolean; warning?: string }
export interface RequestSummary {
  id: number; trackingNo: string; status: string; statusLabel: string; orgName: string; channel: string;
  applicant: { name: string; type: string; idNumber: string; phone: string }; description: string; receivedOn: string | null;
  outcome: string | null; completedOn: string | null; deadline: Deadline | null; replyDraftPending: boolean;
}

export function DeadlineTag({ deadline }: { deadline: Deadline | null }) {
  if (!deadline) return <>—</>;
  const color = deadline.overdue ? 'red' : deadline.paused ? 'blue' : deadline.reminder ? 'orange' : 'default';
  const text = deadline.overdue ? `已逾期（${deadline.dueOn}）` : deadline.paused ? `暂停计时（预计${deadline.dueOn}）` : `${deadline.dueOn}（剩${deadline.workingDaysLeft}个工作日）`;
  return <Tag color={color} title={deadline.warning}>{text}{deadline.certain ? '' : '·待确认'}</Tag>;
}

const APPLICANT_TYPES = [['natural', '自然人'], ['commercial', '商业企业'], ['research', '科研机构'], ['nonprofit', '社会公益组织'], ['legalService', '法律服务机构'], ['otherOrg', '其他组织']];
const CHANNELS = [['inPerson', '当面'], ['letter', '信函'], ['email', '电子邮件'], ['fax', '传真'], ['oral', '口头（代为填写）']];

export default function Requests() {
  const { hasRole, user } = useSession();
  const { message } = App.useApp();
  const [items, setItems] = useState<RequestSummary[]>([]);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [registering, setRegistering] = useState(false);
  const [form] = Form.useForm();
  const channel = Form.useWatch('channel', form);

  const load = useCallback(async () => setItems((await get<{ items: RequestSummary[] }>('/api/v1/handling/requests?limit=200')).items), []);
  useEffect(() => {
    void load();
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items.filter((o) => o.type !== 'office')));
  }, [load]);

  async function register(v: Record<string, string | boolean>) {
    try {
      const res = await post<{ trackingNo: string }>('/api/v1/requests', {
        orgCode: v.orgCode, channel: v.channel, registeredMail: v.registeredMail || undefined, receivedOn: v.receivedOn || undefined,
        applicant: { type: v.type, name: v.name, idType: v.idType, idNumber: v.idNumber, phone: v.phone, ...(v.address ? { address: v.address } : {}) },
        description: v.description, form: v.form, delivery: v.delivery, queryPassword: v.queryPassword,
      });
      message.success(`已登记，受理编号 ${res.trackingNo}`);
      setRegistering(false);
      await load();
    } catch (e) {
      form.setFields(fieldErrors(e).map((f) => ({ ...f, name: f.name === 'applicant' ? 'idNumber' : f.name })));
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  }

  return (
    <>
      <Typography.Title level={2}>依申请公开</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        {hasRole('disclosureOffice', 'admin') && <Button type="primary" onClick={() => { form.resetFields(); setRegistering(true); }}>登记申请</Button>}
        {hasRole('disclosureOffice', 'admin', 'supervisor') && <Button href="/api/v1/handling/requests/register.xlsx">导出登记台账（XLSX）</Button>}
      </Space>
      <Table<RequestSummary>
        rowKey="id"
        dataSource={items}
        columns={[
          { title: '受理编号', dataIndex: 'trackingNo', render: (t, r) => <a href={`#/requests/${r.id}`}>{t}</a> },
          { title: '申请人', render: (_, r) => `${r.applicant.name}（${r.applicant.phone}）` },
          { title: '所需信息', dataIndex: 'description', ellipsis: true },
          { title: '办理机关', dataIndex: 'orgName' },
          { title: '状态', dataIndex: 'statusLabel', render: (s, r) => <><Tag>{s}</Tag>{r.replyDraftPending && <Tag color="gold">答复稿待审核</Tag>}</> },
          { title: '答复期限', render: (_, r) => <DeadlineTag deadline={r.deadline} /> },
        ]}
        rowClassName={(r) => (r.deadline?.overdue ? 'overdue-row' : '')}
      />
      <Drawer title="登记来信、当面或口头申请" open={registering} onClose={() => setRegistering(false)} width={560} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={register} initialValues={{ orgCode: user.orgCode, channel: 'inPerson', type: 'natural', idType: 'idCard', form: 'paper', delivery: 'pickup' }}>
          <Form.Item label="受理机关" name="orgCode"><Select options={orgs.map((o) => ({ value: o.code, label: o.name }))} /></Form.Item>
          <Form.Item label="收到渠道" name="channel"><Select options={CHANNELS.map(([value, label]) => ({ value, label }))} /></Form.Item>
          {channel === 'letter' && <Form.Item label="挂号信" name="registeredMail" valuePropName="checked" extra="挂号信以签收之日为收到日；平信须与申请人确认后方为收到（条例第三十一条）"><Switch /></Form.Item>}
          <Form.Item label="收到日期" name="receivedOn" extra="YYYY-MM-DD，默认今天"><Input /></Form.Item>
          <Form.Item label="申请人类型" name="type"><Select options={APPLICANT_TYPES.map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item label="姓名或名称" name="name" rules={[{ required: true, message: '请输入' }]}><Input /></Form.Item>
          <Form.Item label="证件类型" name="idType"><Select options={[{ value: 'idCard', label: '居民身份证' }, { value: 'passport', label: '护照' }, { value: 'creditCode', label: '统一社会信用代码' }, { value: 'other', label: '其他' }]} /></Form.Item>
          <Form.Item label="证件号码" name="idNumber" rules={[{ required: true, message: '请输入' }]}><Input /></Form.Item>
          <Form.Item label="联系电话" name="phone" rules={[{ required: true, message: '请输入' }]}><Input /></Form.Item>
          <Form.Item label="通信地址" name="address"><Input /></Form.Item>
          <Form.Item label="所需信息" name="description" rules={[{ required: true, message: '请输入' }]}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item label="载体形式" name="form"><Select options={[{ value: 'paper', label: '纸质' }, { value: 'electronic', label: '电子' }, { value: 'inspection', label: '查阅' }]} /></Form.Item>
          <Form.Item label="获取方式" name="delivery"><Select options={[{ value: 'post', label: '邮寄' }, { value: 'email', label: '电子邮件' }, { value: 'pickup', label: '自行领取' }, { value: 'online', label: '在线下载' }]} /></Form.Item>
          <Form.Item label="查询密码" name="queryPassword" extra="告知申请人，用于查询进度（至少8位）" rules={[{ required: true, message: '请设置查询密码' }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">登记</Button>
        </Form>
      </Drawer>
    </>
  );
}
