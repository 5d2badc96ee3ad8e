/**
 * 意见征集 on the portal (no JavaScript needed): the list of drafts open for comment and of those whose
 * period has ended, and a draft's page with its explanation, its articles (each with its own comment
 * form and the published comments on it), the overall form, and the 意见采纳情况 once published.
 * The commenter is never shown.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { formatChineseDate } from '../../domain/dates.js';
import { issueDetails } from '../../http/error-handler.js';
import { isAppError } from '../../http/errors.js';
import { idParam } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { html, type SafeHtml } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { issueChallenge, verifyChallenge } from '../platform/challenge.service.js';
import { publicApplyRate } from '../requests/requests.schemas.js';
import { commentSchema } from './solicitations.schemas.js';
import * as solicitations from './solicitations.service.js';

type PublicDraft = Awaited<ReturnType<typeof solicitations.getPublicDraft>>;
type FieldErrors = Record<string, string>;

const LIST_URL = '/hdjl/yjzj';
const crumbs = (title?: string) => [
  { label: '首页', href: '/' }, { label: '互动交流', href: '/hdjl' },
  ...(title ? [{ label: '意见征集', href: LIST_URL }, { label: title }] : [{ label: '意见征集' }]),
];

const period = (d: { opensOn: string | null; endsOn: string | null }) =>
  d.opensOn && d.endsOn ? `${formatChineseDate(d.opensOn)}至${formatChineseDate(d.endsOn)}` : '';

interface FormState {
  /** Which form the values and errors belong to: an article's id, or 'overall'. */
  target: string;
  values: Record<string, string>;
  errors: FieldErrors;
  message?: string;
}

function commentForm(ctx: AppContext, d: PublicDraft, target: string, legend: string, state?: FormState): SafeHtml {
  const mine = state?.target === target ? state : undefined;
  const errors = mine?.errors ?? {};
  const values = mine?.values ?? {};
  const id = (name: string) => `f${target}-${name}`;
  const invalid = (name: string) => (errors[name] ? html` aria-invalid="true" aria-describedby="${id(name)}-e"` : '');
  const error = (name: string) => (errors[name] ? html`<p class="error" id="${id(name)}-e">${errors[name]}</p>` : '');
  const challenge = issueChallenge(ctx);
  return html`<form method="post" action="${LIST_URL}/${d.id}/comments#f${target}" id="f${target}" class="comment-form">
<fieldset><legend>${legend}</legend>
${mine?.message ? html`<div class="error" role="alert"><p>${mine.message}</p>${Object.keys(errors).length ? html`<ul class="field-errors">${Object.values(errors).map((e) => html`<li>${e}</li>`)}</ul>` : ''}</div>` : ''}
${target === 'overall' ? '' : html`<input type="hidden" name="articleId" value="${target}">`}
<div class="form-row"><label for="${id('body')}">意见内容（必填，5至5000字）</label><textarea id="${id('body')}" name="body" rows="4" required${invalid('body')}>${values.body ?? ''}</textarea>${error('body')}</div>
<div class="form-row"><label for="${id('name')}">姓名（选填，不公开）</label><input id="${id('name')}" name="commenterName" type="text" autocomplete="name" value="${values.commenterName ?? ''}"${invalid('commenterName')}>${error('commenterName')}</div>
<div class="form-row"><label for="${id('contact')}">联系方式（选填，不公开）</label><input id="${id('contact')}" name="commenterContact" type="text" autocomplete="tel" value="${values.commenterContact ?? ''}"${invalid('commenterContact')}>${error('commenterContact')}</div>
<input type="hidden" name="challengeId" value="${challenge.challengeId}">
<div class="form-row"><label for="${id('answer')}">验证问题：${challenge.question}</label><input id="${id('answer')}" name="challengeAnswer" type="text" autocomplete="off"${invalid('challenge')}>${error('challenge')}</div>
<p><button type="submit">提交意见</button></p>
</fieldset>
</form>`;
}

function commentList(comments: PublicDraft['comments']): SafeHtml {
  if (!comments.length) return html``;
  return html`<ul class="comments">${comments.map((c) => html`<li><p>${c.body}</p><p class="meta">${formatChineseDate(c.receivedOn)}</p></li>`)}</ul>`;
}

