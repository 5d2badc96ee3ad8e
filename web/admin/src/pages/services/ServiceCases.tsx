/**
 * 办件 inbox: register at the window (受理 / 不予受理 / 一次性告知), then 办理 → 补正 → 办结, each step
 * timed; notices to download; the on-site rating. Filters come from the URL too, so a figure on the
 * 电子监察 board opens the cases behind it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Modal, Radio, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { fieldErrors, get, post } from '../../api';
import { DateInput } from '../../components/DateInput';
import { usePath } from '../../router';
import { useSession } from '../../session';
import { DueTag, errorText, LABELS, options } from './shared';

interface CaseRow {
  caseNo: string; itemCode: string; itemName: string; orgName: string; status: string; statusLabel: string; acceptedOn: string | null; dueOn: string | null;
  completedOn: string | null; resultLabel: string; applicantName: string | null; dueState?: string; workingDaysLeft?: number; escalated: boolean;
}
interface CaseDetail extends CaseRow {
  idNumberMasked: string | null; phoneMasked: string | null; intakeReason: string | null; applicantTypeLabel: string;
  steps: { action: string; actionLabel: string; onDate: string; at: string; actorName: string | null; note: string | null }[];
}
interface Item { code: string; name: string; promisedLimitDays: number }

export default function ServiceCases() {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const path = usePath();
  // #/service-cases/windowId=3&from=… (the board's figures link here; the hash router matches whole segments).
  const urlFilters = useMemo(() => Object.fromEntries(new URLSearchParams(decodeURIComponent(path.split('/service-cases/')[1] ?? ''))), [path]);
  const [filters, setFilters] = useState<Record<string, string>>(urlFilters);
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [items, setItems] = useState<Item[]>([]);
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [registering, setRegistering] = useState(false);
  const [receipt, setReceipt] = useState<{ caseNo: string; queryPassword: string; dueOn: string | null } | null>(null);
  const [step, setStep] = useState<'requestSupplement' | 'complete' | 'rate' | null>(null);
  const [form] = Form.useForm();
  const [stepForm] = Form.useForm();
  const staff = hasRole('serviceClerk', 'serviceManager');

  useEffect(() => setFilters(urlFilters), [urlFilters]);
  const load = useCallback(async () => {
    const q = new URLSearchParams(Object.entries({ limit: '200', ...filters }).filter(([, v]) => v)).toString();
    setRows((await get<{ items: CaseRow[] }>(`/api/v1/service-cases?${q}`)).items);
  }, [filters]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void get<{ items: Item[] }>('/api/v1/service-items').then((r) => setItems(r.items));
  }, []);

  const openCase = async (caseNo: string) => setDetail(await get<CaseDetail>(`/api/v1/service-cases/${caseNo}`));

  async function register(values: Record<string, unknown>) {
    try {
      const missing = typeof values.missingText === 'string' ? values.missingText.split(/\n+/).map((s) => s.trim()).filter(Boolean) : undefined;
      const { missingText: _m, ...rest } = values;
      const res = await post<{ caseNo: string; queryPassword: string; dueOn: string | null }>('/api/v1/service-cases', { ...rest, ...(missing?.length ? { missing } : {}) });
      setRegistering(false);
      setReceipt(res);
      await load();
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(errorText(e, '登记失败'));
    }
  }

  async function act(action: string, extra: Record<string, unknown> = {}) {
    if (!detail) return;
    try {
      if (action === 'rate') await post(`/api/v1/service-cases/${detail.caseNo}/rating`, extra);
      else await post(`/api/v1/service-cases/${detail.caseNo}/actions`, { action, ...extra });
      message.success('已办理');
      setStep(null);
      await openCase(detail.caseNo);
      await load();
    } catch (e) {
      stepForm.setFields(fieldErrors(e));
      message.error(errorText(e));
    }
  }

  const notice = (kind: string, format: string) => `/api/v1/service-cases/${detail?.caseNo}/notices/${kind}?format=${format}`;

  return (
    <>
      <Typography.Title level={2}>办件管理</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="case-status">状态</label>
        <Select id="case-status" style={{ width: 160 }} allowClear value={filters.status} onChange={(v) => setFilters({ ...filters, status: v })} options={options(LABELS.serviceCaseStatus)} />
        <label htmlFor="case-due">期限</label>
        <Select id="case-due" style={{ width: 140 }} allowClear value={filters.due} onChange={(v) => setFilters({ ...filters, due: v })} options={[{ value: 'open', label: '未办结' }, { value: 'overdue', label: '已超期' }]} />
        {Object.keys(filters).some((k) => ['windowId', 'itemCode', 'handledBy', 'centreId', 'from'].includes(k)) && <Tag closable onClose={() => setFilters({})}>来自电子监察的筛选</Tag>}
        {staff && <Button type="primary" onClick={() => { form.resetFields(); form.setFieldsValue({ intake: 'accept', applicant: { type: 'natural' } }); setRegistering(true); }}>登记办件</Button>}
      </Space>
      <Table rowKey="caseNo" dataSource={rows} columns={[
        { title: '办件编号', render: (_, r) => <Button type="link" style={{ padding: 0 }} onClick={() => void openCase(r.caseNo)}>{r.caseNo}</Button> },
        { title: '事项', dataIndex: 'itemName' }, { title: '申请人', dataIndex: 'applicantName' }, { title: '受理日期', dataIndex: 'acceptedOn' },
        { title: '承诺办结', render: (_, r) => <DueTag state={r.dueState} left={r.workingDaysLeft} dueOn={r.dueOn} /> },
        { title: '状态', render: (_, r) => <Space><Tag>{r.statusLabel}</Tag>{r.escalated && <Tag color="purple">逾期视为同意</Tag>}</Space> },
        { title: '办结', render: (_, r) => (r.completedOn ? `${r.completedOn} ${r.resultLabel}` : '—') },
      ]} />

      <Modal title="登记办件" open={registering} onCancel={() => setRegistering(false)} onOk={() => form.submit()} okText="登记" width={640} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void register(v)}>
          <Form.Item name="itemCode" label="事项" rules={[{ required: true, message: '请选择事项' }]}>
            <Select showSearch optionFilterProp="label" options={items.map((i) => ({ value: i.code, label: `${i.name}（${i.promisedLimitDays === 0 ? '即办件' : `承诺${i.promisedLimitDays}个工作日`}）` }))} />
          </Form.Item>
          <Form.Item name="intake" label="受理结果"><Radio.Group options={options(LABELS.intakeDecision)} /></Form.Item>
          <Form.Item noStyle shouldUpdate>{() => form.getFieldValue('intake') !== 'accept' && (<>
            <Form.Item name="reason" label="理由" extra="不予受理的，应说明理由（行政许可法第三十二条）"><Input.TextArea rows={2} /></Form.Item>
            <Form.Item name="missingText" label="需要补充的材料（每行一项，一次性告知）"><Input.TextArea rows={3} /></Form.Item>
          </>)}</Form.Item>
          <Space wrap>
            <Form.Item name={['applicant', 'type']} label="申请人类型"><Select style={{ width: 160 }} options={options(LABELS.serviceApplicantType)} /></Form.Item>
            <Form.Item name={['applicant', 'name']} label="姓名或名称" rules={[{ required: true, message: '请填写申请人姓名或名称' }]}><Input style={{ width: 220 }} /></Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name={['applicant', 'idNumber']} label="身份证号码或统一社会信用代码" rules={[{ required: true, message: '请填写证件号码' }]}><Input style={{ width: 240 }} /></Form.Item>
            <Form.Item name={['applicant', 'phone']} label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}><Input style={{ width: 160 }} /></Form.Item>
          </Space>
          <Form.Item name="acceptedOn" label="受理日期" extra="不填为今天；承诺时限自受理次日起按工作日计算"><DateInput noFuture /></Form.Item>
        </Form>
      </Modal>

      <Modal title="办件回执" open={!!receipt} onCancel={() => setReceipt(null)} onOk={() => setReceipt(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        {receipt && <Alert type="success" showIcon message={`办件编号：${receipt.caseNo}　查询密码：${receipt.queryPassword}`} description={`请将办件编号和查询密码交给申请人，用于查询进度和评价。${receipt.dueOn ? `承诺办结日期：${receipt.dueOn}。` : ''}`} />}
      </Modal>

      <Drawer width={720} open={!!detail} onClose={() => setDetail(null)} title={detail ? `办件 ${detail.caseNo}` : ''}>
        {detail && (<>
          <Descriptions column={2} size="small" bordered items={[
            { key: 'i', label: '事项', children: detail.itemName }, { key: 's', label: '状态', children: detail.statusLabel },
            { key: 'a', label: '申请人', children: `${detail.applicantName ?? ''}（${detail.applicantTypeLabel}）` }, { key: 'n', label: '证件号码', children: detail.idNumberMasked ?? '—' },
            { key: 'p', label: '联系电话', children: detail.phoneMasked ?? '—' }, { key: 'ac', label: '受理日期', children: detail.acceptedOn ?? '—' },
            { key: 'd', label: '承诺办结', children: <DueTag state={detail.dueState} left={detail.workingDaysLeft} dueOn={detail.dueOn} /> },
            { key: 'c', label: '办结', children: detail.completedOn ? `${detail.completedOn} ${detail.resultLabel}` : '—' },
          ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>办理过程</Typography.Title>
          <Timeline items={detail.steps.map((s) => ({ children: `${s.onDate} ${s.actionLabel}${s.actorName ? `（${s.actorName}）` : ''}${s.note ? `：${s.note}` : ''}` }))} />
          {staff && (
            <Space wrap style={{ marginBottom: 16 }}>
              {detail.status === 'accepted' && <Button onClick={() => void act('startHandling')}>开始办理</Button>}
              {['accepted', 'processing'].includes(detail.status) && <Button onClick={() => { stepForm.resetFields(); setStep('requestSupplement'); }}>补正材料（一次性告知）</Button>}
              {detail.status === 'awaitingSupplement' && <Button onClick={() => void act('receiveSupplement')}>收到补正材料</Button>}
              {['accepted', 'processing', 'awaitingSupplement'].includes(detail.status) && <Button type="primary" onClick={() => { stepForm.resetFields(); stepForm.setFieldsValue({ result: 'approved' }); setStep('complete'); }}>办结</Button>}
              {detail.status === 'completed' && <Button onClick={() => { stepForm.resetFields(); stepForm.setFieldsValue({ level: 5 }); setStep('rate'); }}>登记现场评价</Button>}
            </Space>
          )}
          <Typography.Title level={5}>通知书</Typography.Title>
          <Space wrap>
            {(['refused', 'informed'].includes(detail.status) ? ['refusal'] : ['acceptance']).concat(detail.steps.some((s) => s.action === 'requestSupplement') || detail.status === 'informed' ? ['supplement'] : []).concat(detail.completedOn ? ['completion'] : []).map((k) => (
              <Space key={k}>{LABELS.caseNotice[k as keyof typeof LABELS.caseNotice]}<a href={notice(k, 'docx')}>DOCX</a><a href={notice(k, 'pdf')}>PDF</a></Space>
            ))}
          </Space>
        </>)}
      </Drawer>

      <Modal title={step === 'complete' ? '办结' : step === 'rate' ? '现场评价' : '补正材料（一次性告知）'} open={!!step} onCancel={() => setStep(null)} onOk={() => stepForm.submit()} destroyOnHidden>
        <Form form={stepForm} layout="vertical" onFinish={(v) => {
          if (step === 'requestSupplement') void act('requestSupplement', { missing: String(v.missingText ?? '').split(/\n+/).map((s) => s.trim()).filter(Boolean) });
          else if (step === 'complete') void act('complete', { result: v.result, reason: v.reason });
          else void act('rate', { level: v.level, comment: v.comment });
        }}>
          {step === 'requestSupplement' && <Form.Item name="missingText" label="需要补正的全部材料（每行一项）" extra="补正期间不计入办理时限" rules={[{ required: true, message: '请列明需要补正的材料' }]}><Input.TextArea rows={4} /></Form.Item>}
          {step === 'complete' && (<>
            <Form.Item name="result" label="办结结果" extra="准予或不予批准的决定由窗口首席代表作出"><Radio.Group options={options(LABELS.serviceCaseResult)} /></Form.Item>
            <Form.Item name="reason" label="理由（不予批准的须填写）"><Input.TextArea rows={2} /></Form.Item>
          </>)}
          {step === 'rate' && (<>
            <Form.Item name="level" label="评价等级"><Radio.Group options={[5, 4, 3, 2, 1].map((l) => ({ value: l, label: LABELS.ratingLevel[String(l)] }))} /></Form.Item>
            <Form.Item name="comment" label="意见"><Input.TextArea rows={2} /></Form.Item>
          </>)}
        </Form>
      </Modal>
    </>
  );
}
