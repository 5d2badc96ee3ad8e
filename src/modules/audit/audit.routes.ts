import { Readable } from 'node:stream';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { todayInChina } from '../../domain/dates.js';
import { isoDate } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { auditArchiveFor, checkpointNowFor, listCheckpointsFor, verifyAuditFor } from './audit-integrity.service.js';
import { auditCsv, auditWorkbook } from './audit-export.js';
import { AUDIT_EXPORT_LIMIT, exportAuditFor, listAuditFor } from './audit.service.js';

const tags = ['审计日志'];

const text = (max: number) => z.string().trim().max(max).optional();
/** The filters of the audit log, shared by the list and its export. */
const filterSchema = z.object({
  q: text(100).describe('检索：操作人、对象、内容摘要或操作名称'),
  action: text(64).describe('操作（如 item.submit）'),
  category: z.string().regex(/^[a-z]+$/, '操作类别应为小写字母').max(32).optional().describe('操作类别（auth、item、request …）'),
  orgCode: text(64).describe('机构'),
  actor: text(64).describe('操作人用户名'),
  from: isoDate.optional().describe('开始日期'),
  to: isoDate.optional().describe('结束日期（含）'),
  targetType: text(64),
  targetId: text(64),
  order: z.enum(['desc', 'asc']).default('desc').describe('排序：desc 最新在前，asc 最早在前'),
});

export async function auditRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/audit', {
    config: { auth: ['supervisor', 'admin', 'disclosureOffice'] },
    schema: {
      tags, summary: '审计日志（只读；可检索、筛选、排序）',
      querystring: filterSchema.extend({
        cursor: z.coerce.number().int().positive().optional().describe('翻页：上一页最后一条的序号'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
  }, async (request) => listAuditFor(ctx, actorOf(request), request.query));

  app.get('/api/v1/audit/export', {
    config: { auth: ['supervisor', 'admin', 'disclosureOffice'] },
    schema: {
      tags, summary: `导出筛选后的审计日志（CSV 或 XLSX，最多 ${AUDIT_EXPORT_LIMIT} 条）`,
      querystring: filterSchema.extend({ format: z.enum(['csv', 'xlsx']).default('xlsx').describe('文件格式') }),
    },
  }, async (request, reply) => {
    const { format, ...filter } = request.query;
    const entries = await exportAuditFor(ctx, actorOf(request), filter);
    const name = `审计日志-${todayInChina(ctx.now())}.${format}`;
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(auditCsv(entries));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await auditWorkbook(entries));
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
