/**
 * 回应关切: the register of public concerns and emergency events. For 重大 and 特别重大 events the hour clocks
 * run (5 h to authoritative information, 24 h to a press conference, 国办发〔2016〕61号): countdowns and overdue
 * marks, refreshed every half minute; responses are registered with their times and links.
 */
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LABELS } from '../../../../src/domain/labels.js';
import { ApiError, fieldErrors, get, patch, post } from '../api';
import { SearchSelect } from '../components/SearchSelect';
import { PressRecords } from './concerns/PressRecords';
import { useSession } from '../session';
import type { Org } from '../types';
import { EmptyText } from '../components/EmptyText';

interface Deadline { kind: string; label: string; dueAt: string; state: 'met' | 'metLate' | 'running' | 'overdue'; stateLabel: string; metAt: string | null }
interface Response { id: number; kind: string; kindLabel: string; respondedAt: string; title: string; url: string | null; note: string }
interface Concern {
  id: number; orgCode: string; orgName: string; title: string; summary: string; source: string; level: string; levelLabel: string;
  startedAt: string; spokesperson: string; published: boolean; hourlyClock: boolean; deadlines: Deadline[]; overdue: boolean;
  responses: Response[]; canManage?: boolean;
}

const LEVEL_OPTIONS = Object.entries(LABELS.concernLevel).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = Object.entries(LABELS.responseKind).map(([value, label]) => ({ value, label }));
/** Tag colours with AA contrast. */
const STATE_TAG: Record<string, CSSProperties> = {
  met: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  metLate: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  running: { color: '#0050b3', background: '#e6f7ff', borderColor: '#91d5ff' },
  overdue: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};
const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

