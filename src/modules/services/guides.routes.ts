/** Staff API of the item registry: versions under review, material files, XLSX import and export. */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { SERVICE_ITEM_KIND_KEYS } from '../../domain/services/service-items.js';
import * as guides from './guides.service.js';
import { exportRegistry, importRegistry } from './registry-xlsx.js';
import { guideSchema } from './services.schemas.js';

const tags = ['政务服务'];
const STAFF = ['serviceClerk', 'serviceManager'] as const;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const codeParam = z.object({ code: z.string().trim().min(1).max(64) });
const limit = z.number().int().min(0).max(3650);

export async function guideRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/service-item-reviews', {
    config: { auth: [...STAFF] },
    schema: { tags, summary: '待提交和待审核的事项新版本' },
  }, async (request) => guides.listPendingReviews(ctx, actorOf(request)));

  app.get('/api/v1/service-items/:code', {
    config: { auth: [...STAFF] },
    schema: { tags, summary: '事项详情（含各版本及审核状态）', params: codeParam },
  }, async (request) => guides.getItemForStaff(ctx, actorOf(request), request.params.code));

  app.put('/api/v1/service-items/:code/draft', {
    config: { auth: [...STAFF] },
    schema: {
      tags, summary: '起草事项的新版本（发布前须经中心审核）', params: codeParam,
      body: z.object({
        name: z.string().trim().min(1).max(200), kind: z.enum(SERVICE_ITEM_KIND_KEYS), legalLimitDays: limit, promisedLimitDays: limit,
        deemedApproval: z.boolean().optional(), guide: guideSchema.optional(),
      }),
    },
  }, async (request) => guides.draftItemVersion(ctx, actorOf(request), request.params.code, request.body));

  app.post('/api/v1/service-items/:code/draft/submit', {
    config: { auth: [...STAFF] },
    schema: { tags, summary: '提交事项新版本审核', params: codeParam },
  }, async (request) => guides.submitItemVersion(ctx, actorOf(request), request.params.code));

  app.post('/api/v1/service-items/:code/draft/review', {
    config: { auth: ['serviceManager'] },
    schema: {
      tags, summary: '审核事项新版本（通过即发布；不能审核本人起草的版本）', params: codeParam,
      body: z.object({ decision: z.enum(['approve', 'return']), comment: z.string().trim().max(1000).optional() }),
    },
  }, async (request) => guides.reviewItemVersion(ctx, actorOf(request), request.params.code, request.body));

  app.post('/api/v1/service-items/:code/materials/:materialKey/files', {
    config: { auth: [...STAFF] },
    schema: {
      tags, summary: '上传申请材料的空白表格或填写样本（multipart：kind=blank|sample，file）',
      params: z.object({ code: z.string().trim().min(1).max(64), materialKey: z.string().trim().min(1).max(32) }),
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 multipart/form-data 上传文件。');
    let kind = '';
    let file: { fileName: string; data: Buffer } | null = null;
    for await (const part of request.parts()) {
      if (part.type === 'file') file = { fileName: part.filename, data: await part.toBuffer() };
      else if (part.fieldname === 'kind' && typeof part.value === 'string') kind = part.value;
    }
    if (kind !== 'blank' && kind !== 'sample') throw new AppError('VALIDATION_FAILED', [{ path: 'kind', message: '请选择文件类别：空白表格或填写样本。' }]);
    if (!file?.data.length) throw new AppError('VALIDATION_FAILED', [{ path: 'file', message: '请选择要上传的文件。' }]);
    return reply.code(201).send(await guides.attachMaterialFile(ctx, actorOf(request), request.params.code, request.params.materialKey, kind, file));
  });

  app.get('/api/v1/orgs/:code/service-items.xlsx', {
    config: { auth: [...STAFF] },
    schema: { tags, summary: '导出本机关及下级机关的政务服务事项（XLSX）', params: codeParam },
  }, async (request, reply) => {
    const file = await exportRegistry(ctx, actorOf(request), request.params.code);
    return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
  });

  app.post('/api/v1/orgs/:code/service-items/import', {
    config: { auth: [...STAFF] },
    schema: { tags, summary: '导入政务服务事项（XLSX；新编码建立事项，已有编码生成待审核的新版本）', params: codeParam },
  }, async (request) => {
    const body = request.body as unknown;
    if (!Buffer.isBuffer(body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', undefined, '请以 XLSX 格式提交事项表。');
    return importRegistry(ctx, actorOf(request), request.params.code, body);
  });
}
