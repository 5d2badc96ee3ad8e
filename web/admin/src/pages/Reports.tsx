import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { ApiError, get, getCsrfToken, post, put } from '../api';
import { useSession } from '../session';
import type { Org } from '../types';

interface Row { natural: number; commercial: number; research: number; nonprofit: number; legalService: number; otherOrg: number; total: number }
interface Report {
  orgName: string; year: number; status: string;
  proactive: Record<string, Record<string, number>>;
  requests: Record<string, unknown>;
  reviewLitigation: Record<string, Record<string, number>>;
  sections: { overview: string; problems: string; other: string };
  violations?: { cell: string; message: string }[];
}

const MAIN_ROWS: [string, string][] = [
  ['received', '一、本年新收'], ['carriedIn', '二、上年结转'], ['granted', '（一）予以公开'], ['partial', '（二）部分公开'], ['completed', '（七）总计'], ['carriedOut', '四、结转下年度'],
];

function pick(obj: unknown, path: string): Row | undefined {
  return path.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], obj) as Row | undefined;
}

export default function Reports() {
  const { user } = useSession();
  const { message } = App.useApp();
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [orgCode, setOrgCode] = useState(user.orgCode);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [rollup, setRollup] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [status, setStatus] = useState<{ orgName: string; deadline: string; published: boolean; overdue: boolean }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    setError(null);
    try {
      const r = await get<Report>(`/api/v1/orgs/${orgCode}/annual-reports/${year}?draft=true&rollup=${rollup}`);
      setReport(r);
      form.setFieldsValue({ ...r.sections, licensing: r.proactive.licensing.decisions, penalties: r.proactive.penalties.decisions, enforcement: r.proactive.enforcement.decisions, fees: r.proactive.fees.amountTenThousandYuan });
      setStatus((await get<{ items: typeof status }>(`/api/v1/orgs/${orgCode}/annual-reports/${year}/status`)).items);
    } catch (e) {
      setReport(null);
      setError(e instanceof ApiError ? e.message : '加载失败');
    }
  }, [orgCode, year, rollup, form]);
  useEffect(() => {
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => setOrgs(r.items.filter((o) => o.type !== 'office')));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function saveDraft(v: Record<string, string | number>) {
    try {
      await put(`/api/v1/orgs/${orgCode}/annual-reports/${year}/draft`, {
        overview: v.overview, problems: v.problems, other: v.other,
        externalFigures: { 'licensing.decisions': Number(v.licensing ?? 0), 'penalties.decisions': Number(v.penalties ?? 0), 'enforcement.decisions': Number(v.enforcement ?? 0), 'fees.amountTenThousandYuan': Number(v.fees ?? 0) },
      });
      message.success('已保存');
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  }

  async function publish() {
    try {
      await post(`/api/v1/orgs/${orgCode}/annual-reports/${year}/publish`, { rollup });
      message.success('年度报告已发布');
      await load();
    } catch (e) {
      if (e instanceof ApiError) setError([e.message, ...e.details.map((d) => `${d.path ?? ''} ${d.message}`)].join('\n'));
    }
  }

  async function importLedger(file: File) {
    const isCsv = file.name.toLowerCase().endsWith('.csv');
    const res = await fetch(`/api/v1/orgs/${orgCode}/request-ledger`, {
      method: 'POST',
      headers: { 'content-type': isCsv ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x-csrf-token': getCsrfToken() ?? '' },
      body: isCsv ? await file.text() : await file.arrayBuffer(),
    });
    const data = await res.json();
    if (res.ok) {
      message.success(`已导入 ${data.imported} 条`);
      await load();
    } else {
      setError([data.message, ...(data.details ?? []).map((d: { row: number; message: string }) => `第${d.row}行：${d.message}`)].join('\n'));
    }
    return false;
  }

  return (
    <>
      <Typography.Title level={2}>年度报告</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="rep-org">机关</label>
        <Select id="rep-org" style={{ width: 260 }} value={orgCode} onChange={setOrgCode} options={orgs.map((o) => ({ value: o.code, label: o.name }))} />
        <label htmlFor="rep-year">年度</label>
        <InputNumber id="rep-year" value={year} min={2008} max={2100} onChange={(v) => v && setYear(v)} />
        <Select value={rollup ? 'rollup' : 'own'} onChange={(v) => setRollup(v === 'rollup')} options={[{ value: 'own', label: '本机关' }, { value: 'rollup', label: '含下级机关汇总' }]} />
        <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void importLedger(f); return false; }}><Button>导入纸质台账（CSV/XLSX）</Button></Upload>
        <Button type="primary" onClick={publish}>发布</Button>
      </Space>
      {error && <Alert type="error" role="alert" showIcon message={<pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{error}</pre>} style={{ marginBottom: 16 }} />}
      {report?.violations?.length ? <Alert type="warning" showIcon message="勾稽关系不符，不能发布" description={report.violations.map((v) => <div key={v.cell + v.message}>{v.cell}：{v.message}</div>)} style={{ marginBottom: 16 }} /> : null}
      {report && (
        <>
          <Card title="三、收到和处理政府信息公开申请情况（主要行）" style={{ marginBottom: 16 }}>
            <Table
              size="small" pagination={false} rowKey="key"
              dataSource={MAIN_ROWS.map(([key, label]) => ({ key, label, ...(pick(report.requests, key) ?? {}) }))}
              columns={[{ title: '项目', dataIndex: 'label' }, ...['natural', 'commercial', 'research', 'nonprofit', 'legalService', 'otherOrg', 'total'].map((c, i) => ({ title: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'][i], dataIndex: c }))]}
            />
          </Card>
          <Card title="正文与系统外数据" style={{ marginBottom: 16 }}>
            <Form form={form} layout="vertical" onFinish={saveDraft}>
              <Form.Item label="一、总体情况" name="overview"><Input.TextArea rows={4} /></Form.Item>
              <Space wrap>
                <Form.Item label="行政许可决定数" name="licensing"><InputNumber min={0} /></Form.Item>
                <Form.Item label="行政处罚决定数" name="penalties"><InputNumber min={0} /></Form.Item>
                <Form.Item label="行政强制决定数" name="enforcement"><InputNumber min={0} /></Form.Item>
                <Form.Item label="行政事业性收费（万元）" name="fees"><InputNumber min={0} step={0.01} /></Form.Item>
              </Space>
              <Form.Item label="五、存在的主要问题及改进情况" name="problems"><Input.TextArea rows={3} /></Form.Item>
              <Form.Item label="六、其他需要报告的事项" name="other"><Input.TextArea rows={3} /></Form.Item>
              <Button htmlType="submit">保存</Button>
            </Form>
          </Card>
        </>
      )}
      <Card title="本机关及下级机关发布情况">
        <Table size="small" rowKey="orgName" pagination={false} dataSource={status} columns={[
          { title: '机关', dataIndex: 'orgName' }, { title: '发布期限', dataIndex: 'deadline' },
          { title: '状态', render: (_, s) => (s.published ? <Tag color="green">已发布</Tag> : s.overdue ? <Tag color="red">逾期未发布</Tag> : <Tag>未发布</Tag>) },
        ]} />
      </Card>
    </>
  );
}
