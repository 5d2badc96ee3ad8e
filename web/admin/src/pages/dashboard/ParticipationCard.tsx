/**
 * The 公开办's dashboard card for 互动交流: 回应关切 hour clocks (5 h to authoritative information, 24 h to a
 * press conference, 国办发〔2016〕61号) still running or overdue, and 意见征集 drafts whose period ends within
 * 3 working days or whose feedback (意见采纳情况) is not yet published after the period ended.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import { Alert, Card, Col, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { get } from '../../api';
import { EmptyText } from '../../components/EmptyText';

interface Deadline { kind: string; label: string; dueAt: string; state: 'running' | 'overdue'; stateLabel: string }
interface ConcernReminder { id: number; title: string; orgName: string; levelLabel: string; startedAt: string; deadlines: Deadline[] }
interface DraftReminder { id: number; title: string; orgName: string; endsOn: string; commentCount: number; workingDaysLeft?: number; workingDaysSinceEnd?: number }

/** Tag colours with AA contrast (as on the 回应关切 page). */
const TAG: Record<string, CSSProperties> = {
  running: { color: '#0050b3', background: '#e6f7ff', borderColor: '#91d5ff' },
  overdue: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  soon: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
};

function duration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  return h ? `${h}小时${minutes % 60}分` : `${minutes % 60}分`;
}

function ClockTag({ d, now }: { d: Deadline; now: number }) {
  const left = new Date(d.dueAt).getTime() - now;
  const overdue = d.state === 'overdue' || left < 0;
  return <Tag style={TAG[overdue ? 'overdue' : 'running']}>{d.label}：{overdue ? `已超时${duration(left)}` : `剩余${duration(left)}`}</Tag>;
}

const titleOf = (t: string) => (t.length > 26 ? `${t.slice(0, 26)}…` : t);

export function ParticipationCard() {
  const [concerns, setConcerns] = useState<{ overdue: ConcernReminder[]; running: ConcernReminder[] } | null>(null);
  const [drafts, setDrafts] = useState<{ endingSoon: DraftReminder[]; awaitingFeedback: DraftReminder[] } | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const load = () => {
      get<{ overdue: ConcernReminder[]; running: ConcernReminder[] }>('/api/v1/concerns/reminders').then(setConcerns).catch(() => undefined);
      get<{ endingSoon: DraftReminder[]; awaitingFeedback: DraftReminder[] }>('/api/v1/solicitations/reminders').then(setDrafts).catch(() => undefined);
    };
    load();
    // The hour clocks move: redraw the countdown every half minute, reload every five minutes.
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    const reload = setInterval(load, 5 * 60_000);
    return () => { clearInterval(tick); clearInterval(reload); };
  }, []);

  if (!concerns && !drafts) return null;
  const clocks = [...(concerns?.overdue ?? []), ...(concerns?.running ?? [])];
  return (
    <Col xs={24} lg={12}>
      <Card title="回应关切与意见征集提醒" style={{ marginBottom: 16 }}>
        {concerns && concerns.overdue.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 8 }} message={`${concerns.overdue.length}件重大突发事件的回应已超过时限`} />
        )}
        <Typography.Title level={5}>回应关切时限（{clocks.length}）</Typography.Title>
        <Typography.Paragraph type="secondary">重大、特别重大突发事件：5小时内发布权威信息，24小时内举行新闻发布会（国办发〔2016〕61号）。</Typography.Paragraph>
        <List size="small" dataSource={clocks} locale={{ emptyText: <EmptyText>无计时中或超时的事项</EmptyText> }} renderItem={(c) => (
          <List.Item style={{ flexWrap: 'wrap', gap: 4 }}>
            <span><a href="#/concerns">{titleOf(c.title)}</a> <Typography.Text type="secondary">{c.levelLabel}，{dayjs(c.startedAt).format('MM-DD HH:mm')}发生</Typography.Text></span>
            <span>{c.deadlines.map((d) => <ClockTag key={d.kind} d={d} now={now} />)}</span>
          </List.Item>
        )} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>3个工作日内截止的意见征集（{drafts?.endingSoon.length ?? 0}）</Typography.Title>
        <List size="small" dataSource={drafts?.endingSoon ?? []} locale={{ emptyText: <EmptyText>无</EmptyText> }} renderItem={(d) => (
          <List.Item style={{ flexWrap: 'wrap', gap: 4 }}>
            <span><a href="#/solicitations">{titleOf(d.title)}</a> <Typography.Text type="secondary">{d.orgName}，已收到意见{d.commentCount}条</Typography.Text></span>
            <Tag style={TAG.soon}>{d.workingDaysLeft ? `${d.endsOn}截止，还有${d.workingDaysLeft}个工作日` : '今日截止'}</Tag>
          </List.Item>
        )} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>已截止、尚未公布采纳情况（{drafts?.awaitingFeedback.length ?? 0}）</Typography.Title>
        <List size="small" dataSource={drafts?.awaitingFeedback ?? []} locale={{ emptyText: <EmptyText>无</EmptyText> }} renderItem={(d) => (
          <List.Item style={{ flexWrap: 'wrap', gap: 4 }}>
            <span><a href="#/solicitations">{titleOf(d.title)}</a> <Typography.Text type="secondary">{d.orgName}，收到意见{d.commentCount}条</Typography.Text></span>
            <Tag style={TAG.overdue}>{`${d.endsOn}截止，已过${d.workingDaysSinceEnd ?? 0}个工作日`}</Tag>
          </List.Item>
        )} />
      </Card>
    </Col>
  );
}
