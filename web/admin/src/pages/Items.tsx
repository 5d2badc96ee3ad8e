import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Form, Input, Modal, Row, Select, Space, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { CONFIDENTIALITY_CHECKLIST } from '../../../../src/domain/item-workflow.js';
import { LABELS } from '../../../../src/domain/labels.js';
import { ApiError, get, post } from '../api';
import { DateInput } from '../components/DateInput';
import { SearchSelect } from '../components/SearchSelect';
import { navigate } from '../router';
import { useSession } from '../session';
import type { Org } from '../types';
import { EmptyText } from '../components/EmptyText';

export interface ItemSummary {
  id: number;
  title: string;
  status: string;
  statusLabel: string;
  orgName: string;
  indexNo?: string | null;
  docNo?: string | null;
  category?: string;
  disclosureLabel?: string;
  publishedOn?: string | null;
  updatedAt?: string;
  publicationDue?: { dueOn: string; warning: 'overdue' | 'dueSoon' | null; warningLabel?: string } | null;
  permissions?: { review: boolean };
}

interface Filters {
  q?: string; status?: string[]; org?: string; category?: string; disclosure?: string;
  dateField: string; from?: string | null; to?: string | null; sort: string; order: 'asc' | 'desc'; page: number; pageSize: number;
}
const INITIAL: Filters = { dateField: 'updated', sort: 'updatedAt', order: 'desc', page: 1, pageSize: 20 };
const SORTABLE: Record<string, string> = { updatedAt: 'updatedAt', publishedOn: 'publishedOn', writtenOn: 'writtenOn' };
const CHECKLIST = Object.entries(CONFIDENTIALITY_CHECKLIST);
const options = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));

function query(filters: Filters, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) continue;
    params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return params.toString();
}

function DueTag({ item }: { item: ItemSummary }) {
  const due = item.publicationDue;
  if (!due) return <>—</>;
  return <Tag color={due.warning === 'overdue' ? 'red' : due.warning ? 'orange' : 'default'}>{due.dueOn}{due.warningLabel ? ` ${due.warningLabel}` : ''}</Tag>;
}

/**
 * Approves the selected items one by one on the server (each still checked for its step, findings
 * and checklist) and reports which passed and why others did not.
 */
