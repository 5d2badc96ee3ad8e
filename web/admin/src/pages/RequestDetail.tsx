import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Tag, Timeline, Typography } from 'antd';
import { ApiError, get, post } from '../api';
import { FileUpload } from '../components/FileUpload';
import { currentPath } from '../router';
import type { Org } from '../types';
import { DeadlineTag, type RequestSummary } from './Requests';

interface Detail extends RequestSummary {
  events: { id: number; onDate: string; title: string; note: string | null; public: boolean }[];
  documents: { id: number; title: string; fileName: string }[];
  supplementDueOn: string | null;
  extensionDays: number;
  assignedOrg: { code: string; name: string } | null;
  replyDraft: { outcome: string; outcomeLabel: string; note: string | null; draftedByName: string; draftedOn: string } | null;
  laterReplyDueOn: string | null;
  deliveredOn: string | null;
  archivedOn: string | null;
  checks: { earlierRequests: number; answeredSameDescription: string[]; petitionLike: boolean; publicationLike: boolean; applicationsThisMonth: number; feeByCount: number };
  permissions: { handle: boolean; draftReply: boolean; approveReply: boolean; revealPersonalData: boolean };
}

interface Outcome { key: string; label: string; basis: string; replyable: boolean }
interface FeeQuote { byCount: { amount: number; basis: string }; byPages: { amount: number; basis: string } }

type ActionKind =
  | 'confirmReceipt' | 'requestSupplement' | 'receiveSupplement' | 'abandonForNoSupplement' | 'startConsultation' | 'endConsultation'
  | 'issueFeeNotice' | 'recordFeePaid' | 'abandonForUnpaidFee' | 'extend' | 'transfer' | 'assign' | 'draftReply' | 'returnReply'
  | 'approveReply' | 'reply' | 'requestExplanation' | 'setLaterReplyDate' | 'recordDelivery' | 'archive';

/** The office's actions by status (the server checks each again). */
const OFFICE_ACTIONS: Record<string, [ActionKind, string][]> = {
  submitted: [['confirmReceipt', '确认收到'], ['assign', '交办'], ['transfer', '转办']],
  processing: [['reply', '答复'], ['assign', '交办'], ['requestSupplement', '要求补正'], ['startConsultation', '征求意见'], ['issueFeeNotice', '收费通知'], ['extend', '延期'], ['requestExplanation', '要求说明理由'], ['setLaterReplyDate', '确定延迟答复期限'], ['transfer', '转办']],
  awaitingSupplement: [['receiveSupplement', '收到补正'], ['abandonForNoSupplement', '逾期未补正'], ['assign', '交办']],
  paused: [['endConsultation', '收到意见'], ['recordFeePaid', '已缴费'], ['abandonForUnpaidFee', '逾期未缴费'], ['extend', '延期'], ['setLaterReplyDate', '确定延迟答复期限'], ['assign', '交办']],
  completed: [['recordDelivery', '登记送达'], ['archive', '归档']],
};

const CONFIRM_ONLY: ActionKind[] = ['abandonForNoSupplement', 'recordFeePaid', 'abandonForUnpaidFee', 'archive'];

function actionsFor(detail: Detail): [ActionKind, string][] {
  const list: [ActionKind, string][] = [];
  if (detail.permissions.handle) {
    list.push(...(OFFICE_ACTIONS[detail.status] ?? []).filter(([kind]) => !(kind === 'reply' && detail.replyDraft) && !(kind === 'archive' && detail.archivedOn)));
  }
  if (detail.status === 'processing') {
    if (detail.permissions.draftReply && !detail.replyDraft) list.push(['draftReply', '拟写答复']);
    if (detail.permissions.approveReply) list.push(['approveReply', '审核签发']);
    if (detail.permissions.handle && detail.replyDraft) list.push(['returnReply', '退回答复稿']);
  }
  return list;
}

