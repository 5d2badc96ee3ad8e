import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, List, Popconfirm, Row, Select, Space, Typography } from 'antd';
import { LABELS } from '../../../../src/domain/labels.js';
import { ApiError, del, fieldErrors, get, post, put, upload } from '../api';
import { DateInput } from '../components/DateInput';
import { FileUpload } from '../components/FileUpload';
import { RichTextEditor } from '../components/RichTextEditor';
import { SearchSelect } from '../components/SearchSelect';
import { currentPath, navigate } from '../router';
import { useSession } from '../session';
import type { ItemDetailData } from './ItemDetail';
import { EmptyText } from '../components/EmptyText';

const options = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));

interface DocxImport { bodyHtml: string; suggestedTitle: string; notes: string[]; findings: { typeLabel: string; masked: string }[] }
interface Interpretable { id: number; title: string; indexNo: string | null; orgName: string }

/** The policy an interpretation explains: searched among the published items it may point at. */
function InterpretsSelect({ value, onChange, current }: { value?: number | null; onChange?: (v: number | null) => void; current?: { id: number; title: string } | null }) {
  const [found, setFound] = useState<Interpretable[]>([]);
  const search = useCallback((q: string) => {
    void get<{ items: Interpretable[] }>(`/api/v1/items/interpretable?q=${encodeURIComponent(q)}`).then((r) => setFound(r.items));
  }, []);
  useEffect(() => search(''), [search]);
  const all = current && !found.some((f) => f.id === current.id) ? [{ id: current.id, title: current.title, indexNo: null, orgName: '' }, ...found] : found;
  return (
    <Select
      showSearch allowClear value={value ?? undefined} onChange={(v) => onChange?.(v ?? null)} filterOption={false} onSearch={search}
      placeholder="输入标题、索引号或发文字号查找" notFoundContent="没有可解读的已发布文件" aria-label="解读的政策文件"
      options={all.map((i) => ({ value: i.id, label: `${i.title}${i.indexNo ? `（${i.indexNo}）` : ''}` }))}
    />
  );
}

/**
 * Creating and editing an item: the same fields either way, a rich-text body (typed, pasted from
 * Word, or imported from a .docx), attachments once the draft is saved. The server checks every
 * field again and scans the text for personal information on each save.
 */
