import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, List, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { LABELS } from '../../../../src/domain/labels.js';
import { ApiError, fieldErrors, get, post } from '../api';
import { DateInput } from '../components/DateInput';
import { SearchSelect } from '../components/SearchSelect';
import { useSession } from '../session';
import type { Org } from '../types';
import { EmptyText } from '../components/EmptyText';

export interface Deadline {
  dueOn: string | null; paused: boolean; overdue: boolean; reminder: 'due5' | 'due2' | null; workingDaysLeft: number | null;
  certain: boolean; warning?: string; awaitingSupplement?: boolean; supplementDueOn?: string | null; supplementOverdue?: boolean;
}
export interface RequestSummary {
  id: number; trackingNo: string; status: string; statusLabel: string; orgName: string; channel: string; channelLabel: string;
  applicant: { name: string; type: string; typeLabel: string; phone?: string }; description: string; submittedOn: string; receivedOn: string | null;
  outcome: string | null; outcomeLabel: string | null; completedOn: string | null; deadline: Deadline | null; replyDraftPending: boolean;
}

/** The reply deadline as a tag: none while the supplement is awaited (条例第三十条), then the supplement period. */
export function DeadlineTag({ deadline }: { deadline: Deadline | null }) {
  if (!deadline) return <>—</>;
  if (deadline.awaitingSupplement) {
    return <Tag color={deadline.supplementOverdue ? 'purple' : 'blue'} title="补正期间不计算答复期限（条例第三十条）">
      {deadline.supplementOverdue ? `补正期限已过（${deadline.supplementDueOn}）` : `待补正（${deadline.supplementDueOn}前）`}
    </Tag>;
  }
  const color = deadline.overdue ? 'red' : deadline.paused ? 'blue' : deadline.reminder ? 'orange' : 'default';
  const text = deadline.overdue ? `已逾期（${deadline.dueOn}）` : deadline.paused ? `暂停计时（预计${deadline.dueOn}）` : `${deadline.dueOn}（剩${deadline.workingDaysLeft}个工作日）`;
  return <Tag color={color} title={deadline.warning}>{text}{deadline.certain ? '' : '·待确认'}</Tag>;
}

const options = (table: Record<string, string>, keys?: string[]) => (keys ?? Object.keys(table)).map((value) => ({ value, label: table[value] }));
/** Channels staff register (an online application comes through the portal). */
const REGISTER_CHANNELS = ['inPerson', 'letter', 'email', 'fax', 'oral'];

interface Filters {
  q?: string; status?: string; channel?: string; org?: string; receivedFrom?: string | null; receivedTo?: string | null; due?: string; sort: string;
}

function queryOf(filters: Filters): string {
  return new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)])).toString();
}

interface BulkResult { id: number; ok: boolean; trackingNo?: string; message?: string }

