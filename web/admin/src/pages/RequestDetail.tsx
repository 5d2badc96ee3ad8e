import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import { ApiError, get, post } from '../api';
import { currentPath } from '../router';
import { useSession } from '../session';
import type { Org } from '../types';
import { DeadlineTag, type RequestSummary } from './Requests';

interface Detail extends RequestSummary {
  events: { id: number; onDate: string; title: string; note: string | null; public: boolean }[];
  documents: { id: number; title: string; fileName: string }[];
  supplementDueOn: string | null;
  extensionDays: number;
}

const OUTCOMES: [string, string][] = [
  ['granted', '予以公开'], ['partial', '部分公开'], ['withheld.stateSecret', '不予公开：国家秘密'], ['withheld.prohibitedByLaw', '不予公开：法律行政法规禁止'],
  ['withheld.threeSecurityOneStability', '不予公开：危及“三安全一稳定”'], ['withheld.thirdPartyRights', '不予公开：保护第三方合法权益'],
  ['withheld.internalAffairs', '不予公开：内部事务信息'], ['withheld.processInformation', '不予公开：过程性信息'], ['withheld.enforcementFiles', '不予公开：行政执法案卷'],
  ['withheld.administrativeQuery', '不予公开：行政查询事项'], ['unable.notHeld', '无法提供：本机关不掌握'], ['unable.needsCreation', '无法提供：需另行制作'],
  ['unable.stillUnclear', '无法提供：补正后仍不明确'], ['notProcessed.petitionComplaint', '不予处理：信访举报投诉'], ['notProcessed.repeated', '不予处理：重复申请'],
  ['notProcessed.publication', '不予处理：公开出版物'], ['notProcessed.excessive', '不予处理：无正当理由大量反复申请'], ['notProcessed.confirmation', '不予处理：要求确认或重新出具'],
  ['otherHandling.other', '其他处理'],
];

type ActionKind = 'confirmReceipt' | 'requestSupplement' | 'receiveSupplement' | 'abandonForNoSupplement' | 'startConsultation' | 'endConsultation' | 'issueFeeNotice' | 'recordFeePaid' | 'abandonForUnpaidFee' | 'extend' | 'transfer' | 'reply';

const ACTIONS: Record<string, [ActionKind, string][]> = {
  submitted: [['confirmReceipt', '确认收到'], ['transfer', '转办']],
  processing: [['reply', '答复'], ['requestSupplement', '要求补正'], ['startConsultation', '征求意见'], ['issueFeeNotice', '收费通知'], ['extend', '延期'], ['transfer', '转办']],
  awaitingSupplement: [['receiveSupplement', '收到补正'], ['abandonForNoSupplement', '逾期未补正']],
  paused: [['endConsultation', '收到意见'], ['recordFeePaid', '已缴费'], ['abandonForUnpaidFee', '逾期未缴费'], ['extend', '延期']],
  completed: [],
};

