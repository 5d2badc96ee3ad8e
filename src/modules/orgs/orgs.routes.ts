import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { ORG_TYPE_KEYS, ORG_TYPES } from '../../domain/org-types.js';
import { actorOf } from '../../http/auth.js';
import { orgCodeParam } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import * as orgs from './orgs.service.js';

const tags = ['组织机构'];
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const orgType = z.enum(ORG_TYPE_KEYS).describe(Object.entries(ORG_TYPES).map(([k, v]) => `${k} ${v}`).join(' / '));
const orgFields = {
  name: z.string().trim().min(2).max(100),
  shortName: optionalText(50),
  type: orgType,
  parentCode: z.string().trim().max(64).nullable().optional(),
  address: optionalText(200),
  officeHours: optionalText(200),
  phone: z.string().trim().regex(/^[0-9+\-() ]{0,40}$/, '电话号码格式不正确').nullable().optional(),
  fax: z.string().trim().regex(/^[0-9+\-() ]{0,40}$/, '传真号码格式不正确').nullable().optional(),
  email: z.union([z.literal(''), z.string().trim().email('电子邮箱格式不正确').max(100)]).nullable().optional(),
  postalCode: z.string().trim().regex(/^(\d{6})?$/, '邮政编码应为6位数字').nullable().optional(),
  website: z.union([z.literal(''), z.string().trim().url('网址格式不正确').max(200)]).nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
};

function present(o: orgs.Org) {
  const { id: _id, parentId: _parentId, ...rest } = o;
  return rest;
}

export async function orgRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/orgs', {
    config: { auth: 'public' },
    schema: { tags, summary: '机构列表（公开）' },
  }, async () => ({ items: (await orgs.listOrgs(ctx)).map(present) }));

  app.get('/api/v1/orgs/:code', {
    config: { auth: 'public' },
    schema: { tags, summary: '机构详情（公开）', params: orgCodeParam },
  }, async (request) => present(await orgs.getOrg(ctx, request.params.code)));

  app.post('/api/v1/orgs', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '新建机构', body: z.object({ code: z.string().trim().min(9).max(18).describe('统一社会信用代码或组织机构代码'), ...orgFields }) },
  }, async (request, reply) => reply.code(201).send(present(await orgs.createOrg(ctx, actorOf(request), request.body))));

  app.patch('/api/v1/orgs/:code', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '修改机构', params: orgCodeParam, body: z.object(orgFields).partial() },
  }, async (request) => present(await orgs.updateOrg(ctx, actorOf(request), request.params.code, request.body)));

  app.delete('/api/v1/orgs/:code', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '删除机构', params: orgCodeParam },
  }, async (request, reply) => {
    await orgs.deleteOrg(ctx, actorOf(request), request.params.code);
    return reply.code(204).send();
  });
}
