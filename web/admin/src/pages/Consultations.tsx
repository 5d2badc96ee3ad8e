/**
 * 互动交流: the consultations (咨询) of the bodies in the staff member's scope — search, filter,
 * export, register a phone or letter consultation, answer and publish the answer on the portal.
 * (A full message inbox replaces this page later; it keeps to the consultation API.)
 */
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { LABELS } from '../../../../src/domain/labels.js';
import { ApiError, fieldErrors, get, post } from '../api';
import { DateInput } from '../components/DateInput';
import { SearchSelect } from '../components/SearchSelect';
import { useSession } from '../session';
import type { Org } from '../types';

interface Consultation {
  id: number;
  orgCode: string;
  orgName: string;
  channel: string;
  channelLabel: string;
  subject: string;
  question: string;
  askerName: string;
  contactMasked: string | null;
  status: 'open' | 'answered';
  statusLabel: string;
  answer: string | null;
  publishAnswer: boolean;
  receivedOn: string;
  answeredOn: string | null;
}

interface Filters {
  q?: string;
  status?: string;
  channel?: string;
  from?: string | null;
  to?: string | null;
}

const CHANNEL_OPTIONS = Object.entries(LABELS.consultationChannel).map(([value, label]) => ({ value, label }));
const STATUS_OPTIONS = Object.entries(LABELS.consultationStatus).map(([value, label]) => ({ value, label }));
/** Filters start at 全部 (an option, not a pale placeholder: it must stay readable). */
const ALL = { value: '', label: '全部' };
/** Staff register what reached them off-line; online consultations come through the portal. */
const REGISTER_CHANNELS = CHANNEL_OPTIONS.filter((o) => o.value !== 'online');
/** Tag colours with AA contrast (antd's orange and green presets fall short). */
const STATUS_TAG: Record<string, CSSProperties> = {
  open: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  answered: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
};

function queryOf(filters: Filters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (typeof value === 'string' && value.trim()) query.set(key, value.trim());
  const text = query.toString();
  return text ? `?${text}` : '';
}

