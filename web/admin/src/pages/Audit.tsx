import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, ConfigProvider, Descriptions, Empty, Form, Grid, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { LABELS } from '../../../../src/domain/labels.js';
import { ApiError, get, post } from '../api';
import { DateInput } from '../components/DateInput';
import { SearchSelect } from '../components/SearchSelect';
import { useSession } from '../session';
import type { Org } from '../types';

interface Entry {
  seq: number;
  at: string;
  actionLabel: string;
  actorName: string;
  orgName: string | null;
  targetLabel: string;
  summaryText: string;
  prevHash: string;
  hash: string;
}

interface Filters {
  q?: string;
  category?: string;
  action?: string;
  orgCode?: string;
  actor?: string;
  from?: string | null;
  to?: string | null;
}

interface Verification {
  ok: boolean;
  truncated?: boolean;
  message: string;
  checked: number;
}

interface CheckpointList {
  items: { seq: number; at: string; valid: boolean; inFile: boolean }[];
  file: { count: number };
}

interface SecurityAlert {
  id: number;
  at: string;
  kindLabel: string;
  accountKindLabel: string;
  message: string;
}

/** 2026-03-16 10:00:00, China time (the same form as every date in the console). */
/** Secondary text (labels, hints, placeholders) dark enough for WCAG AA contrast on white. */
const READABLE = { token: { colorTextTertiary: '#595959', colorTextDescription: '#595959', colorTextPlaceholder: '#767676' } };

const when = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });

const categoryOptions = Object.entries(LABELS.auditCategory).map(([value, label]) => ({ value, label }));
/** Actions grouped by their category, each with its Chinese label (searchable). */
const actionOptions = categoryOptions.map((c) => ({
  label: c.label,
  title: c.label,
  options: Object.entries(LABELS.auditAction).filter(([key]) => key.startsWith(`${c.value}.`)).map(([value, label]) => ({ value, label })),
}));

function queryString(filters: Filters, order: 'asc' | 'desc', extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value).trim());
  params.set('order', order);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** The chain's integrity: the latest signed checkpoint, the verifier's verdict, the archive for backups. */
function Integrity() {
  const { message } = App.useApp();
  const [checkpoints, setCheckpoints] = useState<CheckpointList | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [busy, setBusy] = useState(false);
  const loadCheckpoints = useCallback(async () => setCheckpoints(await get<CheckpointList>('/api/v1/audit/checkpoints?limit=1')), []);
  useEffect(() => {
    void loadCheckpoints();
  }, [loadCheckpoints]);
  const latest = checkpoints?.items[0];

  async function verify() {
    setBusy(true);
    try {
      setVerification(await get<Verification>('/api/v1/audit/verify'));
    } finally {
      setBusy(false);
    }
  }

  async function signNow() {
    try {
      const { written } = await post<{ written: boolean }>('/api/v1/audit/checkpoints');
      message.success(written ? '已为当前末尾签署检查点' : '自上一个检查点以来没有新记录，无需签署');
      await loadCheckpoints();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '签署失败');
    }
  }

  return (
    <Card size="small" title="完整性校验" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="最新签名检查点">
          {latest ? (
            <Space wrap size={4}>
              <span>第 {latest.seq} 条，{when(latest.at)}</span>
              {latest.valid ? <Tag color="green">签名有效</Tag> : <Tag color="red">签名无效</Tag>}
              {latest.inFile ? <Tag>已写入检查点文件</Tag> : <Tag color="orange">检查点文件中没有</Tag>}
            </Space>
          ) : '尚无检查点（服务运行后每5分钟签署一次）'}
        </Descriptions.Item>
        <Descriptions.Item label="检查点文件">{checkpoints ? `共 ${checkpoints.file.count} 个检查点` : '—'}</Descriptions.Item>
      </Descriptions>
      <Space wrap>
        <Button onClick={verify} loading={busy}>校验哈希链</Button>
        <Button onClick={signNow}>立即签署检查点</Button>
        <Button href="/api/v1/audit/archive" download>导出审计档案（随备份保存）</Button>
      </Space>
      {verification && (
        <Alert
          type={verification.ok ? 'success' : 'error'}
          showIcon
          style={{ marginTop: 12 }}
          message={verification.ok ? '审计日志完整' : verification.truncated ? '审计日志末尾被截断' : '审计日志校验未通过'}
          description={verification.message}
        />
      )}
    </Card>
  );
}

