import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import type { App } from '../../http/types.js';
import { idParam } from '../../http/schemas.js';
import { changeOwnPassword, getProfile } from '../users/users.service.js';
import * as auth from './auth.service.js';
import { acknowledgeSecurityAlert, listSecurityAlerts } from './login-guard.service.js';

const credentials = z.object({
  username: z.string().trim().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(256).describe('密码'),
});

/** Sign-in attempts per address: generous for people, tight for scripts guessing passwords. */
const LOGIN_RATE = { max: 30, timeWindow: '1 minute' };

export async function authRoutes(app: App, ctx: AppContext) {
  app.post('/api/v1/auth/token', {
    config: { auth: 'public', rateLimit: LOGIN_RATE },
    schema: {
      tags: ['认证'], summary: '签发 API 令牌（脚本与系统对接使用；同一地址连续失败5次暂停该地址登录15分钟）',
      body: credentials,
      response: { 200: z.object({ token: z.string(), expiresAt: z.string() }) },
    },
  }, async (request) => {
    const { token, expiresAt } = await auth.issueApiToken(ctx, request.body.username, request.body.password, request.ip);
    return { token, expiresAt: expiresAt.toISOString() };
  });

  app.post('/api/v1/auth/login', {
    config: { auth: 'public', csrf: false, rateLimit: LOGIN_RATE },
    schema: { tags: ['认证'], summary: '控制台登录（设置会话 Cookie）', body: credentials },
  }, async (request, reply) => {
    const { actor, cookieValue, csrfToken } = await auth.signIn(ctx, request.body.username, request.body.password, request.ip);
    reply.setCookie(auth.SESSION_COOKIE, cookieValue, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies,
    });
    return { user: await getProfile(ctx, actor), csrfToken };
  });

  app.post('/api/v1/auth/logout', {
    config: { auth: 'staff' },
    schema: { tags: ['认证'], summary: '退出登录' },
  }, async (request, reply) => {
    if (request.sessionId) await auth.signOut(ctx, actorOf(request), request.sessionId);
    reply.clearCookie(auth.SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/me', {
    config: { auth: 'staff' },
    schema: { tags: ['认证'], summary: '当前登录用户' },
  }, async (request) => ({ user: await getProfile(ctx, actorOf(request)), csrfToken: request.csrfToken }));

  app.post('/api/v1/auth/password', {
    config: { auth: 'staff' },
    schema: {
      tags: ['认证'], summary: '修改本人密码',
      body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
    },
  }, async (request, reply) => {
    await changeOwnPassword(ctx, actorOf(request), request.body.currentPassword, request.body.newPassword);
    return reply.code(204).send();
  });

  app.get('/api/v1/security/alerts', {
    config: { auth: ['admin'] },
    schema: {
      tags: ['认证'], summary: '安全提醒：登录失败导致的地址暂停与账号减速（系统管理员）',
      querystring: z.object({ open: z.enum(['true', 'false']).default('true').describe('只看未处理的提醒'), limit: z.coerce.number().int().min(1).max(200).default(50) }),
    },
  }, async (request) => listSecurityAlerts(ctx, actorOf(request), { openOnly: request.query.open === 'true', limit: request.query.limit }));

  app.post('/api/v1/security/alerts/:id/acknowledge', {
    config: { auth: ['admin'] },
    schema: { tags: ['认证'], summary: '标记安全提醒为已处理', params: idParam },
  }, async (request, reply) => {
    await acknowledgeSecurityAlert(ctx, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
}
