/**
 * 回应关切 drawer: 新闻发布会、媒体采访、答记者问 as records of the concern — time, place, speakers, transcript
 * (with the privacy scan's findings), photos and attachments — and "生成公开信息", which makes a draft item
 * (政策解读 or 工作动态) that goes through the 主动公开 review like any other.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LABELS } from '../../../../../src/domain/labels.js';
import { ApiError, fieldErrors, get, post } from '../../api';
import { FileUpload } from '../../components/FileUpload';
import { useSession } from '../../session';

interface PressFile { id: number; role: string; roleLabel: string; fileName: string; size: number; url: string }
interface Finding { type: string; typeLabel: string; masked: string }
export interface PressRecord {
  id: number; kind: string; kindLabel: string; title: string; heldAt: string; place: string; speakers: string; transcript: string;
  findings: Finding[]; files: PressFile[]; item: { id: number; title: string; status: string | null; statusLabel: string } | null;
}

const KIND_OPTIONS = Object.entries(LABELS.pressRecordKind).map(([value, label]) => ({ value, label }));
const CATEGORY_OPTIONS = [{ value: '政策解读', label: '政策解读' }, { value: '工作动态', label: '工作动态' }];
const time = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

export function PressRecords({ concernId, canManage }: { concernId: number; canManage: boolean }) {
  const { hasRole } = useSession();
  const { message } = App.useApp();
  const [records, setRecords] = useState<PressRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [category, setCategory] = useState<Record<number, string>>({});
  const canDraftItem = canManage && hasRole('clerk');

  const load = useCallback(async () => {
    try {
      setRecords((await get<{ items: PressRecord[] }>(`/api/v1/concerns/${concernId}/press-records`)).items);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试。');
    }
  }, [concernId]);
  useEffect(() => { void load(); }, [load]);

  async function add(values: Record<string, unknown> & { heldAt?: Dayjs }) {
    try {
      const saved = await post<{ items: PressRecord[] }>(`/api/v1/concerns/${concernId}/press-records`, { ...values, heldAt: values.heldAt?.format() });
      setRecords(saved.items);
      form.resetFields();
      message.success('记录已登记。');
    } catch (e) {
      form.setFields(fieldErrors(e));
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  }

  async function publish(r: PressRecord) {
    try {
      const saved = await post<{ items: PressRecord[] }>(`/api/v1/concerns/${concernId}/press-records/${r.id}/publish`, { category: category[r.id] ?? '政策解读' });
      setRecords(saved.items);
      message.success('已生成公开信息草稿，请在“信息发布”中提交审核。');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '生成失败');
    }
  }

  return (
    <section aria-labelledby={`press-${concernId}`}>
      <Typography.Title level={4} id={`press-${concernId}`}>新闻发布会、媒体采访、答记者问</Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {records && !records.length && <Typography.Paragraph type="secondary">尚未登记发布会或采访记录。</Typography.Paragraph>}
      {records?.map((r) => (
        <Card key={r.id} size="small" style={{ marginBottom: 12 }} title={<Space wrap><Tag>{r.kindLabel}</Tag><span>{r.title}</span></Space>}>
          <Descriptions column={2} size="small" style={{ marginBottom: 8 }}>
            <Descriptions.Item label="举行时间">{time(r.heldAt)}</Descriptions.Item>
            <Descriptions.Item label="地点">{r.place || '未填写'}</Descriptions.Item>
            <Descriptions.Item label="发布人" span={2}>{r.speakers || '未填写'}</Descriptions.Item>
          </Descriptions>
          {r.findings.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={`实录中发现${r.findings.length}处个人信息或敏感内容，公开前须脱敏`}
              description={r.findings.map((f, i) => <div key={i}>{f.typeLabel}：{f.masked}</div>)} />
          )}
          <Typography.Paragraph ellipsis={{ rows: 4, expandable: true, symbol: '展开' }} style={{ whiteSpace: 'pre-line' }}>{r.transcript || '尚未填写实录文字。'}</Typography.Paragraph>
          <div style={{ marginBottom: 8 }}>
            {r.files.length ? r.files.map((f) => <div key={f.id}>{f.roleLabel}：<a href={f.url} download={f.fileName}>{f.fileName}</a>（{Math.ceil(f.size / 1024)} KB）</div>) : <Typography.Text type="secondary">暂无照片和附件</Typography.Text>}
          </div>
          {canManage && !r.item && (
            <Space direction="vertical" style={{ display: 'flex', marginBottom: 8 }}>
              <FileUpload id={`press-photo-${r.id}`} label="上传照片" accept="image/png,image/jpeg" url={`/api/v1/concerns/${concernId}/press-records/${r.id}/files?role=photo`}
                successMessage="照片已上传。" onUploaded={load} onError={(m) => message.error(m)} />
              <FileUpload id={`press-file-${r.id}`} label="上传附件" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg" url={`/api/v1/concerns/${concernId}/press-records/${r.id}/files?role=attachment`}
                successMessage="附件已上传。" onUploaded={load} onError={(m) => message.error(m)} />
            </Space>
          )}
          {r.item ? (
            <div>公开信息：<a href={`#/items/${r.item.id}`}>{r.item.title || `信息${r.item.id}`}</a>　<Tag>{r.item.statusLabel}</Tag></div>
          ) : canDraftItem ? (
            <Space wrap>
              <label htmlFor={`press-category-${r.id}`}>信息类别</label>
              <Select id={`press-category-${r.id}`} style={{ width: 140 }} options={CATEGORY_OPTIONS} value={category[r.id] ?? '政策解读'} onChange={(v) => setCategory({ ...category, [r.id]: v })} />
              <Button type="primary" onClick={() => void publish(r)}>生成公开信息</Button>
              <Typography.Text type="secondary">生成主动公开信息草稿，经审核、保密审查后发布。</Typography.Text>
            </Space>
          ) : canManage ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>生成公开信息（主动公开信息草稿）须由同时具有信息员角色的账号办理。</Typography.Paragraph>
          ) : null}
        </Card>
      ))}
      {canManage && (
        <Card size="small" title="登记发布会或采访">
          <Form form={form} name="press" layout="vertical" onFinish={add} initialValues={{ kind: 'pressConference' }}>
            <Space wrap>
              <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型。' }]}>
                <Select options={KIND_OPTIONS} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item label="举行时间" name="heldAt" rules={[{ required: true, message: '请选择举行时间。' }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item label="地点" name="place">
                <Input maxLength={200} style={{ width: 220 }} />
              </Form.Item>
            </Space>
            <Form.Item label="标题" name="title" rules={[{ required: true, message: '请填写标题。' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label="发布人" name="speakers" extra="新闻发言人及出席的负责人，如：县长 张某；县应急管理局局长 李某">
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item label="实录文字" name="transcript" extra="保存后自动扫描身份证号、手机号码等个人信息；生成公开信息前须脱敏（条例第十五条）。">
              <Input.TextArea rows={5} maxLength={100000} />
            </Form.Item>
            <Button type="primary" htmlType="submit">登记记录</Button>
          </Form>
        </Card>
      )}
    </section>
  );
}