/** Locks and slow-downs of sign-in that the administrator should look at. */
function SecurityAlerts() {
  const { message } = App.useApp();
  const [alerts, setAlerts] = useState<SecurityAlert[] | null>(null);
  const load = useCallback(async () => setAlerts((await get<{ items: SecurityAlert[] }>('/api/v1/security/alerts?open=true&limit=20')).items), []);
  useEffect(() => {
    void load();
  }, [load]);

  async function acknowledge(id: number) {
    try {
      await post(`/api/v1/security/alerts/${id}/acknowledge`);
      message.success('已标记为已处理');
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  return (
    <Card size="small" title={`安全提醒${alerts?.length ? `（${alerts.length}条待处理）` : ''}`} style={{ marginBottom: 16 }}>
      {alerts && !alerts.length ? <Typography.Text type="secondary">没有待处理的安全提醒。</Typography.Text> : (
        <List
          size="small"
          loading={!alerts}
          dataSource={alerts ?? []}
          renderItem={(a) => (
            <List.Item actions={[<Button key="ack" size="small" onClick={() => acknowledge(a.id)}>标记已处理</Button>]}>
              <List.Item.Meta title={<Space wrap size={4}><Tag color="red">{a.kindLabel}</Tag><span>{when(a.at)}</span></Space>} description={a.message} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export default function Audit() {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Filters>();
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [filters, setFilters] = useState<Filters>({});
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [items, setItems] = useState<Entry[]>([]);
  const [next, setNext] = useState<string | undefined>();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [loading, setLoading] = useState(false);

  // Only the latest request's answer is shown: one sent earlier (a reset, then a new order) may arrive later.
  const latest = useRef(0);
  const load = useCallback(async (f: Filters, o: 'asc' | 'desc', cursor?: string) => {
    const request = ++latest.current;
    setLoading(true);
    try {
      const data = await get<{ items: Entry[]; next?: string }>(`/api/v1/audit?${queryString(f, o, { limit: '50', ...(cursor ? { cursor } : {}) })}`);
      if (request !== latest.current) return;
      setItems(data.items);
      setNext(data.next);
    } catch (e) {
      if (request === latest.current) message.error(e instanceof ApiError ? e.message : '加载失败');
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [message]);

  useEffect(() => {
    void load({}, 'desc');
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items));
  }, [load]);

  function apply(values: Filters, o = order) {
    setFilters(values);
    setOrder(o);
    setCursors([undefined]);
    void load(values, o);
  }

  const exportUrl = (format: 'csv' | 'xlsx') => `/api/v1/audit/export?${queryString(filters, order, { format })}`;
  const orgOptions = useMemo(() => orgs.map((o) => ({ value: o.code, label: o.name })), [orgs]);

  // A phone shows each entry as one stacked cell; wider screens get the columns.
  const narrow = !Grid.useBreakpoint().md;
  const seqColumn = { title: '序号', dataIndex: 'seq', width: 76, sorter: true, sortOrder: order === 'asc' ? 'ascend' as const : 'descend' as const, sortDirections: ['descend' as const, 'ascend' as const, 'descend' as const] };
  const columns: TableColumnsType<Entry> = narrow
    ? [
      seqColumn,
      {
        title: '记录', key: 'entry',
        render: (_, e) => (
          <Space direction="vertical" size={0} style={{ width: '100%' }}>
            <Typography.Text strong>{e.actionLabel}</Typography.Text>
            <Typography.Text type="secondary">{when(e.at)}　{e.actorName}</Typography.Text>
            <span>{e.orgName ? `${e.orgName}　` : ''}{e.targetLabel}</span>
            {e.summaryText && <span style={{ wordBreak: 'break-word' }}>{e.summaryText}</span>}
          </Space>
        ),
      },
    ]
    : [
      seqColumn,
      { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => when(v) },
      { title: '操作人', dataIndex: 'actorName', width: 130, ellipsis: { showTitle: true } },
      { title: '机构', dataIndex: 'orgName', width: 120, ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '—' },
      { title: '操作', dataIndex: 'actionLabel', width: 130 },
      { title: '对象', dataIndex: 'targetLabel', width: 170, ellipsis: { showTitle: true } },
      { title: '内容摘要', dataIndex: 'summaryText', render: (v: string) => <span style={{ wordBreak: 'break-word' }}>{v || '—'}</span> },
    ];

  const onTableChange: TableProps<Entry>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const o = s?.order === 'ascend' ? 'asc' : 'desc';
    if (o !== order) apply(filters, o);
  };

  return (
    <ConfigProvider theme={READABLE}>
      <Typography.Title level={2}>审计日志</Typography.Title>
      {hasRole('admin') && <SecurityAlerts />}
      {hasRole('admin', 'supervisor') && <Integrity />}

      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={(v) => apply(v)}>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', columnGap: 12 }}>
            <Form.Item name="q" label="关键词" extra="操作人、对象、内容或操作名称">
              <Input allowClear placeholder="如：退回、预算、clerk" />
            </Form.Item>
            <Form.Item name="category" label="操作类别">
              <SearchSelect allowClear options={categoryOptions} />
            </Form.Item>
            <Form.Item name="action" label="操作">
              <SearchSelect allowClear options={actionOptions} />
            </Form.Item>
            <Form.Item name="orgCode" label="机构">
              <SearchSelect allowClear options={orgOptions} />
            </Form.Item>
            <Form.Item name="actor" label="操作人用户名">
              <Input allowClear placeholder="如：office" />
            </Form.Item>
            <Form.Item name="from" label="开始日期">
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="to" label="结束日期">
              <DateInput style={{ width: '100%' }} />
            </Form.Item>
          </div>
          <Space wrap>
            <Button type="primary" htmlType="submit">查询</Button>
            <Button onClick={() => { form.resetFields(); apply({}); }}>重置</Button>
            <Select
              aria-label="排序"
              value={order}
              onChange={(o) => apply(filters, o)}
              options={[{ value: 'desc', label: '最新的在前' }, { value: 'asc', label: '最早的在前' }]}
              style={{ width: 130 }}
            />
            <Button href={exportUrl('xlsx')} download>导出 Excel</Button>
            <Button href={exportUrl('csv')} download>导出 CSV</Button>
          </Space>
        </Form>
      </Card>

      <Table<Entry>
        rowKey="seq"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        tableLayout="fixed"
        scroll={narrow ? undefined : { x: 1000 }}
        onChange={onTableChange}
        locale={{ emptyText: <Empty description="没有符合条件的记录" /> }}
        expandable={{
          expandedRowRender: (e) => (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="对象">{e.targetLabel}</Descriptions.Item>
              <Descriptions.Item label="内容摘要">{e.summaryText || '无'}</Descriptions.Item>
              <Descriptions.Item label="本条哈希"><Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{e.hash}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label="前一条哈希"><Typography.Text code style={{ wordBreak: 'break-all' }}>{e.prevHash}</Typography.Text></Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={columns}
      />
      <Space style={{ marginTop: 16 }}>
        <Button disabled={cursors.length <= 1} onClick={() => { const prev = cursors.slice(0, -1); setCursors(prev); void load(filters, order, prev[prev.length - 1]); }}>上一页</Button>
        <Button disabled={!next} onClick={() => { setCursors([...cursors, next]); void load(filters, order, next); }}>下一页</Button>
      </Space>
    </ConfigProvider>
  );
}
