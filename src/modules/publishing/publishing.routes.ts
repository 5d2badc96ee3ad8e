import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { WITHHELD_GROUNDS } from '../../domain/item-workflow.js';
import { actorOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { idParam, isoDate } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { catalogItemWithText, searchCatalog } from './catalog.service.js';
import { exportCatalog, importCatalog } from './catalog-transfer.js';
import { saveGuide } from './guide.service.js';
import { publishingPages } from './publishing.pages.js';
import * as items from './publishing.service.js';

const tags = ['主动公开'];
const itemBody = z.object({
  orgCode: z.string().max(64).optional().describe('发布机构（默认本人所在机构）'),
  title: z.string().trim().min(2).max(300),
  bodyHtml: z.string().max(2_000_000).default(''),
  disclosure: z.enum(['proactive', 'onRequest', 'withheld']).describe('公开属性：主动公开/依申请公开/不予公开'),
  withheldGround: z.enum(Object.keys(WITHHELD_GROUNDS) as [keyof typeof WITHHELD_GROUNDS]).nullable().optional(),
  withheldReason: z.string().max(2000).nullable().optional(),
  docKind: z.enum(['rule', 'normative', 'other']).default('other').describe('规章/行政规范性文件/其他'),
  docNo: z.string().max(100).nullable().optional().describe('发文字号'),
  // No default: an item whose 信息类别 nobody chose would be filed as 其他 without anyone noticing.
  category: z.string({ message: '请选择信息类别' }).trim().min(1, '请选择信息类别').max(50).describe('信息类别（本机关目录类别之一）'),
  topic: z.string({ message: '请选择主题分类' }).trim().min(1, '请选择主题分类').max(50).describe('主题分类'),
  keywords: z.string().max(200).nullable().optional(),
  writtenOn: isoDate.nullable().optional().describe('成文日期'),
  formedOn: isoDate.nullable().optional().describe('形成或变更日期'),
  interpretsItemId: z.number().int().positive().nullable().optional().describe('解读的政策文件'),
});

const STATUSES = ['draft', 'deptReview', 'confidentialityReview', 'leaderApproval', 'scheduled', 'published', 'withdrawn'] as const;
const itemFilters = z.object({
  q: z.string().trim().max(100).optional().describe('标题、索引号或发文字号中的文字'),
  status: z.string().max(200).optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.enum(STATUSES, { message: '状态取值无效' })).optional())
    .describe('状态，可用逗号分隔多个'),
  org: z.string().max(64).optional().describe('发布机构代码（含下级机构）'),
  category: z.string().max(50).optional(),
  topic: z.string().max(50).optional(),
  disclosure: z.enum(['proactive', 'onRequest', 'withheld']).optional(),
  dateField: z.enum(['updated', 'published', 'written', 'formed']).default('updated').describe('日期范围所按的日期：最后更新、发布日期、成文日期、形成或变更日期'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['updatedAt', 'createdAt', 'publishedOn', 'writtenOn', 'formedOn']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export async function publishingRoutes(app: App, ctx: AppContext) {
  app.post('/api/v1/scan', {
    config: { auth: 'staff' },
    schema: {
      tags, summary: '个人信息与敏感内容检查',
      body: z.object({ text: z.string().max(1_000_000) }),
      response: { 200: z.object({ findings: z.array(z.object({ type: z.enum(['idCard', 'mobile', 'bankCard', 'email', 'sensitiveWord']), offset: z.number(), length: z.number(), masked: z.string() })) }) },
    },
  }, async (request) => items.scan(ctx, request.body.text));

  app.get('/api/v1/items/queue', {
    config: { auth: 'staff' },
    schema: { tags, summary: '我的待办（按角色）' },
  }, async (request) => items.myQueue(ctx, actorOf(request)));

  app.get('/api/v1/items', {
    config: { auth: 'staff' },
    schema: {
      tags, summary: '本机关信息列表（检索、筛选、排序、分页）',
      querystring: itemFilters.extend({
        page: z.coerce.number().int().min(1, '页码应为正整数').max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
    },
  }, async (request) => items.listItems(ctx, actorOf(request), request.query));

  app.get('/api/v1/items/export', {
    config: { auth: 'staff' },
    schema: { tags, summary: '导出筛选后的信息列表（CSV 或 XLSX，中文表头）', querystring: itemFilters.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) },
  }, async (request, reply) => {
    const file = await items.exportItems(ctx, actorOf(request), request.query, request.query.format);
    return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.data);
  });

  app.get('/api/v1/items/interpretable', {
    config: { auth: ['clerk'] },
    schema: { tags, summary: '可作为政策解读对象的信息（本机关或上级机关已发布的主动公开信息）', querystring: z.object({ q: z.string().trim().max(100).optional() }) },
  }, async (request) => items.interpretableItems(ctx, actorOf(request), request.query.q));

  app.post('/api/v1/items/bulk-approve', {
    config: { auth: ['deptHead', 'confidentialityReviewer', 'leader'] },
    schema: {
      tags, summary: '批量审核通过（逐条检查环节、权限、检查结果和保密审查确认项）',
      body: z.object({
        ids: z.array(z.number().int().positive()).min(1, '请至少选择一条信息').max(100, '一次最多批量办理100条'),
        comment: z.string().max(2000).optional(),
        checklist: z.object({ stateSecret: z.boolean(), tradeSecret: z.boolean(), privacy: z.boolean(), threeSecurityOneStability: z.boolean() }).partial().optional(),
      }),
    },
  }, async (request) => items.bulkApprove(ctx, actorOf(request), request.body));

  app.post('/api/v1/items/import-docx', {
    config: { auth: ['clerk'] },
    schema: { tags, summary: '将 Word 文档（.docx）转换为正文（multipart/form-data，字段 file；不保存，由编辑器填入正文）' },
  }, async (request) => {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 multipart/form-data 上传文件。');
    const file = await request.file();
    if (!file) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '请选择要导入的 Word 文档。' }]);
    return items.importDocxBody(ctx, actorOf(request), { fileName: file.filename, data: await file.toBuffer() });
  });

  app.post('/api/v1/items', {
    config: { auth: ['clerk'] },
    schema: { tags, summary: '新建信息草稿', body: itemBody },
  }, async (request, reply) => reply.code(201).send(await items.createItem(ctx, actorOf(request), request.body)));

  app.get('/api/v1/items/search', {
    config: { auth: 'staff' },
    schema: { tags, summary: '工作人员检索本机关已审批信息（含依申请公开信息，答复申请时使用）', querystring: z.object({ q: z.string().trim().min(1).max(100) }) },
  }, async (request) => items.searchForStaff(ctx, actorOf(request), request.query.q));

  app.get('/api/v1/items/:id', {
    config: { auth: 'staff' },
    schema: { tags, summary: '信息详情（含审核记录、检查结果、版本）', params: idParam },
  }, async (request) => items.getItem(ctx, actorOf(request), request.params.id));

  app.put('/api/v1/items/:id', {
    config: { auth: ['clerk'] },
    schema: { tags, summary: '修改草稿', params: idParam, body: itemBody.extend({ baseVersion: z.number().int().positive().optional().describe('编辑所依据的版本号：已有更新的版本时拒绝保存') }) },
  }, async (request) => items.updateDraft(ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/items/:id/submit', {
    config: { auth: ['clerk'] },
    schema: { tags, summary: '提交审核', params: idParam },
  }, async (request) => items.submitItem(ctx, actorOf(request), request.params.id));

  app.post('/api/v1/items/:id/review', {
    config: { auth: ['deptHead', 'confidentialityReviewer', 'leader'] },
    schema: {
      tags, summary: '审核、保密审查、审批（通过或退回）', params: idParam,
      body: z.object({
        decision: z.enum(['approve', 'return']),
        comment: z.string().max(2000).optional(),
        checklist: z.object({ stateSecret: z.boolean(), tradeSecret: z.boolean(), privacy: z.boolean(), threeSecurityOneStability: z.boolean() }).partial().optional(),
        publishAt: z.string().datetime({ offset: true }).optional().describe('定时发布时间'),
      }),
    },
  }, async (request) => items.reviewItem(ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/items/:id/schedule', {
    config: { auth: ['leader'] },
    schema: {
      tags, summary: '定时发布：修改时间、取消（退回分管领导审批）或立即发布', params: idParam,
      body: z.discriminatedUnion('action', [
        z.object({ action: z.literal('change'), publishAt: z.string().datetime({ offset: true, message: '发布时间格式应为 2026-05-07T09:00:00+08:00' }) }),
        z.object({ action: z.literal('cancel') }),
        z.object({ action: z.literal('publishNow') }),
      ]),
    },
  }, async (request) => items.rescheduleItem(ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/items/:id/findings/:findingId', {
    config: { auth: 'staff' },
    schema: {
      tags, summary: '处理检查结果：脱敏或说明理由后保留',
      params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), findingId: z.coerce.number().int().positive().max(2_147_483_647) }),
      body: z.object({ resolution: z.enum(['redact', 'accept']), reason: z.string().max(1000).optional() }),
    },
  }, async (request) => items.resolveFinding(ctx, actorOf(request), request.params.id, request.params.findingId, request.body));

  app.post('/api/v1/items/:id/attachments', {
    config: { auth: ['clerk'] },
    schema: { tags, summary: '上传附件（multipart/form-data，字段 file；PDF、DOCX、XLSX、PNG、JPEG，不超过20MB）', params: idParam },
  }, async (request) => {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 multipart/form-data 上传文件。');
    const file = await request.file();
    if (!file) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '请选择要上传的文件。' }]);
    const data = await file.toBuffer();
    return items.addAttachment(ctx, actorOf(request), request.params.id, { fileName: file.filename, data });
  });

  app.get('/api/v1/items/:id/attachments/:attachmentId', {
    config: { auth: 'staff' },
    schema: { tags, summary: '下载附件（可查看该信息的工作人员，含草稿和审核中的信息）', params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), attachmentId: z.coerce.number().int().positive().max(2_147_483_647) }) },
  }, async (request, reply) => {
    const file = await items.attachmentFile(ctx, actorOf(request), request.params.id, request.params.attachmentId);
    return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
  });

  app.delete('/api/v1/items/:id/attachments/:attachmentId', {
    config: { auth: ['clerk'] },
    schema: { tags, summary: '删除附件（仅草稿）', params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), attachmentId: z.coerce.number().int().positive().max(2_147_483_647) }) },
  }, async (request) => items.removeAttachment(ctx, actorOf(request), request.params.id, request.params.attachmentId));

  app.post('/api/v1/items/:id/withdraw', {
    config: { auth: ['leader', 'disclosureOffice'] },
    schema: { tags, summary: '撤销已发布信息（目录保留条目并显示原因）', params: idParam, body: z.object({ reason: z.string().trim().min(2).max(1000) }) },
  }, async (request) => items.withdrawItem(ctx, actorOf(request), request.params.id, request.body.reason));

  app.post('/api/v1/items/:id/correct', {
    config: { auth: ['leader', 'disclosureOffice'] },
    schema: {
      tags, summary: '更正已发布信息或变更有效性（附公开的变更说明）', params: idParam,
      body: z.object({
        title: z.string().trim().min(2).max(300).optional(), bodyHtml: z.string().max(2_000_000).optional(),
        validity: z.enum(['valid', 'lapsed', 'repealed', 'revised']).optional(), validityChangedOn: isoDate.optional(),
        replacedByIndexNo: z.string().max(40).optional(), changeNote: z.string().trim().min(2).max(1000),
      }),
    },
  }, async (request) => items.correctItem(ctx, actorOf(request), request.params.id, request.body));

  app.get('/api/v1/items/:id/diff', {
    config: { auth: 'staff' },
    schema: { tags, summary: '比较两个版本', params: idParam, querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }) },
  }, async (request) => items.diffVersions(ctx, actorOf(request), request.params.id, request.query.from, request.query.to));

  const catalogQuery = z.object({
    q: z.string().max(100).optional(), org: z.string().max(64).optional(), category: z.string().max(50).optional(),
    topic: z.string().max(50).optional(), from: isoDate.optional(), to: isoDate.optional(), cursor: z.string().max(200).optional(),
    year: z.coerce.number().int().min(1990).max(2200).optional(), validity: z.enum(['valid', 'lapsed', 'repealed', 'revised']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  });

  app.get('/api/v1/catalog', {
    config: { auth: 'public' },
    schema: { tags: ['公开目录'], summary: '政府信息公开目录（q 为中文全文检索）', querystring: catalogQuery },
  }, async (request, reply) => {
    // Cached with the public pages (same invalidation on publication): integrators repeat the same queries.
    await items.publishDueItems(ctx);
    const page = await ctx.pages.getOrRender(`json|${request.url}`, async () => {
      // The response keeps its shape: `capped` is the portal's (“N条以上”).
      const { terms: _t, capped: _c, ...result } = await searchCatalog(ctx, request.query);
      return JSON.stringify(result);
    });
    return reply.type('application/json; charset=utf-8').header('cache-control', 'public, no-cache').header('etag', page.etag).send(page.body);
  });

  app.get('/api/v1/catalog/:orgCode/:serial', {
    config: { auth: 'public' },
    schema: { tags: ['公开目录'], summary: '按索引号查看信息（索引号中的“/”可直接作为路径分隔符）', params: z.object({ orgCode: z.string().max(20), serial: z.string().max(20) }) },
  }, async (request) => catalogItemWithText(ctx, `${request.params.orgCode}/${request.params.serial}`));

  app.get('/api/v1/catalog/:indexNo', {
    config: { auth: 'public' },
    schema: { tags: ['公开目录'], summary: '按索引号查看信息（索引号 URL 编码）', params: z.object({ indexNo: z.string().max(40) }) },
  }, async (request) => catalogItemWithText(ctx, request.params.indexNo));

  app.get('/api/v1/orgs/:code/catalog-export', {
    // A whole county's catalog is a large file to build: limited per address like the public forms.
    config: { auth: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
    schema: { tags: ['公开目录'], summary: '导出本机关公开目录（CSV 或 XLSX）', params: z.object({ code: z.string().max(64) }), querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }) },
  }, async (request, reply) => {
    const file = await exportCatalog(ctx, request.params.code, request.query.format);
    return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.data);
  });

  app.post('/api/v1/orgs/:code/catalog-import', {
    config: { auth: ['disclosureOffice', 'leader'] },
    schema: {
      tags: ['公开目录'], summary: '导入历史公开目录（CSV 或 XLSX；dryRun=true 仅检查；任何一行有误则不导入）',
      params: z.object({ code: z.string().max(64) }), querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
    },
  }, async (request) => {
    const body = request.body as unknown;
    const file = Buffer.isBuffer(body) ? { xlsx: body } : typeof body === 'string' ? { csv: body } : null;
    if (!file) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 text/csv 或 XLSX 格式提交。');
    return importCatalog(ctx, actorOf(request), request.params.code, file, request.query.dryRun === 'true');
  });

  app.put('/api/v1/orgs/:code/guide', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: {
      tags: ['公开目录'], summary: '编辑本机关政府信息公开指南（未填写的部分按机构信息自动生成）', params: z.object({ code: z.string().max(64) }),
      body: z.object({ acceptingOffice: z.string().max(2000).optional(), channels: z.string().max(2000).optional(), process: z.string().max(5000).optional(), fees: z.string().max(2000).optional(), extra: z.string().max(10000).optional() }),
    },
  }, async (request) => (await saveGuide(ctx, actorOf(request), request.params.code, request.body)).content);

  await publishingPages(app, ctx);
}
