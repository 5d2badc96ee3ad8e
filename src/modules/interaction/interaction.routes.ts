/** 互动交流 API: the contract's message endpoints, then the console's (handling, inbox, mailboxes, templates). */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf, exemptVerifiedStaff } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { idParam } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { verifyChallenge } from '../platform/challenge.service.js';
import { publicApplyRate } from '../requests/requests.schemas.js';
import type { UploadedFile } from '../requests/requests.service.js';
import { messagesCsv } from './message-export.js';
import { interactionPages } from './interaction.pages.js';
import { messageStatisticsRoutes } from './message-statistics.routes.js';
import { faqRoutes } from './faq.routes.js';
import { bulkAssignSchema, handlingSchema, mailboxSchema, newMessageSchema, ratingSchema, staffListQuery, statisticsQuery, templateSchema } from './messages.schemas.js';
import { configurableMailboxes, listMailboxes, updateMailbox } from './mailboxes.service.js';
import { messageStatistics } from './message-statistics.service.js';
import { assignMessages, handleMessage } from './messages-handling.service.js';
import { addMessageAttachment, submitMessage } from './messages-intake.service.js';
import { listMessages, messageAttachment, messageForStaff, vetoRisks } from './messages-reading.service.js';
import { rateMessage, viewAsSender } from './messages-sender.service.js';
import { listTemplates, saveTemplate } from './reply-templates.service.js';

const tags = ['互动交流'];
const trackingParam = z.object({ trackingNo: z.string().trim().min(3).max(40) });
const passwordHeader = z.object({ 'x-query-password': z.string().min(1).max(64) });

async function readUpload(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 multipart/form-data 上传文件。');
  let label = '原件扫描件';
  let file: UploadedFile | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') file = { fileName: part.filename, data: await part.toBuffer(), label };
    else if (part.fieldname === 'label' && typeof part.value === 'string') label = part.value.slice(0, 50) || label;
  }
  if (!file) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '请选择要上传的文件。' }]);
  return { ...file, label };
}

