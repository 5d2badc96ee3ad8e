import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import type { App } from '../../http/types.js';
import * as search from './search.service.js';

const tags = ['全站搜索'];
const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const termsBody = z.object({ terms: z.array(z.string().trim().min(1).max(20)).min(2).max(12) });

export const siteQuery = z.object({
  q: z.string().max(100).default(''),
  kind: z.string().max(30).optional(),
  org: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  category: z.string().max(50).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  validity: z.enum(['valid', 'lapsed', 'repealed', 'revised']).optional(),
  page: z.coerce.number().int().min(1).max(100).optional(),
});

export async function searchRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/search', {
    config: { auth: 'public' },
    schema: { tags, summary: '全站搜索：政府信息、政策解读、年度报告、互动回复、便民问答、办事指南', querystring: siteQuery },
  }, async (request) => search.searchSite(ctx, { ...request.query, q: request.query.q ?? '' }));

  app.get('/api/v1/search/suggest', {
    config: { auth: 'public' },
    schema: { tags, summary: '输入提示（词语、拼音、标题）', querystring: z.object({ q: z.string().max(40).default('') }) },
  }, async (request) => search.suggest(ctx, request.query.q ?? ''));

  app.get('/api/v1/admin/search/synonyms', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '搜索同义词组' },
  }, async () => search.listSynonymGroups(ctx));

  app.post('/api/v1/admin/search/synonyms', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '新增同义词组', body: termsBody },
  }, async (request, reply) => reply.code(201).send(await search.createSynonymGroup(ctx, actorOf(request), request.body)));

  app.put('/api/v1/admin/search/synonyms/:id', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '修改同义词组', params: idParam, body: termsBody },
  }, async (request) => search.updateSynonymGroup(ctx, actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/admin/search/synonyms/:id', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '删除同义词组', params: idParam },
  }, async (request) => search.deleteSynonymGroup(ctx, actorOf(request), request.params.id));

  app.get('/api/v1/admin/search/index', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '搜索索引状态与重建进度' },
  }, async () => search.reindexStatus(ctx));

  app.post('/api/v1/admin/search/reindex', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '重建搜索索引（后台任务）' },
  }, async (request, reply) => reply.code(202).send(await search.requestReindex(ctx, actorOf(request))));
}