function duration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h}小时${m}分` : `${m}分`;
}

/** The deadline as a person reads it now: 剩余 2小时10分 / 已超时 30分 / 按时完成. */
function DeadlineTag({ d, now }: { d: Deadline; now: number }) {
  const left = new Date(d.dueAt).getTime() - now;
  const state = d.state === 'running' && left < 0 ? 'overdue' : d.state;
  const text = state === 'running' ? `剩余${duration(left)}` : state === 'overdue' ? `已超时${duration(left)}` : `${d.stateLabel}（${time(d.metAt!)}）`;
  return <Tag style={STATE_TAG[state]}>{d.label}：{text}</Tag>;
}

export default function Concerns() {
  const { hasRole, user } = useSession();
  const { message } = App.useApp();
  const canManage = hasRole('disclosureOffice', 'admin');
  const [items, setItems] = useState<Concern[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [editing, setEditing] = useState<Concern | 'new' | null>(null);
  const [viewing, setViewing] = useState<Concern | null>(null);
  const [now, setNow] = useState(Date.now());
  const [editForm] = Form.useForm();
  const [responseForm] = Form.useForm();

  const load = useCallback(async () => {
    try {
      setItems((await get<{ items: Concern[] }>('/api/v1/concerns')).items);
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof ApiError ? e.message : '加载失败，请稍后重试。');
    }
  }, []);

  useEffect(() => {
    void load();
    if (canManage) void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items.filter((o) => o.type !== 'office')));
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [load, canManage]);

  function startEdit(c: Concern | 'new') {
    setEditing(c);
    editForm.resetFields();
    if (c === 'new') editForm.setFieldsValue({ orgCode: user.orgCode, level: 'major', startedAt: dayjs(), published: false });
    else editForm.setFieldsValue({ ...c, startedAt: dayjs(c.startedAt) });
  }

  async function save(values: Record<string, unknown> & { startedAt?: Dayjs }) {
    try {
      const body = { ...values, startedAt: values.startedAt?.format() };
      const saved = editing === 'new' ? await post<Concern>('/api/v1/concerns', body) : await patch<Concern>(`/api/v1/concerns/${(editing as Concern).id}`, { ...body, orgCode: undefined });
      message.success('已保存。');
      setEditing(null);
      setViewing(saved);
      await load();
    } catch (e) {
      editForm.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  async function addResponse(values: Record<string, unknown> & { respondedAt?: Dayjs }) {
    if (!viewing) return;
    try {
      const saved = await post<Concern>(`/api/v1/concerns/${viewing.id}/responses`, { ...values, respondedAt: values.respondedAt?.format(), url: values.url || null, itemId: values.itemId || null });
      message.success('回应已登记。');
      responseForm.resetFields();
      setViewing(saved);
      await load();
    } catch (e) {
      responseForm.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  }

  return (
    <>
      <Typography.Title level={2}>回应关切</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 16 }}
        message="重大、特别重大突发事件：最迟5小时内发布权威信息，24小时内举行新闻发布会；主要负责人是第一新闻发言人（国办发〔2016〕61号）。期限自事件发生时起按小时连续计算，节假日和夜间不扣除。" />
      {loadError && <Alert type="error" showIcon message={loadError} style={{ marginBottom: 16 }} />}
      {canManage && <Button type="primary" style={{ marginBottom: 16 }} onClick={() => startEdit('new')}>登记关切事项</Button>}
      <Table<Concern>
        rowKey="id" dataSource={items ?? []} loading={!items && !loadError} scroll={{ x: 900 }}
        pagination={{ pageSize: 20, showSizeChanger: false }} locale={{ emptyText: <EmptyText>还没有登记回应关切事项</EmptyText> }}
        columns={[
          { title: '事项', dataIndex: 'title', ellipsis: true },
          { title: '机关', dataIndex: 'orgName', width: 150 },
          { title: '级别', dataIndex: 'levelLabel', width: 90 },
          { title: '发生时间', width: 150, render: (_, c) => time(c.startedAt) },
          { title: '期限', width: 330, render: (_, c) => c.hourlyClock ? <Space direction="vertical" size={4}>{c.deadlines.map((d) => <DeadlineTag key={d.kind} d={d} now={now} />)}</Space> : '不适用小时时限' },
          { title: '回应', width: 70, render: (_, c) => `${c.responses.length}次` },
          { title: '网站公开', width: 90, render: (_, c) => (c.published ? '已公开' : '未公开') },
          { title: '操作', width: 90, render: (_, c) => <Button size="small" onClick={() => setViewing(c)}>{canManage ? '办理' : '查看'}</Button> },
        ]}
      />

      <Drawer title={editing === 'new' ? '登记关切事项' : '修改关切事项'} open={!!editing} onClose={() => setEditing(null)} width={600} destroyOnHidden>
        <Form form={editForm} layout="vertical" onFinish={save}>
          {editing === 'new' && (
            <Form.Item label="负责回应的机关" name="orgCode" rules={[{ required: true, message: '请选择机关。' }]}>
              <SearchSelect options={orgs.map((o) => ({ value: o.code, label: o.name }))} />
            </Form.Item>
          )}
          <Form.Item label="事项" name="title" rules={[{ required: true, message: '请填写事项名称。' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="概述" name="summary">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item label="来源" name="source">
            <Input maxLength={200} placeholder="如：网络舆情、媒体报道、群众反映" />
          </Form.Item>
          <Space wrap>
            <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择级别。' }]}>
              <Select options={LEVEL_OPTIONS} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item label="发生时间" name="startedAt" rules={[{ required: true, message: '请选择发生时间。' }]} extra="重大、特别重大事件自此时起算5小时、24小时。">
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Space>
          <Form.Item label="新闻发言人" name="spokesperson" extra="主要负责人是第一新闻发言人。">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="在网站“回应关切”栏目公开" name="published" valuePropName="checked">
            <Switch checkedChildren="公开" unCheckedChildren="不公开" />
          </Form.Item>
          <Button type="primary" htmlType="submit">保存</Button>
        </Form>
      </Drawer>

      <Drawer title={viewing ? viewing.title : '关切事项'} open={!!viewing && !editing} onClose={() => setViewing(null)} width={820} destroyOnHidden>
        {viewing && (
          <>
            <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="机关">{viewing.orgName}</Descriptions.Item>
              <Descriptions.Item label="级别">{viewing.levelLabel}</Descriptions.Item>
              <Descriptions.Item label="发生时间">{time(viewing.startedAt)}</Descriptions.Item>
              <Descriptions.Item label="新闻发言人">{viewing.spokesperson || '未填写'}</Descriptions.Item>
              <Descriptions.Item label="来源">{viewing.source || '未填写'}</Descriptions.Item>
              <Descriptions.Item label="网站公开">{viewing.published ? '已公开' : '未公开'}</Descriptions.Item>
              <Descriptions.Item label="期限" span={2}>
                {viewing.hourlyClock ? <Space wrap>{viewing.deadlines.map((d) => <DeadlineTag key={d.kind} d={d} now={now} />)}</Space> : '一般、较大事件不适用小时时限'}
              </Descriptions.Item>
              {viewing.summary && <Descriptions.Item label="概述" span={2}>{viewing.summary}</Descriptions.Item>}
            </Descriptions>
            {canManage && <Button style={{ marginBottom: 16 }} onClick={() => startEdit(viewing)}>修改事项</Button>}
            <Typography.Title level={4}>回应情况</Typography.Title>
            <Table<Response> rowKey="id" size="small" pagination={false} dataSource={viewing.responses} locale={{ emptyText: <EmptyText>尚未回应</EmptyText> }} style={{ marginBottom: 16 }} columns={[
              { title: '时间', width: 150, render: (_, r) => time(r.respondedAt) },
              { title: '方式', dataIndex: 'kindLabel', width: 120 },
              { title: '内容', render: (_, r) => (r.url ? <a href={r.url} target="_blank" rel="noreferrer">{r.title}</a> : r.title) },
            ]} />
            {canManage && (
              <>
                <Typography.Title level={4}>登记回应</Typography.Title>
                <Form form={responseForm} layout="vertical" onFinish={addResponse} initialValues={{ kind: 'authoritativeInfo' }}>
                  <Space wrap>
                    <Form.Item label="方式" name="kind" rules={[{ required: true, message: '请选择回应方式。' }]}>
                      <Select options={KIND_OPTIONS} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item label="回应时间" name="respondedAt" rules={[{ required: true, message: '请选择回应时间。' }]}>
                      <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                    </Form.Item>
                  </Space>
                  <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题。' }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Space wrap>
                    <Form.Item label="链接" name="url">
                      <Input maxLength={500} placeholder="https://" style={{ width: 320 }} />
                    </Form.Item>
                    <Form.Item label="已发布的信息" name="itemId" extra="填写公开目录中信息的编号，链接到其公开页面。">
                      <InputNumber min={1} style={{ width: 160 }} />
                    </Form.Item>
                  </Space>
                  <Button type="primary" htmlType="submit">登记回应</Button>
                </Form>
              </>
            )}
            <PressRecords concernId={viewing.id} canManage={canManage} />
          </>
        )}
      </Drawer>
    </>
  );
}
