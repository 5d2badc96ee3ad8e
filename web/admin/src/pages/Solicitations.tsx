/**
 * 意见征集: the drafts of the bodies in the staff member's scope — write a draft with its articles, take it
 * through review to publication, moderate the comments, then write and publish the 意见采纳情况.
 */
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { LABELS } from '../../../../src/domain/labels.js';
import { PERIOD_RULES, type DraftKind } from '../../../../src/domain/solicitation-period.js';
import { ApiError, fieldErrors, get, patch, post, put } from '../api';
import { DateInput } from '../components/DateInput';
import { SearchSelect } from '../components/SearchSelect';
import { useSession } from '../session';
import type { Org } from '../types';
import { EmptyText } from '../components/EmptyText';

interface Article { id: number; seq: number; heading: string; text: string }
interface Group { id: number; seq: number; articleId: number | null; summary: string; decision: string; decisionLabel: string; reason: string; commentIds: number[] }
interface Draft {
  id: number; orgCode: string; orgName: string; kind: DraftKind; kindLabel: string; title: string; explanation: string;
  periodLength: number; periodUnitLabel: string; periodBasis: string; shortenedReason: string | null; moderated: boolean;
  status: string; statusLabel: string; opensOn: string | null; endsOn: string | null; periodCertain: boolean; accepting: boolean;
  feedbackSummary: string; feedbackPublishedOn: string | null; url: string; commentCount?: number; pendingCount?: number;
  articles?: Article[]; feedback?: Group[]; canManage?: boolean;
  statistics?: { received: number; approved: number; pending: number; rejected: number; overall: number; adopted: number; partlyAdopted: number; notAdopted: number };
}
interface Comment {
  id: number; draftId: number; draftTitle: string; articleId: number | null; articleLabel: string; channelLabel: string; body: string;
  commenterMasked: string | null; receivedOn: string; status: string; statusLabel: string; rejectReason: string | null;
}

const KIND_OPTIONS = Object.entries(LABELS.draftKind).map(([value, label]) => ({ value, label }));
const DECISION_OPTIONS = Object.entries(LABELS.adoptionDecision).map(([value, label]) => ({ value, label }));
const CHANNEL_OPTIONS = Object.entries(LABELS.commentChannel).filter(([v]) => v !== 'online').map(([value, label]) => ({ value, label }));
/** Tag colours with AA contrast. */
const STATUS_TAG: Record<string, CSSProperties> = {
  draft: { color: '#434343', background: '#fafafa', borderColor: '#d9d9d9' },
  review: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  open: { color: '#0050b3', background: '#e6f7ff', borderColor: '#91d5ff' },
  closed: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  feedbackPublished: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
};
const period = (d: Draft) => (d.opensOn && d.endsOn ? `${d.opensOn} 至 ${d.endsOn}` : `${d.periodLength}${d.periodUnitLabel}（发布后起算）`);

function periodHelp(kind: DraftKind | undefined) {
  if (!kind) return '';
  const rule = PERIOD_RULES[kind];
  return `${rule.basis}。单位：${LABELS.periodUnit[rule.unit]}，自发布次日起算；按日计算的期限最后一日为节假日的，顺延至节假日后第一个工作日。`;
}

