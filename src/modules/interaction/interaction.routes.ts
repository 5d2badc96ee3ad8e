import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf, exemptVerifiedStaff } from '../../http/auth.js';
import { idParam, isoDate } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { publicApplyRate } from '../requests/requests.schemas.js';
import { verifyChallenge } from '../platform/challenge.service.js';
import { consultationsCsv } from './consultation-export.js';
import { interactionPages } from './interaction.pages.js';
import * as interaction from './interaction.service.js';

const tags = ['互动交流'];
export const consultationSchema = z.object({
  orgCode: z.string().trim().min(1).max(64),
  subject: z.string().trim().min(2).max(100),
  question: z.string().trim().min(5).max(4000),
  askerName: z.string().trim().min(1).max(50),
  contact: z.string().trim().max(100).optional(),
  channel: z.enum(['online', 'phone', 'letter', 'inPerson', 'email']).optional(),
  challenge: z.object({ id: z.string().max(200), answer: z.string().max(10) }).optional(),
});

const staffListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('标题、咨询内容或咨询人中的文字'),
  status: z.enum(['open', 'answered']).optional().describe('open 待答复，answered 已答复'),
  channel: z.enum(['online', 'phone', 'letter', 'inPerson', 'email']).optional(),
  from: isoDate.optional().describe('收到日期起（含）'),
  to: isoDate.optional().describe('收到日期止（含）'),
});

export async function interactionRoutes(app: App, ctx: AppContext) {
  app.post('/api/v1/consultations', {
    config: { auth: 'public', rateLimit: { ...publicApplyRate(ctx.config.publicFormRateLimit), allowList: exemptVerifiedStaff } },
    schema: { tags, summary: '提交咨询（公众需回答验证问题；工作人员登记电话、信函、当面咨询）', body: consultationSchema },
  }, async (request, reply) => {
    if (!request.actor) await verifyChallenge(ctx, request.body.challenge);
    const { challenge: _c, ...input } = request.body;
    return reply.code(201).send(await interaction.submitConsultation(ctx, request.actor, input));
  });

  app.get('/api/v1/consultations', {
    config: { auth: 'staff' },
    schema: { tags, summary: '咨询列表（按收到时间倒序，最多500条；total 为符合条件的总数）', querystring: staffListQuery },
  }, async (request) => interaction.listConsultations(ctx, actorOf(request), request.query));

  app.get('/api/v1/consultations/export.csv', {
    config: { auth: ['disclosureOffice', 'admin', 'supervisor'] },
    schema: { tags, summary: '导出咨询台账（CSV，条件同咨询列表，不含联系方式）', querystring: staffListQuery },
  }, async (request, reply) => {
    const rows = await interaction.exportConsultations(ctx, actorOf(request), request.query);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('咨询台账.csv')}`)
      .send(consultationsCsv(rows));
  });

  app.post('/api/v1/consultations/:id/answer', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '答复咨询', params: idParam, body: z.object({ answer: z.string().trim().min(2).max(4000), publish: z.boolean().default(false) }) },
  }, async (request) => interaction.answerConsultation(ctx, actorOf(request), request.params.id, request.body));

  await interactionPages(app, ctx);
}
