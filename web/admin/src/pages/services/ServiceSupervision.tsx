/**
 * 电子监察 board: cases approaching their promised limit and overdue ones, the efficiency of each
 * centre, window, item and clerk; every figure opens the cases behind it; the monthly 通报.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { get } from '../../api';
import { DateInput } from '../../components/DateInput';
import { navigate } from '../../router';
import { EmptyText } from '../../components/EmptyText';
import { useSession } from '../../session';

interface BoardCase { caseNo: string; itemName: string; orgName: string; windowNumber: string | null; windowName: string | null; handlerName: string | null; acceptedOn: string; dueOn: string; workingDaysLeft: number; statusLabel: string }
interface Group { key: string; label: string; filter: Record<string, string | number>; accepted: number; completed: number; completionRate: string; onTime: number; overdue: number; open: number; averageWorkingDays: string; ratings: number; satisfactionRate: string }
interface Board { today: string; from: string; to: string; warningDays: number; counts: { approaching: number; overdue: number }; approaching: BoardCase[]; overdue: BoardCase[]; byCentre: Group[]; byWindow: Group[]; byItem: Group[]; byClerk: Group[] }
interface Centre { id: number; name: string }

const drill = (filter: Record<string, string | number>, extra: Record<string, string> = {}) =>
  navigate(`/service-cases/${encodeURIComponent(new URLSearchParams(Object.entries({ ...filter, ...extra }).map(([k, v]) => [k, String(v)])).toString())}`);

function GroupTable({ title, rows }: { title: string; rows: Group[] }) {
  const link = (g: Group, value: number, extra: Record<string, string> = {}) => <Button type="link" style={{ padding: 0 }} onClick={() => drill(g.filter, extra)} title="查看这些办件">{value}</Button>;
  return (
    <Card title={title} style={{ marginBottom: 16 }}>
      <Table rowKey="key" size="small" pagination={false} dataSource={rows} locale={{ emptyText: <EmptyText>本期暂无办件</EmptyText> }} columns={[
        { title: '名称', dataIndex: 'label' },
        { title: '受理', render: (_, g) => link(g, g.accepted) },
        { title: '办结', dataIndex: 'completed' },
        { title: '办结率', render: (_, g) => `${g.completionRate}%` },
        { title: '按时办结', dataIndex: 'onTime' },
        { title: '超期', render: (_, g) => (g.overdue ? <Tag color="red">{g.overdue}</Tag> : 0) },
        { title: '在办', render: (_, g) => link(g, g.open, { due: 'open' }) },
        { title: '平均用时（工作日）', dataIndex: 'averageWorkingDays' },
        { title: '评价', dataIndex: 'ratings' },
        { title: '满意率', render: (_, g) => (g.ratings ? `${g.satisfactionRate}%` : '—') },
      ]} />
    </Card>
  );
}

export default function ServiceSupervision() {
  const { hasRole } = useSession();
  const [centres, setCentres] = useState<Centre[]>([]);
  const [centreId, setCentreId] = useState<number | undefined>();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [board, setBoard] = useState<Board | null>(null);

  useEffect(() => {
    void get<{ items: Centre[] }>('/api/v1/service-centres').then((r) => setCentres(r.items));
  }, []);
  const load = useCallback(async () => {
    const q = new URLSearchParams(Object.entries({ centreId, from, to }).filter(([, v]) => v).map(([k, v]) => [k, String(v)])).toString();
    setBoard(await get<Board>(`/api/v1/service-supervision?${q}`));
  }, [centreId, from, to]);
  useEffect(() => {
    void load();
  }, [load]);

  const caseColumns = [
    { title: '办件编号', render: (_: unknown, c: BoardCase) => <Button type="link" style={{ padding: 0 }} onClick={() => drill({}, { q: c.caseNo })}>{c.caseNo}</Button> },
    { title: '事项', dataIndex: 'itemName' }, { title: '窗口', render: (_: unknown, c: BoardCase) => (c.windowNumber ? `${c.windowNumber}号 ${c.windowName}` : c.orgName) },
    { title: '经办人', render: (_: unknown, c: BoardCase) => c.handlerName ?? '—' }, { title: '受理日期', dataIndex: 'acceptedOn' }, { title: '承诺办结', dataIndex: 'dueOn' },
    { title: '剩余', render: (_: unknown, c: BoardCase) => (c.workingDaysLeft < 0 ? <Tag color="red">超期{-c.workingDaysLeft}个工作日</Tag> : <Tag color="orange">剩{c.workingDaysLeft}个工作日</Tag>) },
  ];
  const month = (board?.to ?? '').slice(0, 7);

  return (
    <>
      <Typography.Title level={2}>电子监察</Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="sv-centre">服务中心</label>
        <Select id="sv-centre" style={{ width: 240 }} allowClear value={centreId} onChange={setCentreId} options={centres.map((c) => ({ value: c.id, label: c.name }))} />
        <span>受理日期</span><DateInput value={from} onChange={setFrom} placeholder="本月1日" /><span>至</span><DateInput value={to} onChange={setTo} placeholder="今天" />
        {hasRole('serviceManager', 'admin', 'supervisor') && month && (<>
          <Button href={`/api/v1/service-supervision/bulletin?month=${month}${centreId ? `&centreId=${centreId}` : ''}`}>{month.replace('-', '年')}月通报（DOCX）</Button>
          <Button href={`/api/v1/service-supervision/bulletin?month=${month}&format=pdf${centreId ? `&centreId=${centreId}` : ''}`}>通报（PDF）</Button>
        </>)}
      </Space>
      {board && (<>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={6}><Card><Statistic title={`临近时限（${board.warningDays}个工作日内到期）`} value={board.counts.approaching} valueStyle={{ color: '#d46b08' }} /></Card></Col>
          <Col span={6}><Card><Statistic title="已超期未办结" value={board.counts.overdue} valueStyle={{ color: '#cf1322' }} /></Card></Col>
          <Col span={6}><Card><Statistic title={`${board.from}至${board.to}受理`} value={board.byCentre.reduce((s, g) => s + g.accepted, 0)} /></Card></Col>
          <Col span={6}><Card><Statistic title="其中已办结" value={board.byCentre.reduce((s, g) => s + g.completed, 0)} /></Card></Col>
        </Row>
        <Card title="已超期未办结" style={{ marginBottom: 16 }}><Table rowKey="caseNo" size="small" pagination={false} dataSource={board.overdue} columns={caseColumns} locale={{ emptyText: <EmptyText>没有超期未办结的办件</EmptyText> }} /></Card>
        <Card title="临近时限" style={{ marginBottom: 16 }}><Table rowKey="caseNo" size="small" pagination={false} dataSource={board.approaching} columns={caseColumns} locale={{ emptyText: <EmptyText>没有临近时限的办件</EmptyText> }} /></Card>
        <GroupTable title="各服务中心" rows={board.byCentre} />
        <GroupTable title="各窗口效能" rows={board.byWindow} />
        <GroupTable title="各工作人员效能" rows={board.byClerk} />
        <GroupTable title="各事项" rows={board.byItem} />
      </>)}
    </>
  );
}