export default function ItemEditor() {
  const segments = currentPath().split('/');
  const id = segments[2] === 'new' ? null : Number(segments[2]);
  const { user } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const disclosure = Form.useWatch('disclosure', form);
  const category = Form.useWatch('category', form);
  const [item, setItem] = useState<ItemDetailData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<DocxImport | null>(null);
  const [saving, setSaving] = useState(false);
  const [categories, setCategories] = useState<string[]>([]);
  const [topics, setTopics] = useState<string[]>([]);

  useEffect(() => {
    void get<{ value: string[] }>(`/api/v1/settings/categories:${user.orgCode}`).then((r) => setCategories(r.value));
    void get<{ value: string[] }>('/api/v1/settings/topics').then((r) => setTopics(r.value));
  }, [user.orgCode]);

  // After an attachment is added or removed only the item is fetched again: what is being typed stays in the form.
  const load = useCallback(async (options: { keepForm?: boolean } = {}) => {
    if (id === null) return;
    try {
      const loaded = await get<ItemDetailData>(`/api/v1/items/${id}`);
      setItem(loaded);
      if (options.keepForm) return;
      form.setFieldsValue({
        title: loaded.title, disclosure: loaded.disclosure, withheldGround: loaded.withheldGround, withheldReason: loaded.withheldReason,
        docKind: loaded.docKind, docNo: loaded.docNo, category: loaded.category, topic: loaded.topic, keywords: loaded.keywords,
        writtenOn: loaded.writtenOn, formedOn: loaded.formedOn, interpretsItemId: loaded.interpretsItemId, bodyHtml: loaded.bodyHtml,
      });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败');
    }
  }, [id, form]);
  useEffect(() => {
    void load();
  }, [load]);

  async function save(values: Record<string, unknown>) {
    setSaving(true);
    setError(null);
    const body = {
      ...values, docNo: values.docNo || null, keywords: values.keywords || null, writtenOn: values.writtenOn || null, formedOn: values.formedOn || null,
      interpretsItemId: values.interpretsItemId ?? null, bodyHtml: values.bodyHtml ?? '',
      withheldGround: values.disclosure === 'proactive' ? null : values.withheldGround, withheldReason: values.disclosure === 'proactive' ? null : values.withheldReason,
    };
    try {
      const saved = id === null
        ? await post<{ id: number }>('/api/v1/items', body)
        : await put<{ id: number }>(`/api/v1/items/${id}`, { ...body, baseVersion: item?.version });
      message.success(id === null ? '草稿已保存' : '修改已保存');
      navigate(`/items/${saved.id}`);
    } catch (e) {
      form.setFields(fieldErrors(e));
      setError(e instanceof ApiError ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  }

  async function importDocx(file: File) {
    setError(null);
    const data = new FormData();
    data.append('file', file);
    try {
      const result = await upload<DocxImport>('/api/v1/items/import-docx', data);
      form.setFieldValue('bodyHtml', result.bodyHtml);
      if (!form.getFieldValue('title') && result.suggestedTitle) form.setFieldValue('title', result.suggestedTitle);
      setImported(result);
      message.success('已导入 Word 文档的正文，请核对后保存');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '导入失败');
    }
  }

  if (id !== null && item && !item.permissions.edit) {
    return <Alert type="warning" showIcon message="此信息已提交审核或已发布，不能再修改。" description={<a href={`#/items/${id}`}>返回信息详情</a>} />;
  }

  return (
    <>
      <Typography.Title level={2}>{id === null ? '新建信息' : `修改草稿：${item?.title ?? ''}`}</Typography.Title>
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ disclosure: 'proactive', docKind: 'other', bodyHtml: '' }} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} lg={16}>
            <Form.Item label="标题" name="title" rules={[{ required: true, message: '请输入标题' }, { min: 2, message: '标题至少2个字' }]}><Input maxLength={300} /></Form.Item>
            <Form.Item label="正文" name="bodyHtml" rules={[{ required: true, message: '请输入正文，或导入 Word 文档' }]}
              extra="可直接粘贴 Word、WPS 中的内容（格式自动清理），或导入 .docx 文件作为正文。保存时将检查身份证号、手机号码等个人信息（条例第十五条）。">
              <RichTextEditor id="bodyHtml" label="正文" />
            </Form.Item>
            <Space wrap style={{ marginBottom: 16 }}>
              {/* The native input stays (labelled, reachable by keyboard) but out of sight: its button text follows the browser's language. */}
              <input id="docx-import" type="file" aria-label="从 Word 文档导入正文（.docx）" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }} tabIndex={-1}
                onChange={(e) => { const f = e.target.files?.[0]; if (f) void importDocx(f); e.target.value = ''; }} />
              <Button onClick={() => document.getElementById('docx-import')?.click()}>从 Word 文档导入正文（.docx）</Button>
              <Typography.Text type="secondary">导入后替换当前正文，保存前可修改</Typography.Text>
            </Space>
            {imported && (imported.notes.length > 0 || imported.findings.length > 0) && (
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="导入提示" description={
                <>
                  {imported.notes.map((n) => <div key={n}>{n}</div>)}
                  {imported.findings.length > 0 && <div>导入的正文含有个人信息：{imported.findings.map((f) => `${f.typeLabel} ${f.masked}`).join('、')}。保存后须逐项脱敏或说明理由保留，方可提交审核。</div>}
                </>
              } />
            )}
          </Col>
          <Col xs={24} lg={8}>
            <Form.Item label="公开属性" name="disclosure" extra="依申请公开、不予公开须选择法定理由（条例第十四条至第十六条）">
              <Select options={options(LABELS.disclosure)} />
            </Form.Item>
            {disclosure && disclosure !== 'proactive' && (
              <>
                <Form.Item label="不主动公开的理由" name="withheldGround" rules={[{ required: true, message: '请选择法定理由' }]}>
                  <SearchSelect options={options(LABELS.withheldGround)} />
                </Form.Item>
                <Form.Item label="理由说明" name="withheldReason" rules={[{ required: true, message: '请说明理由' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
              </>
            )}
            <Form.Item label="文件类型" name="docKind" extra="行政规范性文件发布后3个工作日内应发布政策解读"><Select options={options(LABELS.docKind)} /></Form.Item>
            <Form.Item label="发文字号" name="docNo" extra="如：县财发〔2026〕12号（年份用六角括号，序号不加“第”和前导0）"><Input maxLength={100} /></Form.Item>
            <Form.Item label="信息类别" name="category" rules={[{ required: true, message: '请选择信息类别' }]} extra="本机关政府信息公开目录的类别（条例第二十条）">
              <SearchSelect options={categories.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            {category === '政策解读' && (
              <Form.Item label="解读的政策文件" name="interpretsItemId" extra="本机关或上级机关已发布的主动公开文件">
                <InterpretsSelect current={item?.interprets ?? null} />
              </Form.Item>
            )}
            <Form.Item label="主题分类" name="topic" rules={[{ required: true, message: '请选择主题分类' }]}>
              <SearchSelect options={topics.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item label="关键词" name="keywords" extra="多个关键词以空格分隔，用于检索"><Input maxLength={200} /></Form.Item>
            <Form.Item label="成文日期" name="writtenOn"><DateInput id="writtenOn" noFuture /></Form.Item>
            <Form.Item label="形成或变更日期" name="formedOn" extra="自该日起20个工作日内公开（条例第二十六条）"><DateInput id="formedOn" noFuture /></Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>保存草稿</Button>
          <Button onClick={() => navigate(id === null ? '/items' : `/items/${id}`)}>取消</Button>
        </Space>
      </Form>

      <Card title="附件" style={{ marginTop: 24 }}>
        {id === null || !item ? <Typography.Text type="secondary">保存草稿后即可上传附件（PDF、DOCX、XLSX、PNG、JPEG，不超过20MB）。</Typography.Text> : (
          <>
            <List size="small" dataSource={item.attachments} locale={{ emptyText: <EmptyText>无附件</EmptyText> }} renderItem={(a) => (
              <List.Item actions={[
                <Popconfirm key="d" title={`删除附件“${a.fileName}”？`} okText="删除" cancelText="取消" onConfirm={async () => { try { await del(`/api/v1/items/${item.id}/attachments/${a.id}`); message.success('附件已删除'); await load({ keepForm: true }); } catch (e) { setError(e instanceof ApiError ? e.message : '删除失败'); } }}>
                  <Button size="small" danger>删除</Button>
                </Popconfirm>,
              ]}>{a.fileName}（{Math.ceil(a.size / 1024)} KB）</List.Item>
            )} />
            <div style={{ marginTop: 8 }}>
              <FileUpload id="attach" label="上传附件（PDF、DOCX、XLSX、PNG、JPEG）" accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
                url={`/api/v1/items/${item.id}/attachments`} successMessage="附件已上传并完成检查" onUploaded={() => load({ keepForm: true })} onError={setError} />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
