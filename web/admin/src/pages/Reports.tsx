import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { ApiError, fieldErrors, get, getCsrfToken, post, put } from '../api';
import { SearchSelect } from '../components/SearchSelect';
import { useSession } from '../session';
import type { Org } from '../types';

interface Publication {
  allowedFrom: string;
  yearEnded: boolean;
  problemsDescribed: boolean;
  canPublish: boolean;
  published: { version: number; rollup: boolean; publishedAt: string; note: string | null } | null;
}

interface Report {
  orgCode: string; orgName: string; year: number; status: string; rollup: boolean;
  proactive: Record<string, Record<string, number>>;
  sections: { overview: string; problems: string; other: string };
  violations?: { cell: string; message: string }[];
  publication: Publication;
}

interface PublicationStatus { orgCode: string; orgName: string; deadline: string; published: boolean; overdue: boolean }

/** 2026年1月20日 09:30, in China time whatever the browser's zone. */
const chinaTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** 年度报告: compile, preview exactly as the portal will show it, publish and correct. */
export default function Reports() {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [orgCode, setOrgCode] = useState(user.orgCode);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [rollup, setRollup] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [status, setStatus] = useState<PublicationStatus[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [previewKey, setPreviewKey] = useState(0);
  const [previewHeight, setPreviewHeight] = useState(900);
  const preview = useRef<HTMLIFrameElement>(null);
  const [form] = Form.useForm();
  const [correction] = Form.useForm();

  // Only the answer to the latest choice of body, year and range is shown.
  const latest = useRef(0);
  const load = useCallback(async () => {
    const request = ++latest.current;
    setError(null);
    try {
      const r = await get<Report>(`/api/v1/orgs/${orgCode}/annual-reports/${year}?draft=true&rollup=${rollup}`);
      if (request !== latest.current) return;
      setReport(r);
      form.setFieldsValue({ ...r.sections, licensing: r.proactive.licensing.decisions, penalties: r.proactive.penalties.decisions, enforcement: r.proactive.enforcement.decisions, fees: r.proactive.fees.amountTenThousandYuan });
      setPreviewKey((k) => k + 1);
      const items = (await get<{ items: PublicationStatus[] }>(`/api/v1/orgs/${orgCode}/annual-reports/${year}/status`)).items;
      if (request === latest.current) setStatus(items);
    } catch (e) {
      if (request !== latest.current) return;
      setReport(null);
      setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试。');
    }
  }, [orgCode, year, rollup, form]);
  useEffect(() => {
    void get<{ items: Org[] }>('/api/v1/orgs').then((r) => {
      setOrgs(r.items.filter((o) => o.type !== 'office'));
      if (r.items.find((o) => o.code === user.orgCode)?.type === 'government') setRollup(true);
    });
  }, [user.orgCode]);
  useEffect(() => {
    void load();
  }, [load]);

  function chooseOrg(code: string) {
    setOrgCode(code);
    // A government's report is the roll-up of its own work and that of the bodies below it.
    setRollup(orgs.find((o) => o.code === code)?.type === 'government');
  }

  function showError(e: unknown, fallback: string) {
    if (!(e instanceof ApiError)) return setError(fallback);
    setError([e.message, ...e.details.filter((d) => !d.path || !['problems', 'note'].includes(d.path)).map((d) => (d.row ? `第${d.row}行：${d.message}` : d.message))].join('\n'));
  }

  async function saveDraft(v: Record<string, string | number>) {
    try {
      await put(`/api/v1/orgs/${orgCode}/annual-reports/${year}/draft`, {
        overview: v.overview, problems: v.problems, other: v.other,
        externalFigures: { 'licensing.decisions': Number(v.licensing ?? 0), 'penalties.decisions': Number(v.penalties ?? 0), 'enforcement.decisions': Number(v.enforcement ?? 0), 'fees.amountTenThousandYuan': Number(v.fees ?? 0) },
      });
      message.success('已保存，预览已更新');
      await load();
    } catch (e) {
      form.setFields(fieldErrors(e));
      showError(e, '保存失败，请稍后重试。');
    }
  }

  function publish(note?: string) {
    const correcting = !!report?.publication.published;
    modal.confirm({
      title: correcting ? `发布${year}年度报告的更正版本？` : `发布${year}年度报告？`,
      content: correcting
        ? '更正版本将替换门户网站上的现行版本，并注明更正说明；此前的版本仍保留备查。'
        : '发布后报告将在门户网站公开，不能撤回；如需修改，只能发布更正版本并说明更正内容。',
      okText: '确认发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          await post(`/api/v1/orgs/${orgCode}/annual-reports/${year}/publish`, { rollup, ...(note ? { note } : {}) });
          message.success(correcting ? '更正版本已发布' : '年度报告已发布');
          correction.resetFields();
          await load();
        } catch (e) {
          form.setFields(fieldErrors(e).filter((f) => f.name === 'problems'));
          correction.setFields(fieldErrors(e).filter((f) => f.name === 'note'));
          showError(e, '发布失败，请稍后重试。');
        }
      },
    });
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

  const api = `/api/v1/orgs/${orgCode}/annual-reports/${year}`;
  const p = report?.publication;
  const canEdit = !!p?.canPublish;
  const blockers = report && p ? [
    ...(!p.yearEnded ? [`${year}年度尚未结束，自${p.allowedFrom.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}起方可发布（条例第四十九条：报告上一年度的工作）。`] : []),
    ...(report.violations?.length ? ['表格数据不符合勾稽关系，请先核对下方提示的数据。'] : []),
    ...(!p.problemsDescribed ? ['“五、存在的主要问题及改进情况”尚未填写：须写明存在的问题和改进措施，不能只写“无”。'] : []),
  ] : [];
  const downloads = (query: string) => (
    <Space wrap>
      <Button href={`${api}/export.docx${query}`}>Word（DOCX）</Button>
      <Button href={`${api}/export.pdf${query}`}>PDF</Button>
      <Button href={`${api}/export.xlsx${query}`}>表格（XLSX）</Button>
      <Button href={`${api}${query}`} target="_blank" rel="noopener">数据（JSON）</Button>
    </Space>
  );

  return (
    <>
      <Typography.Title level={2}>年度报告</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="rep-org">机关</label>
        <SearchSelect id="rep-org" style={{ width: 260 }} value={orgCode} onChange={chooseOrg} options={orgs.map((o) => ({ value: o.code, label: o.name }))} />
        <label htmlFor="rep-year">年度</label>
        <InputNumber id="rep-year" value={year} min={2008} max={2100} onChange={(v) => v && v >= 2008 && setYear(v)} />
        <label htmlFor="rep-kind">范围</label>
        <Select id="rep-kind" style={{ width: 180 }} value={rollup ? 'rollup' : 'own'} onChange={(v) => setRollup(v === 'rollup')} options={[{ value: 'own', label: '本机关' }, { value: 'rollup', label: '含下级机关汇总' }]} />
        {canEdit && <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void importLedger(f); return false; }}><Button>导入纸质台账（CSV/XLSX）</Button></Upload>}
      </Space>
      {error && <Alert type="error" role="alert" showIcon message={<pre style={{ whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'inherit' }}>{error}</pre>} style={{ marginBottom: 16 }} closable onClose={() => setError(null)} />}
      {report && p && (
        <>
          <Card title="发布" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} style={{ marginBottom: 12 }} items={[
              { key: 'status', label: '状态', children: p.published ? <Space><Tag color="green">已发布第{p.published.version}版</Tag>{chinaTime(p.published.publishedAt)}{p.published.rollup ? '（含下级机关汇总）' : ''}</Space> : <Tag>未发布</Tag> },
              ...(p.published?.note ? [{ key: 'note', label: '更正说明', children: p.published.note }] : []),
              ...(p.published ? [{ key: 'link', label: '门户网站', children: <a href={`/xxgk/reports/${orgCode}/${year}`} target="_blank" rel="noopener">查看已发布的报告</a> }] : []),
            ]} />
            {report.violations?.length ? <Alert type="warning" showIcon message="勾稽关系不符，不能发布" description={report.violations.map((v) => <div key={v.cell}>{v.message}</div>)} style={{ marginBottom: 12 }} /> : null}
            {canEdit && blockers.length > 0 && <Alert type="info" showIcon message="暂不能发布" description={blockers.map((b) => <div key={b}>{b}</div>)} style={{ marginBottom: 12 }} />}
            {canEdit && blockers.length === 0 && !p.published && <Button type="primary" onClick={() => publish()}>发布{rollup ? '汇总' : ''}年度报告</Button>}
            {canEdit && blockers.length === 0 && p.published && (
              <Form form={correction} layout="vertical" onFinish={(v: { note: string }) => publish(v.note)} style={{ maxWidth: 640 }}>
                <Form.Item label="更正说明" name="note" rules={[{ required: true, whitespace: true, message: '请填写更正说明：更正了哪些内容、为什么更正。' }]}
                  extra="已发布的报告只能以更正版本替换：写明更正的内容和原因，将随更正版本一同公开。">
                  <Input.TextArea rows={2} maxLength={2000} showCount />
                </Form.Item>
                <Button type="primary" htmlType="submit">发布更正版本</Button>
              </Form>
            )}
          </Card>
          <Card title="下载" style={{ marginBottom: 16 }}>
            <Space direction="vertical">
              <div><Typography.Text strong>当前计算稿：</Typography.Text>{downloads(`?draft=true&rollup=${rollup}`)}</div>
              {p.published && <div><Typography.Text strong>已发布版本（第{p.published.version}版）：</Typography.Text>{downloads('')}</div>}
            </Space>
          </Card>
          {canEdit && (
            <Card title="正文与系统外数据" style={{ marginBottom: 16 }}>
              <Form form={form} layout="vertical" onFinish={saveDraft}>
                <Form.Item label="一、总体情况" name="overview" extra="条例第五十条：主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况。留空则按平台数据自动生成。"><Input.TextArea rows={5} /></Form.Item>
                <Space wrap>
                  <Form.Item label="行政许可决定数" name="licensing" extra="条例第二十条第（五）项"><InputNumber min={0} /></Form.Item>
                  <Form.Item label="行政处罚决定数" name="penalties" extra="条例第二十条第（六）项"><InputNumber min={0} /></Form.Item>
                  <Form.Item label="行政强制决定数" name="enforcement" extra="条例第二十条第（六）项"><InputNumber min={0} /></Form.Item>
                  <Form.Item label="行政事业性收费（万元）" name="fees" extra="条例第二十条第（八）项"><InputNumber min={0} step={0.01} /></Form.Item>
                </Space>
                <Form.Item label="五、存在的主要问题及改进情况" name="problems"
                  extra="条例第五十条第（四）项：写明本年度工作存在的主要问题和改进措施（至少10个字）。只写“无”的报告不能发布。">
                  <Input.TextArea rows={4} />
                </Form.Item>
                <Form.Item label="六、其他需要报告的事项" name="other" extra="如本年度收取信息处理费的情况（《政府信息公开信息处理费管理办法》）。"><Input.TextArea rows={3} /></Form.Item>
                <Button htmlType="submit">保存</Button>
              </Form>
            </Card>
          )}
          <Card title="预览（与门户网站发布后的页面相同）" style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
            <iframe
              key={previewKey}
              ref={preview}
              title={`${report.orgName}${year}年政府信息公开工作年度报告预览`}
              src={`${api}/preview?rollup=${rollup}`}
              style={{ width: '100%', height: previewHeight, border: 0, display: 'block' }}
              onLoad={() => setPreviewHeight(Math.max(600, (preview.current?.contentDocument?.documentElement.scrollHeight ?? 900) + 16))}
            />
          </Card>
        </>
      )}
      <Card title="本机关及下级机关发布情况">
        <Table size="small" rowKey="orgCode" pagination={false} dataSource={status} columns={[
          { title: '机关', dataIndex: 'orgName' }, { title: '发布期限', dataIndex: 'deadline' },
          { title: '状态', render: (_, s) => (s.published ? <Tag color="green">已发布</Tag> : s.overdue ? <Tag color="red">逾期未发布</Tag> : <Tag>未发布</Tag>) },
        ]} />
      </Card>
    </>
  );
}