function draftPage(ctx: AppContext, d: PublicDraft, state?: FormState, sent?: boolean): SafeHtml {
  const commentsOn = (articleId: number | null) => d.comments.filter((c) => c.articleId === articleId);
  const articleName = (articleId: number | null) => {
    const a = d.articles.find((x) => x.id === articleId);
    return a ? solicitations.articleLabel(a) : '总体';
  };
  return html`<h1>${d.title}</h1>
<dl class="meta">
<dt>起草机关</dt><dd>${d.orgName}</dd>
<dt>草案类型</dt><dd>${d.kindLabel}</dd>
<dt>征求意见期</dt><dd>${period(d)}（${d.periodLength}${d.periodUnitLabel}）</dd>
<dt>状态</dt><dd>${d.statusLabel}</dd>
</dl>
${d.accepting ? html`<p class="notice">征求意见截止日期：<strong>${d.endsOn ? formatChineseDate(d.endsOn) : ''}</strong>。${d.moderated ? '您提交的意见经审核后公开；' : ''}姓名和联系方式不会公开。</p>`
    : html`<p class="notice">征求意见已于${d.endsOn ? formatChineseDate(d.endsOn) : ''}截止，不再接收意见。</p>`}
${d.shortenedReason ? html`<p>征求意见期限短于一般期限的理由：${d.shortenedReason}</p>` : ''}
${sent ? html`<p class="notice" role="status" id="sent">您的意见已提交，感谢您的参与。${d.moderated ? '意见经审核后在本页公开。' : ''}</p>` : ''}
${d.explanation ? html`<h2>起草说明</h2>${d.explanation.split(/\n+/).map((p) => html`<p>${p}</p>`)}` : ''}
<h2>草案条文</h2>
${d.articles.map((a) => html`<section class="article" aria-labelledby="a${a.id}">
<h3 id="a${a.id}">${solicitations.articleLabel(a)}</h3>
<p>${a.text}</p>
${commentsOn(a.id).length ? html`<h4>对本条的意见（${commentsOn(a.id).length}条）</h4>${commentList(commentsOn(a.id))}` : ''}
${d.accepting ? html`<details${state?.target === String(a.id) ? html` open` : ''}><summary>对${solicitations.articleLabel(a)}提意见</summary>${commentForm(ctx, d, String(a.id), `对${solicitations.articleLabel(a)}的意见`, state)}</details>` : ''}
</section>`)}
<h2>总体意见</h2>
${commentsOn(null).length ? commentList(commentsOn(null)) : html`<p>暂无公开的总体意见。</p>`}
${d.accepting ? commentForm(ctx, d, 'overall', '对草案的总体意见', state) : ''}
<h2>意见统计</h2>
<table><caption>本次征求意见收到的意见</caption><tbody>
<tr><th scope="row">收到意见</th><td>${d.statistics.received}条</td></tr>
<tr><th scope="row">公开的意见</th><td>${d.statistics.approved}条</td></tr>
${d.feedback ? html`<tr><th scope="row">采纳</th><td>${d.statistics.adopted}条</td></tr><tr><th scope="row">部分采纳</th><td>${d.statistics.partlyAdopted}条</td></tr><tr><th scope="row">不予采纳</th><td>${d.statistics.notAdopted}条</td></tr>` : ''}
</tbody></table>
${d.feedback ? html`<h2 id="feedback">意见采纳情况</h2>
<p class="meta">公布日期：${d.feedbackPublishedOn ? formatChineseDate(d.feedbackPublishedOn) : ''}</p>
${d.feedbackSummary ? d.feedbackSummary.split(/\n+/).map((p) => html`<p>${p}</p>`) : ''}
${d.feedback.length ? html`<table><caption>意见采纳情况</caption><thead><tr><th scope="col">序号</th><th scope="col">针对条文</th><th scope="col">意见概述</th><th scope="col">意见数</th><th scope="col">采纳情况</th><th scope="col">理由</th></tr></thead><tbody>
${d.feedback.map((g) => html`<tr><td>${g.seq}</td><td>${articleName(g.articleId)}</td><td>${g.summary}</td><td>${g.commentCount}</td><td>${g.decisionLabel}</td><td>${g.reason}</td></tr>`)}
</tbody></table>` : ''}` : d.status === 'closed' ? html`<p>意见采纳情况整理后将在本页公布。</p>` : ''}
${d.finalDocument ? html`<p>正式文件已发布：<a href="${d.finalDocument.url}">${d.finalDocument.title}</a></p>` : ''}`;
}

/** The footer: 意见征集 per body and year, as the annual report's narrative quotes it. */
function yearlyTable(rows: Awaited<ReturnType<typeof solicitations.solicitationYearlyFigures>>): SafeHtml {
  return html`<section class="solicitation-figures" aria-labelledby="yjzj-figures-h">
<h2 id="yjzj-figures-h">意见征集情况统计</h2>
${rows.length ? html`<table><caption>各机关历年意见征集情况（按征求意见开始日期所在年度）</caption>
<thead><tr><th scope="col">年度</th><th scope="col">机关</th><th scope="col">征求意见草案（件）</th><th scope="col">收到意见（条）</th><th scope="col">采纳（条）</th><th scope="col">部分采纳（条）</th><th scope="col">采纳率</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.year}年</td><td>${r.orgName}</td><td>${r.drafts}</td><td>${r.comments}</td><td>${r.adopted}</td><td>${r.partlyAdopted}</td><td>${r.adoptedRate}%</td></tr>`)}</tbody>
</table>
<p class="meta">采纳率＝（采纳＋部分采纳）÷收到意见×100%；采纳情况以已公布的意见采纳情况为准。</p>` : html`<p>近年暂无意见征集。</p>`}
</section>`;
}

export async function solicitationPages(app: App, ctx: AppContext) {
  app.get(LIST_URL, {
    config: { auth: 'public' },
    schema: { hide: true, querystring: z.object({ state: z.enum(['open', 'closed']).default('open'), page: z.coerce.number().int().min(1).max(10000).default(1) }) },
  }, async (request, reply) => {
    const { state, page } = request.query;
    const [list, figures] = await Promise.all([solicitations.listPublicDrafts(ctx, state === 'open', page), solicitations.solicitationYearlyFigures(ctx)]);
    const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
    const pageHref = (p: number) => `${LIST_URL}?state=${state}&page=${p}`;
    return sendPage(request, reply, {
      title: '意见征集',
      breadcrumbs: crumbs(),
      body: html`<h1>意见征集</h1>
