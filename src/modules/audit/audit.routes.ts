import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { Readable } from 'node:stream';
import type { App } from '../../http/types.js';
import { auditArchiveFor, checkpointNowFor, listCheckpointsFor, verifyAuditFor } from './audit-integrity.service.js';
import { listAuditFor } from './audit.service.js';

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
    schema: { tags, summary: '校验审计日志哈希链与签名检查点，报告第一处断裂、改写或末尾被截断' },
  }, async (request) => verifyAuditFor(ctx, actorOf(request)));

  app.get('/api/v1/audit/checkpoints', {
    config: { auth: ['supervisor', 'admin'] },
    schema: { tags, summary: '最近的审计日志签名检查点', querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }) },
  }, async (request) => listCheckpointsFor(ctx, actorOf(request), request.query.limit));

  app.post('/api/v1/audit/checkpoints', {
    config: { auth: ['supervisor', 'admin'] },
    schema: { tags, summary: '立即为审计日志当前末尾签署检查点（哈希链未前进时不重复记录）' },
  }, async (request) => checkpointNowFor(ctx, actorOf(request), (checkpoint) => request.log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint')));

  app.get('/api/v1/audit/archive', {
    config: { auth: ['supervisor', 'admin'] },
    schema: { tags, summary: '导出审计日志全部记录与签名检查点（JSON Lines，随备份保存；npm run audit:verify -- --archive 文件 校验）' },
  }, async (request, reply) => {
    const lines = auditArchiveFor(ctx, actorOf(request));
    const day = ctx.now().toISOString().slice(0, 10);
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-archive-${day}.jsonl"`)
      .send(Readable.from(lines));
  });
}