export default function Solicitations() {
  const { hasRole, user } = useSession();
  const { message } = App.useApp();
  const canManage = hasRole('disclosureOffice', 'admin');
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [queue, setQueue] = useState<Comment[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [editing, setEditing] = useState<Draft | 'new' | null>(null);
  const [viewing, setViewing] = useState<Draft | null>(null);
  const [comments, setComments] = useState<Comment[]>([]);
  const [feedbackOpen, setFeedbackOpen] = useState(false);
  const [registerOpen, setRegisterOpen] = useState(false);
  const [rejecting, setRejecting] = useState<Comment | null>(null);
  const [returning, setReturning] = useState(false);
  const [editForm] = Form.useForm();
  const [feedbackForm] = Form.useForm();
  const [registerForm] = Form.useForm();
  const [rejectForm] = Form.useForm();
  const [returnForm] = Form.useForm();
  const kind = Form.useWatch('kind', editForm) as DraftKind | undefined;

  const load = useCallback(async () => {
    try {
      const [d, q] = await Promise.all([
        get<{ items: Draft[] }>('/api/v1/solicitations'),
        get<{ items: Comment[] }>('/api/v1/solicitation-comments?status=pending'),
      ]);
      setDrafts(d.items);
      setQueue(q.items);
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof ApiError ? e.message : '加载失败，请稍后重试。');
    }
  }, []);

  useEffect(() => {
    void load();
    if (canManage) void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items.filter((o) => o.type !== 'office')));
  }, [load, canManage]);

  async function open(id: number) {
    try {
      const [d, c] = await Promise.all([get<Draft>(`/api/v1/solicitations/${id}`), get<{ items: Comment[] }>(`/api/v1/solicitations/${id}/comments`)]);
      setViewing(d);
      setComments(c.items);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '加载失败');
    }
  }

  function startEdit(d: Draft | 'new') {
    setEditing(d);
    editForm.resetFields();
    if (d === 'new') editForm.setFieldsValue({ orgCode: user.orgCode, kind: 'normative', moderated: true, articles: [{ heading: '第一条', text: '' }] });
    else editForm.setFieldsValue({ ...d, articles: d.articles?.map((a) => ({ heading: a.heading, text: a.text })) ?? [] });
  }

  async function save(values: Record<string, unknown>) {
    try {
      const body = { ...values, shortenedReason: values.shortenedReason || null };
      const saved = editing === 'new' ? await post<Draft>('/api/v1/solicitations', body) : await patch<Draft>(`/api/v1/solicitations/${(editing as Draft).id}`, { ...body, orgCode: undefined });
      message.success('征求意见稿已保存。');
      setEditing(null);
      await load();
      await open(saved.id);
    } catch (e) {
      editForm.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  async function step(id: number, action: 'submit' | 'open' | 'return', body?: unknown, done?: string) {
    try {
      await post(`/api/v1/solicitations/${id}/${action}`, body);
      message.success(done ?? '已完成。');
      await load();
      await open(id);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  async function moderate(c: Comment, decision: 'approve' | 'reject', reason?: string) {
    try {
      await post(`/api/v1/solicitation-comments/${c.id}/moderation`, { decision, reason });
      message.success(decision === 'approve' ? '意见已在门户公开。' : '已标记为不予公开。');
      setRejecting(null);
      await load();
      if (viewing) await open(viewing.id);
    } catch (e) {
      rejectForm.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  function startFeedback(d: Draft) {
    feedbackForm.resetFields();
    feedbackForm.setFieldsValue({
      feedbackSummary: d.feedbackSummary,
      groups: (d.feedback ?? []).map((g) => ({ summary: g.summary, articleId: g.articleId, decision: g.decision, reason: g.reason, commentIds: g.commentIds })),
    });
    setFeedbackOpen(true);
  }

  async function saveFeedback(values: { feedbackSummary?: string; groups?: Record<string, unknown>[] }) {
    if (!viewing) return;
    try {
      await put(`/api/v1/solicitations/${viewing.id}/feedback`, {
        feedbackSummary: values.feedbackSummary ?? '',
        groups: (values.groups ?? []).map((g) => ({ ...g, articleId: g.articleId ?? null, commentIds: g.commentIds ?? [] })),
      });
      message.success('意见采纳情况已保存（尚未公布）。');
      setFeedbackOpen(false);
      await open(viewing.id);
    } catch (e) {
      feedbackForm.setFields((e instanceof ApiError ? e.details : []).filter((d) => d.path).map((d) => ({ name: d.path!.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [d.message] })));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  async function publishFeedback(d: Draft) {
    try {
      await post(`/api/v1/solicitations/${d.id}/feedback/publish`, {});
      message.success('意见采纳情况已在门户公布。');
      await load();
      await open(d.id);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '公布失败');
    }
  }

  async function registerComment(values: Record<string, unknown>) {
    if (!viewing) return;
    try {
      await post(`/api/v1/solicitations/${viewing.id}/comments`, { ...values, articleId: values.articleId ?? null });
      message.success('意见已登记。');
      setRegisterOpen(false);
      await load();
      await open(viewing.id);
    } catch (e) {
      registerForm.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  }

  const articleOptions = [{ value: null as number | null, label: '总体意见' }, ...(viewing?.articles ?? []).map((a) => ({ value: a.id as number | null, label: a.heading || `第${a.seq}条` }))];
  const commentColumns = (withDraft: boolean) => [
    ...(withDraft ? [{ title: '征求意见稿', dataIndex: 'draftTitle', ellipsis: true }] : []),
    { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
    { title: '针对', dataIndex: 'articleLabel', width: 100 },
    { title: '渠道', dataIndex: 'channelLabel', width: 100 },
    { title: '意见', dataIndex: 'body', render: (v: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{v}</div> },
    { title: '提出人', dataIndex: 'commenterMasked', width: 80, render: (v: string | null) => v ?? '未留名' },
    {
      title: '状态', width: 200,
      render: (_: unknown, c: Comment) => c.status === 'pending' && canManage ? (
        <Space wrap>
          <Button size="small" type="primary" onClick={() => moderate(c, 'approve')}>公开</Button>
          <Button size="small" onClick={() => { rejectForm.resetFields(); setRejecting(c); }}>不予公开</Button>
        </Space>
      ) : <span>{c.statusLabel}{c.rejectReason ? `：${c.rejectReason}` : ''}</span>,
    },
  ];

  return (
    <>
      <Typography.Title level={2}>意见征集</Typography.Title>
      {loadError && <Alert type="error" showIcon message={loadError} style={{ marginBottom: 16 }} />}
      <Tabs items={[
        {
          key: 'drafts', label: '征求意见稿',
          children: (
            <>
              {canManage && <Button type="primary" style={{ marginBottom: 16 }} onClick={() => startEdit('new')}>起草征求意见稿</Button>}
              <Table<Draft>
                rowKey="id" dataSource={drafts ?? []} loading={!drafts && !loadError} scroll={{ x: 900 }}
                pagination={{ pageSize: 20, showSizeChanger: false }} locale={{ emptyText: <EmptyText>还没有征求意见稿</EmptyText> }}
                columns={[
                  { title: '标题', dataIndex: 'title', ellipsis: true },
                  { title: '起草机关', dataIndex: 'orgName', width: 150 },
                  { title: '类型', dataIndex: 'kindLabel', width: 130 },
                  { title: '征求意见期', width: 220, render: (_, d) => period(d) },
                  { title: '状态', width: 130, render: (_, d) => <Tag style={STATUS_TAG[d.status]}>{d.statusLabel}</Tag> },
                  { title: '意见', width: 110, render: (_, d) => `${d.commentCount ?? 0}条${d.pendingCount ? `（待审${d.pendingCount}）` : ''}` },
                  { title: '操作', width: 90, render: (_, d) => <Button size="small" onClick={() => open(d.id)}>{canManage ? '办理' : '查看'}</Button> },
                ]}
              />
            </>
          ),
        },
        {
          key: 'queue', label: `意见审核${queue?.length ? `（${queue.length}）` : ''}`,
          children: <Table<Comment> rowKey="id" dataSource={queue ?? []} loading={!queue && !loadError} scroll={{ x: 900 }} pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: <EmptyText>没有待审核的意见</EmptyText> }} columns={commentColumns(true)} />,
        },
      ]} />

      <Drawer title={editing === 'new' ? '起草征求意见稿' : '修改征求意见稿'} open={!!editing} onClose={() => setEditing(null)} width={720} destroyOnHidden>
        <Form form={editForm} layout="vertical" onFinish={save}>
          {editing === 'new' && (
            <Form.Item label="起草机关" name="orgCode" rules={[{ required: true, message: '请选择起草机关。' }]}>
              <SearchSelect options={orgs.map((o) => ({ value: o.code, label: o.name }))} />
            </Form.Item>
          )}
          <Form.Item label="草案类型" name="kind" rules={[{ required: true, message: '请选择草案类型。' }]}>
            <Select options={KIND_OPTIONS} onChange={() => editForm.setFieldValue('periodLength', undefined)} />
          </Form.Item>
          <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题。' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="起草说明" name="explanation">
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
          <Form.Item label="征求意见期限" name="periodLength" extra={periodHelp(kind)}>
            <InputNumber min={1} max={365} placeholder={kind ? `默认${PERIOD_RULES[kind].defaultLength}` : ''} addonAfter={kind ? LABELS.periodUnit[PERIOD_RULES[kind].unit] : ''} />
          </Form.Item>
          <Form.Item label="缩短期限的理由" name="shortenedReason" extra="期限短于法定一般期限时必须填写，并在门户页面公开。">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item label="公众意见先审后公开" name="moderated" valuePropName="checked">
            <Switch checkedChildren="先审后公开" unCheckedChildren="提交即公开" />
          </Form.Item>
          <Typography.Title level={4}>草案条文</Typography.Title>
          <Form.List name="articles">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Card key={field.key} size="small" style={{ marginBottom: 8 }} title={`条文 ${i + 1}`} extra={<Button size="small" danger onClick={() => remove(field.name)}>删除本条</Button>}>
                    <Form.Item label="条文序号" name={[field.name, 'heading']}>
                      <Input maxLength={50} placeholder={`第${i + 1}条`} />
                    </Form.Item>
                    <Form.Item label="条文内容" name={[field.name, 'text']} rules={[{ required: true, message: '请填写条文内容。' }]}>
                      <Input.TextArea rows={3} maxLength={5000} />
                    </Form.Item>
                  </Card>
                ))}
                <Button onClick={() => add({ heading: '', text: '' })} style={{ marginBottom: 16 }}>添加条文</Button>
              </>
            )}
          </Form.List>
          <div><Button type="primary" htmlType="submit">保存</Button></div>
        </Form>
      </Drawer>

      <Drawer title={viewing ? viewing.title : '征求意见稿'} open={!!viewing && !editing} onClose={() => setViewing(null)} width={900} destroyOnHidden>
        {viewing && (
          <>
            <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="起草机关">{viewing.orgName}</Descriptions.Item>
              <Descriptions.Item label="类型">{viewing.kindLabel}</Descriptions.Item>
              <Descriptions.Item label="状态"><Tag style={STATUS_TAG[viewing.status]}>{viewing.statusLabel}</Tag></Descriptions.Item>
              <Descriptions.Item label="征求意见期">{period(viewing)}{!viewing.periodCertain && '（跨越尚未录入节假日安排的年份，仅供参考）'}</Descriptions.Item>
              <Descriptions.Item label="期限依据" span={2}>{viewing.periodBasis}</Descriptions.Item>
              {viewing.shortenedReason && <Descriptions.Item label="缩短期限的理由" span={2}>{viewing.shortenedReason}</Descriptions.Item>}
              {viewing.statistics && (
                <Descriptions.Item label="意见统计" span={2}>
                  收到{viewing.statistics.received}条，公开{viewing.statistics.approved}条，待审{viewing.statistics.pending}条，不予公开{viewing.statistics.rejected}条；
                  采纳{viewing.statistics.adopted}条，部分采纳{viewing.statistics.partlyAdopted}条，不予采纳{viewing.statistics.notAdopted}条
                </Descriptions.Item>
              )}
            </Descriptions>
            {viewing.canManage && (
              <Space wrap style={{ marginBottom: 16 }}>
                {viewing.status === 'draft' && <Button onClick={() => startEdit(viewing)}>修改</Button>}
                {viewing.status === 'draft' && <Button type="primary" onClick={() => step(viewing.id, 'submit', undefined, '已提交审核。')}>提交审核</Button>}
                {viewing.status === 'review' && <Button onClick={() => { returnForm.resetFields(); setReturning(true); }}>退回修改</Button>}
                {viewing.status === 'review' && (
                  <Popconfirm title="发布征求意见？" description="草案将在门户“意见征集”栏目公开，征求意见期自明日起算，截止日期随即确定。" okText="发布" cancelText="暂不发布" onConfirm={() => step(viewing.id, 'open', undefined, '已发布征求意见。')}>
                    <Button type="primary">发布征求意见</Button>
                  </Popconfirm>
                )}
                {(viewing.status === 'open' || viewing.status === 'closed') && <Button onClick={() => { registerForm.resetFields(); setRegisterOpen(true); }}>登记信函、电子邮件意见</Button>}
                {viewing.status === 'closed' && <Button onClick={() => startFeedback(viewing)}>整理意见采纳情况</Button>}
                {viewing.status === 'closed' && (
                  <Popconfirm title="公布意见采纳情况？" description="采纳情况将在草案页面公布并进入全站搜索，公布后不能修改。" okText="公布" cancelText="暂不公布" onConfirm={() => publishFeedback(viewing)}>
                    <Button type="primary">公布采纳情况</Button>
                  </Popconfirm>
                )}
                {viewing.status !== 'draft' && viewing.status !== 'review' && <Button href={viewing.url} target="_blank">查看门户页面</Button>}
              </Space>
            )}
            <Typography.Title level={4}>草案条文</Typography.Title>
            {(viewing.articles ?? []).map((a) => <p key={a.id}><strong>{a.heading || `第${a.seq}条`}</strong>　{a.text}</p>)}
            {viewing.feedback && viewing.feedback.length > 0 && (
              <>
                <Typography.Title level={4}>意见采纳情况</Typography.Title>
                <Table<Group> rowKey="id" size="small" pagination={false} dataSource={viewing.feedback} style={{ marginBottom: 16 }} columns={[
                  { title: '序号', dataIndex: 'seq', width: 60 },
                  { title: '意见概述', dataIndex: 'summary' },
                  { title: '意见数', width: 80, render: (_, g) => g.commentIds.length },
                  { title: '采纳情况', dataIndex: 'decisionLabel', width: 100 },
                  { title: '理由', dataIndex: 'reason' },
                ]} />
              </>
            )}
            <Typography.Title level={4}>收到的意见</Typography.Title>
            <Table<Comment> rowKey="id" size="small" dataSource={comments} pagination={{ pageSize: 10, showSizeChanger: false }} locale={{ emptyText: <EmptyText>尚未收到意见</EmptyText> }} columns={commentColumns(false)} />
          </>
        )}
      </Drawer>

      <Drawer title="整理意见采纳情况" open={feedbackOpen} onClose={() => setFeedbackOpen(false)} width={820} destroyOnHidden>
        <Form form={feedbackForm} layout="vertical" onFinish={saveFeedback}>
          <Form.Item label="采纳情况总体说明" name="feedbackSummary">
            <Input.TextArea rows={3} maxLength={20000} placeholder="如：共收到意见若干条，经研究采纳若干条……" />
          </Form.Item>
          <Form.List name="groups">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Card key={field.key} size="small" style={{ marginBottom: 8 }} title={`第${i + 1}组意见`} extra={<Button size="small" danger onClick={() => remove(field.name)}>删除本组</Button>}>
                    <Form.Item label="意见概述" name={[field.name, 'summary']} rules={[{ required: true, message: '请概述本组意见。' }]}>
                      <Input.TextArea rows={2} maxLength={5000} />
                    </Form.Item>
                    <Space wrap>
                      <Form.Item label="针对的条文" name={[field.name, 'articleId']}>
                        <Select options={articleOptions} style={{ width: 180 }} />
                      </Form.Item>
                      <Form.Item label="采纳情况" name={[field.name, 'decision']} rules={[{ required: true, message: '请选择采纳情况。' }]}>
                        <Select options={DECISION_OPTIONS} style={{ width: 140 }} />
                      </Form.Item>
                    </Space>
                    <Form.Item label="理由" name={[field.name, 'reason']} extra="部分采纳或不予采纳的，须说明理由。">
                      <Input.TextArea rows={2} maxLength={5000} />
                    </Form.Item>
                    <Form.Item label="归入本组的意见" name={[field.name, 'commentIds']}>
                      <Select mode="multiple" options={comments.map((c) => ({ value: c.id, label: `${c.articleLabel}：${c.body.slice(0, 40)}` }))} />
                    </Form.Item>
                  </Card>
                ))}
                <Button onClick={() => add({ decision: 'adopted', articleId: null, commentIds: [] })} style={{ marginBottom: 16 }}>添加一组意见</Button>
              </>
            )}
          </Form.List>
          <div><Button type="primary" htmlType="submit">保存</Button></div>
        </Form>
      </Drawer>

      <Drawer title="登记意见" open={registerOpen} onClose={() => setRegisterOpen(false)} width={560} destroyOnHidden>
        <Form form={registerForm} layout="vertical" onFinish={registerComment} initialValues={{ channel: 'letter', articleId: null }}>
          <Form.Item label="渠道" name="channel" rules={[{ required: true, message: '请选择渠道。' }]}>
            <Select options={CHANNEL_OPTIONS} />
          </Form.Item>
          <Form.Item label="收到日期" name="receivedOn" extra="须在征求意见期内；不填为今天。">
            <DateInput noFuture />
          </Form.Item>
          <Form.Item label="针对的条文" name="articleId">
            <Select options={articleOptions} />
          </Form.Item>
          <Form.Item label="意见内容" name="body" rules={[{ required: true, message: '请填写意见内容。' }]}>
            <Input.TextArea rows={5} maxLength={5000} />
          </Form.Item>
          <Form.Item label="姓名" name="commenterName" extra="选填，加密保存，不公开。">
            <Input maxLength={50} />
          </Form.Item>
          <Button type="primary" htmlType="submit">登记</Button>
        </Form>
      </Drawer>

      <Drawer title="退回修改" open={returning} onClose={() => setReturning(false)} width={480} destroyOnHidden>
        <Form form={returnForm} layout="vertical" onFinish={async (v: { reason: string }) => { if (viewing) { setReturning(false); await step(viewing.id, 'return', v, '已退回修改。'); } }}>
          <Form.Item label="理由" name="reason" rules={[{ required: true, message: '请填写退回的理由。' }, { min: 2, message: '理由至少需要2个字。' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit">退回</Button>
        </Form>
      </Drawer>

      <Drawer title="不予公开" open={!!rejecting} onClose={() => setRejecting(null)} width={480} destroyOnHidden>
        <Form form={rejectForm} layout="vertical" onFinish={(v: { reason: string }) => rejecting && moderate(rejecting, 'reject', v.reason)}>
          <Form.Item label="理由" name="reason" rules={[{ required: true, message: '请填写不予公开的理由。' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit">确定</Button>
        </Form>
      </Drawer>
    </>
  );
}
