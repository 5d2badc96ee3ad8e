/**
 * 互动交流 on the portal (no JavaScript needed): the mailboxes (/hdjl/xx), each box's page with what it is
 * for, its limit, the write form and the published replies (search and paging), one published message,
 * and the sender's query and rating (/hdjl/cx); /hdjl leads to these and to 意见征集 and 回应关切.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { LABELS } from '../../domain/labels.js';
import { issueDetails } from '../../http/error-handler.js';
import { isAppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { html, type SafeHtml } from '../../http/views/html.js';
import { sendCachedPage, sendPage } from '../../http/views/placeholder.js';
import { issueChallenge, verifyChallenge } from '../platform/challenge.service.js';
import { publicApplyRate } from '../requests/requests.schemas.js';
import { newMessageSchema, ratingSchema } from './messages.schemas.js';
import { findMailbox, listMailboxes } from './mailboxes.service.js';
import { submitMessage } from './messages-intake.service.js';
import { publishedMessage, publishedMessages } from './messages-publication.service.js';
import { rateMessage, viewAsSender } from './messages-sender.service.js';

type FieldErrors = Record<string, string>;
type Box = Awaited<ReturnType<typeof findMailbox>>;
const PAGE_SIZE = 10;
const HOME = { label: '首页', href: '/' };
const HDJL = { label: '互动交流', href: '/hdjl' };

function invalid(errors: FieldErrors, name: string) {
  return errors[name] ? html` aria-invalid="true" aria-describedby="e-${name.replace('.', '-')}"` : '';
}
function fieldError(errors: FieldErrors, name: string) {
  return errors[name] ? html`<p class="error" id="e-${name.replace('.', '-')}">${errors[name]}</p>` : '';
}
function paragraphs(text: string): SafeHtml[] {
  return text.split(/\n+/).filter(Boolean).map((p) => html`<p>${p}</p>`);
}

function limitsText(box: Box): string {
  const limits = box.acceptedTypes.map((t) => box.replyLimits[t]);
  return new Set(limits).size === 1
    ? `收到来信之日起${limits[0]}个工作日内答复（收到当日不计）。`
    : `${box.acceptedTypes.map((t) => `${LABELS.messageType[t]}${box.replyLimits[t]}个工作日`).join('，')}内答复（自收到之日的次日起算）。`;
}

export async function interactionPages(app: App, ctx: AppContext) {
  // 互动交流's own page: the ways to reach the bodies, each with what it is for.
  app.get('/hdjl', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => sendPage(request, reply, {
    title: '互动交流',
    breadcrumbs: [HOME, { label: '互动交流' }],
    body: html`<h1>互动交流</h1>
<ul class="link-list">
<li><a href="/hdjl/xx">写信（县长信箱、镇长信箱和部门信箱）</a>：咨询、建议、质疑、投诉和举报，答复后经本人同意可公开；公开的来信和答复可在各信箱页面查阅。</li>
<li><a href="/hdjl/faq">便民问答</a>：群众来信中常见问题的解答，可按分类浏览和搜索。</li>
<li><a href="/hdjl/cx">来信查询与评价</a>：凭来信编号和查询密码查看办理情况和答复，并对答复作出评价。</li>
<li><a href="/hdjl/yjzj">意见征集</a>：对规章、行政规范性文件和重大行政决策草案提出意见，查看意见采纳情况。</li>
<li><a href="/hdjl/hygq">回应关切</a>：对社会关注的热点和突发事件发布的权威信息、新闻发布会和政策解读。</li>
</ul>
<p>需要获取政府信息的，请通过<a href="/ysqgk">依申请公开</a>提出申请；信访事项请按《信访工作条例》通过信访渠道反映。</p>`,
  }));

  app.get('/hdjl/xx', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const boxes = await listMailboxes(ctx);
    const byOrg = new Map<string, typeof boxes>();
    for (const b of boxes) byOrg.set(b.orgName, [...(byOrg.get(b.orgName) ?? []), b]);
    return sendPage(request, reply, {
      title: '写信',
      breadcrumbs: [HOME, HDJL, { label: '写信' }],
      body: html`<h1>写信</h1>
<p>选择信箱写信：咨询、建议、质疑、投诉和举报均可。需要获取政府信息的，请通过<a href="/ysqgk">依申请公开</a>提出申请；信访事项请按《信访工作条例》通过信访渠道反映。</p>
<p><a href="/hdjl/cx">查询来信办理情况和答复</a></p>
${[...byOrg.entries()].map(([orgName, list]) => html`<section aria-label="${orgName}"><h2>${orgName}</h2><ul>${list.map((b) => html`<li><a href="${b.url}">${b.name}</a>：${b.acceptedTypeLabels.join('、')}</li>`)}</ul></section>`)}`,
    });
  });

  const boxPage = async (request: FastifyRequest, reply: FastifyReply, box: Box, state: { values?: Record<string, string>; errors?: FieldErrors; message?: string; done?: { trackingNo: string; replyDueOn: string } } = {}) => {
    const query = request.query as { q?: string; page?: string };
    const q = (query.q ?? '').slice(0, 50);
    const page = Math.max(1, Math.min(1000, Number.parseInt(query.page ?? '1', 10) || 1));
    // The page itself is not cached (its anti-spam challenge is new for every visitor), the published replies
    // are: from the page cache's data, dropped whenever a message is published or unpublished (handleMessage).
    const published = await ctx.pages.memo(`hdjl:replies:${box.id}:${page}:${q}`, () => publishedMessages(ctx, { mailboxId: box.id, q, page, pageSize: PAGE_SIZE }));
    const pages = Math.max(1, Math.ceil(published.total / PAGE_SIZE));
    const href = (p: number) => `${box.url}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
    const v = state.values ?? {};
    const errors = state.errors ?? {};
    const challenge = issueChallenge(ctx);
    return sendPage(request, reply, {
      title: box.name,
      breadcrumbs: [HOME, HDJL, { label: `${box.orgName}${box.name}` }],
      body: html`<h1>${box.orgName}${box.name}</h1>
${paragraphs(box.introduction)}
<p>受理：${box.acceptedTypeLabels.join('、')}。${limitsText(box)}</p>
<p><a href="${box.url}/stats">${box.name}来信办理情况（按月统计）</a></p>
<h2 id="write">我要写信</h2>
${state.done ? html`<div class="notice" role="status"><p>来信已提交。来信编号：<strong>${state.done.trackingNo}</strong>，请牢记编号和查询密码。我们将于${state.done.replyDueOn}前答复，可在<a href="/hdjl/cx">来信查询</a>查看。</p></div>` : ''}
${state.message ? html`<div class="error" role="alert"><p>${state.message}</p>${Object.keys(errors).length ? html`<ul class="field-errors">${Object.values(errors).map((e) => html`<li>${e}</li>`)}</ul>` : ''}</div>` : ''}
<form method="post" action="${box.url}">
<div class="form-row"><label for="m-type">来信类型（必填）</label><select id="m-type" name="type"${invalid(errors, 'type')}>${box.acceptedTypes.map((t) => html`<option value="${t}"${v.type === t ? html` selected` : ''}>${LABELS.messageType[t]}</option>`)}</select>${fieldError(errors, 'type')}</div>
<div class="form-row"><label for="m-subject">标题（必填，不超过100字）</label><input id="m-subject" name="subject" type="text" maxlength="100" required value="${v.subject ?? ''}"${invalid(errors, 'subject')}>${fieldError(errors, 'subject')}</div>
<div class="form-row"><label for="m-body">来信内容（必填，不超过5000字）</label><textarea id="m-body" name="body" rows="8" maxlength="5000" required${invalid(errors, 'body')}>${v.body ?? ''}</textarea>${fieldError(errors, 'body')}</div>
<div class="form-row"><label for="m-name">姓名（必填，公开时隐去）</label><input id="m-name" name="senderName" type="text" required autocomplete="name" value="${v.senderName ?? ''}"${invalid(errors, 'sender.name')}>${fieldError(errors, 'sender.name')}</div>
<div class="form-row"><label for="m-phone">联系电话（必填，不公开）</label><input id="m-phone" name="senderPhone" type="tel" required autocomplete="tel" value="${v.senderPhone ?? ''}"${invalid(errors, 'sender.phone')}>${fieldError(errors, 'sender.phone')}</div>
<div class="form-row"><label for="m-email">电子邮箱（选填，不公开；填写后答复将发送到该邮箱）</label><input id="m-email" name="senderEmail" type="email" autocomplete="email" value="${v.senderEmail ?? ''}"${invalid(errors, 'sender.email')}>${fieldError(errors, 'sender.email')}</div>
<div class="form-row"><label for="m-password">查询密码（必填，至少6位，用于查询答复）</label><input id="m-password" name="queryPassword" type="password" required autocomplete="new-password"${invalid(errors, 'queryPassword')}>${fieldError(errors, 'queryPassword')}</div>
<div class="form-row check"><input id="m-public" name="publicReply" type="checkbox" value="yes"${v.publicReply === 'yes' ? html` checked` : ''}> <label for="m-public">同意在网站公开来信和答复（隐去姓名和联系方式）</label></div>
<input type="hidden" name="challengeId" value="${challenge.challengeId}">
<div class="form-row"><label for="m-answer">验证问题：${challenge.question}</label><input id="m-answer" name="challengeAnswer" type="text" autocomplete="off"></div>
<p><button type="submit">提交来信</button></p>
</form>
<h2 id="replies">来信选登</h2>
<form method="get" action="${box.url}" role="search" aria-label="搜索来信"><label for="m-q">搜索来信和答复</label> <input id="m-q" name="q" type="search" value="${q}"> <button type="submit">搜索</button></form>
${published.items.length ? html`<ul class="qa">${published.items.map((m) => html`<li><h3><a href="${box.url}/${m.trackingNo}">${m.subject}</a></h3><p>${m.typeLabel}　来信人：${m.senderName}　来信日期：${m.receivedOn}　答复日期：${m.repliedOn ?? ''}</p><p><strong>答复：</strong>${(m.replyText ?? '').slice(0, 120)}</p></li>`)}</ul>` : html`<p>${q ? '没有找到相关的来信。' : '暂无公开的来信。'}</p>`}
${pages > 1 ? html`<nav class="pager" aria-label="分页"><p>${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">上一页</a>　` : ''}第${page}页／共${pages}页${page < pages ? html`　<a href="${href(page + 1)}" rel="next">下一页</a>` : ''}</p></nav>` : ''}`,
    });
  };

  const boxParams = z.object({ orgCode: z.string().max(64), box: z.string().max(40) });
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    reply.code(404);
    return sendPage(request, reply, { title: '信箱不存在', breadcrumbs: [HOME, HDJL, { label: '信箱不存在' }], body: html`<h1>信箱不存在</h1><p><a href="/hdjl/xx">返回信箱列表</a></p>` });
  };
  // A mailbox's settings change only through updateMailbox, which drops the page cache (a box not found is not kept).
  const boxOf = async (orgCode: string, code: string) =>
    ctx.pages.memo(`hdjl:box:${orgCode}/${code}`, () => findMailbox(ctx, orgCode, code)).catch((e) => { if (isAppError(e)) return null; throw e; });

  app.get('/hdjl/xx/:orgCode/:box', {
    config: { auth: 'public' }, schema: { hide: true, params: boxParams, querystring: z.object({ q: z.string().max(200).optional(), page: z.string().max(10).optional() }) },
  }, async (request, reply) => {
    const box = await boxOf(request.params.orgCode, request.params.box);
    return box ? boxPage(request, reply, box) : notFound(request, reply);
  });

  app.post('/hdjl/xx/:orgCode/:box', {
    config: { auth: 'public', rateLimit: publicApplyRate(ctx.config.publicFormRateLimit) },
    schema: { hide: true, params: boxParams, body: z.record(z.string(), z.string()) },
  }, async (request, reply) => {
    const box = await boxOf(request.params.orgCode, request.params.box);
    if (!box) return notFound(request, reply);
    const v = request.body;
    const input = {
      orgCode: box.orgCode, box: box.code, type: v.type, subject: v.subject, body: v.body,
      sender: { name: v.senderName, phone: v.senderPhone, ...(v.senderEmail ? { email: v.senderEmail } : {}) },
      publicReply: v.publicReply === 'yes', queryPassword: v.queryPassword ?? '', challenge: { id: v.challengeId ?? '', answer: v.challengeAnswer ?? '' },
    };
    const parsed = newMessageSchema.safeParse(input);
    if (!parsed.success) {
      reply.code(400);
      const errors: FieldErrors = {};
      for (const d of issueDetails(parsed.error.issues, input)) errors[d.path ?? 'form'] ??= d.message;
      return boxPage(request, reply, box, { values: v, errors, message: '提交未成功，请修改以下内容：' });
    }
    try {
      await verifyChallenge(ctx, parsed.data.challenge);
      const { challenge: _c, ...data } = parsed.data;
      const done = await submitMessage(ctx, null, data);
      return boxPage(request, reply, box, { done });
    } catch (error) {
      if (!isAppError(error)) throw error;
      reply.code(error.status);
      const errors: FieldErrors = {};
      for (const d of error.details ?? []) if (d.path) errors[d.path] ??= d.message;
      return boxPage(request, reply, box, { values: v, errors, message: error.message });
    }
  });

  app.get('/hdjl/xx/:orgCode/:box/:trackingNo', {
    config: { auth: 'public' }, schema: { hide: true, params: boxParams.extend({ trackingNo: z.string().max(40) }) },
  }, async (request, reply) => {
    const m = await ctx.pages.memo(`hdjl:message:${request.params.trackingNo}`, () => publishedMessage(ctx, request.params.trackingNo)).catch((e) => { if (isAppError(e)) return null; throw e; });
    if (!m || m.orgCode !== request.params.orgCode || m.boxCode !== request.params.box) return notFound(request, reply);
    const boxUrl = `/hdjl/xx/${m.orgCode}/${m.boxCode}`;
    // No form on it: the whole page comes from the page cache, dropped when the message is unpublished.
    return sendCachedPage(ctx, request, reply, async () => ({
      title: m.subject,
      breadcrumbs: [HOME, HDJL, { label: `${m.orgName}${m.boxName}`, href: boxUrl }, { label: m.subject }],
      body: html`<h1>${m.subject}</h1>
<table><caption>来信信息</caption><tbody><tr><th scope="row">来信类型</th><td>${m.typeLabel}</td></tr><tr><th scope="row">来信人</th><td>${m.senderName}</td></tr>
<tr><th scope="row">来信日期</th><td>${m.receivedOn}</td></tr><tr><th scope="row">答复单位</th><td>${m.orgName}</td></tr><tr><th scope="row">答复日期</th><td>${m.repliedOn ?? ''}</td></tr></tbody></table>
<h2>来信内容</h2>${paragraphs(m.body)}
<h2>答复内容</h2>${paragraphs(m.replyText ?? '')}
<p><a href="${boxUrl}">返回${m.boxName}</a></p>`,
    }));
  });

  // ---- the sender's query and rating
  const queryForm = (message?: string) => html`<form method="post" action="/hdjl/cx">
${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<div class="form-row"><label for="q-no">来信编号</label><input id="q-no" name="trackingNo" type="text" required autocomplete="off"></div>
<div class="form-row"><label for="q-password">查询密码</label><input id="q-password" name="queryPassword" type="password" required autocomplete="current-password"></div>
<p><button type="submit">查询</button></p></form>`;
  const crumbs = [HOME, HDJL, { label: '来信查询' }];

  app.get('/hdjl/cx', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, { title: '来信查询', breadcrumbs: crumbs, body: html`<h1>来信查询</h1>${queryForm()}` }));

  const resultPage = async (request: FastifyRequest, reply: FastifyReply, trackingNo: string, password: string, note?: { text: string; error?: boolean }) => {
    const view = await viewAsSender(ctx, trackingNo, password);
    return sendPage(request, reply, {
      title: `来信查询 ${view.trackingNo}`,
      breadcrumbs: crumbs,
      body: html`<h1>来信办理情况</h1>
${note ? html`<p class="${note.error ? 'error' : 'notice'}" role="${note.error ? 'alert' : 'status'}">${note.text}</p>` : ''}
<table><caption>来信概况</caption><tbody>
<tr><th scope="row">来信编号</th><td>${view.trackingNo}</td></tr><tr><th scope="row">标题</th><td>${view.subject}</td></tr>
<tr><th scope="row">信箱</th><td>${view.orgName}${view.boxName}</td></tr><tr><th scope="row">来信类型</th><td>${view.typeLabel}</td></tr>
<tr><th scope="row">办理状态</th><td>${view.statusLabel}</td></tr><tr><th scope="row">收到日期</th><td>${view.receivedOn}</td></tr><tr><th scope="row">答复期限</th><td>${view.replyDueOn}</td></tr>
${view.extension ? html`<tr><th scope="row">延期说明</th><td>延长${view.extension.days}个工作日：${view.extension.reason ?? ''}</td></tr>` : ''}
${view.rating ? html`<tr><th scope="row">您的评价</th><td>${view.ratingLabel}</td></tr>` : ''}</tbody></table>
${view.reply ? html`<h2>答复（${view.reply.repliedOn}）</h2>${paragraphs(view.reply.text)}` : ''}
${view.canRate ? html`<h2>评价答复</h2><form method="post" action="/hdjl/cx/rating">
<input type="hidden" name="trackingNo" value="${view.trackingNo}"><input type="hidden" name="queryPassword" value="${password}">
<fieldset><legend>您对答复是否满意</legend>${Object.entries(LABELS.messageRating).map(([k, label]) => html`<div><input id="r-${k}" type="radio" name="rating" value="${k}" required> <label for="r-${k}">${label}</label></div>`)}</fieldset>
<div class="form-row"><label for="r-comment">评价意见（选填）</label><textarea id="r-comment" name="comment" rows="3" maxlength="500"></textarea></div>
<p>评价为“不满意”的，来信将退回重新办理一次。</p>
<p><button type="submit">提交评价</button></p></form>` : ''}
<h2>办理记录</h2><ol>${view.events.map((e) => html`<li>${e.onDate}　${e.title}${e.note ? html`<br>${e.note}` : ''}</li>`)}</ol>`,
    });
  };

  const queryBody = z.object({ trackingNo: z.string().max(40).default(''), queryPassword: z.string().max(64).default('') });
  app.post('/hdjl/cx', {
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true, body: queryBody },
  }, async (request, reply) => {
    try {
      return await resultPage(request, reply, request.body.trackingNo.trim(), request.body.queryPassword);
    } catch (error) {
      if (!isAppError(error)) throw error;
      reply.code(404);
      return sendPage(request, reply, { title: '来信查询', breadcrumbs: crumbs, body: html`<h1>来信查询</h1>${queryForm(error.message)}` });
    }
  });

  app.post('/hdjl/cx/rating', {
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true, body: queryBody.extend({ rating: z.string().max(40).default(''), comment: z.string().max(2000).default('') }) },
  }, async (request, reply) => {
    const { trackingNo, queryPassword, rating, comment } = request.body;
    const parsed = ratingSchema.safeParse({ rating, ...(comment.trim() ? { comment } : {}) });
    try {
      if (!parsed.success) {
        reply.code(400);
        return await resultPage(request, reply, trackingNo, queryPassword, { text: issueDetails(parsed.error.issues, { rating, comment }).map((d) => d.message).join(' '), error: true });
      }
      const done = await rateMessage(ctx, trackingNo, queryPassword, parsed.data);
      return await resultPage(request, reply, trackingNo, queryPassword, { text: done.sentBack ? '感谢您的评价。来信已退回重新办理，我们将再次答复。' : '感谢您的评价，来信已办结。' });
    } catch (error) {
      if (!isAppError(error)) throw error;
      reply.code(error.status);
      return sendPage(request, reply, { title: '来信查询', breadcrumbs: crumbs, body: html`<h1>来信查询</h1>${queryForm(error.message)}` });
    }
  });
}