export default function RequestDetail() {
  const id = Number(currentPath().split('/')[2]);
  const { message } = App.useApp();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<[ActionKind, string] | null>(null);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [quote, setQuote] = useState<FeeQuote | null>(null);
  const [clear, setClear] = useState<Record<string, string | null> | null>(null);
  const [materialLabel, setMaterialLabel] = useState('提供的政府信息');
  const [form] = Form.useForm();
  const feeMethod = Form.useWatch('method', form);
  const pages = Form.useWatch('pages', form);
  const outcome = Form.useWatch('outcome', form);

  const load = useCallback(async () => {
    try {
      setDetail(await get<Detail>(`/api/v1/handling/requests/${id}`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败');
    }
  }, [id]);
  useEffect(() => {
    void load();
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items)).catch(() => setOrgs([]));
    void get<{ outcomes: Outcome[] }>('/api/v1/handling/reference').then((r) => setOutcomes(r.outcomes));
  }, [load]);
  useEffect(() => {
    if (action?.[0] !== 'issueFeeNotice') return;
    void get<FeeQuote>(`/api/v1/handling/requests/${id}/fee-quote?pages=${Number(pages) || 0}`).then(setQuote).catch(() => setQuote(null));
  }, [action, id, pages]);

  async function submit(values: Record<string, unknown>) {
    if (!action) return;
    try {
      const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined && v !== null));
      await post(`/api/v1/handling/requests/${id}/actions`, { action: action[0], ...body });
      message.success(`${action[1]}：已办理`);
      setAction(null);
      setError(null);
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败');
      setAction(null);
    }
  }

  if (!detail) return error ? <Alert type="error" message={error} /> : null;
  const kind = action?.[0];
  const replyOutcomes = outcomes.filter((o) => o.replyable);
  const chosen = outcomes.find((o) => o.key === outcome);
  const available = actionsFor(detail);
  const c = detail.checks;

  return (
    <>
      <Typography.Title level={2}>申请 {detail.trackingNo}</Typography.Title>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 16 }} />}
      {detail.permissions.handle && (c.answeredSameDescription.length > 0 || c.petitionLike || c.publicationLike || c.feeByCount > 0) && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="登记审查提示" description={[
          c.answeredSameDescription.length ? `同一申请人已就相同内容获得答复（${c.answeredSameDescription.join('、')}），可能属于重复申请。` : '',
          c.petitionLike ? '申请内容含信访、投诉、举报类用语（条例第三十九条）。' : '',
          c.publicationLike ? '申请内容可能为公开出版物（条例第三十九条）。' : '',
          c.feeByCount > 0 ? `该申请人本自然月第${c.applicationsThisMonth}件申请，按件标准可收取信息处理费${c.feeByCount}元。` : '',
        ].filter(Boolean).join(' ')} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="状态"><Tag>{detail.statusLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label="答复期限"><DeadlineTag deadline={detail.deadline} />{detail.laterReplyDueOn && '（已确定延迟答复期限）'}</Descriptions.Item>
          <Descriptions.Item label="办理机关">{detail.orgName}</Descriptions.Item>
          <Descriptions.Item label="承办部门">{detail.assignedOrg?.name ?? '未交办'}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{detail.receivedOn ?? '待确认'}</Descriptions.Item>
          <Descriptions.Item label="本月申请">{`第${c.applicationsThisMonth}件`}</Descriptions.Item>
          <Descriptions.Item label="申请人">{detail.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="证件号码">{clear?.idNumber ?? detail.applicant.idNumber}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{clear?.phone ?? detail.applicant.phone}</Descriptions.Item>
          <Descriptions.Item label="送达">{detail.deliveredOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="所需信息" span={2}>{detail.description}</Descriptions.Item>
        </Descriptions>
        {detail.permissions.revealPersonalData && !clear && <Button size="small" onClick={async () => setClear(await get(`/api/v1/handling/requests/${id}/personal-data`))}>查看完整个人信息（将记入审计日志）</Button>}
      </Card>
      {detail.replyDraft && (
        <Card title="待审核的答复稿" style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="答复类型">{detail.replyDraft.outcomeLabel}</Descriptions.Item>
            <Descriptions.Item label="说明">{detail.replyDraft.note ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="拟稿">{`${detail.replyDraft.draftedByName}，${detail.replyDraft.draftedOn}`}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {available.length > 0 && (
        <Card title="办理" style={{ marginBottom: 16 }}>
          <Space wrap>{available.map(([k, label]) => <Button key={k} onClick={() => { form.resetFields(); setQuote(null); setAction([k, label]); }}>{label}</Button>)}</Space>
        </Card>
      )}
      <Card title="办理记录" style={{ marginBottom: 16 }}>
        <Timeline items={detail.events.map((e) => ({ children: `${e.onDate} ${e.title}${e.note ? `：${e.note}` : ''}${e.public ? '' : '（内部）'}` }))} />
      </Card>
      <Card title="文书与材料">
        {detail.documents.length ? detail.documents.map((d) => <div key={d.id}><a href={`/api/v1/handling/requests/${id}/documents/${d.id}`}>{d.title}</a></div>) : '暂无文书'}
        {detail.permissions.draftReply && detail.status !== 'completed' && (
          <div style={{ marginTop: 12 }}>
            <label htmlFor="material-label">材料名称</label>{' '}
            <select id="material-label" value={materialLabel} onChange={(e) => setMaterialLabel(e.target.value)}>
              {['提供的政府信息', '原件扫描件', '其他材料'].map((l) => <option key={l} value={l}>{l}</option>)}
            </select>{' '}
            <FileUpload id="material-file" label="上传（PDF、DOCX、PNG、JPEG，申请人可见）" accept=".pdf,.docx,.png,.jpg,.jpeg"
              url={`/api/v1/handling/requests/${id}/attachments`} fields={{ label: materialLabel }} successMessage="材料已上传" onUploaded={load} onError={setError} />
          </div>
        )}
      </Card>
      <Modal title={action?.[1] ?? '办理'} open={!!action} onCancel={() => setAction(null)} onOk={() => form.submit()} okText="确定" cancelText="取消" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ periodWorkingDays: 10, workingDays: 20, method: 'byCount', pages: 0 }}>
          {kind === 'requestSupplement' && (<><Form.Item label="需要补正的内容" name="items" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} /></Form.Item><Form.Item label="补正期限（工作日）" name="periodWorkingDays"><InputNumber min={5} max={30} /></Form.Item></>)}
          {kind === 'startConsultation' && <Form.Item label="征求意见对象" name="party" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item>}
          {kind === 'endConsultation' && <Form.Item label="答复意见" name="answer" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} /></Form.Item>}
          {kind === 'issueFeeNotice' && (<>
            <Form.Item label="计收方式（国办函〔2020〕109号，每件申请只适用一种）" name="method">
              <Radio.Group options={[{ value: 'byCount', label: '按件' }, { value: 'byPages', label: '按量' }]} />
            </Form.Item>
            {feeMethod === 'byPages' && <Form.Item label="页数" name="pages"><InputNumber min={0} /></Form.Item>}
            {quote && <Alert type={quote[feeMethod as 'byCount' | 'byPages']?.amount ? 'info' : 'warning'} message={`${quote[feeMethod as 'byCount' | 'byPages']?.basis ?? ''}`} />}
          </>)}
          {kind === 'extend' && (<><Form.Item label="延长工作日数" name="workingDays"><InputNumber min={1} max={20} /></Form.Item><Form.Item label="延期理由" name="reason" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item></>)}
          {(kind === 'transfer' || kind === 'assign') && (
            <Form.Item label={kind === 'assign' ? '承办部门' : '转至机关'} name="orgCode" rules={[{ required: true, message: '请选择' }]}>
              <Select showSearch optionFilterProp="label" options={orgs.filter((o) => kind === 'assign' || o.type !== 'office').map((o) => ({ value: o.code, label: o.name }))} />
            </Form.Item>
          )}
          {kind === 'assign' && <Form.Item label="交办意见" name="note"><Input.TextArea rows={2} /></Form.Item>}
          {(kind === 'reply' || kind === 'draftReply') && (<>
            <Form.Item label="答复类型" name="outcome" rules={[{ required: true, message: '请选择' }]} extra={chosen ? `依据：${chosen.basis}` : undefined}>
              <Select showSearch optionFilterProp="label" options={replyOutcomes.map((o) => ({ value: o.key, label: o.label }))} />
            </Form.Item>
            <Form.Item label="说明（写入告知书：部分公开的不公开部分及理由、负责机关、获取途径等）" name="note"><Input.TextArea rows={4} /></Form.Item>
            {(outcome === 'granted' || outcome === 'partial') && <Form.Item label="因公共利益决定公开，书面告知第三方" name="thirdPartyNotice" valuePropName="checked"><Switch /></Form.Item>}
          </>)}
          {kind === 'returnReply' && <Form.Item label="退回意见" name="comment" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} /></Form.Item>}
          {kind === 'approveReply' && detail.replyDraft && <Typography.Paragraph>签发后将以{detail.orgName}名义出具答复告知书：{detail.replyDraft.outcomeLabel}。</Typography.Paragraph>}
          {kind === 'requestExplanation' && <Form.Item label="要求说明的内容" name="note" rules={[{ required: true, message: '请填写' }]}><Input.TextArea rows={3} /></Form.Item>}
          {kind === 'setLaterReplyDate' && (<>
            <Form.Item label="延迟答复日期" name="dueOn" rules={[{ required: true, message: '请填写' }]} extra="YYYY-MM-DD，须晚于当前答复期限（条例第三十五条）"><Input /></Form.Item>
            <Form.Item label="无法按期答复的原因" name="reason" rules={[{ required: true, message: '请填写' }]}><Input /></Form.Item>
          </>)}
          {kind === 'recordDelivery' && (<>
            <Form.Item label="送达方式" name="method" rules={[{ required: true, message: '请选择' }]}><Select options={['邮寄', '电子邮件', '当面领取', '在线下载'].map((m) => ({ value: m, label: m }))} /></Form.Item>
            <Form.Item label="备注（如邮件单号）" name="note"><Input /></Form.Item>
          </>)}
          {(kind === 'confirmReceipt' || kind === 'receiveSupplement') && <Form.Item label="收到日期（默认今天）" name="receivedOn"><Input placeholder="YYYY-MM-DD" /></Form.Item>}
          {kind && CONFIRM_ONLY.includes(kind) && <Typography.Paragraph>确认进行此操作？</Typography.Paragraph>}
        </Form>
      </Modal>
    </>
  );
}
