import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { isoDate } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import * as cases from './cases.service.js';
import * as items from './items.service.js';
import { importCaseLedger } from './ledger.service.js';
import { caseActionSchema, newCaseSchema, newItemSchema } from './services.schemas.js';
import { orgStatistics } from './statistics.service.js';
import { monthlyBulletin, supervisionBoard } from './supervision.service.js';
import { SERVICE_ITEM_KIND_KEYS } from '../../domain/services/service-items.js';

const tags = ['政务服务'];
const STAFF = ['serviceClerk', 'serviceManager'] as const;
const READERS = ['serviceClerk', 'serviceManager', 'admin', 'supervisor'] as const;
const flag = z.enum(['true', 'false']).optional().transform((v) => v === 'true');
const caseNoParam = z.object({ caseNo: z.string().trim().min(1).max(64) });

export async function serviceRoutes(app: App, ctx: AppContext) {
  app.post('/api/v1/service-items', {
    config: { auth: [...STAFF] },
    schema: { tags, summary: '新建政务服务事项（本机关及下级机关）', body: newItemSchema },
  }, async (request, reply) => reply.code(201).send(await items.createItem(ctx, actorOf(request), request.body)));

  app.get('/api/v1/service-items', {
    config: { auth: 'public' },
    schema: {
      tags, summary: '政务服务事项目录（公开）',
      querystring: z.object({
        org: z.string().trim().max(64).optional(), kind: z.enum(SERVICE_ITEM_KIND_KEYS).optional(), q: z.string().trim().max(100).optional(),
        lifeEvent: z.string().max(32).optional(), businessStage: z.string().max(32).optional(), rollup: flag,
      }),
    },
  }, async (request) => {
    const { org, ...rest } = request.query;
    return { items: (await items.listPublicItems(ctx, { orgCode: org, ...rest })).map(items.presentItem) };
  });

  app.post('/api/v1/service-cases', {
    config: { auth: [...STAFF] },
    schema: { tags, summary: '登记办件（受理、不予受理或一次性告知）', body: newCaseSchema },
  }, async (request, reply) => reply.code(201).send(await cases.registerCase(ctx, actorOf(request), request.body)));

  app.get('/api/v1/service-cases', {
    config: { auth: [...READERS] },
    schema: {
      tags, summary: '办件列表（窗口工作人员只见本窗口的办件）',
      querystring: z.object({
        status: z.string().max(32).optional(), q: z.string().trim().max(64).optional().describe('办件编号'), itemCode: z.string().max(64).optional(), windowId: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
        centreId: z.coerce.number().int().positive().max(2_147_483_647).optional(), handledBy: z.coerce.number().int().positive().max(2_147_483_647).optional(),
        from: isoDate.optional(), to: isoDate.optional(),
        due: z.enum(['overdue', 'open']).optional(), cursor: z.coerce.number().int().positive().max(2_147_483_647).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
  }, async (request) => cases.listCasesFor(ctx, actorOf(request), request.query));

  app.get('/api/v1/service-cases/:caseNo', {
    config: { auth: [...READERS] },
    schema: { tags, summary: '办件详情（各环节及用时）', params: caseNoParam },
  }, async (request) => cases.getCaseFor(ctx, actorOf(request), request.params.caseNo));

  app.post('/api/v1/service-cases/:caseNo/actions', {
    config: { auth: [...STAFF] },
    schema: { tags, summary: '办理办件（开始办理、补正、收到补正、办结）', params: caseNoParam, body: caseActionSchema },
  }, async (request) => cases.takeCaseAction(ctx, actorOf(request), request.params.caseNo, request.body));

  app.post('/api/v1/orgs/:code/service-case-ledger', {
    config: { auth: [...STAFF] },
    schema: {
      tags, summary: '导入历史办件台账（CSV，全部成功或全部不导入）',
      description: '列（须有表头）：itemCode 事项编码、acceptedOn 受理日期、completedOn 办结日期（未办结留空）、result 办结结果（approved/rejected/withdrawn，未办结留空）、rating 评价（1–5，未评价留空）。',
      params: z.object({ code: z.string().trim().min(1).max(64) }),
    },
  }, async (request) => {
    const body = request.body as unknown;
    if (typeof body !== 'string') throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 text/csv 格式提交办件台账。');
    return importCaseLedger(ctx, actorOf(request), request.params.code, body);
  });

  app.get('/api/v1/service-supervision', {
    config: { auth: [...READERS] },
    schema: {
      tags, summary: '电子监察：临近时限和超期的办件，按中心、窗口、事项、工作人员的效能（各项数字附可列出办件的筛选条件）',
      querystring: z.object({ centreId: z.coerce.number().int().positive().max(2_147_483_647).optional(), from: isoDate.optional(), to: isoDate.optional() }),
    },
  }, async (request) => supervisionBoard(ctx, actorOf(request), request.query));

  app.get('/api/v1/service-supervision/bulletin', {
    config: { auth: ['serviceManager', 'admin', 'supervisor'] },
    schema: {
      tags, summary: '电子监察月度通报（DOCX 或 PDF）',
      querystring: z.object({
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请按 YYYY-MM 填写月份'), format: z.enum(['docx', 'pdf']).default('docx'),
        centreId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
      }),
    },
  }, async (request, reply) => {
    const file = await monthlyBulletin(ctx, actorOf(request), request.query.month, request.query.format, request.query.centreId);
    return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
  });

  app.get('/api/v1/orgs/:code/service-statistics', {
    config: { auth: 'public' },
    schema: {
      tags, summary: '政务服务统计：受理、办结、办结率、按时办结、超期、好差评（公开）',
      params: z.object({ code: z.string().trim().min(1).max(64) }),
      querystring: z.object({ from: isoDate.optional(), to: isoDate.optional(), rollup: flag }),
    },
  }, async (request) => orgStatistics(ctx, request.params.code, request.query));
}