<p>规章、重大行政决策草案征求意见一般不少于30日，行政规范性文件草案一般不少于7个工作日。征求意见结束后，在各草案页面公布意见采纳情况。</p>
<nav class="tabs" aria-label="征集状态"><ul>
<li>${state === 'open' ? html`<strong aria-current="page">正在征集</strong>` : html`<a href="${LIST_URL}?state=open">正在征集</a>`}</li>
<li>${state === 'closed' ? html`<strong aria-current="page">已结束</strong>` : html`<a href="${LIST_URL}?state=closed">已结束</a>`}</li>
</ul></nav>
${list.items.length ? html`<ul class="drafts">${list.items.map((d) => html`<li><h2><a href="${d.url}">${d.title}</a></h2>
<p class="meta">${d.orgName}　${d.kindLabel}　征求意见期：${period(d)}　${d.statusLabel}</p></li>`)}</ul>`
    : html`<p>${state === 'open' ? '目前没有正在征求意见的草案。' : '暂无已结束的意见征集。'}</p>`}
${pages > 1 ? html`<nav class="pager" aria-label="分页"><p>${page > 1 ? html`<a href="${pageHref(page - 1)}" rel="prev">上一页</a>　` : ''}第${page}页／共${pages}页${page < pages ? html`　<a href="${pageHref(page + 1)}" rel="next">下一页</a>` : ''}</p></nav>` : ''}
${yearlyTable(figures)}`,
    });
  });

  const show = async (request: FastifyRequest, reply: FastifyReply, id: number, state?: FormState, sent?: boolean) => {
    const d = await solicitations.getPublicDraft(ctx, id);
    return sendPage(request, reply, { title: d.title, breadcrumbs: crumbs(d.title), body: draftPage(ctx, d, state, sent) });
  };

  app.get(`${LIST_URL}/:id`, {
    config: { auth: 'public' },
    schema: { hide: true, params: idParam, querystring: z.object({ sent: z.string().max(2).optional() }) },
  }, async (request, reply) => show(request, reply, request.params.id, undefined, request.query.sent === '1'));

  app.post(`${LIST_URL}/:id/comments`, {
    config: { auth: 'public', rateLimit: publicApplyRate(ctx.config.publicFormRateLimit) },
    schema: { hide: true, params: idParam, body: z.record(z.string(), z.string()) },
  }, async (request, reply) => {
    const id = request.params.id;
    const v = request.body;
    const target = v.articleId ? v.articleId : 'overall';
    const input = {
      articleId: v.articleId ? Number(v.articleId) : null, body: v.body ?? '', commenterName: v.commenterName || undefined,
      commenterContact: v.commenterContact || undefined, challenge: { id: v.challengeId ?? '', answer: v.challengeAnswer ?? '' },
    };
    const parsed = commentSchema.safeParse(input);
    if (!parsed.success) {
      reply.code(400);
      const errors: FieldErrors = {};
      for (const d of issueDetails(parsed.error.issues, input)) errors[d.path?.split('.')[0] ?? 'form'] ??= d.message;
      return show(request, reply, id, { target, values: v, errors, message: '提交未成功，请修改以下内容：' });
    }
    try {
      await verifyChallenge(ctx, parsed.data.challenge);
      const { challenge: _c, channel: _ch, receivedOn: _r, ...comment } = parsed.data;
      await solicitations.submitComment(ctx, null, id, comment);
      // The fragment points at the notice (a browser would otherwise keep the form's fragment across the redirect).
      return reply.redirect(`${LIST_URL}/${id}?sent=1#sent`, 303);
    } catch (error) {
      if (!isAppError(error) || error.code === 'SOLICITATION_NOT_FOUND') throw error;
      reply.code(error.status);
      const errors: FieldErrors = {};
      for (const d of error.details ?? []) if (d.path) errors[d.path.split('.')[0]] ??= d.message;
      return show(request, reply, id, { target, values: v, errors, message: error.message });
    }
  });
}
