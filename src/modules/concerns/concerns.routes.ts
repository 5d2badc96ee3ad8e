import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { CONCERN_LEVELS, RESPONSE_KINDS } from '../../domain/concern-deadlines.js';
import type { Role } from '../../domain/roles.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { AppError } from '../../http/errors.js';
import { concernPages } from './concerns.pages.js';
import * as concerns from './concerns.service.js';
import * as press from './press-records.service.js';

const tags = ['回应关切'];
const manage = { auth: ['disclosureOffice', 'admin'] as Role[] };
const read = { auth: ['disclosureOffice', 'admin', 'supervisor'] as Role[] };
const instant = (what: string) => z.string().datetime({ offset: true, message: `${what}格式应为 2026-10-01T22:00:00+08:00` });

const concernFields = {
  title: z.string().trim().min(2).max(200),
  summary: z.string().trim().max(5000).optional(),
  source: z.string().trim().max(200).optional().describe('来源，如 网络舆情、媒体报道、群众反映'),
  level: z.enum(CONCERN_LEVELS).describe('ordinary 一般 / larger 较大 / major 重大 / especiallyMajor 特别重大'),
  startedAt: instant('发生时间').describe('事件发生或获知的时间；重大、特别重大事件自此起算5小时、24小时'),
  spokesperson: z.string().trim().max(100).optional().describe('新闻发言人（主要负责人为第一新闻发言人）'),
  published: z.boolean().optional().describe('是否在网站“回应关切”栏目公开'),
};

