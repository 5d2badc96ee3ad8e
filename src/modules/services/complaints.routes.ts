/** Staff API of the 政务服务 complaint register (投诉登记簿). */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { isoDate } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import * as complaints from './complaints.service.js';

const tags = ['政务服务'];
const READERS = ['serviceClerk', 'serviceManager', 'admin', 'supervisor', 'disclosureOffice'] as const;
const text = (max: number) => z.string().trim().min(1).max(max);
const target = {
  orgCode: z.string().trim().min(1).max(64).optional(), windowId: z.number().int().positive().optional(),
  clerkUserId: z.number().int().positive().optional(), clerkName: z.string().trim().max(50).optional(),
};
const step = { assigneeUserId: z.number().int().positive().optional(), stepDueOn: isoDate.optional() };
const newComplaint = z.object({
  ...target, ...step,
  channel: z.enum(['window', 'phone', 'letter', 'other']),
  complainant: z.object({ name: text(50), phone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/).optional() }),
  subject: text(200), content: text(5000), receivedOn: isoDate.optional(),
});
const fromMessage = z.object({ ...target, ...step, trackingNo: text(64), mode: z.enum(['link', 'transfer']) });
const action = z.discriminatedUnion('action', [
  z.object({ action: z.literal('investigate'), ...step, note: z.string().trim().max(2000).optional() }),
  z.object({ action: z.literal('handle'), ...step, justified: z.boolean(), finding: text(5000) }),
  z.object({ action: z.literal('feedback'), ...step, measures: text(5000) }),
  z.object({ action: z.literal('archive'), feedback: text(5000) }),
]);
const noParam = z.object({ complaintNo: z.string().trim().min(1).max(64) });

export async function complaintRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/service-complaints', {
    config: { auth: [...READERS] },
    schema: { tags, summary: '投诉登记簿', querystring: z.object({ status: z.enum(['registered', 'investigating', 'handling', 'feedback', 'archived']).optional(), open: z.enum(['true', 'false']).optional().transform((v) => v === 'true') }) },
  }, async (request) => complaints.listComplaintsFor(ctx, actorOf(request), request.query));

  app.post('/api/v1/service-complaints', {
    config: { auth: ['serviceClerk', 'serviceManager'] },
    schema: { tags, summary: '登记投诉（窗口或工作人员）', body: newComplaint },
  }, async (request, reply) => reply.code(201).send(await complaints.registerComplaint(ctx, actorOf(request), request.body)));

  app.post('/api/v1/service-complaints/from-message', {
    config: { auth: ['serviceClerk', 'serviceManager', 'disclosureOffice', 'admin'] },
    schema: { tags, summary: '互动交流的投诉来信关联或转入投诉登记簿', body: fromMessage },
  }, async (request, reply) => reply.code(201).send(await complaints.complaintFromMessage(ctx, actorOf(request), request.body)));

  app.get('/api/v1/service-complaints/:complaintNo', {
    config: { auth: [...READERS] },
    schema: { tags, summary: '投诉详情与办理记录', params: noParam },
  }, async (request) => complaints.complaintForStaff(ctx, actorOf(request), request.params.complaintNo));

  app.post('/api/v1/service-complaints/:complaintNo/actions', {
    config: { auth: ['serviceClerk', 'serviceManager'] },
    schema: { tags, summary: '投诉办理：调查、处理、反馈、归档', params: noParam, body: action },
  }, async (request) => complaints.actOnComplaint(ctx, actorOf(request), request.params.complaintNo, request.body));
}
