/** 好差评 and 差评整改: each 不满意 / 非常不满意 verified, rectified within 15 working days, called back; appeals decided by the centre. */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Radio, Space, Switch, Table, Tag, Typography } from 'antd';
import { fieldErrors, get, post } from '../../api';
import { EmptyText } from '../../components/EmptyText';
import { useSession } from '../../session';
import { errorText } from './shared';

interface Rectification {
  id: number; caseNo: string; itemName: string; level: number; levelLabel: string; comment: string | null; ratedOn: string; channelLabel: string;
  status: string; statusLabel: string; dueOn: string; overdue: boolean; verifyNote: string | null; rectifyNote: string | null; callbackNote: string | null;
  appealReason: string | null; appealDecision: string | null; closedOn: string | null;
}
interface Summary { byWindow: { label: string; count: number; satisfactionRate: string; rectified: number }[]; byItem: { label: string; count: number; satisfactionRate: string; rectified: number }[] }
type Step = 'verify' | 'rectify' | 'callback' | 'appeal' | 'decideAppeal';
const STEP_LABELS: Record<Step, string> = { verify: '核实', rectify: '登记整改情况', callback: '回访并办结', appeal: '申诉', decideAppeal: '复核申诉' };

export default function ServiceRatings() {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [rows, setRows] = useState<Rectification[]>([]);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [acting, setActing] = useState<{ row: Rectification; step: Step } | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    setRows((await get<{ items: Rectification[] }>(`/api/v1/service-rectifications?open=${onlyOpen}`)).items);
    setSummary(await get<Summary>('/api/v1/service-ratings/summary'));
  }, [onlyOpen]);
  useEffect(() => {
    void load();
  }, [load]);

  async function submit(values: Record<string, unknown>) {
    if (!acting) return;
    try {
      await post(`/api/v1/service-rectifications/${acting.row.id}/actions`, { action: acting.step, ...values });
      message.success('已办理');
      setActing(null);
      await load();
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(errorText(e));
    }
  }

  const steps = (r: Rectification): Step[] => {
    const out: Step[] = [];
    if (r.status === 'verifying') out.push('verify', 'appeal');
    if (r.status === 'rectifying') out.push('rectify', ...(r.rectifyNote ? (['callback'] as Step[]) : []), 'appeal');
    if (r.status === 'appealed' && hasRole('serviceManager')) out.push('decideAppeal');
    return hasRole('serviceClerk', 'serviceManager') ? out : [];
  };

  return (
    <>
      <Typography.Title level={2}>好差评</Typography.Title>
      <Card title="差评整改" style={{ marginBottom: 16 }} extra={<Space><label htmlFor="rt-open">只看未办结</label><Switch id="rt-open" checked={onlyOpen} onChange={setOnlyOpen} /></Space>}>
        <Table rowKey="id" size="small" dataSource={rows} locale={{ emptyText: <EmptyText>没有需要整改的差评</EmptyText> }} columns={[
          { title: '办件', dataIndex: 'caseNo' }, { title: '事项', dataIndex: 'itemName' },
          { title: '评价', render: (_, r) => <Tag color={r.level === 1 ? 'red' : 'orange'}>{r.levelLabel}</Tag> }, { title: '渠道', dataIndex: 'channelLabel' },
          { title: '意见', render: (_, r) => r.comment ?? '—' }, { title: '评价日期', dataIndex: 'ratedOn' },
          { title: '整改期限', render: (_, r) => (r.overdue ? <Tag color="red">已超期（{r.dueOn}）</Tag> : r.dueOn) },
          { title: '状态', render: (_, r) => <Tag>{r.statusLabel}</Tag> },
          { title: '操作', render: (_, r) => <Space wrap>{steps(r).map((s) => <Button key={s} size="small" onClick={() => { form.resetFields(); form.setFieldsValue({ justified: true, upheld: false }); setActing({ row: r, step: s }); }}>{STEP_LABELS[s]}</Button>)}</Space> },
        ]} />
      </Card>
      {summary && (
        <Card title="好差评公示（本年）">
          <Table rowKey="label" size="small" pagination={false} dataSource={summary.byWindow} locale={{ emptyText: <EmptyText>暂无评价</EmptyText> }} columns={[
            { title: '窗口', dataIndex: 'label' }, { title: '评价数', dataIndex: 'count' }, { title: '满意率', render: (_, r) => `${r.satisfactionRate}%` }, { title: '差评已整改', dataIndex: 'rectified' },
          ]} />
          <p style={{ marginTop: 12 }}><a href="/zwfw/ratings" target="_blank" rel="noreferrer">门户网站上的好差评公示</a></p>
        </Card>
      )}
      <Modal title={acting ? `${STEP_LABELS[acting.step]}：${acting.row.caseNo}` : ''} open={!!acting} onCancel={() => setActing(null)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {acting?.step === 'verify' && <Form.Item name="justified" label="差评是否属实"><Radio.Group options={[{ value: true, label: '属实，需要整改' }, { value: false, label: '不属实' }]} /></Form.Item>}
          {acting?.step === 'decideAppeal' && <Form.Item name="upheld" label="申诉是否成立" extra="申诉成立的，该评价不计入满意率"><Radio.Group options={[{ value: true, label: '成立' }, { value: false, label: '不成立，继续整改' }]} /></Form.Item>}
          <Form.Item name="note" label="说明" rules={[{ required: true, message: '请填写说明' }]} extra={acting?.step === 'rectify' ? '整改应在评价之日起15个工作日内完成' : undefined}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
