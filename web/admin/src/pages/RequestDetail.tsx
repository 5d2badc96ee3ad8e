import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Tag, Timeline, Typography } from 'antd';
import { LABELS } from '../../../../src/domain/labels.js';
import { ApiError, fieldErrors, get, post } from '../api';
import { DateInput } from '../components/DateInput';
import { FileUpload } from '../components/FileUpload';
import { SearchSelect } from '../components/SearchSelect';
import { currentPath } from '../router';
import type { Org } from '../types';
import { DeadlineTag, type RequestSummary } from './Requests';

interface Detail extends RequestSummary {
  applicant: RequestSummary['applicant'] & { idTypeLabel: string; idNumber: string; phone: string; email: string | null; address: string | null };
  purpose: string | null; formLabel: string; deliveryLabel: string;
  events: { id: number; onDate: string; title: string; note: string | null; public: boolean }[];
  documents: { id: number; title: string; fileName: string }[];
  supplementRequestedOn: string | null; supplementDueOn: string | null; extensionDays: number;
  assignedOrg: { code: string; name: string } | null;
  replyDraft: { outcome: string; outcomeLabel: string; note: string | null; draftedByName: string; draftedOn: string } | null;
  laterReplyDueOn: string | null; deliveredOn: string | null; archivedOn: string | null; outcomeNote: string | null;
  openPause: { reason: string; reasonLabel: string; dueOn: string } | null;
  checks: { earlierRequests: number; answeredSameDescription: string[]; petitionLike: boolean; publicationLike: boolean; applicationsThisMonth: number; feeByCount: number };
  permissions: { handle: boolean; draftReply: boolean; approveReply: boolean; revealPersonalData: boolean };
  /** What this staff member may do now (status, facts of the law and policy, checked by the server). */
  actions: ActionKind[];
}

interface Outcome { key: string; label: string; basis: string; replyable: boolean; explanationRequired: boolean; explanationHelp: string }
interface FeeQuote { byCount: { amount: number; basis: string }; byPages: { amount: number; basis: string } }
type ActionKind = keyof typeof LABELS.requestAction;

/** Actions that need nothing but a confirmation. */
const CONFIRM_ONLY: ActionKind[] = ['abandonForNoSupplement', 'recordFeePaid', 'abandonForUnpaidFee', 'archive'];
/** The order of the buttons: the usual next step first. */
const ORDER: ActionKind[] = [
  'confirmReceipt', 'receiveSupplement', 'endConsultation', 'recordFeePaid', 'reply', 'draftReply', 'approveReply', 'returnReply', 'assign',
  'requestSupplement', 'startConsultation', 'issueFeeNotice', 'extend', 'requestExplanation', 'setLaterReplyDate', 'rejectExcessive',
  'abandonForNoSupplement', 'abandonForUnpaidFee', 'transfer', 'recordDelivery', 'archive',
];
const EXCESSIVE_HELP = '写明要求申请人说明理由的情况，以及申请人未说明理由或理由不合理的原因（条例第三十五条）。';

