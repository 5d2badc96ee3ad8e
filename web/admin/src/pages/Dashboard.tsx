import { useEffect, useState } from 'react';
import { Alert, Card, Col, Descriptions, List, Row, Tag, Typography } from 'antd';
import { get } from '../api';
import { useSession } from '../session';
import { ROLE_LABELS } from '../types';
import { DeadlineTag, type RequestSummary } from './Requests';
import { EmptyText } from '../components/EmptyText';
import { ParticipationCard } from './dashboard/ParticipationCard';
import { MessagesDueCard } from './dashboard/MessagesDueCard';

interface Reminders {
  overdue: RequestSummary[]; due2: RequestSummary[]; due5: RequestSummary[]; awaitingApproval: RequestSummary[];
  /** 条例第三十一条: online, e-mail, fax and ordinary-letter applications waiting for 确认收到 (the office). */
  awaitingReceipt: RequestSummary[];
  /** 交办: what was assigned to the staff member's department. */
  assigned: RequestSummary[];
}
interface QueueItem { id: number; title: string; statusLabel: string; publicationDue?: { dueOn: string; warning: 'overdue' | 'dueSoon' | null } | null }

const REQUEST_ROLES = ['disclosureOffice', 'admin', 'supervisor', 'clerk', 'deptHead'] as const;

function RequestList({ items, show = 'deadline' }: { items: RequestSummary[]; show?: 'deadline' | 'submitted' }) {
  return (
    <List size="small" dataSource={items.slice(0, 20)} locale={{ emptyText: <EmptyText>无</EmptyText> }} footer={items.length > 20 ? <a href="#/requests">另有{items.length - 20}件，前往申请列表</a> : undefined} renderItem={(r) => (
      <List.Item style={{ flexWrap: 'wrap', gap: 4 }}>
        <span style={{ minWidth: 0 }}><a href={`#/requests/${r.id}`}>{r.trackingNo}</a> {r.description.length > 24 ? `${r.description.slice(0, 24)}…` : r.description}</span>
        <span>
          {show === 'submitted' ? <Tag>{`${r.channelLabel}，${r.submittedOn}提交`}</Tag> : <DeadlineTag deadline={r.deadline} />}
          {r.replyDraftPending && <Tag color="gold">答复稿待审核</Tag>}
        </span>
      </List.Item>
    )} />
  );
}

