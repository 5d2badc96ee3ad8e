import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { publicApplyRate } from '../requests/requests.schemas.js';
import { verifyChallenge } from '../platform/challenge.service.js';
import { applicantPages } from './applicants.pages.js';
import * as applicants from './applicants.service.js';

const tags = ['申请人账户'];

export const registerSchema = z.object({
  login: z.string().trim().min(1).max(200).describe('11位手机号码或电子邮箱'),
  displayName: z.string().trim().min(1).max(100).describe('姓名或名称'),
  password: z.string().min(8, '密码至少8位').max(128),
  challenge: z.object({ id: z.string().max(200), answer: z.string().max(10) }).describe('验证问题（GET /api/v1/requests/challenge）'),
});

/** The signed-in applicant, or a 401. */
async function signedIn(ctx: AppContext, request: FastifyRequest) {
  const applicant = await applicants.authenticate(ctx, request.cookies[applicants.APPLICANT_COOKIE]);
  if (!applicant) throw new AppError('APPLICANT_SIGNED_OUT');
  return applicant;
}

/** Writes made with the applicant's cookie carry its CSRF token (header X-CSRF-Token). */
async function signedInForWrite(ctx: AppContext, request: FastifyRequest) {
  const applicant = await signedIn(ctx, request);
  if (request.headers['x-csrf-token'] !== applicant.csrfToken) throw new AppError('CSRF_INVALID');
  return applicant;
}

export async function applicantRoutes(app: App, ctx: AppContext) {
  app.post('/api/v1/applicant/accounts', {
    config: { auth: 'public', rateLimit: publicApplyRate(ctx.config.publicFormRateLimit) },
    schema: { tags, summary: '注册申请人账户（手机号码或电子邮箱；需回答验证问题）', body: registerSchema, response: { 201: z.object({ login: z.string() }) } },
  }, async (request, reply) => {
    await verifyChallenge(ctx, request.body.challenge);
    const { login } = await applicants.registerAccount(ctx, request.body);
    return reply.code(201).send({ login });
  });

  app.post('/api/v1/applicant/session', {
    config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags, summary: '申请人登录（同一地址连续失败5次暂停该地址登录15分钟）',
      body: z.object({ login: z.string().max(200), password: z.string().max(128) }),
      response: { 200: z.object({ displayName: z.string(), csrfToken: z.string() }) },
    },
  }, async (request, reply) => {
    const session = await applicants.signIn(ctx, request.body.login, request.body.password, request.ip);
    reply.setCookie(applicants.APPLICANT_COOKIE, session.cookieValue, applicants.cookieOptions(ctx));
    return { displayName: session.displayName, csrfToken: session.csrfToken };
  });

  app.delete('/api/v1/applicant/session', {
    config: { auth: 'public' },
    schema: { tags, summary: '申请人退出登录（需 X-CSRF-Token）' },
  }, async (request, reply: FastifyReply) => {
    await applicants.signOut(ctx, await signedInForWrite(ctx, request));
    reply.clearCookie(applicants.APPLICANT_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/v1/applicant/requests', {
    config: { auth: 'public' },
    schema: { tags, summary: '我的申请：账户下的全部申请' },
  }, async (request) => applicants.listMyRequests(ctx, await signedIn(ctx, request)));

  app.get('/api/v1/applicant/requests/:trackingNo', {
    config: { auth: 'public' },
    schema: { tags, summary: '我的申请：办理进度与文书', params: z.object({ trackingNo: z.string().max(40) }) },
  }, async (request) => applicants.viewMyRequest(ctx, await signedIn(ctx, request), request.params.trackingNo));

  app.post('/api/v1/applicant/requests/link', {
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags, summary: '凭受理编号和查询密码把已提交的申请加入账户（需 X-CSRF-Token）',
      body: z.object({ trackingNo: z.string().max(40), queryPassword: z.string().max(64) }),
    },
  }, async (request) => applicants.linkRequest(ctx, await signedInForWrite(ctx, request), request.body.trackingNo, request.body.queryPassword));

  await applicantPages(app, ctx);
}
