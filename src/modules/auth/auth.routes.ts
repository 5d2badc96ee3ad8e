import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import type { App } from '../../http/types.js';
import { changeOwnPassword, getProfile } from '../users/users.service.js';
import * as auth from './auth.service.js';

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
      tags: ['认证'], summary: '签发 API 令牌（脚本与系统对接使用）',
      body: credentials,
      response: { 200: z.object({ token: z.string(), expiresAt: z.string() }) },
    },
  }, async (request) => {
    const { token, expiresAt } = await auth.issueApiToken(ctx, request.body.username, request.body.password);
    return { token, expiresAt: expiresAt.toISOString() };
  });

  app.post('/api/v1/auth/login', {
    config: { auth: 'public', csrf: false, rateLimit: LOGIN_RATE },
    schema: { tags: ['认证'], summary: '控制台登录（设置会话 Cookie）', body: credentials },
  }, async (request, reply) => {
    const { actor, cookieValue, csrfToken } = await auth.signIn(ctx, request.body.username, request.body.password);
    reply.setCookie(auth.SESSION_COOKIE, cookieValue, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies,
    });
    return { user: await getProfile(ctx, actor), csrfToken };
  });

  app.post('/api/v1/auth/logout', {
    config: { auth: 'staff' },
    schema: { tags: ['认证'], summary: '退出登录' },
  }, async (request, reply) => {
    if (request.sessionId) await auth.signOut(ctx, request.sessionId);
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
}

