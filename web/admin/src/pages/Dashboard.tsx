import { useEffect, useState } from 'react';
import { Alert, Card, Descriptions, Typography } from 'antd';
import { get } from '../api';
import { useSession } from '../session';
import { ROLE_LABELS } from '../types';

export default function Dashboard() {
  const { user, hasRole } = useSession();
  const [calendarMessage, setCalendarMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!hasRole('admin')) return;
    get<{ uncertainYears: number[]; message?: string }>('/api/v1/calendar/status')
      .then((s) => setCalendarMessage(s.uncertainYears.length ? s.message ?? null : null))
      .catch(() => undefined);
  }, [hasRole]);

  return (
    <>
      <Typography.Title level={2}>工作台</Typography.Title>
      {calendarMessage && (
        <Alert type="warning" showIcon message="请录入新年度节假日安排" description={<>{calendarMessage} <a href="#/calendar">前往工作日历</a></>} style={{ marginBottom: 16 }} />
      )}
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
