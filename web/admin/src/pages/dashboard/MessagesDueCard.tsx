/**
 * 工作台: messages (来信) the staff member must answer soon — 已超期 and 即将到期 (due within 2 working days,
 * the day their reminder went out) — each linked to its handling drawer in 互动交流.
 */
import { useEffect, useState } from 'react';
import { Card, Col, List, Tag, Typography } from 'antd';
import { get } from '../../api';
import { EmptyText } from '../../components/EmptyText';

interface DueMessage { id: number; trackingNo: string; subject: string; replyDueOn: string; orgName: string; boxName: string }
interface Page { items: DueMessage[]; total: number }

function DueList({ page, more }: { page: Page; more: string }) {
  return (
    <List size="small" dataSource={page.items} locale={{ emptyText: <EmptyText>无</EmptyText> }}
      footer={page.total > page.items.length ? <a href={more}>另有{page.total - page.items.length}件，前往来信列表</a> : undefined}
      renderItem={(m) => (
        <List.Item style={{ flexWrap: 'wrap', gap: 4 }}>
          <span style={{ minWidth: 0 }}><a href={`#/messages/${m.id}`}>{m.trackingNo}</a> {m.subject.length > 24 ? `${m.subject.slice(0, 24)}…` : m.subject}</span>
          <Tag>{m.replyDueOn}前答复</Tag>
        </List.Item>
      )} />
  );
}

export function MessagesDueCard() {
  const [overdue, setOverdue] = useState<Page | null>(null);
  const [dueSoon, setDueSoon] = useState<Page | null>(null);
  useEffect(() => {
    get<Page>('/api/v1/handling/messages?overdue=true&pageSize=10').then(setOverdue).catch(() => undefined);
    get<Page>('/api/v1/handling/messages?dueSoon=true&pageSize=10').then(setDueSoon).catch(() => undefined);
  }, []);
  if (!overdue || !dueSoon) return null;
  return (
    <Col xs={24} lg={12}>
      <Card title={`来信办理提醒（${overdue.total + dueSoon.total}）`} extra={<a href="#/messages">全部来信</a>} style={{ marginBottom: 16 }}>
        <Typography.Title level={5}><Tag color="red">已超期 {overdue.total}</Tag></Typography.Title>
        <DueList page={overdue} more="#/messages" />
        <Typography.Title level={5}><Tag color="orange">即将到期（2个工作日内） {dueSoon.total}</Tag></Typography.Title>
        <DueList page={dueSoon} more="#/messages" />
      </Card>
    </Col>
  );
}
