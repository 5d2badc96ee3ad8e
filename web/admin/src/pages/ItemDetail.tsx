import { useCallback, useEffect, useState, type JSX } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Input, List, Popconfirm, Radio, Space, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CONFIDENTIALITY_CHECKLIST } from '../../../../src/domain/item-workflow.js';
import { ApiError, get, post } from '../api';
import { VersionDiff, type VersionInfo } from '../components/VersionDiff';
import { currentPath, navigate } from '../router';
import { EmptyText } from '../components/EmptyText';

interface Finding {
  id: number; type: string; typeLabel: string; masked: string; status: 'open' | 'redacted' | 'accepted'; statusLabel: string;
  reason: string | null; offset: number; length: number; source: string; sourceLabel: string;
}
interface Review { id: number; step: string; stepLabel: string; decision: string; decisionLabel: string; comment: string | null; createdAt: string; actorName: string }
export interface ItemPermissions { edit: boolean; attach: boolean; submit: boolean; review: boolean; resolveFindings: boolean; reschedule: boolean; withdraw: boolean; correct: boolean }
export interface ItemDetailData {
  id: number; title: string; status: string; statusLabel: string; orgName: string; bodyHtml: string; indexNo: string | null; docNo: string | null;
  category: string; topic: string; keywords: string | null; disclosure: string; disclosureLabel: string; withheldGround: string | null; withheldGroundLabel: string;
  withheldReason: string | null; docKind: string; docKindLabel: string; validityLabel: string; writtenOn: string | null; formedOn: string | null;
  publishedOn: string | null; scheduledAt: string | null; withdrawnReason: string | null; version: number; interpretsItemId: number | null;
  interprets: { id: number; title: string; indexNo: string | null } | null;
  publicationDue: { dueOn: string; warning: string | null; warningLabel: string; workingDaysLeft: number } | null;
  findings: Finding[]; reviews: Review[]; scannedText: string; permissions: ItemPermissions;
  attachments: { id: number; fileName: string; size: number }[];
  interpretationWarning: { dueOn: string; overdue: boolean; message: string } | null;
  versions: VersionInfo[];
}