export async function concernRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/concerns', {
    config: read, schema: { tags, summary: '回应关切事项列表（含期限与超时标记）' },
  }, async (request) => concerns.listConcerns(ctx, actorOf(request)));

  app.get('/api/v1/concerns/reminders', {
    config: read, schema: { tags, summary: '工作台提醒：重大、特别重大事件5小时、24小时时限计时中或已超时的事项' },
  }, async (request) => concerns.concernReminders(ctx, actorOf(request)));

  app.post('/api/v1/concerns', {
    config: manage, schema: { tags, summary: '登记回应关切事项', body: z.object({ orgCode: z.string().trim().min(1).max(64), ...concernFields }) },
  }, async (request, reply) => reply.code(201).send(await concerns.createConcern(ctx, actorOf(request), request.body)));

  app.get('/api/v1/concerns/:id', {
    config: read, schema: { tags, summary: '回应关切事项详情', params: idParam },
  }, async (request) => concerns.getConcern(ctx, actorOf(request), request.params.id));

  app.patch('/api/v1/concerns/:id', {
    config: manage, schema: { tags, summary: '修改回应关切事项', params: idParam, body: z.object(concernFields).partial() },
  }, async (request) => concerns.updateConcern(ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/concerns/:id/responses', {
    config: manage,
    schema: { tags, summary: '登记回应（权威信息发布、新闻发布会、政策解读、答记者问）', params: idParam, body: z.object({
      kind: z.enum(RESPONSE_KINDS).describe('authoritativeInfo 权威信息发布 / pressConference 新闻发布会 / policyInterpretation 政策解读 / pressQa 答记者问'),
      respondedAt: instant('回应时间'),
      title: z.string().trim().min(2).max(200),
      url: z.union([z.literal(''), z.string().trim().url('链接格式不正确').max(500)]).nullable().optional(),
      itemId: z.number().int().positive().nullable().optional().describe('已主动公开的信息（链接到其公开页面）'),
      note: z.string().trim().max(2000).optional(),
    }) },
  }, async (request, reply) => reply.code(201).send(await concerns.addResponse(ctx, actorOf(request), request.params.id, request.body)));

  // ---- 新闻发布会、媒体采访、答记者问 as records of a concern
  const recordParams = idParam.extend({ recordId: z.coerce.number().int().positive().max(2_147_483_647) });
  const fileParams = recordParams.extend({ fileId: z.coerce.number().int().positive().max(2_147_483_647) });
  const recordFields = {
    kind: z.enum(press.PRESS_RECORD_KINDS).describe('pressConference 新闻发布会 / mediaInterview 媒体采访 / pressQa 答记者问'),
    title: z.string().trim().min(2).max(200),
    heldAt: instant('举行时间'),
    place: z.string().trim().max(200).optional(),
    speakers: z.string().trim().max(500).optional().describe('发布人（新闻发言人、出席的负责人）'),
    transcript: z.string().trim().max(100_000).optional().describe('实录文字；保存后扫描个人信息和敏感词'),
  };

  app.get('/api/v1/concerns/:id/press-records', {
    config: read, schema: { tags, summary: '发布会、采访记录（含实录的个人信息扫描结果、照片、附件和生成的公开信息）', params: idParam },
  }, async (request) => {
    await concerns.getConcern(ctx, actorOf(request), request.params.id);
    return { items: await press.pressRecordsOf(ctx, actorOf(request), request.params.id) };
  });

  app.post('/api/v1/concerns/:id/press-records', {
    config: manage, schema: { tags, summary: '登记新闻发布会、媒体采访或答记者问', params: idParam, body: z.object(recordFields) },
  }, async (request, reply) => reply.code(201).send({ items: await press.addPressRecord(ctx, actorOf(request), request.params.id, request.body) }));

  app.patch('/api/v1/concerns/:id/press-records/:recordId', {
    config: manage, schema: { tags, summary: '修改发布会、采访记录', params: recordParams, body: z.object(recordFields).partial() },
  }, async (request) => ({ items: await press.updatePressRecord(ctx, actorOf(request), request.params.id, request.params.recordId, request.body) }));

  app.post('/api/v1/concerns/:id/press-records/:recordId/files', {
    config: manage,
    schema: {
      tags, summary: '上传照片或附件（multipart/form-data，字段 file；照片为 PNG、JPEG，附件为 PDF、DOCX、XLSX、PNG、JPEG，不超过20MB）',
      params: recordParams, querystring: z.object({ role: z.enum(['photo', 'attachment']).default('attachment').describe('photo 照片 / attachment 附件') }),
    },
  }, async (request) => {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 multipart/form-data 上传文件。');
    const file = await request.file();
    if (!file) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '请选择要上传的文件。' }]);
    const data = await file.toBuffer();
    return { items: await press.addPressFile(ctx, actorOf(request), request.params.id, request.params.recordId, request.query.role, { fileName: file.filename, data }) };
  });

  app.get('/api/v1/concerns/:id/press-records/:recordId/files/:fileId', {
    config: read, schema: { tags, summary: '下载发布会照片或附件', params: fileParams },
  }, async (request, reply) => {
    const file = await press.pressFile(ctx, actorOf(request), request.params.id, request.params.recordId, request.params.fileId);
    return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
  });

  app.delete('/api/v1/concerns/:id/press-records/:recordId/files/:fileId', {
    config: manage, schema: { tags, summary: '删除发布会照片或附件', params: fileParams },
  }, async (request) => ({ items: await press.removePressFile(ctx, actorOf(request), request.params.id, request.params.recordId, request.params.fileId) }));

  app.post('/api/v1/concerns/:id/press-records/:recordId/publish', {
    config: manage,
    schema: {
      tags, summary: '生成公开信息草稿（主动公开，政策解读或工作动态；经审核后发布）', params: recordParams,
      body: z.object({ category: z.enum(press.PRESS_ITEM_CATEGORIES), topic: z.string().trim().min(1).max(100).default('综合政务') }),
    },
  }, async (request, reply) => {
    // 201 when this call made the draft; 200 with the draft already made (a second click).
    const { items, created } = await press.publishPressRecord(ctx, actorOf(request), request.params.id, request.params.recordId, request.body);
    return reply.code(created ? 201 : 200).send({ items });
  });

  await concernPages(app, ctx);
}
