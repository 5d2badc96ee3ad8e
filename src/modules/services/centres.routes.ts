/** Staff API of centres and windows (进驻 items, clerks, 首席代表) and the notices of a case. */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import type { App } from '../../http/types.js';
import { caseNotice, CASE_NOTICES, type CaseNoticeKind } from './case-notices.js';
import * as centres from './centres.service.js';

const tags = ['政务服务'];
const READERS = ['serviceClerk', 'serviceManager', 'admin', 'supervisor'] as const;
const id = z.coerce.number().int().positive().max(2_147_483_647);
const userIds = z.array(z.number().int().positive().max(2_147_483_647)).max(100);
const windowFields = {
  name: z.string().trim().min(1).max(100).describe('窗口名称'),
  chiefUserId: z.number().int().positive().max(2_147_483_647).nullable().optional().describe('首席代表（用户编号）'),
  clerkUserIds: userIds.optional().describe('窗口工作人员（用户编号）'),
  itemCodes: z.array(z.string().trim().min(1).max(64)).max(500).optional().describe('进驻窗口的事项编码'),
};

export async function centreRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/service-staff', {
    config: { auth: ['serviceManager', 'admin'] },
    schema: { tags, summary: '政务服务工作人员（用于配置窗口人员和首席代表）' },
  }, async (request) => centres.listServiceStaff(ctx, actorOf(request)));

  app.get('/api/v1/service-centres', {
    config: { auth: [...READERS] },
    schema: { tags, summary: '政务服务中心及其窗口' },
  }, async (request) => centres.listCentresFor(ctx, actorOf(request)));

  app.post('/api/v1/service-centres', {
    config: { auth: ['serviceManager'] },
    schema: {
      tags, summary: '新建政务服务中心（县级中心或乡镇便民服务中心）',
      body: z.object({
        orgCode: z.string().trim().min(1).max(64), name: z.string().trim().min(2).max(100), type: z.enum(['county', 'township']),
        address: z.string().trim().max(200).optional(), hours: z.string().trim().max(200).optional(),
        phone: z.string().trim().regex(/^[0-9+\-() ]{0,40}$/, '电话号码格式不正确').optional(),
        warningDays: z.number().int().min(0).max(30).optional().describe('电子监察预警：距承诺时限多少个工作日起预警，默认1'),
      }),
    },
  }, async (request, reply) => reply.code(201).send(await centres.createCentre(ctx, actorOf(request), request.body)));

  app.post('/api/v1/service-centres/:id/windows', {
    config: { auth: ['serviceManager'] },
    schema: {
      tags, summary: '新建窗口', params: z.object({ id }),
      body: z.object({ number: z.string().trim().regex(/^[A-Za-z0-9-]{1,10}$/, '窗口编号只能由1至10位字母、数字和连字符组成'), orgCode: z.string().trim().min(1).max(64).describe('窗口所属机关'), ...windowFields }),
    },
  }, async (request, reply) => reply.code(201).send(await centres.createWindow(ctx, actorOf(request), request.params.id, request.body)));

  app.patch('/api/v1/service-windows/:id', {
    config: { auth: ['serviceManager'] },
    schema: { tags, summary: '修改窗口（名称、首席代表、工作人员、进驻事项）', params: z.object({ id }), body: z.object(windowFields).partial() },
  }, async (request) => centres.updateWindow(ctx, actorOf(request), request.params.id, request.body));

  app.get('/api/v1/service-cases/:caseNo/notices/:notice', {
    config: { auth: [...READERS] },
    schema: {
      tags, summary: '办件通知书（受理通知书、不予受理通知书、补正材料通知书、办结通知；DOCX 或 PDF）',
      params: z.object({ caseNo: z.string().trim().min(1).max(64), notice: z.enum(Object.keys(CASE_NOTICES) as [CaseNoticeKind, ...CaseNoticeKind[]]) }),
      querystring: z.object({ format: z.enum(['docx', 'pdf']).default('docx') }),
    },
  }, async (request, reply) => {
    const file = await caseNotice(ctx, actorOf(request), request.params.caseNo, request.params.notice, request.query.format);
    return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
  });
}
