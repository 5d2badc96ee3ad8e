/** 政务服务中心 and windows: the centre's management sets up windows, their 首席代表, clerks and the items placed there (进驻). */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { fieldErrors, get, patch, post } from '../../api';
import { EmptyText } from '../../components/EmptyText';
import { useSession } from '../../session';
import { errorText, LABELS, options, useOrgs } from './shared';

interface Window { id: number; number: string; name: string; orgCode: string; orgName: string; chiefUserId: number | null; chiefName: string | null; clerks: { id: number; displayName: string }[]; items: { code: string; name: string }[] }
interface Centre { id: number; name: string; typeLabel: string; orgName: string; address: string | null; hours: string | null; phone: string | null; warningDays: number; windows: Window[] }
interface Staff { id: number; displayName: string; orgName: string; roleNames: string[] }
interface Item { code: string; name: string; orgName: string }

export default function ServiceWindows() {
  const { hasRole, user } = useSession();
  const { message } = App.useApp();
  const orgs = useOrgs();
  const manager = hasRole('serviceManager');
  const [centres, setCentres] = useState<Centre[]>([]);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [items, setItems] = useState<Item[]>([]);
  const [centreForm, setCentreForm] = useState(false);
  const [windowForm, setWindowForm] = useState<{ centreId: number; window?: Window } | null>(null);
  const [cf] = Form.useForm();
  const [wf] = Form.useForm();

  const load = useCallback(async () => setCentres((await get<{ items: Centre[] }>('/api/v1/service-centres')).items), []);
  useEffect(() => {
    void load();
    void get<{ items: Item[] }>('/api/v1/service-items').then((r) => setItems(r.items));
    if (manager) void get<{ items: Staff[] }>('/api/v1/service-staff').then((r) => setStaff(r.items));
  }, [load, manager]);

  async function saveCentre(values: Record<string, unknown>) {
    try {
      await post('/api/v1/service-centres', values);
      message.success('已建立服务中心');
      setCentreForm(false);
      await load();
    } catch (e) {
      cf.setFields(fieldErrors(e));
      message.error(errorText(e));
    }
  }

  async function saveWindow(values: Record<string, unknown>) {
    if (!windowForm) return;
    try {
      if (windowForm.window) {
        const { number: _n, orgCode: _o, ...rest } = values;
        await patch(`/api/v1/service-windows/${windowForm.window.id}`, rest);
      } else await post(`/api/v1/service-centres/${windowForm.centreId}/windows`, values);
      message.success('窗口已保存');
      setWindowForm(null);
      await load();
    } catch (e) {
      wf.setFields(fieldErrors(e));
      message.error(errorText(e));
    }
  }

  const staffOptions = staff.map((s) => ({ value: s.id, label: `${s.displayName}（${s.orgName}）` }));

  return (
    <>
      <Typography.Title level={2}>服务中心与窗口</Typography.Title>
      {manager && <Button type="primary" style={{ marginBottom: 16 }} onClick={() => { cf.resetFields(); cf.setFieldsValue({ orgCode: user?.orgCode, type: 'county', warningDays: 1 }); setCentreForm(true); }}>新建服务中心</Button>}
      {centres.length === 0 && <Card>尚未建立政务服务中心。</Card>}
      {centres.map((c) => (
        <Card key={c.id} title={`${c.name}（${c.typeLabel}）`} style={{ marginBottom: 16 }} extra={manager && <Button onClick={() => { wf.resetFields(); wf.setFieldsValue({ clerkUserIds: [], itemCodes: [] }); setWindowForm({ centreId: c.id }); }}>新建窗口</Button>}>
          <Descriptions size="small" column={3} items={[
            { key: 'o', label: '所属政府', children: c.orgName }, { key: 'a', label: '地址', children: c.address ?? '—' }, { key: 'h', label: '办公时间', children: c.hours ?? '—' },
            { key: 'p', label: '电话', children: c.phone ?? '—' }, { key: 'w', label: '电子监察预警', children: `到期前${c.warningDays}个工作日` },
          ]} />
          <Table rowKey="id" size="small" pagination={false} dataSource={c.windows} style={{ marginTop: 12 }} locale={{ emptyText: <EmptyText>尚无窗口</EmptyText> }} columns={[
            { title: '窗口', render: (_, w) => `${w.number}号 ${w.name}` }, { title: '所属机关', dataIndex: 'orgName' },
            { title: '首席代表', render: (_, w) => w.chiefName ?? <Tag>未设置</Tag> },
            { title: '工作人员', render: (_, w) => w.clerks.map((u) => u.displayName).join('、') || '—' },
            { title: '进驻事项', render: (_, w) => w.items.map((i) => <Tag key={i.code}>{i.name}</Tag>) },
            ...(manager ? [{ title: '操作', render: (_: unknown, w: Window) => <Button size="small" onClick={() => { wf.resetFields(); wf.setFieldsValue({ ...w, clerkUserIds: w.clerks.map((u) => u.id), itemCodes: w.items.map((i) => i.code) }); setWindowForm({ centreId: c.id, window: w }); }}>修改</Button> }] : []),
          ]} />
        </Card>
      ))}
      <Modal title="新建服务中心" open={centreForm} onCancel={() => setCentreForm(false)} onOk={() => cf.submit()} destroyOnHidden>
        <Form form={cf} layout="vertical" onFinish={(v) => void saveCentre(v)}>
          <Form.Item name="orgCode" label="所属政府"><Select options={orgs.filter((o) => o.type === 'government' || o.type === 'township').map((o) => ({ value: o.code, label: o.name }))} /></Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}><Input /></Form.Item>
          <Form.Item name="type" label="类型"><Select options={options(LABELS.centreType)} /></Form.Item>
          <Form.Item name="address" label="地址"><Input /></Form.Item>
          <Form.Item name="hours" label="办公时间"><Input /></Form.Item>
          <Form.Item name="phone" label="电话"><Input /></Form.Item>
          <Form.Item name="warningDays" label="预警提前工作日数" extra="距承诺办结日期多少个工作日起在电子监察中预警"><InputNumber min={0} max={30} /></Form.Item>
        </Form>
      </Modal>
      <Modal title={windowForm?.window ? `修改${windowForm.window.number}号窗口` : '新建窗口'} open={!!windowForm} onCancel={() => setWindowForm(null)} onOk={() => wf.submit()} width={640} destroyOnHidden>
        <Form form={wf} layout="vertical" onFinish={(v) => void saveWindow(v)}>
          <Space wrap>
            <Form.Item name="number" label="窗口编号" rules={[{ required: true, message: '请填写窗口编号' }]}><Input disabled={!!windowForm?.window} style={{ width: 100 }} /></Form.Item>
            <Form.Item name="name" label="窗口名称" rules={[{ required: true, message: '请填写窗口名称' }]}><Input style={{ width: 240 }} /></Form.Item>
          </Space>
          <Form.Item name="orgCode" label="所属机关" rules={[{ required: true, message: '请选择所属机关' }]}><Select disabled={!!windowForm?.window} options={orgs.map((o) => ({ value: o.code, label: o.name }))} /></Form.Item>
          <Form.Item name="chiefUserId" label="首席代表" extra="首席代表在窗口作出准予或不予批准的决定"><Select allowClear options={staffOptions} /></Form.Item>
          <Form.Item name="clerkUserIds" label="窗口工作人员" extra="窗口工作人员只办理本窗口的办件"><Select mode="multiple" options={staffOptions} /></Form.Item>
          <Form.Item name="itemCodes" label="进驻事项"><Select mode="multiple" optionFilterProp="label" options={items.map((i) => ({ value: i.code, label: `${i.name}（${i.orgName}）` }))} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
