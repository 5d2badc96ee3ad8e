import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { get } from '../api';
import { useSession } from '../session';

interface Entry {
  seq: number;
  at: string;
  actorUsername: string | null;
  orgName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  hash: string;
}

export default function Audit() {
  const { hasRole } = useSession();
  const [items, setItems] = useState<Entry[]>([]);
  const [next, setNext] = useState<string | undefined>();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [verify, setVerify] = useState<{ ok: boolean; message: string } | null>(null);

  const load = useCallback(async (cursor?: string) => {
    const data = await get<{ items: Entry[]; next?: string }>(`/api/v1/audit?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
    setItems(data.items);
    setNext(data.next);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <Typography.Title level={2}>审计日志</Typography.Title>
      <Space style={{ marginBottom: 16 }}>
        {hasRole('admin', 'supervisor') && (
          <Button onClick={async () => setVerify(await get('/api/v1/audit/verify'))}>校验哈希链</Button>
        )}
        <Button disabled={cursors.length <= 1} onClick={() => { const prev = cursors.slice(0, -1); setCursors(prev); void load(prev[prev.length - 1]); }}>上一页</Button>
        <Button disabled={!next} onClick={() => { setCursors([...cursors, next]); void load(next); }}>下一页</Button>
      </Space>
      {verify && <Alert type={verify.ok ? 'success' : 'error'} showIcon message={verify.message} style={{ marginBottom: 16 }} />}
      <Table<Entry>
        rowKey="seq"
        size="small"
        dataSource={items}
        pagination={false}
        columns={[
          { title: '序号', dataIndex: 'seq' },
          { title: '时间', dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
          { title: '操作人', dataIndex: 'actorUsername', render: (v) => v ?? '系统' },
          { title: '机构', dataIndex: 'orgName' },
          { title: '操作', dataIndex: 'action' },
          { title: '对象', render: (_, e) => `${e.targetType}${e.targetId ? ` #${e.targetId}` : ''}` },
          { title: '摘要', dataIndex: 'summary', render: (s) => <code style={{ fontSize: 12 }}>{JSON.stringify(s)}</code> },
          { title: '哈希', dataIndex: 'hash', render: (h: string) => <code title={h}>{h.slice(0, 12)}…</code> },
        ]}
      />
    </>
  );
}