export default function RequestDetail() {
  const id = Number(currentPath().split('/')[2]);
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<ActionKind | null>(null);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [clear, setClear] = useState<Record<string, string | null> | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    try {
      setDetail(await get<Detail>(`/api/v1/handling/requests/${id}`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败');
    }
  }, [id]);
  useEffect(() => {
    void load();
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items.filter((o) => o.type !== 'office')));
  }, [load]);

  async function submit(values: Record<string, unknown>) {
    try {
      await post(`/api/v1/handling/requests/${id}/actions`, { action, ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined && v !== null)) });
      message.success('已办理');
      setAction(null);
      setError(null);
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败');
      setAction(null);
    }
  }

  if (!detail) return error ? <Alert type="error" message={error} /> : null;
  const canAct = hasRole('disclosureOffice', 'admin');

  return (
    <>
      <Typography.Title level={2}>申请 {detail.trackingNo}</Typography.Title>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="状态"><Tag>{detail.statusLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label="答复期限"><DeadlineTag deadline={detail.deadline} /></Descriptions.Item>
          <Descriptions.Item label="办理机关">{detail.orgName}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{detail.receivedOn ?? '待确认'}</Descriptions.Item>
          <Descriptions.Item label="申请人">{detail.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="证件号码">{clear?.idNumber ?? detail.applicant.idNumber}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{clear?.phone ?? detail.applicant.phone}</Descriptions.Item>
          <Descriptions.Item label="所需信息" span={2}>{detail.description}</Descriptions.Item>
        </Descriptions>
        {canAct && !clear && <Button size="small" onClick={async () => setClear(await get(`/api/v1/handling/requests/${id}/personal-data`))}>查看完整个人信息（将记入审计日志）</Button>}
      </Card>
      {canAct && (
        <Card title="办理" style={{ marginBottom: 16 }}>
          <Space wrap>{(ACTIONS[detail.status] ?? []).map(([kind, label]) => <Button key={kind} onClick={() => { form.resetFields(); setAction(kind); }}>{label}</Button>)}</Space>
        </Card>
      )}
      <Card title="办理记录" style={{ marginBottom: 16 }}>
        <Timeline items={detail.events.map((e) => ({ children: `${e.onDate} ${e.title}${e.note ? `：${e.note}` : ''}${e.public ? '' : '（内部）'}` }))} />
      </Card>
      <Card title="文书">
        {detail.documents.length ? detail.documents.map((d) => <div key={d.id}><a href={`/api/v1/handling/requests/${id}/documents/${d.id}`}>{d.title}</a></div>) : '暂无文书'}
      </Card>
      <Modal title="办理" open={!!action} onCancel={() => setAction(null)} onOk={() => form.submit()} okText="确定" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ periodWorkingDays: 10, workingDays: 20 }}>
          {action === 'requestSupplement' && (<><Form.Item label="需要补正的内容" name="items" rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item><Form.Item label="补正期限（工作日）" name="periodWorkingDays"><InputNumber min={5} max={30} /></Form.Item></>)}
          {action === 'startConsultation' && <Form.Item label="征求意见对象" name="party" rules={[{ required: true }]}><Input /></Form.Item>}
          {action === 'endConsultation' && <Form.Item label="答复意见" name="answer" rules={[{ required: true }]}><Input.TextArea rows={3} /></Form.Item>}
          {action === 'issueFeeNotice' && (<><Form.Item label="金额（元）" name="amount" rules={[{ required: true }]}><InputNumber min={1} /></Form.Item><Form.Item label="计费依据" name="basis" rules={[{ required: true }]}><Input /></Form.Item></>)}
          {action === 'extend' && (<><Form.Item label="延长工作日数" name="workingDays"><InputNumber min={1} max={20} /></Form.Item><Form.Item label="延期理由" name="reason" rules={[{ required: true }]}><Input /></Form.Item></>)}
          {action === 'transfer' && <Form.Item label="转至机关" name="orgCode" rules={[{ required: true }]}><Select options={orgs.map((o) => ({ value: o.code, label: o.name }))} /></Form.Item>}
          {action === 'reply' && (<><Form.Item label="答复类型" name="outcome" rules={[{ required: true }]}><Select options={OUTCOMES.map(([value, label]) => ({ value, label }))} /></Form.Item><Form.Item label="说明（写入告知书）" name="note"><Input.TextArea rows={4} /></Form.Item></>)}
          {(action === 'confirmReceipt' || action === 'receiveSupplement') && <Form.Item label="收到日期（默认今天）" name="receivedOn"><Input placeholder="YYYY-MM-DD" /></Form.Item>}
          {action && ['abandonForNoSupplement', 'recordFeePaid', 'abandonForUnpaidFee'].includes(action) && <Typography.Paragraph>确认进行此操作？</Typography.Paragraph>}
        </Form>
      </Modal>
    </>
  );
}
