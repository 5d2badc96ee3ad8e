/**
 * 申请人账户 on the portal: register, sign in, "我的申请", add an earlier request.
 * Plain HTML forms that work without JavaScript; writes carry the session's CSRF token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError, isAppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { html, SafeHtml } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { publicApplyRate } from '../requests/requests.schemas.js';
import { applicantStatusBody } from '../requests/requests.pages.js';
import { issueChallenge, verifyChallenge } from '../platform/challenge.service.js';
import * as applicants from './applicants.service.js';

const field = (max: number) => z.string().max(max).default('');

function crumbs(label: string, href?: string) {
  return [{ label: '首页', href: '/' }, { label: '依申请公开', href: '/ysqgk' }, ...(href ? [{ label: '我的申请', href }] : []), { label }];
}

function textInput(name: string, label: string, options: { type?: string; autocomplete?: string; value?: string; hint?: string } = {}) {
  return html`<div class="form-row"><label for="f-${name}">${label}</label>
${options.hint ? html`<span class="hint" id="h-${name}">${options.hint}</span>` : ''}
<input id="f-${name}" name="${name}" type="${options.type ?? 'text'}" required value="${options.value ?? ''}"${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.hint ? html` aria-describedby="h-${name}"` : ''}></div>`;
}

const alert = (message?: string) => (message ? html`<p class="error" role="alert">${message}</p>` : '');

function signInPage(request: FastifyRequest, reply: FastifyReply, message?: string) {
  return sendPage(request, reply, {
    title: '申请人登录',
    breadcrumbs: crumbs('申请人登录'),
    body: html`<h1>申请人登录</h1>
<p>登录后可在“我的申请”中查看您提交的全部政府信息公开申请。不登录也可以<a href="/ysqgk/apply">在线申请</a>，并凭受理编号和查询密码<a href="/ysqgk/status">查询办理进度</a>。</p>
<form method="post" action="/ysqgk/account/login">
${alert(message)}
${textInput('login', '手机号码或电子邮箱', { autocomplete: 'username' })}
${textInput('password', '密码', { type: 'password', autocomplete: 'current-password' })}
<p><button type="submit">登录</button></p>
</form>
<p>还没有账户？<a href="/ysqgk/account/register">注册申请人账户</a></p>`,
  });
}

function registerPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, message?: string) {
  const challenge = issueChallenge(ctx);
  return sendPage(request, reply, {
    title: '注册申请人账户',
    breadcrumbs: crumbs('注册申请人账户'),
    body: html`<h1>注册申请人账户</h1>
<form method="post" action="/ysqgk/account/register">
${alert(message)}
${textInput('displayName', '姓名或名称', { autocomplete: 'name', value: values.displayName })}
${textInput('login', '手机号码或电子邮箱（作为登录账号）', { autocomplete: 'username', value: values.login })}
${textInput('password', '密码', { type: 'password', autocomplete: 'new-password', hint: '至少8位，须同时包含字母和数字。' })}
${textInput('passwordConfirm', '再次输入密码', { type: 'password', autocomplete: 'new-password' })}
<input type="hidden" name="challengeId" value="${challenge.challengeId}">
${textInput('challengeAnswer', `验证问题：${challenge.question}`, { autocomplete: 'off' })}
<p><button type="submit">注册</button></p>
</form>`,
  });
}

async function myRequestsPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, applicant: applicants.Applicant, notice?: SafeHtml | string, error?: string) {
  const { items } = await applicants.listMyRequests(ctx, applicant);
  return sendPage(request, reply, {
    title: '我的申请',
    breadcrumbs: crumbs('我的申请'),
    body: html`<h1>我的申请</h1>
<p>${applicant.displayName}（${applicant.login}），您好。</p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<p><a class="button" href="/ysqgk/apply">在线申请</a></p>
${items.length
    ? html`<table><caption>账户下的申请（共${items.length}件）</caption>
<thead><tr><th scope="col">受理编号</th><th scope="col">受理机关</th><th scope="col">所需信息</th><th scope="col">提交日期</th><th scope="col">状态</th></tr></thead>
<tbody>${items.map((r) => html`<tr><td><a href="/ysqgk/account/requests/${r.trackingNo}">${r.trackingNo}</a></td><td>${r.orgName}</td><td>${r.description.length > 40 ? `${r.description.slice(0, 40)}…` : r.description}</td><td>${r.submittedAt.slice(0, 10)}</td><td>${r.statusLabel}${r.outcomeLabel ? `（${r.outcomeLabel}）` : ''}</td></tr>`)}</tbody></table>`
    : html`<p>账户下还没有申请。</p>`}
<h2>添加已提交的申请</h2>
<p>登录前提交或由工作人员登记的申请，可凭受理编号和查询密码加入账户。</p>
<form method="post" action="/ysqgk/account/link">
${alert(error)}
<input type="hidden" name="_csrf" value="${applicant.csrfToken}">
${textInput('trackingNo', '受理编号', { autocomplete: 'off' })}
${textInput('queryPassword', '查询密码', { type: 'password', autocomplete: 'current-password' })}
<p><button type="submit">添加</button></p>
</form>
<form method="post" action="/ysqgk/account/logout"><input type="hidden" name="_csrf" value="${applicant.csrfToken}"><p><button type="submit">退出登录</button></p></form>`,
  });
}

export async function applicantPages(app: App, ctx: AppContext) {
  const current = (request: FastifyRequest) => applicants.authenticate(ctx, request.cookies[applicants.APPLICANT_COOKIE]);
  const seeOther = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();

  app.get('/ysqgk/account', {
    config: { auth: 'public' },
    schema: { hide: true, querystring: z.object({ linked: z.string().max(40).optional() }) },
  }, async (request, reply) => {
    const applicant = await current(request);
    if (!applicant) return signInPage(request, reply);
    return myRequestsPage(ctx, request, reply, applicant, request.query.linked ? `申请${request.query.linked}已加入您的账户。` : undefined);
  });

  app.post('/ysqgk/account/login', {
    config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { hide: true, body: z.object({ login: field(200), password: field(128) }) },
  }, async (request, reply) => {
    try {
      const session = await applicants.signIn(ctx, request.body.login, request.body.password, request.ip);
      reply.setCookie(applicants.APPLICANT_COOKIE, session.cookieValue, applicants.cookieOptions(ctx));
      return seeOther(reply, '/ysqgk/account');
    } catch (error) {
      if (!isAppError(error)) throw error;
      reply.code(error.status);
      return signInPage(request, reply, error.code === 'INVALID_CREDENTIALS' ? '账号或密码错误。' : error.message);
    }
  });

  app.get('/ysqgk/account/register', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => registerPage(ctx, request, reply));

  app.post('/ysqgk/account/register', {
    config: { auth: 'public', rateLimit: publicApplyRate(ctx.config.publicFormRateLimit) },
    schema: {
      hide: true,
      body: z.object({ displayName: field(100), login: field(200), password: field(128), passwordConfirm: field(128), challengeId: field(200), challengeAnswer: field(10) }),
    },
  }, async (request, reply) => {
    const v = request.body;
    try {
      if (!v.displayName.trim()) throw new AppError('VALIDATION_FAILED', [{ path: 'displayName', message: '请填写姓名或名称。' }]);
      if (v.password !== v.passwordConfirm) throw new AppError('VALIDATION_FAILED', [{ path: 'passwordConfirm', message: '两次输入的密码不一致。' }]);
      await verifyChallenge(ctx, { id: v.challengeId, answer: v.challengeAnswer });
      await applicants.registerAccount(ctx, v);
      const session = await applicants.signIn(ctx, v.login, v.password, request.ip);
      reply.setCookie(applicants.APPLICANT_COOKIE, session.cookieValue, applicants.cookieOptions(ctx));
      return seeOther(reply, '/ysqgk/account');
    } catch (error) {
      if (!isAppError(error)) throw error;
      reply.code(error.status);
      return registerPage(ctx, request, reply, { displayName: v.displayName, login: v.login }, error.details?.[0]?.message ?? error.message);
    }
  });

  app.post('/ysqgk/account/logout', {
    config: { auth: 'public' },
    schema: { hide: true, body: z.object({ _csrf: field(100) }) },
  }, async (request, reply) => {
    const applicant = await current(request);
    if (applicant && request.body._csrf === applicant.csrfToken) await applicants.signOut(ctx, applicant);
    reply.clearCookie(applicants.APPLICANT_COOKIE, { path: '/' });
    return seeOther(reply, '/ysqgk/account');
  });

  app.post('/ysqgk/account/link', {
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true, body: z.object({ _csrf: field(100), trackingNo: field(40), queryPassword: field(64) }) },
  }, async (request, reply) => {
    const applicant = await current(request);
    if (!applicant) return seeOther(reply, '/ysqgk/account');
    try {
      if (request.body._csrf !== applicant.csrfToken) throw new AppError('CSRF_INVALID');
      const { trackingNo } = await applicants.linkRequest(ctx, applicant, request.body.trackingNo, request.body.queryPassword);
      return seeOther(reply, `/ysqgk/account?linked=${encodeURIComponent(trackingNo)}`);
    } catch (error) {
      if (!isAppError(error)) throw error;
      reply.code(error.status);
      return myRequestsPage(ctx, request, reply, applicant, undefined, error.message);
    }
  });

  app.get('/ysqgk/account/requests/:trackingNo', {
    config: { auth: 'public' },
    schema: { hide: true, params: z.object({ trackingNo: z.string().max(40) }) },
  }, async (request, reply) => {
    const applicant = await current(request);
    if (!applicant) return seeOther(reply, '/ysqgk/account');
    try {
      const view = await applicants.viewMyRequest(ctx, applicant, request.params.trackingNo);
      return sendPage(request, reply, { title: `办理进度 ${view.trackingNo}`, breadcrumbs: crumbs(view.trackingNo, '/ysqgk/account'), body: applicantStatusBody(ctx, view) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      reply.code(error.status);
      return sendPage(request, reply, { title: '我的申请', breadcrumbs: crumbs('我的申请'), body: html`<h1>我的申请</h1>${alert(error.message)}<p><a href="/ysqgk/account">返回我的申请</a></p>` });
    }
  });
}