export async function interactionRoutes(app: App, ctx: AppContext) {
  app.post('/api/v1/messages', {
    config: { auth: 'public', rateLimit: { ...publicApplyRate(ctx.config.publicFormRateLimit), allowList: exemptVerifiedStaff } },
    schema: { tags, summary: '来信（公众需回答验证问题；公开办登记电话、短信、信函、当面、意见箱、电子邮件、公共查阅室来信）', body: newMessageSchema },
  }, async (request, reply) => {
    if (!request.actor) await verifyChallenge(ctx, request.body.challenge);
    const { challenge: _c, ...input } = request.body;
    return reply.code(201).send(await submitMessage(ctx, request.actor, input));
  });

  app.get('/api/v1/messages/:trackingNo', {
    config: { auth: 'public' },
    schema: { tags, summary: '来信人查询办理情况和答复（需 X-Query-Password）', params: trackingParam, headers: passwordHeader },
  }, async (request) => viewAsSender(ctx, request.params.trackingNo, request.headers['x-query-password']));

  app.post('/api/v1/messages/:trackingNo/rating', {
    config: { auth: 'public', rateLimit: publicApplyRate(ctx.config.publicFormRateLimit) },
    schema: { tags, summary: '来信人评价答复（不满意的退回重新办理一次）', params: trackingParam, headers: passwordHeader, body: ratingSchema },
  }, async (request) => rateMessage(ctx, request.params.trackingNo, request.headers['x-query-password'], request.body));

  app.get('/api/v1/orgs/:orgCode/message-statistics', {
    config: { auth: 'public' },
    schema: { tags, summary: '来信办理统计（按收到日期）', params: z.object({ orgCode: z.string().trim().min(1).max(64) }), querystring: statisticsQuery },
  }, async (request) => messageStatistics(ctx, request.params.orgCode, request.query));

  app.get('/api/v1/mailboxes', {
    config: { auth: 'public' },
    schema: { tags, summary: '各机关的信箱（名称、受理类型、答复期限、说明）', querystring: z.object({ orgCode: z.string().trim().max(64).optional() }) },
  }, async (request) => ({ items: await listMailboxes(ctx, request.query.orgCode) }));

  app.get('/api/v1/handling/mailboxes', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '本机关及下级机关的信箱（信箱设置）' },
  }, async (request) => ({ items: await configurableMailboxes(ctx, actorOf(request)) }));

  app.put('/api/v1/mailboxes/:orgCode/:code', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '修改信箱设置（公开办）', params: z.object({ orgCode: z.string().trim().min(1).max(64), code: z.string().trim().min(1).max(40) }), body: mailboxSchema },
  }, async (request) => updateMailbox(ctx, actorOf(request), request.params.orgCode, request.params.code, request.body));

  app.get('/api/v1/handling/messages', {
    config: { auth: 'staff' },
    schema: { tags, summary: '来信收件箱：筛选（信箱、类型、状态、渠道、超期）与分页；承办部门只看交办给本部门的', querystring: staffListQuery },
  }, async (request) => listMessages(ctx, actorOf(request), request.query));

  app.get('/api/v1/handling/messages/export.csv', {
    config: { auth: ['disclosureOffice', 'admin', 'supervisor'] },
    schema: { tags, summary: '导出来信台账（CSV，条件同收件箱，不含联系方式）', querystring: staffListQuery },
  }, async (request, reply) => {
    const rows = (await listMessages(ctx, actorOf(request), { ...request.query, page: 1, pageSize: 200 })).items;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('来信台账.csv')}`).send(messagesCsv(rows));
  });

  app.get('/api/v1/handling/messages/veto-risks', {
    config: { auth: 'staff' },
    schema: { tags, summary: '办理超过3个月仍未答复的来信（政府网站检查单项否决风险）' },
  }, async (request) => ({ items: await vetoRisks(ctx, actorOf(request)) }));

  app.get('/api/v1/handling/messages/:id', {
    config: { auth: 'staff' },
    schema: { tags, summary: '来信详情、办理记录和当前可进行的办理操作', params: idParam },
  }, async (request) => messageForStaff(ctx, actorOf(request), request.params.id));

  app.post('/api/v1/handling/messages/:id/actions', {
    config: { auth: 'staff' },
    schema: { tags, summary: '办理来信：受理、转办、转信访、转为依申请公开、重复件、无效件、交办、拟稿、审核签发、延期、公开', params: idParam, body: handlingSchema },
  }, async (request) => handleMessage(ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/handling/messages/bulk-assign', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '批量交办来信', body: bulkAssignSchema },
  }, async (request) => assignMessages(ctx, actorOf(request), request.body.ids, request.body.assignedOrgCode));

  app.post('/api/v1/handling/messages/:id/attachments', {
    config: { auth: 'staff' },
    schema: { tags, summary: '上传来信原件扫描件等材料（multipart：file 与 label）', params: idParam },
  }, async (request) => addMessageAttachment(ctx, actorOf(request), request.params.id, await readUpload(request)));

  app.get('/api/v1/handling/messages/:id/attachments/:docId', {
    config: { auth: 'staff' },
    schema: { tags, summary: '下载来信材料', params: z.object({ id: z.coerce.number().int().positive(), docId: z.coerce.number().int().positive() }) },
  }, async (request, reply) => {
    const doc = await messageAttachment(ctx, actorOf(request), request.params.id, request.params.docId);
    return reply.type(doc.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`).send(doc.data);
  });

  app.get('/api/v1/message-templates', {
    config: { auth: 'staff' },
    schema: { tags, summary: '常用答复模板' },
  }, async (request) => ({ items: await listTemplates(ctx, actorOf(request)) }));

  app.post('/api/v1/message-templates', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '新增常用答复模板', body: templateSchema },
  }, async (request, reply) => reply.code(201).send(await saveTemplate(ctx, actorOf(request), request.body)));

  await messageStatisticsRoutes(app, ctx);
  await faqRoutes(app, ctx);
  await interactionPages(app, ctx);
}