function BulkApprove({ ids, needsChecklist, onDone }: { ids: number[]; needsChecklist: boolean; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [checked, setChecked] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [refused, setRefused] = useState<{ id: number; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  async function approve() {
    setBusy(true);
    try {
      const res = await post<{ approved: number; refused: number; results: { id: number; ok: boolean; message?: string }[] }>('/api/v1/items/bulk-approve', {
        ids, comment: comment || undefined, checklist: needsChecklist ? Object.fromEntries(CHECKLIST.map(([k]) => [k, checked.includes(k)])) : undefined,
      });
      message.success(`已通过 ${res.approved} 条${res.refused ? `，${res.refused} 条未通过` : ''}`);
      setRefused(res.results.filter((r) => !r.ok).map((r) => ({ id: r.id, message: r.message ?? '' })));
      if (!res.refused) setOpen(false);
      onDone();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '批量办理失败');
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button type="primary" disabled={!ids.length} onClick={() => { setRefused([]); setOpen(true); }}>批量通过（{ids.length}）</Button>
      <Modal title={`批量通过 ${ids.length} 条信息`} open={open} onCancel={() => setOpen(false)} onOk={approve} okText="逐条审核通过" cancelText="取消" confirmLoading={busy}>
        <p>每条信息仍逐一检查：所处环节、办理权限、未处理的个人信息检查结果{needsChecklist ? '和保密审查确认项' : ''}。</p>
        {needsChecklist && (
          <fieldset style={{ border: 0, padding: 0 }}>
            <legend style={{ fontSize: 14 }}>保密审查确认（条例第十七条）：以下各项对所选每条信息均已核实</legend>
            <Checkbox.Group options={CHECKLIST.map(([value, label]) => ({ value, label }))} value={checked} onChange={(v) => setChecked(v as string[])} />
          </fieldset>
        )}
        <Input.TextArea aria-label="批量审核意见" placeholder="审核意见（可不填）" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} style={{ marginTop: 12 }} />
        {refused.length > 0 && <Alert type="warning" showIcon style={{ marginTop: 12 }} message="以下信息未通过" description={refused.map((r) => <div key={r.id}><a href={`#/items/${r.id}`}>#{r.id}</a>：{r.message}</div>)} />}
      </Modal>
    </>
  );
}

export default function Items() {
  const { hasRole, user } = useSession();
  const [queue, setQueue] = useState<ItemSummary[]>([]);
  const [list, setList] = useState<{ items: ItemSummary[]; total: number }>({ items: [], total: 0 });
  const [filters, setFilters] = useState<Filters>(INITIAL);
  const [selected, setSelected] = useState<number[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [loading, setLoading] = useState(false);
  const [form] = Form.useForm();

  const loadQueue = useCallback(async () => setQueue((await get<{ items: ItemSummary[] }>('/api/v1/items/queue')).items), []);
  const loadList = useCallback(async () => {
    setLoading(true);
    try {
      setList(await get<{ items: ItemSummary[]; total: number }>(`/api/v1/items?${query(filters)}`));
    } finally {
      setLoading(false);
    }
  }, [filters]);
  useEffect(() => { void loadQueue(); }, [loadQueue]);
  useEffect(() => { void loadList(); }, [loadList]);
  useEffect(() => {
    void get<{ value: string[] }>(`/api/v1/settings/categories:${user.orgCode}`).then((r) => setCategories(r.value));
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items.filter((o) => o.type !== 'office')));
  }, [user.orgCode]);

  const columns: TableProps<ItemSummary>['columns'] = [
    { title: '标题', dataIndex: 'title', render: (t: string, i) => <a href={`#/items/${i.id}`} style={{ wordBreak: 'break-all' }}>{t}</a> },
    { title: '索引号', dataIndex: 'indexNo', responsive: ['xl'], width: 150, render: (v: string | null) => (v ? <span style={{ wordBreak: 'break-all' }}>{v}</span> : '—') },
    { title: '发文字号', dataIndex: 'docNo', responsive: ['xxl'], width: 140, render: (v: string | null) => v ?? '—' },
    { title: '发布机构', dataIndex: 'orgName', responsive: ['lg'], width: 120 },
    { title: '状态', dataIndex: 'statusLabel', width: 130, render: (l: string) => <Tag style={{ whiteSpace: 'normal' }}>{l}</Tag> },
    { title: '公开期限', responsive: ['md'], width: 150, render: (_: unknown, i) => <DueTag item={i} /> },
    { title: '发布日期', dataIndex: 'publishedOn', key: 'publishedOn', responsive: ['lg'], width: 110, sorter: true, sortOrder: filters.sort === 'publishedOn' ? (filters.order === 'asc' ? 'ascend' : 'descend') : null, render: (v: string | null) => v ?? '—' },
    { title: '最后更新', dataIndex: 'updatedAt', key: 'updatedAt', responsive: ['md'], width: 110, sorter: true, sortOrder: filters.sort === 'updatedAt' ? (filters.order === 'asc' ? 'ascend' : 'descend') : null, render: (v: string) => new Date(v).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) },
  ];

  // The queue is short and comes whole: no server-side sorting there.
  const queueColumns = columns.map((c) => ({ ...c, sorter: undefined, sortOrder: undefined }));
  const reviewable = useMemo(() => new Set([...queue, ...list.items].filter((i) => i.permissions?.review).map((i) => i.id)), [queue, list.items]);
  const selectedItems = [...queue, ...list.items].filter((i) => selected.includes(i.id));
  const needsChecklist = selectedItems.some((i) => i.status === 'confidentialityReview');
  const canBulk = hasRole('deptHead', 'confidentialityReviewer', 'leader');
  const rowSelection: TableProps<ItemSummary>['rowSelection'] | undefined = canBulk ? {
    selectedRowKeys: selected,
    onChange: (keys) => setSelected(keys as number[]),
    getCheckboxProps: (i) => ({ disabled: !reviewable.has(i.id), 'aria-label': `选择：${i.title}` }),
  } : undefined;
  const refresh = () => { setSelected([]); void loadQueue(); void loadList(); };

  const search = (v: Record<string, unknown>) => setFilters({ ...filters, ...v, page: 1 } as Filters);
  const exportUrl = (format: 'csv' | 'xlsx') => `/api/v1/items/export?${query({ ...filters, page: 1 }, { format })}`;

  const filterForm = (
    <Form form={form} layout="vertical" onFinish={search} initialValues={INITIAL} style={{ marginBottom: 8 }}>
      <Row gutter={12}>
        <Col xs={24} md={12} xl={8}><Form.Item label="检索" name="q" extra="标题、索引号或发文字号中的文字"><Input allowClear placeholder="如：预算、县财发〔2026〕" /></Form.Item></Col>
        <Col xs={24} md={12} xl={8}><Form.Item label="状态" name="status"><Select mode="multiple" allowClear options={options(LABELS.itemStatus)} placeholder="全部状态" /></Form.Item></Col>
        {(hasRole('disclosureOffice', 'supervisor', 'admin')) && <Col xs={24} md={12} xl={8}><Form.Item label="发布机构" name="org" extra="含下级机构"><SearchSelect allowClear options={orgs.map((o) => ({ value: o.code, label: o.name }))} /></Form.Item></Col>}
        <Col xs={24} md={12} xl={8}><Form.Item label="信息类别" name="category"><SearchSelect allowClear options={categories.map((c) => ({ value: c, label: c }))} /></Form.Item></Col>
        <Col xs={24} md={12} xl={8}><Form.Item label="公开属性" name="disclosure"><Select allowClear options={options(LABELS.disclosure)} placeholder="全部" /></Form.Item></Col>
        <Col xs={24} xl={16}>
          <Form.Item label="日期范围" extra="按所选日期筛选，含起止当日">
            <Space wrap>
              <Form.Item name="dateField" noStyle><Select aria-label="按哪个日期" style={{ width: 130 }} options={options(LABELS.itemDateField)} /></Form.Item>
              <Form.Item name="from" noStyle><DateInput id="from" placeholder="开始日期" style={{ width: 140, minWidth: 0 }} /></Form.Item>
              <Form.Item name="to" noStyle><DateInput id="to" placeholder="结束日期" style={{ width: 140, minWidth: 0 }} /></Form.Item>
            </Space>
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        <Button type="primary" htmlType="submit">检索</Button>
        <Button onClick={() => { form.resetFields(); setFilters(INITIAL); }}>重置</Button>
        <Button href={exportUrl('xlsx')}>导出 XLSX</Button>
        <Button href={exportUrl('csv')}>导出 CSV</Button>
      </Space>
    </Form>
  );

  return (
    <>
      <Typography.Title level={2}>信息发布</Typography.Title>
      <Typography.Paragraph type="secondary">主动公开信息应自形成或变更之日起20个工作日内公开（条例第二十六条）；发布前须经保密审查（条例第十七条）；不公开须有法定理由（条例第十四条至第十六条）。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        {hasRole('clerk') && <Button type="primary" onClick={() => navigate('/items/new')}>新建信息</Button>}
        {canBulk && <BulkApprove ids={selected.filter((id) => reviewable.has(id))} needsChecklist={needsChecklist} onDone={refresh} />}
      </Space>
      <Tabs items={[
        {
          key: 'queue', label: `我的待办（${queue.length}）`,
          children: <Table rowKey="id" dataSource={queue} columns={queueColumns} pagination={false} rowSelection={rowSelection} locale={{ emptyText: <EmptyText>没有待办的信息</EmptyText> }} />,
        },
        {
          key: 'all', label: '全部信息',
          children: (
            <>
              {filterForm}
              <Table<ItemSummary>
                rowKey="id" dataSource={list.items} columns={columns} loading={loading} rowSelection={rowSelection}
                locale={{ emptyText: <EmptyText>没有符合条件的信息</EmptyText> }}
                pagination={{ current: filters.page, pageSize: filters.pageSize, total: list.total, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (n) => `共 ${n} 条` }}
                onChange={(p, _f, sorter) => {
                  const s = Array.isArray(sorter) ? sorter[0] : sorter;
                  const sort = s?.order ? SORTABLE[String(s.columnKey)] ?? 'updatedAt' : 'updatedAt';
                  setFilters({ ...filters, page: p.current ?? 1, pageSize: p.pageSize ?? 20, sort, order: s?.order === 'ascend' ? 'asc' : 'desc' });
                }}
              />
            </>
          ),
        },
      ]} />
    </>
  );
}