export default function Requests() {
  const { hasRole, user } = useSession();
  const { message } = App.useApp();
  const [items, setItems] = useState<RequestSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | undefined>();
  // The cursor of every page seen so far: back goes to the one before.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [filters, setFilters] = useState<Filters>({ sort: 'newest' });
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [registering, setRegistering] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [bulk, setBulk] = useState<'assign' | 'approveReply' | null>(null);
  const [bulkResults, setBulkResults] = useState<BulkResult[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [filterForm] = Form.useForm();
  const [bulkForm] = Form.useForm();
  const channel = Form.useWatch('channel', form);
  const handles = hasRole('disclosureOffice', 'admin');
  const query = useMemo(() => queryOf(filters), [filters]);

  const load = useCallback(async (cursor?: string) => {
    try {
      const page = await get<{ items: RequestSummary[]; total: number; next?: string }>(`/api/v1/handling/requests?limit=50&${query}${cursor ? `&cursor=${cursor}` : ''}`);
      setItems(page.items);
      setTotal(page.total);
      setNext(page.next);
      setListError(null);
    } catch (e) {
      setListError(e instanceof ApiError ? e.message : '加载失败');
    }
  }, [query]);
  useEffect(() => {
    setCursors([undefined]);
    setSelected([]);
    void load();
  }, [load]);
  useEffect(() => {
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items.filter((o) => o.type !== 'office')));
  }, []);

  async function register(v: Record<string, string | boolean>) {
    try {
      const res = await post<{ trackingNo: string }>('/api/v1/requests', {
        orgCode: v.orgCode, channel: v.channel, registeredMail: v.registeredMail || undefined, receivedOn: v.receivedOn || undefined,
        applicant: {
          type: v.type, name: v.name, idType: v.idType, idNumber: v.idNumber, phone: v.phone,
          ...(v.email ? { email: v.email } : {}), ...(v.address ? { address: v.address } : {}),
        },
        description: v.description, ...(v.purpose ? { purpose: v.purpose } : {}), form: v.form, delivery: v.delivery, queryPassword: v.queryPassword,
      });
      message.success(`已登记，受理编号 ${res.trackingNo}`);
      setRegistering(false);
      await load();
    } catch (e) {
      form.setFields(fieldErrors(e).map((f) => ({ ...f, name: f.name === 'applicant' ? 'idNumber' : f.name })));
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  }

  async function runBulk(v: { orgCode?: string; note?: string }) {
    if (!bulk) return;
    try {
      const res = await post<{ results: BulkResult[] }>('/api/v1/handling/requests/bulk-actions', { action: bulk, ids: selected, ...v });
      setBulkResults(res.results.map((r) => ({ ...r, trackingNo: r.trackingNo ?? items.find((i) => i.id === r.id)?.trackingNo })));
      setBulk(null);
      setSelected([]);
      await load(cursors[cursors.length - 1]);
    } catch (e) {
      bulkForm.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '批量办理失败');
    }
  }

  const drafts = items.filter((i) => selected.includes(i.id) && i.replyDraftPending).length;
  return (
    <>
      <Typography.Title level={2}>依申请公开</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        {handles && <Button type="primary" onClick={() => { form.resetFields(); setRegistering(true); }}>登记申请</Button>}
        {hasRole('disclosureOffice', 'admin', 'supervisor') && (<>
          <Button href={`/api/v1/handling/requests/export.csv?${query}`}>导出筛选结果（CSV）</Button>
          <Button href={`/api/v1/handling/requests/register.xlsx?${query}`}>导出登记台账（XLSX）</Button>
        </>)}
      </Space>
      <Form form={filterForm} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} initialValues={{ sort: 'newest' }}
        onValuesChange={(_, all) => setFilters((f) => ({ ...all, q: f.q }))}>
        <Form.Item label="查找" htmlFor="request-search">
          <Input.Search id="request-search" allowClear placeholder="受理编号、申请人、所需信息" style={{ width: 240 }}
            onSearch={(value) => setFilters((f) => ({ ...f, q: value.trim() || undefined }))} />
        </Form.Item>
        <Form.Item name="status" label="状态"><Select allowClear placeholder="全部" style={{ width: 170 }} options={options(LABELS.requestStatus)} /></Form.Item>
        <Form.Item name="channel" label="申请方式"><Select allowClear placeholder="全部" style={{ width: 130 }} options={options(LABELS.requestChannelFilter)} /></Form.Item>
        {orgs.length > 1 && <Form.Item name="org" label="办理机关"><SearchSelect allowClear style={{ width: 200 }} options={orgs.map((o) => ({ value: o.code, label: o.name }))} /></Form.Item>}
        <Form.Item name="receivedFrom" label="收到日期"><DateInput placeholder="起" /></Form.Item>
        <Form.Item name="receivedTo" label="至"><DateInput placeholder="止" notBefore={filters.receivedFrom} /></Form.Item>
        <Form.Item name="due" label="期限"><Select allowClear placeholder="全部" style={{ width: 150 }} options={options(LABELS.requestDue)} /></Form.Item>
        <Form.Item name="sort" label="排序"><Select style={{ width: 170 }} options={options(LABELS.requestSort)} /></Form.Item>
      </Form>
      {listError && <Alert type="error" role="alert" showIcon message={listError} style={{ marginBottom: 16 }} />}
      {handles && selected.length > 0 && (
        <Alert style={{ marginBottom: 12 }} type="info" message={<Space wrap>
          <span>已选 {selected.length} 件</span>
          <Button size="small" onClick={() => { bulkForm.resetFields(); setBulk('assign'); }}>交办所选申请</Button>
          {hasRole('disclosureOffice') && <Button size="small" disabled={!drafts} onClick={() => { bulkForm.resetFields(); setBulk('approveReply'); }}>审核签发所选答复稿（{drafts}）</Button>}
          <Button size="small" type="link" onClick={() => setSelected([])}>取消选择</Button>
        </Space>} />
      )}
      <Table<RequestSummary>
        rowKey="id"
        dataSource={items}
        pagination={false}
        scroll={{ x: 1000 }}
        tableLayout="fixed"
        rowSelection={handles ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (r) => ({ disabled: r.status === 'completed', 'aria-label': `选择 ${r.trackingNo}` }) } : undefined}
        locale={{ emptyText: <EmptyText>没有符合条件的申请</EmptyText> }}
        columns={[
          { title: '受理编号', dataIndex: 'trackingNo', width: 200, render: (t, r) => <a href={`#/requests/${r.id}`}>{t}</a> },
          { title: '申请人', width: 125, render: (_, r) => <>{r.applicant.name}{r.applicant.phone && <div><Typography.Text type="secondary">{r.applicant.phone}</Typography.Text></div>}</> },
          {
            title: '所需信息与办理机关', render: (_, r) => <>
              <div title={r.description} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{r.description}</div>
              <Typography.Text type="secondary">{r.orgName}</Typography.Text>
            </>,
          },
          { title: '收到', width: 115, render: (_, r) => <>{r.receivedOn ?? '待确认'}<div><Typography.Text type="secondary">{r.channelLabel}</Typography.Text></div></> },
          { title: '状态', dataIndex: 'statusLabel', width: 150, render: (s, r) => <><Tag>{s}</Tag>{r.replyDraftPending && <Tag color="gold">答复稿待审核</Tag>}{r.outcomeLabel && <div>{r.outcomeLabel}</div>}</> },
          { title: '答复期限', width: 190, render: (_, r) => <DeadlineTag deadline={r.deadline} /> },
        ]}
        rowClassName={(r) => (r.deadline?.overdue ? 'overdue-row' : '')}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <span>共 {total} 件{cursors.length > 1 ? `，第 ${cursors.length} 页` : ''}</span>
        <Button disabled={cursors.length <= 1} onClick={() => { const previous = cursors.slice(0, -1); setCursors(previous); void load(previous[previous.length - 1]); }}>上一页</Button>
        <Button disabled={!next} onClick={() => { setCursors([...cursors, next]); void load(next); }}>下一页</Button>
      </Space>

      <Modal title={bulk === 'assign' ? `交办所选的 ${selected.length} 件申请` : `审核签发所选的 ${drafts} 件答复稿`} open={!!bulk} onCancel={() => setBulk(null)}
        onOk={() => bulkForm.submit()} okText="确定" cancelText="取消" destroyOnHidden>
        <Form form={bulkForm} layout="vertical" onFinish={runBulk}>
          {bulk === 'assign' && (<>
            <Form.Item label="承办部门" name="orgCode" rules={[{ required: true, message: '请选择承办部门' }]} extra="交由掌握该政府信息的部门承办并拟写答复；须为受理机关本身或其下级机关。">
              <SearchSelect options={orgs.filter((o) => o.type !== 'government').map((o) => ({ value: o.code, label: o.name }))} />
            </Form.Item>
            <Form.Item label="交办意见" name="note"><Input.TextArea rows={2} /></Form.Item>
          </>)}
          {bulk === 'approveReply' && <Typography.Paragraph>逐件审核签发：拟稿人本人的稿件不能由其本人签发（条例第三十三条），将逐件提示。</Typography.Paragraph>}
        </Form>
      </Modal>
      <Modal title="批量办理结果" open={!!bulkResults} onCancel={() => setBulkResults(null)} footer={<Button onClick={() => setBulkResults(null)}>关闭</Button>}>
        <List size="small" dataSource={bulkResults ?? []} renderItem={(r) => (
          <List.Item>{r.trackingNo ?? `#${r.id}`} {r.ok ? <Tag color="green">已办理</Tag> : <><Tag color="red">未办理</Tag>{r.message}</>}</List.Item>
        )} />
      </Modal>

      <Drawer title="登记来信、当面或口头申请" open={registering} onClose={() => setRegistering(false)} width={560} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={register} initialValues={{ orgCode: user.orgCode, channel: 'inPerson', type: 'natural', idType: 'idCard', form: 'paper', delivery: 'pickup' }}>
          <Form.Item label="受理机关" name="orgCode"><SearchSelect options={orgs.map((o) => ({ value: o.code, label: o.name }))} /></Form.Item>
          <Form.Item label="收到渠道" name="channel"><Select options={options(LABELS.requestChannel, REGISTER_CHANNELS)} /></Form.Item>
          {channel === 'letter' && <Form.Item label="挂号信" name="registeredMail" valuePropName="checked" extra="挂号信以签收之日为收到日；平信须与申请人确认后方为收到（条例第三十一条）"><Switch /></Form.Item>}
          <Form.Item label="收到日期" name="receivedOn" extra="默认今天；当面、口头申请以提交之日为收到日，挂号信以签收之日为收到日（条例第三十一条），不能晚于今天"><DateInput noFuture /></Form.Item>
          <Form.Item label="申请人类型" name="type"><Select options={options(LABELS.applicantType)} /></Form.Item>
          <Form.Item label="姓名或名称" name="name" rules={[{ required: true, message: '请输入申请人姓名或名称' }]}><Input /></Form.Item>
          <Form.Item label="证件类型" name="idType"><Select options={options(LABELS.idType)} /></Form.Item>
          <Form.Item label="证件号码" name="idNumber" rules={[{ required: true, message: '请输入证件号码' }]}><Input /></Form.Item>
          <Form.Item label="联系电话" name="phone" rules={[{ required: true, message: '请输入联系电话' }]}><Input /></Form.Item>
          <Form.Item label="电子邮箱" name="email"><Input type="email" /></Form.Item>
          <Form.Item label="通信地址" name="address"><Input /></Form.Item>
          <Form.Item label="所需信息" name="description" rules={[{ required: true, message: '请填写所需政府信息的名称、文号或特征描述' }]} extra="所需政府信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条）"><Input.TextArea rows={3} /></Form.Item>
          <Form.Item label="用途" name="purpose"><Input /></Form.Item>
          <Form.Item label="载体形式" name="form"><Select options={options(LABELS.requestForm)} /></Form.Item>
          <Form.Item label="获取方式" name="delivery"><Select options={options(LABELS.requestDelivery)} /></Form.Item>
          <Form.Item label="查询密码" name="queryPassword" extra="告知申请人，用于查询进度（至少8位）" rules={[{ required: true, message: '请设置查询密码' }]}><Input /></Form.Item>
          <Button type="primary" htmlType="submit">登记</Button>
        </Form>
      </Drawer>
    </>
  );
}
