import { useCallback, useEffect, useState, type JSX } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Input, List, Space, Tag, Timeline, Typography } from 'antd';
import { ApiError, get, post } from '../api';
import { FileUpload } from '../components/FileUpload';
import { currentPath } from '../router';
import { useSession } from '../session';

interface Finding { id: number; type: string; masked: string; status: 'open' | 'redacted' | 'accepted'; reason: string | null; offset: number; length: number; source: string }

/** The scanned text with each open finding marked where it stands. */
function MarkedText({ text, findings }: { text: string; findings: Finding[] }) {
  const marks = findings.filter((f) => f.status === 'open' && f.source === 'body').sort((a, b) => a.offset - b.offset);
  const parts: (string | JSX.Element)[] = [];
  let pos = 0;
  for (const f of marks) {
    if (f.offset < pos) continue;
    parts.push(text.slice(pos, f.offset));
    parts.push(<mark key={f.id} title={FINDING_LABELS[f.type] ?? f.type} style={{ background: '#ffccc7' }}>{text.slice(f.offset, f.offset + f.length)}</mark>);
    pos = f.offset + f.length;
  }
  parts.push(text.slice(pos));
  return <div style={{ whiteSpace: 'pre-wrap', padding: 12, background: '#fffbe6', marginBottom: 12 }} aria-label="检查结果在原文中的位置">{parts}</div>;
}
interface Review { id: number; step: string; decision: string; comment: string | null; createdAt: string }
interface Item {
  id: number; title: string; status: string; statusLabel: string; orgName: string; bodyHtml: string; indexNo: string | null; docNo: string | null;
  category: string; topic: string; disclosure: string; publishedOn: string | null; withdrawnReason: string | null;
  publicationDue: { dueOn: string; warning: string | null } | null; findings: Finding[]; reviews: Review[]; scannedText: string;
  attachments: { id: number; fileName: string; size: number }[];
  interpretationWarning: { dueOn: string; overdue: boolean; message: string } | null;
  versions: { version: number; changeNote: string | null }[];
}

const FINDING_LABELS: Record<string, string> = { idCard: '身份证号', mobile: '手机号码', bankCard: '银行卡号', email: '电子邮箱', sensitiveWord: '敏感词' };
const STEP_ROLE: Record<string, 'deptHead' | 'confidentialityReviewer' | 'leader'> = { deptReview: 'deptHead', confidentialityReview: 'confidentialityReviewer', leaderApproval: 'leader' };
const CHECKLIST: [string, string][] = [['stateSecret', '不涉及国家秘密'], ['tradeSecret', '不涉及商业秘密'], ['privacy', '不涉及个人隐私'], ['threeSecurityOneStability', '不危及“三安全一稳定”']];

