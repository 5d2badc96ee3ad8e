import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { canVerifyAudit } from './audit.policy.js';
import { listAuditFor, verifyAuditChain } from './audit.service.js';

const tags = ['审计日志'];

export async function auditRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/audit', {
    config: { auth: ['supervisor', 'admin', 'disclosureOffice'] },
    schema: {
      tags, summary: '审计日志（只读）',
      querystring: z.object({
        cursor: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        action: z.string().max(64).optional(),
        orgCode: z.string().max(64).optional(),
        targetType: z.string().max(64).optional(),
        targetId: z.string().max(64).optional(),
      }),
    },
  }, async (request) => {
    const { cursor, ...query } = request.query;
    return listAuditFor(ctx, actorOf(request), { ...query, beforeSeq: cursor });
  });

  app.get('/api/v1/audit/verify', {
    config: { auth: ['supervisor', 'admin'] },
    schema: { tags, summary: '校验审计日志哈希链，报告第一处断裂' },
  }, async (request) => {
    if (!canVerifyAudit(actorOf(request))) throw new AppError('FORBIDDEN');
    return verifyAuditChain(ctx.db);
  });
}
