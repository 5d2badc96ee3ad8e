/** 好差评: rating API, rectifications, the public summary, and the portal's rating page (no JavaScript). */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { todayInChina } from '../../domain/dates.js';
import { RATING_LABELS } from '../../domain/services/rates.js';
import { actorOf } from '../../http/auth.js';
import { isAppError } from '../../http/errors.js';
import { issueDetails } from '../../http/error-handler.js';
import { isoDate } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { html } from '../../http/views/html.js';
import { sendCachedPage, sendPage } from '../../http/views/placeholder.js';
import * as ratings from './ratings.service.js';

const tags = ['政务服务'];
const STAFF = ['serviceClerk', 'serviceManager'] as const;
const READERS = ['serviceClerk', 'serviceManager', 'admin', 'supervisor'] as const;
const level = z.coerce.number().int().min(1).max(5).describe('评价等级：5 非常满意 / 4 满意 / 3 基本满意 / 2 不满意 / 1 非常不满意');
const note = z.string().trim().min(1).max(2000);
const onlineRating = z.object({ caseNo: z.string().trim().min(1).max(64), queryPassword: z.string().trim().min(1).max(64), level, comment: z.string().trim().max(500).optional() });
const HEAD = html`<link rel="stylesheet" href="/static/services.css">`;
const crumbs = (label: string) => [{ label: '首页', href: '/' }, { label: '政务服务', href: '/zwfw' }, { label }];

