/**
 * 政务服务事项 (registry and editor): each body's items with limits and the 办事指南 fields; a change is
 * drafted as a new version, submitted, and published when the centre approves it.
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Checkbox, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { get, post, put, fieldErrors } from '../../api';
import { useSession } from '../../session';
import { errorText, LABELS, LIMIT_HELP, options, useOrgs } from './shared';

interface Item { code: string; name: string; orgCode: string; orgName: string; kind: string; kindLabel: string; legalLimitDays: number; promisedLimitDays: number; version: number; url: string; deemedApproval: boolean }
interface Review { code: string; name: string; orgName: string; version: number; status: string; statusLabel: string; drafterName: string | null }
interface Detail extends Item { guide: Record<string, unknown>; versions: { version: number; status: string; statusLabel: string; reviewComment: string | null }[] }

const GUIDE_TEXT: [string, string][] = [
  ['basis', '设定依据'], ['conditions', '受理条件'], ['fees', '收费标准'], ['feeBasis', '收费依据'], ['location', '办理地点（窗口）'], ['hours', '办理时间'],
  ['consultPhone', '咨询电话'], ['complaintPhone', '监督投诉电话'],
];

export default function ServiceItems() {
  const { hasRole, user } = useSession();
  const { message } = App.useApp();
  const orgs = useOrgs();
  const [org, setOrg] = useState<string | undefined>(user?.orgCode);
  const [items, setItems] = useState<Item[]>([]);
  const [reviews, setReviews] = useState<Review[]>([]);
  const [editing, setEditing] = useState<Detail | 'new' | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    const [list, pending] = await Promise.all([
      get<{ items: Item[] }>(`/api/v1/service-items?rollup=true${org ? `&org=${encodeURIComponent(org)}` : ''}`),
      get<{ items: Review[] }>('/api/v1/service-item-reviews'),
    ]);
    setItems(list.items);
    setReviews(pending.items);
  }, [org]);
  useEffect(() => {
    void load();
  }, [load]);

  async function open(code: string | null) {
    if (!code) {
      form.resetFields();
      form.setFieldsValue({ orgCode: user?.orgCode, kind: 'license', legalLimitDays: 20, promisedLimitDays: 10, guide: { materials: [], steps: [] } });
      setEditing('new');
      return;
    }
    const d = await get<Detail>(`/api/v1/service-items/${encodeURIComponent(code)}`);
    form.resetFields();
    form.setFieldsValue({ ...d, guide: { materials: [], steps: [], ...d.guide } });
    setEditing(d);
  }

  async function save(values: Record<string, unknown>) {
    try {
      if (editing === 'new') {
        await post('/api/v1/service-items', values);
        message.success('事项已建立并发布');
      } else if (editing) {
        const { orgCode: _o, code: _c, ...fields } = values;
        await put(`/api/v1/service-items/${encodeURIComponent(editing.code)}/draft`, fields);
        await post(`/api/v1/service-items/${encodeURIComponent(editing.code)}/draft/submit`);
        message.success('新版本已提交中心审核，审核通过后发布');
      }
      setEditing(null);
      await load();
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(errorText(e, '保存失败'));
    }
  }

  async function review(code: string, decision: 'approve' | 'return') {
    try {
      await post(`/api/v1/service-items/${encodeURIComponent(code)}/draft/review`, { decision, comment: decision === 'return' ? '请按意见修改后重新提交' : '同意发布' });
      message.success(decision === 'approve' ? '已审核通过并发布' : '已退回修改');
      await load();
    } catch (e) {
      message.error(errorText(e));
    }
  }

  return (
    <>
      <Typography.Title level={2}>政务服务事项</Typography.Title>
      {reviews.length > 0 && (
        <Card title="待审核的新版本" style={{ marginBottom: 16 }}>
          <Table rowKey={(r) => `${r.code}-${r.version}`} size="small" pagination={false} dataSource={reviews} columns={[
            { title: '事项', dataIndex: 'name' }, { title: '实施机关', dataIndex: 'orgName' }, { title: '版本', render: (_, r) => `第${r.version}版` },
            { title: '状态', render: (_, r) => <Tag color={r.status === 'inReview' ? 'orange' : 'default'}>{r.statusLabel}</Tag> }, { title: '起草人', dataIndex: 'drafterName' },
            { title: '操作', render: (_, r) => r.status === 'inReview' && hasRole('serviceManager') ? <Space><Button size="small" type="primary" onClick={() => void review(r.code, 'approve')}>通过并发布</Button><Button size="small" onClick={() => void review(r.code, 'return')}>退回</Button></Space> : '—' },
          ]} />
        </Card>
      )}
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="svc-org">实施机关</label>
        <Select id="svc-org" style={{ width: 260 }} value={org} allowClear onChange={setOrg} options={orgs.map((o) => ({ value: o.code, label: o.name }))} />
        <Button type="primary" onClick={() => void open(null)}>新建事项</Button>
        {org && <Button href={`/api/v1/orgs/${encodeURIComponent(org)}/service-items.xlsx`}>导出XLSX</Button>}
      </Space>
      <Table rowKey="code" dataSource={items} columns={[
        { title: '事项名称', render: (_, i) => <a href={i.url} target="_blank" rel="noreferrer">{i.name}</a> },
        { title: '事项编码', dataIndex: 'code' }, { title: '类型', dataIndex: 'kindLabel' }, { title: '实施机关', dataIndex: 'orgName' },
        { title: '法定时限', render: (_, i) => `${i.legalLimitDays}个工作日` },
        { title: '承诺时限', render: (_, i) => (i.promisedLimitDays === 0 ? <Tag color="green">即办件</Tag> : `${i.promisedLimitDays}个工作日`) },
        { title: '版本', render: (_, i) => `第${i.version}版` },
        { title: '操作', render: (_, i) => <Button size="small" onClick={() => void open(i.code)}>修改</Button> },
      ]} />
      <Drawer width={720} open={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? '新建政务服务事项' : `修改事项：${editing?.name ?? ''}（修改将生成新版本，经审核后发布）`} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="orgCode" label="实施机关" rules={[{ required: true, message: '请选择实施机关' }]}>
            <Select disabled={editing !== 'new'} options={orgs.map((o) => ({ value: o.code, label: o.name }))} />
          </Form.Item>
          <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}><Input maxLength={200} /></Form.Item>
          <Space wrap>
            <Form.Item name="kind" label="事项类型"><Select style={{ width: 160 }} options={options(LABELS.serviceItemKind)} /></Form.Item>
            <Form.Item name="legalLimitDays" label="法定办结时限" extra={LIMIT_HELP}><InputNumber min={0} max={3650} addonAfter="工作日" /></Form.Item>
            <Form.Item name="promisedLimitDays" label="承诺办结时限"><InputNumber min={0} max={3650} addonAfter="工作日" /></Form.Item>
          </Space>
          <Form.Item name="deemedApproval" label="逾期视为同意" valuePropName="checked" extra="超过承诺时限未作决定的，办件移交中心督办并标记"><Switch /></Form.Item>
          {GUIDE_TEXT.map(([key, label]) => (
            <Form.Item key={key} name={['guide', key]} label={label}>{['basis', 'conditions'].includes(key) ? <Input.TextArea rows={2} /> : <Input />}</Form.Item>
          ))}
          <Form.Item name={['guide', 'online']} label="可网上办理" valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name={['guide', 'lifeEvents']} label="个人办事（人生事件）"><Checkbox.Group options={options(LABELS.lifeEvent)} /></Form.Item>
          <Form.Item name={['guide', 'businessStages']} label="法人办事（经营阶段）"><Checkbox.Group options={options(LABELS.businessStage)} /></Form.Item>
          <Typography.Title level={5}>申请材料</Typography.Title>
          <Form.List name={['guide', 'materials']}>
            {(fields, { add, remove }) => (<>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: '请填写材料标识' }]}><Input placeholder="标识（字母数字）" style={{ width: 120 }} /></Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写材料名称' }]}><Input placeholder="材料名称" style={{ width: 220 }} /></Form.Item>
                  <Form.Item name={[f.name, 'copies']}><Input placeholder="份数" style={{ width: 100 }} /></Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add({})}>添加材料</Button>
            </>)}
          </Form.List>
          <Typography.Title level={5} style={{ marginTop: 16 }}>办理流程（生成流程图）</Typography.Title>
          <Form.List name={['guide', 'steps']}>
            {(fields, { add, remove }) => (<>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <span>{i + 1}.</span>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写环节名称' }]}><Input placeholder="环节名称" style={{ width: 160 }} /></Form.Item>
                  <Form.Item name={[f.name, 'who']}><Input placeholder="办理人员" style={{ width: 140 }} /></Form.Item>
                  <Form.Item name={[f.name, 'limit']}><Input placeholder="环节时限" style={{ width: 120 }} /></Form.Item>
                  <Button onClick={() => remove(f.name)}>删除</Button>
                </Space>
              ))}
              <Button onClick={() => add({})}>添加环节</Button>
            </>)}
          </Form.List>
          {editing && editing !== 'new' && (
            <p style={{ marginTop: 16 }}>版本：{editing.versions.map((v) => `第${v.version}版 ${v.statusLabel}${v.reviewComment ? `（${v.reviewComment}）` : ''}`).join('；')}</p>
          )}
          <Button type="primary" htmlType="submit" style={{ marginTop: 16 }}>{editing === 'new' ? '建立并发布' : '保存并提交审核'}</Button>
        </Form>
      </Drawer>
    </>
  );
}
