import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { CONCERN_LEVELS, RESPONSE_KINDS } from '../../domain/concern-deadlines.js';
import type { Role } from '../../domain/roles.js';
import { actorOf } from '../../http/auth.js';
import { idParam } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { concernPages } from './concerns.pages.js';
import * as concerns from './concerns.service.js';

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

  await concernPages(app, ctx);
}
