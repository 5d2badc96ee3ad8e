import { useEffect, useState } from 'react';
import { Alert, Col, Empty, Row, Select, Typography } from 'antd';
import { ApiError, get } from '../api';

interface Segment { type: 'same' | 'added' | 'removed'; text: string }
interface Change { field: string; fieldLabel: string; beforeText: string; afterText: string; segments: Segment[] }
interface Diff { from: number; to: number; changes: Change[] }
export interface VersionInfo { version: number; changeNote: string | null; createdAt: string; createdByName: string }

const removed = { background: '#ffccc7', textDecoration: 'line-through' } as const;
const added = { background: '#d9f7be', textDecoration: 'none' } as const;

/** One side of a change: the words it shares with the other side, and its own marked. */
function Side({ segments, side }: { segments: Segment[]; side: 'before' | 'after' }) {
  const own = side === 'before' ? 'removed' : 'added';
  const shown = segments.filter((s) => s.type === 'same' || s.type === own);
  if (!shown.some((s) => s.text.trim())) return <Typography.Text type="secondary">（空）</Typography.Text>;
  return (
    <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', lineHeight: 1.8 }}>
      {shown.map((s, i) => s.type === 'same' ? <span key={i}>{s.text}</span>
        : side === 'before' ? <del key={i} style={removed} title="删除的文字">{s.text}</del> : <ins key={i} style={added} title="新增的文字">{s.text}</ins>)}
    </div>
  );
}

const versionLabel = (v: VersionInfo) => `第${v.version}版（${new Date(v.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}${v.createdByName ? ` ${v.createdByName}` : ''}${v.changeNote ? `，${v.changeNote}` : ''}）`;

/** Two versions of an item side by side, field by field, changed words marked (deleted struck through in red, added in green). */
export function VersionDiff({ itemId, versions }: { itemId: number; versions: VersionInfo[] }) {
  const last = versions.at(-1)?.version ?? 1;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setFrom(Math.max(1, last - 1));
    setTo(last);
  }, [last]);
  useEffect(() => {
    if (from === to) {
      setDiff({ from, to, changes: [] });
      return;
    }
    setError(null);
    get<Diff>(`/api/v1/items/${itemId}/diff?from=${from}&to=${to}`).then(setDiff).catch((e) => setError(e instanceof ApiError ? e.message : '比较失败'));
  }, [itemId, from, to]);

  if (versions.length < 2) return <Typography.Text type="secondary">只有一个版本，暂无可比较的修改。</Typography.Text>;
  const choices = versions.map((v) => ({ value: v.version, label: versionLabel(v) }));
  return (
    <>
      <Row gutter={[16, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12}>
          <label htmlFor="diff-from" style={{ display: 'block' }}>修改前的版本</label>
          <Select id="diff-from" value={from} onChange={setFrom} options={choices} style={{ width: '100%' }} />
        </Col>
        <Col xs={24} md={12}>
          <label htmlFor="diff-to" style={{ display: 'block' }}>修改后的版本</label>
          <Select id="diff-to" value={to} onChange={setTo} options={choices} style={{ width: '100%' }} />
        </Col>
      </Row>
      {error && <Alert type="error" showIcon message={error} />}
      {diff && !diff.changes.length && <Empty description="两个版本内容相同" />}
      {diff?.changes.map((c) => (
        <div key={c.field} style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0' }} data-field={c.field}>
          <Typography.Text strong>{c.fieldLabel}</Typography.Text>
          <Row gutter={16}>
            <Col xs={24} md={12}><Typography.Text type="secondary">第{diff.from}版</Typography.Text><Side segments={c.segments} side="before" /></Col>
            <Col xs={24} md={12}><Typography.Text type="secondary">第{diff.to}版</Typography.Text><Side segments={c.segments} side="after" /></Col>
          </Row>
        </div>
      ))}
    </>
  );
}
