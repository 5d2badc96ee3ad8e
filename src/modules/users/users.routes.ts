import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { idParam, roleSchema } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import * as users from './users.service.js';

const tags = ['用户与角色'];
const username = z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为3至32位字母、数字、下划线、点或连字符');
const displayName = z.string().trim().min(1).max(50);
/** A work address for reminders of messages due (互动交流); empty clears it. */
const email = z.union([z.literal(''), z.string().trim().email('电子邮箱格式不正确').max(100)]).nullable().optional();

export async function userRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/users', {
    config: { auth: 'staff' },
    schema: { tags, summary: '用户列表', querystring: z.object({ orgCode: z.string().max(64).optional() }) },
  }, async (request) => ({ items: await users.listUsers(ctx, actorOf(request), request.query.orgCode) }));

  app.post('/api/v1/users', {
    config: { auth: ['admin'] },
    schema: {
      tags, summary: '新建用户',
      body: z.object({ username, displayName, email, orgCode: z.string().min(1).max(64), roles: z.array(roleSchema).min(1).max(7), password: z.string().max(128) }),
    },
  }, async (request, reply) => reply.code(201).send(await users.createUser(ctx, actorOf(request), request.body)));

  app.patch('/api/v1/users/:id', {
    config: { auth: ['admin'] },
    schema: {
      tags, summary: '修改用户', params: idParam,
      body: z.object({ displayName: displayName.optional(), email, orgCode: z.string().min(1).max(64).optional(), roles: z.array(roleSchema).min(1).max(7).optional(), active: z.boolean().optional() }),
    },
  }, async (request) => users.updateUser(ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/users/:id/password', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '重置用户密码', params: idParam, body: z.object({ password: z.string().max(128) }) },
  }, async (request, reply) => {
    await users.resetPassword(ctx, actorOf(request), request.params.id, request.body.password);
    return reply.code(204).send();
  });

  app.post('/api/v1/users/:id/unlock', {
    config: { auth: ['admin'] },
    schema: { tags, summary: '解除账号锁定', params: idParam },
  }, async (request, reply) => {
    await users.unlockUser(ctx, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
}
