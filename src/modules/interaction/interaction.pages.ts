/** 互动交流 on the portal: published answers and the consultation form (works without JavaScript). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { issueDetails } from '../../http/error-handler.js';
import { isAppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { html } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { listOrgs } from '../orgs/orgs.service.js';
import { publicApplyRate } from '../requests/requests.schemas.js';
import { issueChallenge, verifyChallenge } from '../platform/challenge.service.js';
import { consultationSchema } from './interaction.routes.js';
import * as interaction from './interaction.service.js';

type FieldErrors = Record<string, string>;

/** aria-invalid and the message's id on a field that has a message (the message itself follows the field). */
function invalid(errors: FieldErrors, name: string) {
  return errors[name] ? html` aria-invalid="true" aria-describedby="e-${name}"` : '';
}
function fieldError(errors: FieldErrors, name: string) {
  return errors[name] ? html`<p class="error" id="e-${name}">${errors[name]}</p>` : '';
}

export async function interactionPages(app: App, ctx: AppContext) {
  const page = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, message?: string, done?: boolean, errors: FieldErrors = {}) => {
    const answers = await interaction.publishedAnswers(ctx);
    const orgs = (await listOrgs(ctx)).filter((o) => o.type !== 'office');
    const challenge = issueChallenge(ctx);
    return sendPage(request, reply, {
      title: '互动交流',
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '互动交流' }],
      body: html`<h1>互动交流</h1>
<p>咨询政府信息公开及相关政务服务事项。需要获取政府信息的，请通过<a href="/ysqgk">依申请公开</a>提出申请；投诉举报请通过信访渠道反映。</p>
<h2>我要咨询</h2>
${done ? html`<p class="notice" role="status">您的咨询已提交，我们将尽快答复。</p>` : ''}
${message ? html`<div class="error" role="alert"><p>${message}</p>${Object.keys(errors).length ? html`<ul class="field-errors">${Object.values(errors).map((e) => html`<li>${e}</li>`)}</ul>` : ''}</div>` : ''}
<form method="post" action="/hdjl">
<div class="form-row"><label for="c-org">咨询机关（必填）</label><select id="c-org" name="orgCode"${invalid(errors, 'orgCode')}>${orgs.map((o) => html`<option value="${o.code}"${values.orgCode === o.code ? html` selected` : ''}>${o.name}</option>`)}</select>${fieldError(errors, 'orgCode')}</div>
<div class="form-row"><label for="c-subject">标题（必填）</label><input id="c-subject" name="subject" type="text" required value="${values.subject ?? ''}"${invalid(errors, 'subject')}>${fieldError(errors, 'subject')}</div>
<div class="form-row"><label for="c-question">咨询内容（必填）</label><textarea id="c-question" name="question" rows="5" required${invalid(errors, 'question')}>${values.question ?? ''}</textarea>${fieldError(errors, 'question')}</div>
<div class="form-row"><label for="c-name">姓名（必填）</label><input id="c-name" name="askerName" type="text" required autocomplete="name" value="${values.askerName ?? ''}"${invalid(errors, 'askerName')}>${fieldError(errors, 'askerName')}</div>
<div class="form-row"><label for="c-contact">联系方式（选填，不公开）</label><input id="c-contact" name="contact" type="text" autocomplete="tel" value="${values.contact ?? ''}"${invalid(errors, 'contact')}>${fieldError(errors, 'contact')}</div>
<input type="hidden" name="challengeId" value="${challenge.challengeId}">
<div class="form-row"><label for="c-answer">验证问题：${challenge.question}</label><input id="c-answer" name="challengeAnswer" type="text" autocomplete="off"></div>
<p><button type="submit">提交咨询</button></p>
</form>
<h2>咨询答复</h2>
${answers.length ? html`<ul class="qa">${answers.map((a) => html`<li><h3>${a.subject}</h3><p><strong>问：</strong>${a.question}</p><p><strong>答（${a.orgName}）：</strong>${a.answer}</p></li>`)}</ul>` : html`<p>暂无公开的咨询答复。</p>`}`,
    });
  };

  app.get('/hdjl', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => page(request, reply));

  app.post('/hdjl', {
    config: { auth: 'public', rateLimit: publicApplyRate(ctx.config.publicFormRateLimit) },
    schema: { hide: true, body: z.record(z.string(), z.string()) },
  }, async (request, reply) => {
    const v = request.body;
    const input = { orgCode: v.orgCode, subject: v.subject, question: v.question, askerName: v.askerName, contact: v.contact || undefined, challenge: { id: v.challengeId ?? '', answer: v.challengeAnswer ?? '' } };
    const parsed = consultationSchema.safeParse(input);
    if (!parsed.success) {
      reply.code(400);
      const errors: FieldErrors = {};
      for (const d of issueDetails(parsed.error.issues, input)) errors[d.path?.split('.')[0] ?? 'form'] ??= d.message;
      return page(request, reply, v, '提交未成功，请修改以下内容：', false, errors);
    }
    try {
      await verifyChallenge(ctx, parsed.data.challenge);
      const { challenge: _c, ...input } = parsed.data;
      await interaction.submitConsultation(ctx, null, input);
      return page(request, reply, {}, undefined, true);
    } catch (error) {
      if (!isAppError(error)) throw error;
      reply.code(error.status);
      return page(request, reply, v, error.message);
    }
  });
}
