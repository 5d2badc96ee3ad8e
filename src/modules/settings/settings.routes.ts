import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import type { App } from '../../http/types.js';
import { readSetting, writeSetting } from './settings.service.js';

const tags = ['设置'];
const key = z.object({ key: z.string().regex(/^(topics|sensitiveWords|superiorGovernment|categories(:[0-9A-Z]{9,18})?|publicationLimit:[0-9A-Z]{9,18})$/, '不支持的设置项').describe('topics、sensitiveWords、superiorGovernment、categories[:机构代码]、publicationLimit:机构代码') });

export async function settingsRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/settings/:key', {
    config: { auth: 'staff' },
    schema: { tags, summary: '读取设置（主题分类、信息类别、敏感词、公开时限、上一级人民政府名称）', params: key },
  }, async (request) => readSetting(ctx, request.params.key));

  app.put('/api/v1/settings/:key', {
    config: { auth: ['admin', 'disclosureOffice'] },
    schema: { tags, summary: '修改设置', params: key, body: z.object({ value: z.union([z.array(z.string().max(50)).max(200), z.number().int(), z.string().max(50)]) }) },
  }, async (request) => writeSetting(ctx, actorOf(request), request.params.key, request.body.value));
}
