import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Role } from '../../domain/roles.js';
import { actorOf, exemptVerifiedStaff } from '../../http/auth.js';
import { idParam, isoDate, orgCodeParam } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { verifyChallenge } from '../platform/challenge.service.js';
import { publicApplyRate } from '../requests/requests.schemas.js';
import { solicitationPages } from './solicitations.pages.js';
import { commentSchema, createDraftSchema, feedbackSchema, updateDraftSchema } from './solicitations.schemas.js';
import * as solicitations from './solicitations.service.js';

const tags = ['意见征集'];
const manage = { auth: ['disclosureOffice', 'admin'] as Role[] };
const read = { auth: ['disclosureOffice', 'admin', 'supervisor'] as Role[] };

export async function solicitationRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/solicitations/reminders', {
    config: read, schema: { tags, summary: '工作台提醒：3个工作日内截止的征求意见稿、已截止尚未公布采纳情况的征求意见稿' },
  }, async (request) => solicitations.solicitationReminders(ctx, actorOf(request)));

  app.get('/api/v1/solicitations', {
    config: read,
    schema: { tags, summary: '征求意见稿列表（本机关及下级机关）', querystring: z.object({
      status: z.enum(['draft', 'review', 'open', 'closed', 'feedbackPublished']).optional(), q: z.string().trim().max(100).optional(),
    }) },
  }, async (request) => solicitations.listDrafts(ctx, actorOf(request), request.query));

  app.post('/api/v1/solicitations', {
    config: manage, schema: { tags, summary: '起草征求意见稿', body: createDraftSchema },
  }, async (request, reply) => reply.code(201).send(await solicitations.createDraft(ctx, actorOf(request), request.body)));

  app.get('/api/v1/solicitations/:id', {
    config: read, schema: { tags, summary: '征求意见稿详情（含条文、统计与采纳情况）', params: idParam },
  }, async (request) => solicitations.getDraft(ctx, actorOf(request), request.params.id));

  app.patch('/api/v1/solicitations/:id', {
    config: manage, schema: { tags, summary: '修改征求意见稿（仅起草中）', params: idParam, body: updateDraftSchema },
  }, async (request) => solicitations.updateDraft(ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/solicitations/:id/submit', {
    config: manage, schema: { tags, summary: '提交审核', params: idParam },
  }, async (request) => solicitations.submitDraft(ctx, actorOf(request), request.params.id));

  app.post('/api/v1/solicitations/:id/return', {
    config: manage, schema: { tags, summary: '退回修改', params: idParam, body: z.object({ reason: z.string().trim().min(2).max(1000) }) },
  }, async (request) => solicitations.returnDraft(ctx, actorOf(request), request.params.id, request.body.reason));

  app.post('/api/v1/solicitations/:id/open', {
    config: manage, schema: { tags, summary: '发布征求意见（期限自次日起算，截止日期随即确定）', params: idParam },
  }, async (request) => solicitations.openDraft(ctx, actorOf(request), request.params.id));

  app.get('/api/v1/solicitations/:id/comments', {
    config: read, schema: { tags, summary: '该草案收到的意见（姓名已脱敏，不含联系方式）', params: idParam },
  }, async (request) => solicitations.listCommentsForStaff(ctx, actorOf(request), { draftId: request.params.id }));

  app.post('/api/v1/solicitations/:id/comments', {
    config: { auth: 'public', rateLimit: { ...publicApplyRate(ctx.config.publicFormRateLimit), allowList: exemptVerifiedStaff } },
    schema: { tags, summary: '提交意见（公众需回答验证问题；公开办登记信函、电子邮件收到的意见）', params: idParam, body: commentSchema },
  }, async (request, reply) => {
    if (!request.actor) await verifyChallenge(ctx, request.body.challenge);
    const { challenge: _c, ...input } = request.body;
    if (!request.actor) { delete input.channel; delete input.receivedOn; }
    return reply.code(201).send(await solicitations.submitComment(ctx, request.actor, request.params.id, input));
  });

  app.get('/api/v1/solicitation-comments', {
    config: read,
    schema: { tags, summary: '意见审核队列', querystring: z.object({
      status: z.enum(['pending', 'approved', 'rejected']).optional(), draftId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    }) },
  }, async (request) => solicitations.listCommentsForStaff(ctx, actorOf(request), request.query));

  app.post('/api/v1/solicitation-comments/:id/moderation', {
    config: manage,
    schema: { tags, summary: '审核公众意见（公开或不予公开）', params: idParam, body: z.object({
      decision: z.enum(['approve', 'reject']).describe('approve 公开 / reject 不予公开'), reason: z.string().trim().max(500).optional(),
    }) },
  }, async (request) => solicitations.moderateComment(ctx, actorOf(request), request.params.id, request.body));

  app.put('/api/v1/solicitations/:id/feedback', {
    config: manage, schema: { tags, summary: '保存意见采纳情况（征求意见期满后）', params: idParam, body: feedbackSchema },
  }, async (request) => solicitations.saveFeedback(ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/solicitations/:id/feedback/publish', {
    config: manage,
    schema: { tags, summary: '公布意见采纳情况', params: idParam, body: z.object({ finalItemId: z.number().int().positive().nullable().optional() }) },
  }, async (request) => solicitations.publishFeedback(ctx, actorOf(request), request.params.id, request.body));

  app.get('/api/v1/orgs/:code/solicitation-statistics', {
    config: { auth: 'public' },
    schema: { tags, summary: '意见征集统计（按发布日期；公开）', params: orgCodeParam, querystring: z.object({
      from: isoDate, to: isoDate, rollup: z.enum(['true', 'false']).default('false').describe('是否汇总下级机关'),
    }) },
  }, async (request) => solicitations.solicitationStatistics(ctx, request.params.code, { ...request.query, rollup: request.query.rollup === 'true' }));

  await solicitationPages(app, ctx);
}