export default function RequestDetail() {
  const id = Number(currentPath().split('/')[2]);
  const { message } = App.useApp();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [action, setAction] = useState<ActionKind | null>(null);
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
    if (action !== 'issueFeeNotice') return;
    void get<FeeQuote>(`/api/v1/handling/requests/${id}/fee-quote?pages=${Number(pages) || 0}`).then(setQuote).catch(() => setQuote(null));
  }, [action, id, pages]);
  useEffect(() => {
    // 条例第三十六条第（六）项: a repeated request names the earlier reply; the registration check found it.
    if (outcome === 'notProcessed.repeated' && !form.getFieldValue('note') && detail?.checks.answeredSameDescription.length) {
      form.setFieldValue('note', `本机关已就您申请公开的相同政府信息作出答复（受理编号：${detail.checks.answeredSameDescription.join('、')}）。`);
    }
  }, [outcome, detail, form]);

  function open(kind: ActionKind) {
    form.resetFields();
    setQuote(null);
    setActionError(null);
    setAction(kind);
  }

  async function submit(values: Record<string, unknown>) {
    if (!action) return;
    try {
      const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined && v !== null));
      await post(`/api/v1/handling/requests/${id}/actions`, { action, ...body });
      message.success(`${LABELS.requestAction[action]}：已办理`);
      setAction(null);
      setError(null);
      await load();
    } catch (e) {
      // The dialog stays open with what was typed; the server's reason is shown in it and on the field.
      form.setFields(fieldErrors(e));
      setActionError(e instanceof ApiError ? e.message : '操作失败，请稍后重试');
    }
  }

  if (!detail) return error ? <Alert type="error" message={error} /> : null;
  const replyOutcomes = outcomes.filter((o) => o.replyable);
  const chosen = outcomes.find((o) => o.key === outcome);
  const available = ORDER.filter((k) => detail.actions.includes(k));
  const c = detail.checks;
  const a = detail.applicant;
  const person = (key: 'idNumber' | 'phone' | 'email' | 'address') => clear?.[key] ?? a[key] ?? '未填写';
  const bodies = orgs.filter((o) => o.type !== 'office').map((o) => ({ value: o.code, label: o.name }));
  const receiptAfter = action === 'receiveSupplement' ? detail.supplementRequestedOn : detail.submittedOn;

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
      <Card title="办理情况" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="状态"><Tag>{detail.statusLabel}</Tag>{detail.outcomeLabel && detail.outcomeLabel}</Descriptions.Item>
          <Descriptions.Item label="答复期限"><DeadlineTag deadline={detail.deadline} />{detail.laterReplyDueOn && '（已确定延迟答复期限）'}</Descriptions.Item>
          <Descriptions.Item label="办理机关">{detail.orgName}</Descriptions.Item>
          <Descriptions.Item label="承办部门">{detail.assignedOrg?.name ?? '未交办'}</Descriptions.Item>
          <Descriptions.Item label="申请方式">{detail.channelLabel}</Descriptions.Item>
          <Descriptions.Item label="提交日期">{detail.submittedOn}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{detail.receivedOn ?? '待确认'}</Descriptions.Item>
          <Descriptions.Item label="本月申请">{`第${c.applicationsThisMonth}件`}</Descriptions.Item>
          {detail.openPause && <Descriptions.Item label="暂停计时">{`${detail.openPause.reasonLabel}，应于${detail.openPause.dueOn}前${detail.openPause.reason === 'fee' ? '缴纳' : '答复'}`}</Descriptions.Item>}
          {detail.supplementDueOn && <Descriptions.Item label="补正期限">{detail.supplementDueOn}</Descriptions.Item>}
          <Descriptions.Item label="送达">{detail.deliveredOn ?? '—'}</Descriptions.Item>
          {detail.outcomeNote && <Descriptions.Item label="答复说明" span={2}>{detail.outcomeNote}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title="申请内容与送达" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="所需信息" span={2}>{detail.description}</Descriptions.Item>
          <Descriptions.Item label="用途" span={2}>{detail.purpose ?? '未填写'}</Descriptions.Item>
          <Descriptions.Item label="载体形式">{detail.formLabel}</Descriptions.Item>
          <Descriptions.Item label="获取方式">{detail.deliveryLabel}</Descriptions.Item>
          <Descriptions.Item label="申请人">{a.name}（{a.typeLabel}）</Descriptions.Item>
          <Descriptions.Item label={a.idTypeLabel}>{person('idNumber')}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{person('phone')}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{person('email')}</Descriptions.Item>
          <Descriptions.Item label="通信地址" span={2}>{person('address')}</Descriptions.Item>
        </Descriptions>
        {detail.permissions.revealPersonalData && !clear && (
          <Button size="small" onClick={async () => setClear(await get(`/api/v1/handling/requests/${id}/personal-data`))}>查看完整个人信息（将记入审计日志）</Button>
        )}
        {clear && <Typography.Text type="secondary">已显示完整个人信息，本次查看已记入审计日志。</Typography.Text>}
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
          <Space wrap>{available.map((k) => <Button key={k} onClick={() => open(k)}>{LABELS.requestAction[k]}</Button>)}</Space>
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
      <Modal title={action ? LABELS.requestAction[action] : '办理'} open={!!action} onCancel={() => setAction(null)} onOk={() => form.submit()} okText="确定" cancelText="取消" destroyOnHidden>
        {actionError && <Alert type="error" role="alert" showIcon message={actionError} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} onValuesChange={() => setActionError(null)} initialValues={{ periodWorkingDays: 10, workingDays: 20, method: 'byCount', pages: 0 }}>
          {action === 'requestSupplement' && (<>
            <Form.Item label="需要补正的内容" name="items" rules={[{ required: true, message: '请写明需要补正的内容' }]} extra="一次性告知需要补正的事项（条例第三十条）"><Input.TextArea rows={3} /></Form.Item>
            <Form.Item label="补正期限（工作日）" name="periodWorkingDays" extra="合理的补正期限，5至30个工作日；补正期间不计算答复期限"><InputNumber min={5} max={30} /></Form.Item>
          </>)}
          {action === 'startConsultation' && <Form.Item label="征求意见对象" name="party" rules={[{ required: true, message: '请填写征求意见的第三方或机关' }]} extra="被征求意见方应在15个工作日内答复；征求意见期间不计入答复期限（条例第三十二条、第三十四条）"><Input /></Form.Item>}
          {action === 'endConsultation' && <Form.Item label="答复意见" name="answer" rules={[{ required: true, message: '请填写征求意见答复' }]}><Input.TextArea rows={3} /></Form.Item>}
          {action === 'issueFeeNotice' && (<>
            <Form.Item label="计收方式" name="method" extra="国办函〔2020〕109号：每件申请只适用一种方式；缴费期限不少于20个工作日，期间不计入答复期限">
              <Radio.Group options={[{ value: 'byCount', label: '按件' }, { value: 'byPages', label: '按量' }]} />
            </Form.Item>
            {feeMethod === 'byPages' && <Form.Item label="页数" name="pages"><InputNumber min={0} /></Form.Item>}
            {quote && <Alert type={quote[feeMethod as 'byCount' | 'byPages']?.amount ? 'info' : 'warning'} message={`${quote[feeMethod as 'byCount' | 'byPages']?.basis ?? ''}`} />}
          </>)}
          {action === 'extend' && (<>
            <Form.Item label="延长工作日数" name="workingDays" extra="只能延长一次，不超过20个工作日，须经政府信息公开工作机构负责人同意（条例第三十三条第二款）"><InputNumber min={1} max={20} /></Form.Item>
            <Form.Item label="延期理由" name="reason" rules={[{ required: true, message: '请填写延期理由' }]}><Input /></Form.Item>
          </>)}
          {(action === 'transfer' || action === 'assign') && (
            <Form.Item label={action === 'assign' ? '承办部门' : '转至机关'} name="orgCode" rules={[{ required: true, message: '请选择机关' }]}
              extra={action === 'assign' ? '交由掌握该政府信息的部门承办并拟写答复' : '转由负责公开该信息的机关办理'}>
              <SearchSelect options={orgs.filter((o) => action === 'assign' || o.type !== 'office').map((o) => ({ value: o.code, label: o.name }))} />
            </Form.Item>
          )}
          {action === 'assign' && <Form.Item label="交办意见" name="note"><Input.TextArea rows={2} /></Form.Item>}
          {(action === 'reply' || action === 'draftReply') && (<>
            <Form.Item label="答复类型" name="outcome" rules={[{ required: true, message: '请选择答复类型' }]} extra={chosen ? `依据：${chosen.basis}` : '逾期不补正、逾期未缴费、大量反复申请须通过各自的办理步骤作出'}>
              <SearchSelect options={replyOutcomes.map((o) => ({ value: o.key, label: o.label }))} />
            </Form.Item>
            <Form.Item label={chosen?.explanationRequired ? '说明（必填，写入告知书）' : '说明（写入告知书）'} name="note" extra={chosen?.explanationHelp}
              rules={chosen?.explanationRequired ? [{ required: true, whitespace: true, message: chosen.explanationHelp }] : []}>
              <Input.TextArea rows={4} />
            </Form.Item>
            {outcome === 'unable.notHeld' && (
              <Form.Item label="负责公开的机关（本平台机关，可选）" name="responsibleOrgCode" extra="选择后，告知书写明该机关的名称、地址和联系电话（条例第三十六条第（五）项）；其他机关请写在说明中">
                <SearchSelect allowClear options={bodies} />
              </Form.Item>
            )}
            {(outcome === 'granted' || outcome === 'partial') && <Form.Item label="因公共利益决定公开，书面告知第三方" name="thirdPartyNotice" valuePropName="checked" extra="条例第三十二条"><Switch /></Form.Item>}
          </>)}
          {action === 'returnReply' && <Form.Item label="退回意见" name="comment" rules={[{ required: true, message: '请填写退回意见' }]}><Input.TextArea rows={3} /></Form.Item>}
          {action === 'approveReply' && detail.replyDraft && (
            <Typography.Paragraph>签发后将以{detail.orgName}名义出具答复告知书：{detail.replyDraft.outcomeLabel}。{detail.replyDraft.note ? `说明：${detail.replyDraft.note}` : ''}</Typography.Paragraph>
          )}
          {action === 'requestExplanation' && <Form.Item label="要求说明的内容" name="note" rules={[{ required: true, message: '请填写要求申请人说明的内容' }]} extra="申请数量、频次明显超过合理范围的，可以要求申请人说明理由（条例第三十五条）"><Input.TextArea rows={3} /></Form.Item>}
          {action === 'rejectExcessive' && (
            <Form.Item label="不予处理的理由（必填，写入告知书）" name="note" extra={EXCESSIVE_HELP} rules={[{ required: true, whitespace: true, message: EXCESSIVE_HELP }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          )}
          {action === 'setLaterReplyDate' && (<>
            <Form.Item label="延迟答复日期" name="dueOn" rules={[{ required: true, message: '请选择延迟答复的日期' }]} extra="理由合理但无法在规定期限内答复的，确定延迟答复的合理期限，须晚于当前答复期限（条例第三十五条）">
              <DateInput after={detail.deadline?.dueOn ?? null} />
            </Form.Item>
            <Form.Item label="无法按期答复的原因" name="reason" rules={[{ required: true, message: '请填写原因' }]}><Input /></Form.Item>
          </>)}
          {action === 'recordDelivery' && (<>
            <Form.Item label="送达方式" name="method" rules={[{ required: true, message: '请选择送达方式' }]} extra={`申请人要求的获取方式：${detail.deliveryLabel}（条例第四十条）`}>
              <Select options={['邮寄', '电子邮件', '当面领取', '在线下载'].map((m) => ({ value: m, label: m }))} />
            </Form.Item>
            <Form.Item label="备注（如邮件单号）" name="note"><Input /></Form.Item>
          </>)}
          {(action === 'confirmReceipt' || action === 'receiveSupplement') && (
            <Form.Item label="收到日期" name="receivedOn"
              extra={action === 'confirmReceipt' ? '默认今天；网上、传真、电子邮件申请以双方确认之日为收到日（条例第三十一条），不早于提交之日' : '默认今天；答复期限自收到补正之日起重新计算（条例第三十条），不早于发出补正通知之日'}>
              <DateInput noFuture notBefore={receiptAfter} />
            </Form.Item>
          )}
          {action && CONFIRM_ONLY.includes(action) && <Typography.Paragraph>确认进行此操作？</Typography.Paragraph>}
        </Form>
      </Modal>
    </>
  );
}
