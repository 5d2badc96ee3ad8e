import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf, exemptVerifiedStaff } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { idParam } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { requestsPages } from './requests.pages.js';
import { actionSchema, bulkActionSchema, listFilterSchema, listQuerySchema, newRequestSchema, publicApplyRate } from './requests.schemas.js';
import * as lists from './handling-list.service.js';
import * as requests from './requests.service.js';
import { issueChallenge, verifyChallenge } from '../platform/challenge.service.js';

const tags = ['依申请公开'];

/** One file from a multipart body, with its `label` field (what the file is). */
async function readUpload(request: FastifyRequest): Promise<requests.UploadedFile> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 multipart/form-data 上传文件。');
  let label = '申请材料';
  let file: requests.UploadedFile | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') file = { fileName: part.filename, data: await part.toBuffer(), label };
    else if (part.fieldname === 'label' && typeof part.value === 'string') label = part.value.slice(0, 50) || label;
  }
  if (!file) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '请选择要上传的文件。' }]);
  return { ...file, label };
}

export async function requestRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/requests/challenge', {
    config: { auth: 'public' },
    schema: { tags, summary: '获取提交申请所需的验证问题' },
  }, async () => issueChallenge(ctx));

  app.post('/api/v1/requests', {
    config: {
      auth: 'public',
      rateLimit: { ...publicApplyRate(ctx.config.publicFormRateLimit), allowList: exemptVerifiedStaff },
    },
    schema: {
      tags, summary: '提交政府信息公开申请（公众需回答验证问题；工作人员以令牌登记来信、当面、口头等申请）',
      body: newRequestSchema,
      response: { 201: z.object({ trackingNo: z.string(), status: z.string(), receivedOn: z.string().optional(), dueOn: z.string().optional() }) },
    },
  }, async (request, reply) => {
    if (!request.actor) await verifyChallenge(ctx, request.body.challenge);
    const { challenge: _c, ...input } = request.body;
    return reply.code(201).send(await requests.submitRequest(ctx, request.actor, input));
  });

  app.get('/api/v1/requests/:trackingNo', {
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags, summary: '申请人查询办理进度（需 X-Query-Password 请求头）',
      params: z.object({ trackingNo: z.string().max(40) }),
      headers: z.object({ 'x-query-password': z.string().max(64).optional() }),
    },
  }, async (request) => {
    const password = request.headers['x-query-password'];
    if (!password) throw new AppError('REQUEST_NOT_FOUND');
    return requests.viewAsApplicant(ctx, request.params.trackingNo, password);
  });

  app.get('/api/v1/requests/:trackingNo/documents/:documentId', {
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags, summary: '申请人下载告知书等文书（需 X-Query-Password 请求头）',
      params: z.object({ trackingNo: z.string().max(40), documentId: z.coerce.number().int().positive().max(2_147_483_647) }),
    },
  }, async (request, reply) => {
    const password = request.headers['x-query-password'];
    if (typeof password !== 'string') throw new AppError('REQUEST_NOT_FOUND');
    const doc = await requests.applicantDocument(ctx, request.params.trackingNo, password, request.params.documentId);
    return reply.type(doc.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`).send(doc.data);
  });

  app.post('/api/v1/requests/:trackingNo/attachments', {
    config: { auth: 'public', rateLimit: { max: 20, timeWindow: '10 minutes' } },
    schema: { tags, summary: '申请人补充上传材料（multipart：file 与 label；需 X-Query-Password）', params: z.object({ trackingNo: z.string().max(40) }) },
  }, async (request) => {
    const password = request.headers['x-query-password'];
    if (typeof password !== 'string') throw new AppError('REQUEST_NOT_FOUND');
    const file = await readUpload(request);
    return requests.addRequestAttachment(ctx, { trackingNo: request.params.trackingNo, queryPassword: password }, file);
  });

  app.post('/api/v1/handling/requests/:id/attachments', {
    config: { auth: ['disclosureOffice', 'admin', 'clerk', 'deptHead'] },
    schema: { tags, summary: '上传原件扫描件、提供的政府信息等材料（multipart：file 与 label；承办部门可上传）', params: idParam },
  }, async (request) => requests.addRequestAttachment(ctx, { actor: actorOf(request), id: request.params.id }, await readUpload(request)));

  app.get('/api/v1/handling/requests', {
    config: { auth: 'staff' },
    schema: {
      tags, summary: '申请办理台账：查找、筛选、排序、分页（个人信息已脱敏；承办部门只看交办给本部门的）',
      querystring: listQuerySchema,
    },
  }, async (request) => lists.listForStaff(ctx, actorOf(request), request.query));

  const exportAuth = { auth: ['disclosureOffice', 'admin', 'supervisor'] as ('disclosureOffice' | 'admin' | 'supervisor')[] };
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

  app.get('/api/v1/handling/requests/register.xlsx', {
    config: exportAuth,
    schema: { tags, summary: '导出登记台账（XLSX，按筛选条件，个人信息已脱敏）', querystring: listFilterSchema },
  }, async (request, reply) =>
    reply.type(xlsx).header('content-disposition', attachment('政府信息公开申请登记台账.xlsx')).send(await lists.exportRequests(ctx, actorOf(request), request.query, 'xlsx')));

  app.get('/api/v1/handling/requests/export.csv', {
    config: exportAuth,
    schema: { tags, summary: '导出筛选后的申请列表（CSV，UTF-8，个人信息已脱敏）', querystring: listFilterSchema },
  }, async (request, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', attachment('政府信息公开申请登记台账.csv')).send(await lists.exportRequests(ctx, actorOf(request), request.query, 'csv')));

  app.get('/api/v1/handling/requests/reminders', {
    config: { auth: ['disclosureOffice', 'admin', 'supervisor', 'clerk', 'deptHead'] },
    schema: { tags, summary: '工作台：5个和2个工作日内到期、已逾期的申请，待审核的答复稿，待确认收到的申请，交办给本部门的申请' },
  }, async (request) => lists.reminders(ctx, actorOf(request)));

  app.post('/api/v1/handling/requests/bulk-actions', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '批量办理：交办多件申请，或审核签发多件答复稿（逐件检查，拟稿人不能签发自己的稿件）', body: bulkActionSchema },
  }, async (request) => lists.performBulkAction(ctx, actorOf(request), request.body));

  app.get('/api/v1/handling/requests/:id', {
    config: { auth: 'staff' },
    schema: { tags, summary: '申请详情（含全部办理记录）', params: idParam },
  }, async (request) => requests.getForStaff(ctx, actorOf(request), request.params.id));

  app.get('/api/v1/handling/requests/:id/fee-quote', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: {
      tags, summary: '信息处理费试算：按件（本自然月第几件）与按量（页数）两种标准',
      params: idParam, querystring: z.object({ pages: z.coerce.number().int().min(0).max(1_000_000).default(0) }),
    },
  }, async (request) => requests.quoteFee(ctx, actorOf(request), request.params.id, request.query.pages));

  app.get('/api/v1/handling/reference', {
    config: { auth: 'staff' },
    schema: { tags, summary: '办理用的代码表：答复类型及法律依据、办理状态' },
  }, async () => requests.referenceData());

  app.get('/api/v1/handling/requests/:id/personal-data', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '查看申请人完整个人信息（记入审计日志）', params: idParam },
  }, async (request) => requests.revealApplicant(ctx, actorOf(request), request.params.id));

  app.post('/api/v1/handling/requests/:id/actions', {
    config: { auth: ['disclosureOffice', 'admin', 'clerk', 'deptHead'] },
    schema: { tags, summary: '办理操作：确认收到、补正、征求意见、收费、延期、转办、交办、拟稿、审核签发、答复、要求说明理由、不予处理（承办部门只能拟稿）', params: idParam, body: actionSchema },
  }, async (request) => requests.performAction(ctx, actorOf(request), request.params.id, request.body));

  app.get('/api/v1/handling/requests/:id/documents/:documentId', {
    config: { auth: 'staff' },
    schema: { tags, summary: '下载文书', params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), documentId: z.coerce.number().int().positive().max(2_147_483_647) }) },
  }, async (request, reply) => {
    const doc = await requests.staffDocument(ctx, actorOf(request), request.params.id, request.params.documentId);
    return reply.type(doc.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`).send(doc.data);
  });

  await requestsPages(app, ctx);
}