export default function Consultations() {
  const { hasRole, user } = useSession();
  const { message } = App.useApp();
  const canAnswer = hasRole('disclosureOffice', 'admin');
  const [filters, setFilters] = useState<Filters>({});
  const [data, setData] = useState<{ items: Consultation[]; total: number } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [open, setOpen] = useState<Consultation | null>(null);
  // The drawer keeps its title while it slides closed (a dialog always has a name).
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [filterForm] = Form.useForm();
  const [answerForm] = Form.useForm();
  const [registerForm] = Form.useForm();

  const load = useCallback(async (f: Filters) => {
    try {
      setData(await get<{ items: Consultation[]; total: number }>(`/api/v1/consultations${queryOf(f)}`));
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof ApiError ? e.message : '加载失败，请稍后重试。');
      filterForm.setFields(fieldErrors(e));
    }
  }, [filterForm]);

  useEffect(() => {
    void load({});
    if (canAnswer) void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items.filter((o) => o.type !== 'office')));
  }, [load, canAnswer]);

  function search(values: Filters) {
    setFilters(values);
    void load(values);
  }

  function showAnswer(c: Consultation) {
    setOpen(c);
    setDrawerOpen(true);
    answerForm.setFieldsValue({ answer: c.answer ?? '', publish: c.publishAnswer });
  }

  async function saveAnswer(values: { answer: string; publish: boolean }) {
    if (!open) return;
    try {
      await post(`/api/v1/consultations/${open.id}/answer`, { answer: values.answer, publish: values.publish });
      message.success(values.publish ? '答复已保存，并在门户“互动交流”中公开。' : '答复已保存（未公开）。');
      setDrawerOpen(false);
      await load(filters);
    } catch (e) {
      answerForm.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  async function register(values: Record<string, string>) {
    try {
      await post('/api/v1/consultations', { ...values, contact: values.contact || undefined });
      message.success('咨询已登记。');
      setRegistering(false);
      await load(filters);
    } catch (e) {
      registerForm.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  }

  return (
    <>
      <Typography.Title level={2}>互动交流（咨询）</Typography.Title>
      <Form form={filterForm} layout="inline" onFinish={search} initialValues={{ status: '', channel: '' }} style={{ marginBottom: 16, rowGap: 8 }} aria-label="查找咨询">
        <Form.Item label="关键词" name="q">
          <Input placeholder="标题、内容或咨询人" allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select options={[ALL, ...STATUS_OPTIONS]} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item label="渠道" name="channel">
          <Select options={[ALL, ...CHANNEL_OPTIONS]} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="收到日期自" name="from">
          <DateInput noFuture />
        </Form.Item>
        <Form.Item label="至" name="to">
          <DateInput noFuture />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { filterForm.resetFields(); search({}); }}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
      <Space wrap style={{ marginBottom: 16 }}>
        {canAnswer && <Button onClick={() => { registerForm.resetFields(); setRegistering(true); }}>登记电话、信函或当面咨询</Button>}
        <Button href={`/api/v1/consultations/export.csv${queryOf(filters)}`}>导出咨询台账（CSV）</Button>
        {data && <Typography.Text>共 {data.total} 条{data.total > data.items.length ? `，显示最近 ${data.items.length} 条，请用条件缩小范围` : ''}</Typography.Text>}
      </Space>
      {loadError && <Alert type="error" showIcon message={loadError} style={{ marginBottom: 16 }} />}
      <Table<Consultation>
        rowKey="id"
        dataSource={data?.items ?? []}
        loading={!data && !loadError}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '没有符合条件的咨询' }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '咨询机关', dataIndex: 'orgName', width: 150 },
          { title: '渠道', dataIndex: 'channelLabel', width: 110 },
          { title: '标题', dataIndex: 'subject', ellipsis: true },
          { title: '咨询人', dataIndex: 'askerName', width: 100 },
          {
            title: '状态', width: 160,
            render: (_, c) => <><Tag style={STATUS_TAG[c.status]}>{c.statusLabel}</Tag>{c.status === 'answered' && <Tag>{c.publishAnswer ? '已公开' : '未公开'}</Tag>}</>,
          },
          {
            title: '操作', width: 100,
            render: (_, c) => <Button size="small" onClick={() => showAnswer(c)}>{canAnswer ? (c.status === 'open' ? '答复' : '修改答复') : '查看'}</Button>,
          },
        ]}
      />
      <Drawer title={open ? `咨询：${open.subject}` : '咨询'} open={drawerOpen} onClose={() => setDrawerOpen(false)} width={560} destroyOnHidden>
        {open && (
          <>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="咨询机关">{open.orgName}</Descriptions.Item>
              <Descriptions.Item label="渠道">{open.channelLabel}</Descriptions.Item>
              <Descriptions.Item label="收到日期">{open.receivedOn}</Descriptions.Item>
              <Descriptions.Item label="咨询人">{open.askerName}</Descriptions.Item>
              <Descriptions.Item label="联系方式">{open.contactMasked ?? '未留'}</Descriptions.Item>
              <Descriptions.Item label="咨询内容"><div style={{ whiteSpace: 'pre-wrap' }}>{open.question}</div></Descriptions.Item>
              {open.answeredOn && <Descriptions.Item label="答复日期">{open.answeredOn}</Descriptions.Item>}
            </Descriptions>
            {canAnswer ? (
              <Form form={answerForm} layout="vertical" onFinish={saveAnswer}>
                <Form.Item label="答复内容" name="answer" rules={[{ required: true, message: '请填写答复内容。' }, { min: 2, message: '答复内容至少需要2个字符，请补充完整。' }]}>
                  <Input.TextArea rows={6} maxLength={4000} showCount />
                </Form.Item>
                <Form.Item label="在门户公开答复" name="publish" valuePropName="checked" extra="公开后问题和答复显示在门户“互动交流”页，咨询人的联系方式不公开；可随时改为不公开。">
                  <Switch checkedChildren="公开" unCheckedChildren="不公开" />
                </Form.Item>
                <Button type="primary" htmlType="submit">保存答复</Button>
              </Form>
            ) : (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="答复">{open.answer ?? '尚未答复'}</Descriptions.Item>
                <Descriptions.Item label="是否公开">{open.status === 'answered' ? (open.publishAnswer ? '已公开' : '未公开') : '—'}</Descriptions.Item>
              </Descriptions>
            )}
          </>
        )}
      </Drawer>
      <Drawer title="登记咨询" open={registering} onClose={() => setRegistering(false)} width={520} destroyOnHidden>
        <Form form={registerForm} layout="vertical" onFinish={register} initialValues={{ orgCode: user.orgCode, channel: 'phone' }}>
          <Form.Item label="咨询机关" name="orgCode" rules={[{ required: true, message: '请选择咨询机关。' }]}>
            <SearchSelect options={orgs.map((o) => ({ value: o.code, label: o.name }))} />
          </Form.Item>
          <Form.Item label="渠道" name="channel" rules={[{ required: true, message: '请选择渠道。' }]}>
            <Select options={REGISTER_CHANNELS} />
          </Form.Item>
          <Form.Item label="标题" name="subject" rules={[{ required: true, message: '请填写标题。' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="咨询内容" name="question" rules={[{ required: true, message: '请填写咨询内容。' }]}>
            <Input.TextArea rows={5} maxLength={4000} />
          </Form.Item>
          <Form.Item label="咨询人" name="askerName" rules={[{ required: true, message: '请填写咨询人姓名。' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="联系方式" name="contact" extra="选填，加密保存，不公开。">
            <Input maxLength={100} />
          </Form.Item>
          <Button type="primary" htmlType="submit">登记</Button>
        </Form>
      </Drawer>
    </>
  );
}