export default function Dashboard() {
  const { user, hasRole } = useSession();
  const [calendarMessage, setCalendarMessage] = useState<string | null>(null);
  const [reminders, setReminders] = useState<Reminders | null>(null);
  const [queue, setQueue] = useState<QueueItem[] | null>(null);
  const [vetoRisks, setVetoRisks] = useState<{ trackingNo: string; orgName: string; subject: string; receivedOn: string }[]>([]);

  useEffect(() => {
    if (hasRole('admin')) {
      get<{ uncertainYears: number[]; message?: string }>('/api/v1/calendar/status')
        .then((s) => setCalendarMessage(s.uncertainYears.length ? s.message ?? null : null))
        .catch(() => undefined);
    }
    if (hasRole(...REQUEST_ROLES)) get<Reminders>('/api/v1/handling/requests/reminders').then(setReminders).catch(() => undefined);
    get<{ items: QueueItem[] }>('/api/v1/items/queue').then((r) => setQueue(r.items)).catch(() => undefined);
    if (hasRole('disclosureOffice', 'admin', 'supervisor')) get<{ items: typeof vetoRisks }>('/api/v1/handling/messages/veto-risks').then((r) => setVetoRisks(r.items)).catch(() => undefined);
  }, [hasRole]);

  const overdueItems = queue?.filter((i) => i.publicationDue?.warning === 'overdue') ?? [];
  return (
    <>
      <Typography.Title level={2}>工作台</Typography.Title>
      {calendarMessage && (
        <Alert type="warning" showIcon message="请录入新年度节假日安排" description={<>{calendarMessage} <a href="#/calendar">前往工作日历</a></>} style={{ marginBottom: 16 }} />
      )}
      {reminders && reminders.overdue.length > 0 && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={`有${reminders.overdue.length}件政府信息公开申请已超过答复期限`} />
      )}
      {vetoRisks.length > 0 && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }}
          message={`有${vetoRisks.length}件来信超过3个月仍未答复，政府网站检查将单项否决`}
          description={<>{vetoRisks.slice(0, 5).map((r) => <div key={r.trackingNo}>{r.receivedOn}　{r.orgName}　{r.subject}（{r.trackingNo}）</div>)}<a href="#/messages">前往互动交流办理</a></>} />
      )}
      <Row gutter={16}>
        {reminders && hasRole('disclosureOffice', 'admin') && (
          <Col xs={24} lg={12}>
            <Card title={`待确认收到的申请（${reminders.awaitingReceipt.length}）`} extra={<a href="#/requests">全部申请</a>} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary">网上、电子邮件、传真申请和平信，与申请人确认之日为收到日，答复期限自该日起计算（条例第三十一条）。</Typography.Paragraph>
              <RequestList items={reminders.awaitingReceipt} show="submitted" />
            </Card>
          </Col>
        )}
        {reminders && hasRole('clerk', 'deptHead') && (
          <Col xs={24} lg={12}>
            <Card title={`交办给本部门的申请（${reminders.assigned.length}）`} extra={<a href="#/requests">全部申请</a>} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary">请按期拟写答复并上传提供的政府信息，由政府信息公开工作机构负责人审核签发。</Typography.Paragraph>
              <RequestList items={reminders.assigned} />
            </Card>
          </Col>
        )}
        {reminders && (
          <Col xs={24} lg={12}>
            <Card title="依申请公开期限提醒" style={{ marginBottom: 16 }}>
              <Typography.Title level={5}><Tag color="red">已逾期 {reminders.overdue.length}</Tag></Typography.Title>
              <RequestList items={reminders.overdue} />
              <Typography.Title level={5}><Tag color="orange">2个工作日内到期 {reminders.due2.length}</Tag></Typography.Title>
              <RequestList items={reminders.due2} />
              <Typography.Title level={5}><Tag color="gold">5个工作日内到期 {reminders.due5.length}</Tag></Typography.Title>
              <RequestList items={reminders.due5} />
              {hasRole('disclosureOffice') && (<>
                <Typography.Title level={5}><Tag color="blue">答复稿待审核 {reminders.awaitingApproval.length}</Tag></Typography.Title>
                <RequestList items={reminders.awaitingApproval} />
              </>)}
            </Card>
          </Col>
        )}
        {hasRole('disclosureOffice', 'admin', 'supervisor') && <ParticipationCard />}
        {hasRole('disclosureOffice', 'admin', 'supervisor', 'clerk', 'deptHead', 'leader') && <MessagesDueCard />}
        {queue && (
          <Col xs={24} lg={12}>
            <Card title={`信息发布待办（${queue.length}）`} extra={<a href="#/items">全部</a>} style={{ marginBottom: 16 }}>
              {overdueItems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={`${overdueItems.length}条信息已超过公开时限（条例第二十六条）`} />}
              <List size="small" dataSource={queue.slice(0, 10)} locale={{ emptyText: <EmptyText>暂无待办</EmptyText> }} renderItem={(i) => (
                <List.Item><a href={`#/items/${i.id}`}>{i.title}</a> <Tag>{i.statusLabel}</Tag>{i.publicationDue?.warning && <Tag color={i.publicationDue.warning === 'overdue' ? 'red' : 'orange'}>{i.publicationDue.dueOn}</Tag>}</List.Item>
              )} />
            </Card>
          </Col>
        )}
      </Row>
      <Card>
        <Descriptions column={1} title="当前用户">
          <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
          <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
          <Descriptions.Item label="所属机构">{user.orgName}</Descriptions.Item>
          <Descriptions.Item label="角色">{user.roles.map((r) => ROLE_LABELS[r]).join('、')}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