export default function ItemDetail() {
  const id = Number(currentPath().split('/')[2]);
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [item, setItem] = useState<Item | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [checked, setChecked] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<number, string>>({});

  const load = useCallback(async () => {
    try {
      setItem(await get<Item>(`/api/v1/items/${id}`));
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
      setError(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  if (!item) return error ? <Alert type="error" message={error} /> : null;
  const stepRole = STEP_ROLE[item.status];
  const canReview = stepRole && hasRole(stepRole);
  const openFindings = item.findings.filter((f) => f.status === 'open');

  return (
    <>
      <Typography.Title level={2}>{item.title}</Typography.Title>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 16 }} />}
      {item.interpretationWarning && <Alert type={item.interpretationWarning.overdue ? 'error' : 'warning'} showIcon message={item.interpretationWarning.message} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="状态"><Tag>{item.statusLabel}</Tag></Descriptions.Item>
          <Descriptions.Item label="发布机构">{item.orgName}</Descriptions.Item>
          <Descriptions.Item label="索引号">{item.indexNo ?? '发布时生成'}</Descriptions.Item>
          <Descriptions.Item label="发文字号">{item.docNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="信息类别">{item.category}</Descriptions.Item>
          <Descriptions.Item label="主题分类">{item.topic}</Descriptions.Item>
          {item.publicationDue && <Descriptions.Item label="公开期限"><Tag color={item.publicationDue.warning === 'overdue' ? 'red' : item.publicationDue.warning ? 'orange' : 'default'}>{item.publicationDue.dueOn}</Tag></Descriptions.Item>}
          {item.withdrawnReason && <Descriptions.Item label="撤销原因">{item.withdrawnReason}</Descriptions.Item>}
        </Descriptions>
        <div className="item-body" style={{ marginTop: 16, padding: 12, background: '#fafafa' }} dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>附件</Typography.Title>
        {item.attachments.length ? item.attachments.map((a) => <div key={a.id}>{a.fileName}（{Math.ceil(a.size / 1024)} KB）</div>) : <Typography.Text type="secondary">无附件</Typography.Text>}
        {item.status === 'draft' && hasRole('clerk') && (
          <div style={{ marginTop: 8 }}>
            <FileUpload id="attach" label="上传附件（PDF、DOCX、XLSX、PNG、JPEG）" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
              url={`/api/v1/items/${item.id}/attachments`} successMessage="附件已上传并完成检查" onUploaded={load} onError={setError} />
          </div>
        )}
      </Card>

      <Card title={`个人信息与敏感内容检查（未处理 ${openFindings.length} 项）`} style={{ marginBottom: 16 }}>
        {openFindings.some((f) => f.source === 'body') && <MarkedText text={item.scannedText} findings={item.findings} />}
        <List
          dataSource={item.findings}
          locale={{ emptyText: '未发现个人信息或敏感内容' }}
          renderItem={(f) => (
            <List.Item
              actions={f.status === 'open' && item.status !== 'published' ? [
                <Button key="r" size="small" onClick={() => run(() => post(`/api/v1/items/${item.id}/findings/${f.id}`, { resolution: 'redact' }), '已脱敏')}>脱敏</Button>,
                <Space key="a">
                  <Input size="small" aria-label={`保留理由 ${f.masked}`} placeholder="保留理由" value={reasons[f.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [f.id]: e.target.value })} />
                  <Button size="small" onClick={() => run(() => post(`/api/v1/items/${item.id}/findings/${f.id}`, { resolution: 'accept', reason: reasons[f.id] }), '已说明理由并保留')}>保留</Button>
                </Space>,
              ] : []}
            >
              <Tag color={f.status === 'open' ? 'red' : 'green'}>{FINDING_LABELS[f.type] ?? f.type}</Tag> {f.masked}{f.source !== 'body' ? '（附件中）' : ''} {f.status === 'redacted' ? '（已脱敏）' : f.status === 'accepted' ? `（保留：${f.reason}）` : ''}
            </List.Item>
          )}
        />
      </Card>

      <Card title="办理" style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {item.status === 'draft' && hasRole('clerk') && <Button type="primary" onClick={() => run(() => post(`/api/v1/items/${item.id}/submit`), '已提交审核')}>提交审核</Button>}
          {canReview && (
            <>
              {item.status === 'confidentialityReview' && <Checkbox.Group options={CHECKLIST.map(([value, label]) => ({ value, label }))} value={checked} onChange={(v) => setChecked(v as string[])} />}
              <Input.TextArea aria-label="审核意见" placeholder="审核意见（退回时必填）" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
              <Space>
                <Button type="primary" onClick={() => run(() => post(`/api/v1/items/${item.id}/review`, { decision: 'approve', comment: comment || undefined, checklist: item.status === 'confidentialityReview' ? Object.fromEntries(CHECKLIST.map(([k]) => [k, checked.includes(k)])) : undefined }), '已通过')}>通过</Button>
                <Button onClick={() => run(() => post(`/api/v1/items/${item.id}/review`, { decision: 'return', comment }), '已退回')}>退回</Button>
              </Space>
            </>
          )}
          {item.status === 'published' && hasRole('leader', 'disclosureOffice') && (
            <Space>
              <Input aria-label="撤销原因" placeholder="撤销原因" value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 320 }} />
              <Button danger onClick={() => run(() => post(`/api/v1/items/${item.id}/withdraw`, { reason: comment }), '已撤销')}>撤销</Button>
            </Space>
          )}
          {item.indexNo && <a href={`/xxgk/items/${item.indexNo}`} target="_blank" rel="noreferrer">查看公开页面</a>}
        </Space>
      </Card>

      <Card title="审核记录与版本">
        <Timeline items={item.reviews.map((r) => ({ children: `${new Date(r.createdAt).toLocaleString('zh-CN')} ${r.step} ${r.decision === 'approve' ? '通过' : r.decision === 'return' ? '退回' : '提交'}${r.comment ? `：${r.comment}` : ''}` }))} />
        <Typography.Text type="secondary">版本：{item.versions.map((v) => `v${v.version}${v.changeNote ? `（${v.changeNote}）` : ''}`).join('，')}</Typography.Text>
      </Card>
    </>
  );
}