const CHECKLIST = Object.entries(CONFIDENTIALITY_CHECKLIST) as [keyof typeof CONFIDENTIALITY_CHECKLIST, string][];
const chinaTime = (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
/** The wall-clock time picked, as Beijing time whatever the browser's zone (the platform keeps China time throughout). */
const withOffset = (d: Dayjs) => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

/** The scanned text with each open finding marked where it stands. */
function MarkedText({ text, findings }: { text: string; findings: Finding[] }) {
  const marks = findings.filter((f) => f.status === 'open' && f.source === 'body').sort((a, b) => a.offset - b.offset);
  const parts: (string | JSX.Element)[] = [];
  let pos = 0;
  for (const f of marks) {
    if (f.offset < pos) continue;
    parts.push(text.slice(pos, f.offset));
    parts.push(<mark key={f.id} title={f.typeLabel} style={{ background: '#ffccc7' }}>{text.slice(f.offset, f.offset + f.length)}</mark>);
    pos = f.offset + f.length;
  }
  parts.push(text.slice(pos));
  return <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', padding: 12, background: '#fffbe6', marginBottom: 12 }} aria-label="检查结果在原文中的位置">{parts}</div>;
}

function DueTag({ due }: { due: ItemDetailData['publicationDue'] }) {
  if (!due) return <>—</>;
  return <Tag color={due.warning === 'overdue' ? 'red' : due.warning ? 'orange' : 'default'}>{due.dueOn}{due.warningLabel ? `（${due.warningLabel}）` : `（剩${due.workingDaysLeft}个工作日）`}</Tag>;
}

export default function ItemDetail() {
  const id = Number(currentPath().split('/')[2]);
  const { message } = App.useApp();
  const [item, setItem] = useState<ItemDetailData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [withdrawReason, setWithdrawReason] = useState('');
  const [checked, setChecked] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [publishAt, setPublishAt] = useState<Dayjs | null>(null);
  const [newTime, setNewTime] = useState<Dayjs | null>(null);

  const load = useCallback(async () => {
    try {
      setItem(await get<ItemDetailData>(`/api/v1/items/${id}`));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败');
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
      message.success(done);
      setComment('');
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...e.details.map((d) => d.message)].join(' ') : '操作失败');
    }
  }

  if (!item) return error ? <Alert type="error" message={error} /> : null;
  const can = item.permissions;
  const openFindings = item.findings.filter((f) => f.status === 'open');
  const blocked = openFindings.length > 0;
  const review = (decision: 'approve' | 'return') => run(() => post(`/api/v1/items/${item.id}/review`, {
    decision, comment: comment || undefined,
    checklist: decision === 'approve' && item.status === 'confidentialityReview' ? Object.fromEntries(CHECKLIST.map(([k]) => [k, checked.includes(k)])) : undefined,
    publishAt: decision === 'approve' && item.status === 'leaderApproval' && when === 'later' && publishAt ? withOffset(publishAt) : undefined,
  }), decision === 'return' ? '已退回' : item.status === 'leaderApproval' ? (when === 'later' ? '已通过，将按时发布' : '已通过并发布') : '已通过');
  const latestDay = item.publicationDue ? dayjs(item.publicationDue.dueOn).endOf('day') : null;
  const disabledPublishDate = (d: Dayjs) => d.isBefore(dayjs(), 'day') || (!!latestDay && d.isAfter(latestDay));

  return (
    <>
      <Typography.Title level={2} style={{ wordBreak: 'break-all' }}>{item.title}</Typography.Title>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 16 }} />}
      {item.interpretationWarning && <Alert type={item.interpretationWarning.overdue ? 'error' : 'warning'} showIcon message={item.interpretationWarning.message} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
          <Descriptions.Item label="状态"><Tag color={item.status === 'published' ? 'green' : item.status === 'scheduled' ? 'blue' : undefined}>{item.statusLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label="发布机构">{item.orgName}</Descriptions.Item>
          <Descriptions.Item label="索引号">{item.indexNo ?? '发布时生成'}</Descriptions.Item>
          <Descriptions.Item label="发文字号">{item.docNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="公开属性">{item.disclosureLabel}{item.withheldGround ? `（${item.withheldGroundLabel}：${item.withheldReason ?? ''}）` : ''}</Descriptions.Item>
          <Descriptions.Item label="文件类型">{item.docKindLabel}</Descriptions.Item>
          <Descriptions.Item label="信息类别">{item.category}</Descriptions.Item>
          <Descriptions.Item label="主题分类">{item.topic}</Descriptions.Item>
          <Descriptions.Item label="成文日期">{item.writtenOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="形成或变更日期">{item.formedOn ?? '—'}</Descriptions.Item>
          {item.publicationDue && <Descriptions.Item label="公开期限"><DueTag due={item.publicationDue} /></Descriptions.Item>}
          {item.scheduledAt && <Descriptions.Item label="定时发布时间"><Tag color="blue">{chinaTime(item.scheduledAt)}</Tag></Descriptions.Item>}
          {item.publishedOn && <Descriptions.Item label="发布日期">{item.publishedOn}</Descriptions.Item>}
          {item.interprets && <Descriptions.Item label="解读的政策文件">{item.interprets.title}</Descriptions.Item>}
          {item.withdrawnReason && <Descriptions.Item label="撤销原因">{item.withdrawnReason}</Descriptions.Item>}
        </Descriptions>
        <style>{'.item-body table{border-collapse:collapse}.item-body th,.item-body td{border:1px solid #bfbfbf;padding:4px 8px;vertical-align:top}.item-body p{margin:0 0 8px}'}</style>
        <div className="item-body" style={{ marginTop: 16, padding: 12, background: '#fafafa', overflowX: 'auto' }} dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>附件</Typography.Title>
        {item.attachments.length ? item.attachments.map((a) => <div key={a.id}><a href={`/api/v1/items/${item.id}/attachments/${a.id}`} download={a.fileName}>{a.fileName}</a>（{Math.ceil(a.size / 1024)} KB）</div>) : <Typography.Text type="secondary">无附件</Typography.Text>}
        {can.edit && <div style={{ marginTop: 12 }}><Button onClick={() => navigate(`/items/${item.id}/edit`)}>修改草稿（正文、附件）</Button></div>}
      </Card>

      <Card title={<span style={{ whiteSpace: 'normal' }}>{`个人信息与敏感内容检查（未处理 ${openFindings.length} 项）`}</span>} style={{ marginBottom: 16 }}>
        {blocked && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="须逐项脱敏，或说明理由后保留，方可提交或通过本环节（条例第十五条：不得公开个人隐私；第十七条：发布前保密审查）。" />}
        {openFindings.some((f) => f.source === 'body') && <MarkedText text={item.scannedText} findings={item.findings} />}
        <List
          dataSource={item.findings}
          locale={{ emptyText: <EmptyText>未发现个人信息或敏感内容</EmptyText> }}
          renderItem={(f) => (
            <List.Item
              style={{ flexWrap: 'wrap' }}
              actions={f.status === 'open' && can.resolveFindings ? [
                ...(f.source === 'body' ? [<Button key="r" size="small" onClick={() => run(() => post(`/api/v1/items/${item.id}/findings/${f.id}`, { resolution: 'redact' }), '已脱敏')}>脱敏</Button>] : []),
                <Space key="a" wrap>
                  <Input size="small" aria-label={`保留理由 ${f.masked}`} placeholder="保留理由（如：经本人书面同意）" value={reasons[f.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [f.id]: e.target.value })} />
                  <Button size="small" onClick={() => run(() => post(`/api/v1/items/${item.id}/findings/${f.id}`, { resolution: 'accept', reason: reasons[f.id] }), '已说明理由并保留')}>保留</Button>
                </Space>,
              ] : []}
            >
              <Space wrap>
                <Tag color={f.status === 'open' ? 'red' : 'green'}>{f.typeLabel}</Tag>
                <span>{f.masked}</span>
                <Typography.Text type="secondary">{f.sourceLabel}</Typography.Text>
                <Tag>{f.statusLabel}</Tag>
                {f.status === 'accepted' && f.reason && <span>理由：{f.reason}</span>}
              </Space>
            </List.Item>
          )}
        />
      </Card>

      {(can.submit || can.review || can.reschedule || can.withdraw) && (
        <Card title="办理" style={{ marginBottom: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {can.submit && (
              <Space wrap>
                <Button type="primary" disabled={blocked} onClick={() => run(() => post(`/api/v1/items/${item.id}/submit`), '已提交审核')}>提交审核</Button>
                {blocked && <Typography.Text type="secondary">处理完全部检查结果后可提交</Typography.Text>}
              </Space>
            )}
            {can.review && (
              <>
                {item.status === 'confidentialityReview' && (
                  <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                    <legend style={{ fontSize: 14, marginBottom: 4 }}>保密审查确认（条例第十七条：逐项确认后方可通过）</legend>
                    <Checkbox.Group options={CHECKLIST.map(([value, label]) => ({ value, label }))} value={checked} onChange={(v) => setChecked(v as string[])} />
                  </fieldset>
                )}
                {item.status === 'leaderApproval' && item.disclosure === 'proactive' && (
                  <Space direction="vertical">
                    <Radio.Group value={when} onChange={(e) => setWhen(e.target.value)} aria-label="发布时间">
                      <Radio value="now">立即发布</Radio>
                      <Radio value="later">定时发布</Radio>
                    </Radio.Group>
                    {when === 'later' && (
                      <Space wrap>
                        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={publishAt} onChange={setPublishAt} disabledDate={disabledPublishDate} aria-label="定时发布时间" placeholder="选择发布时间" />
                        <Typography.Text type="secondary">北京时间；{item.publicationDue ? `不晚于公开期限${item.publicationDue.dueOn}（条例第二十六条）` : '发布前可修改或取消'}</Typography.Text>
                      </Space>
                    )}
                  </Space>
                )}
                <Input.TextArea aria-label="审核意见" placeholder="审核意见（退回时必填）" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
                <Space wrap>
                  {item.status === 'leaderApproval' && when === 'now' && item.disclosure === 'proactive' ? (
                    // Publication cannot be undone: afterwards the item can only be withdrawn (with a public reason) or corrected.
                    <Popconfirm title="通过并立即发布？" description="信息将立即在门户网站公开并生成索引号；发布后只能撤销或更正，不能删除。" okText="发布" cancelText="不发布" onConfirm={() => review('approve')} disabled={blocked}>
                      <Button type="primary" disabled={blocked}>通过并发布</Button>
                    </Popconfirm>
                  ) : (
                    <Button type="primary" disabled={blocked || (item.status === 'leaderApproval' && when === 'later' && !publishAt)} onClick={() => review('approve')}>
                      {item.status === 'leaderApproval' ? (when === 'later' ? '通过并定时发布' : '通过并发布') : '通过'}
                    </Button>
                  )}
                  <Button onClick={() => review('return')}>退回修改</Button>
                </Space>
              </>
            )}
            {can.reschedule && item.scheduledAt && (
              <Space direction="vertical">
                <Typography.Text>将于 <strong>{chinaTime(item.scheduledAt)}</strong>（北京时间）发布。发布前可修改时间、立即发布或取消。</Typography.Text>
                <Space wrap>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={newTime} onChange={setNewTime} disabledDate={disabledPublishDate} aria-label="新的发布时间" placeholder="新的发布时间" />
                  <Button disabled={!newTime} onClick={() => newTime && run(() => post(`/api/v1/items/${item.id}/schedule`, { action: 'change', publishAt: withOffset(newTime) }), '已修改发布时间')}>修改时间</Button>
                  <Popconfirm title="立即发布？" description="信息将立即在门户网站公开，不再等到定时发布时间。" okText="发布" cancelText="不发布" onConfirm={() => run(() => post(`/api/v1/items/${item.id}/schedule`, { action: 'publishNow' }), '已发布')}>
                    <Button type="primary">立即发布</Button>
                  </Popconfirm>
                  <Popconfirm title="取消定时发布？信息将回到分管领导审批。" okText="取消定时发布" cancelText="不取消" onConfirm={() => run(() => post(`/api/v1/items/${item.id}/schedule`, { action: 'cancel' }), '已取消定时发布')}>
                    <Button danger>取消定时发布</Button>
                  </Popconfirm>
                </Space>
              </Space>
            )}
            {can.withdraw && (
              <Space wrap>
                <Input aria-label="撤销原因" placeholder="撤销原因（公开显示）" value={withdrawReason} onChange={(e) => setWithdrawReason(e.target.value)} style={{ width: 320, maxWidth: '100%' }} />
                <Popconfirm title="撤销此信息？" description="公开页面将不再显示正文，只保留条目和撤销原因；撤销后不能恢复。" okText="撤销" cancelText="不撤销" okButtonProps={{ danger: true }} disabled={withdrawReason.trim().length < 2}
                  onConfirm={() => run(() => post(`/api/v1/items/${item.id}/withdraw`, { reason: withdrawReason }), '已撤销')}>
                  <Button danger disabled={withdrawReason.trim().length < 2}>撤销</Button>
                </Popconfirm>
              </Space>
            )}
          </Space>
        </Card>
      )}
      {item.indexNo && item.disclosure === 'proactive' && item.status !== 'scheduled' && <p><a href={`/xxgk/items/${item.indexNo}`} target="_blank" rel="noreferrer">查看公开页面</a></p>}

      <Card title="办理记录" style={{ marginBottom: 16 }}>
        <Timeline items={item.reviews.map((r) => ({
          color: r.decision === 'return' || r.decision === 'unschedule' ? 'red' : 'blue',
          children: <span>{chinaTime(r.createdAt)} <strong>{r.stepLabel}</strong> · {r.decisionLabel}{r.actorName ? `（${r.actorName}）` : ''}{r.comment ? `：${r.comment}` : ''}</span>,
        }))} />
        {!item.reviews.length && <Typography.Text type="secondary">尚未提交审核</Typography.Text>}
      </Card>

      <Card title="版本比较">
        <VersionDiff itemId={item.id} versions={item.versions} />
      </Card>
    </>
  );
}