export async function ratingRoutes(app: App, ctx: AppContext) {
  app.post('/api/v1/service-ratings', {
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: '网上评价办件（办件编号和查询密码；每件只能评价一次）', body: onlineRating },
  }, async (request, reply) => {
    const { caseNo, queryPassword, ...input } = request.body;
    return reply.code(201).send(await ratings.rateOnline(ctx, caseNo, queryPassword, input));
  });

  app.post('/api/v1/service-cases/:caseNo/rating', {
    config: { auth: [...STAFF] },
    schema: { tags, summary: '登记现场评价', params: z.object({ caseNo: z.string().trim().min(1).max(64) }), body: z.object({ level, comment: z.string().trim().max(500).optional() }) },
  }, async (request, reply) => reply.code(201).send(await ratings.rateOnSite(ctx, actorOf(request), request.params.caseNo, request.body)));

  app.get('/api/v1/service-rectifications', {
    config: { auth: [...READERS] },
    schema: { tags, summary: '差评整改（核实、整改、回访、申诉）', querystring: z.object({ open: z.enum(['true', 'false']).optional().transform((v) => v === 'true') }) },
  }, async (request) => ratings.listRectificationsFor(ctx, actorOf(request), request.query));

  app.post('/api/v1/service-rectifications/:id/actions', {
    config: { auth: [...STAFF] },
    schema: {
      tags, summary: '办理差评整改：verify 核实、rectify 整改、callback 回访办结、appeal 申诉、decideAppeal 中心复核申诉',
      params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
      body: z.discriminatedUnion('action', [
        z.object({ action: z.literal('verify'), justified: z.boolean().describe('差评是否属实'), note }),
        z.object({ action: z.literal('rectify'), note }),
        z.object({ action: z.literal('callback'), note }),
        z.object({ action: z.literal('appeal'), note }),
        z.object({ action: z.literal('decideAppeal'), upheld: z.boolean().describe('申诉是否成立'), note }),
      ]),
    },
  }, async (request) => ratings.actOnRectification(ctx, actorOf(request), request.params.id, request.body));

  app.get('/api/v1/service-ratings/summary', {
    config: { auth: 'public' },
    schema: { tags, summary: '好差评公示：按窗口和事项', querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }) },
  }, async (request) => {
    const today = todayInChina(ctx.now());
    return ratings.ratingsSummary(ctx, request.query.from ?? `${today.slice(0, 4)}-01-01`, request.query.to ?? today);
  });

  // ---- portal
  const rateForm = (values: Record<string, string> = {}, message?: string) => html`<form method="post" action="/zwfw/rate">
${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<div class="form-row"><label for="f-caseNo">办件编号</label><input id="f-caseNo" name="caseNo" type="text" required autocomplete="off" value="${values.caseNo ?? ''}"></div>
<div class="form-row"><label for="f-queryPassword">查询密码</label><input id="f-queryPassword" name="queryPassword" type="password" required autocomplete="current-password"></div>
<fieldset class="rating-levels"><legend>您对本次服务的评价</legend>
${[5, 4, 3, 2, 1].map((l) => html`<p><input id="f-level-${l}" name="level" type="radio" value="${l}"${values.level === String(l) ? html` checked` : ''} required> <label for="f-level-${l}">${RATING_LABELS[l as 1 | 2 | 3 | 4 | 5]}</label></p>`)}
</fieldset>
<div class="form-row"><label for="f-comment">意见和建议（选填）</label><textarea id="f-comment" name="comment" rows="4" maxlength="500">${values.comment ?? ''}</textarea></div>
<p><button type="submit">提交评价</button></p></form>`;

  app.get('/zwfw/rate', { config: { auth: 'public' }, schema: { hide: true, querystring: z.object({ caseNo: z.string().max(64).optional() }) } }, async (request, reply) =>
    sendPage(request, reply, {
      title: '办件评价', breadcrumbs: crumbs('办件评价'), head: HEAD,
      body: html`<h1>办件评价（好差评）</h1><p>每件办件可评价一次。评价“不满意”或“非常不满意”的，我们将与您核实，属实的在15个工作日内整改并回访。</p>${rateForm({ caseNo: request.query.caseNo ?? '' })}`,
    }));

  app.post('/zwfw/rate', {
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true },
  }, async (request, reply) => {
    const values = Object.fromEntries(Object.entries((request.body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const parsed = onlineRating.safeParse(values);
    const page = (message: string, status: number) => {
      reply.code(status);
      return sendPage(request, reply, { title: '办件评价', breadcrumbs: crumbs('办件评价'), head: HEAD, body: html`<h1>办件评价（好差评）</h1>${rateForm(values, message)}` });
    };
    if (!parsed.success) return page(issueDetails(parsed.error.issues, values).map((d) => d.message).join(''), 400);
    try {
      const { caseNo, queryPassword, ...input } = parsed.data;
      const done = await ratings.rateOnline(ctx, caseNo, queryPassword, input);
      return sendPage(request, reply, {
        title: '评价已提交', breadcrumbs: crumbs('办件评价'), head: HEAD,
        body: html`<h1>感谢您的评价</h1><p>办件 ${done.caseNo} 的评价“${done.levelLabel}”已记录。</p>
${done.rectification ? html`<p>我们将与您核实情况，属实的将于${done.rectification.dueOn}前完成整改并回访。</p>` : ''}
<p><a href="/zwfw/ratings">查看好差评公示</a></p>`,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      return page(error.message, error.status);
    }
  });

  app.get('/zwfw/ratings', { config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } }, schema: { hide: true } }, async (request, reply) =>
    sendCachedPage(ctx, request, reply, async () => {
      const today = todayInChina(ctx.now());
      const s = await ratings.ratingsSummary(ctx, `${today.slice(0, 4)}-01-01`, today);
      const table = (caption: string, rows: typeof s.byWindow) => rows.length ? html`<table class="data-table"><caption>${caption}</caption>
<thead><tr><th scope="col">名称</th><th scope="col">评价数</th>${[5, 4, 3, 2, 1].map((l) => html`<th scope="col">${RATING_LABELS[l as 1 | 2 | 3 | 4 | 5]}</th>`)}<th scope="col">满意率</th><th scope="col">差评已整改</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.label}</td><td>${r.count}</td>${(['5', '4', '3', '2', '1'] as const).map((l) => html`<td>${r.byLevel[l]}</td>`)}<td>${r.satisfactionRate}%</td><td>${r.rectified}</td></tr>`)}</tbody></table>` : html`<p class="empty">${caption}：暂无评价。</p>`;
      return {
        title: '好差评公示', breadcrumbs: crumbs('好差评公示'), head: HEAD,
        body: html`<h1>好差评公示（${today.slice(0, 4)}年）</h1><p>满意率为“基本满意”及以上的评价占全部评价的比例；经申诉复核不属实的评价不计入。</p>
${table('各窗口的评价', s.byWindow)}${table('各事项的评价', s.byItem)}<p><a href="/zwfw/rate">评价办件</a></p>`,
      };
    }));
}
