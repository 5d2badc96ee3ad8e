import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError, del, get, post, put } from '../api';
import { useSession } from '../session';

interface Override {
  date: string;
  working: boolean;
  name: string;
}

interface Overview {
  items: Override[];
  confirmedYears: number[];
  packageYears: number[];
}

export default function Calendar() {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const isAdmin = hasRole('admin');
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [data, setData] = useState<Overview | null>(null);
  const [status, setStatus] = useState<{ uncertainYears: number[]; message?: string } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    setData(await get<Overview>(`/api/v1/calendar/overrides?year=${year}`));
    setStatus(await get('/api/v1/calendar/status'));
  }, [year]);
  useEffect(() => {
    void load();
  }, [load]);

  async function addDay(values: { date: Dayjs; working: string; name: string }) {
    try {
      await put(`/api/v1/calendar/overrides/${values.date.format('YYYY-MM-DD')}`, { working: values.working === 'work', name: values.name });
      message.success('已保存');
      form.resetFields(['date']);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  async function remove(date: string) {
    await del(`/api/v1/calendar/overrides/${date}`).catch((e) => message.error(e.message));
    await load();
  }

  async function confirmYear() {
    try {
      await post(`/api/v1/calendar/years/${year}/confirm`);
      message.success(`${year}年放假安排已确认`);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  }

  async function calc(values: { from: Dayjs; days: number }) {
    try {
      const r = await get<{ date: string; certain: boolean; warning?: string }>(`/api/v1/calendar/workdays/add?from=${values.from.format('YYYY-MM-DD')}&days=${values.days}`);
      setResult(`第 ${values.days} 个工作日为 ${r.date}${r.certain ? '' : `（待确认：${r.warning}）`}`);
    } catch (e) {
      setResult(e instanceof ApiError ? e.message : '计算失败');
    }
  }

  const known = data && (data.packageYears.includes(year) || data.confirmedYears.includes(year));

  return (
    <>
      <Typography.Title level={2}>工作日历</Typography.Title>
      {status && status.uncertainYears.length > 0 && <Alert type="warning" showIcon message={status.message} style={{ marginBottom: 16 }} />}
      <Card title="法定节假日与调休录入" style={{ marginBottom: 16 }}>
        <Space style={{ marginBottom: 16 }} wrap>
          <label htmlFor="cal-year">年度</label>
          <InputNumber id="cal-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          {data && (known ? <Tag color="green">{data.packageYears.includes(year) ? '已有官方数据' : '已确认录入完整'}</Tag> : <Tag color="orange">尚未录入，期限标注为待确认</Tag>)}
          {isAdmin && !known && (
            <Popconfirm title={`确认${year}年的放假和调休安排已全部录入？`} okText="确认" cancelText="取消" onConfirm={confirmYear}>
              <Button>确认该年度已录入完整</Button>
            </Popconfirm>
          )}
        </Space>
        {isAdmin && (
          <Form form={form} layout="inline" onFinish={addDay} initialValues={{ working: 'off' }} style={{ marginBottom: 16 }}>
            <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item label="类型" name="working">
              <Select style={{ width: 140 }} options={[{ value: 'off', label: '放假' }, { value: 'work', label: '调休上班' }]} />
            </Form.Item>
            <Form.Item label="节日名称" name="name" rules={[{ required: true, message: '请输入节日名称' }]}>
              <Input placeholder="如：春节" />
            </Form.Item>
            <Button type="primary" htmlType="submit">保存</Button>
          </Form>
        )}
        <Table<Override>
          rowKey="date"
          size="small"
          dataSource={data?.items ?? []}
          pagination={false}
          columns={[
            { title: '日期', dataIndex: 'date' },
            { title: '类型', dataIndex: 'working', render: (w: boolean) => (w ? <Tag color="blue">调休上班</Tag> : <Tag color="red">放假</Tag>) },
            { title: '名称', dataIndex: 'name' },
            ...(isAdmin ? [{ title: '操作', render: (_: unknown, o: Override) => <Button size="small" onClick={() => remove(o.date)}>删除</Button> }] : []),
          ]}
        />
      </Card>
      <Card title="工作日计算器">
        <Form layout="inline" onFinish={calc} initialValues={{ days: 20 }}>
          <Form.Item label="起算日" name="from" rules={[{ required: true, message: '请选择起算日' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item label="工作日数" name="days">
            <InputNumber min={0} max={3650} />
          </Form.Item>
          <Button htmlType="submit">计算</Button>
        </Form>
        {result && <Alert style={{ marginTop: 16 }} message={result} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>起算日当天不计入，从次日起算（民法典第二百零一条）。</Typography.Paragraph>
      </Card>
    </>
  );
}
