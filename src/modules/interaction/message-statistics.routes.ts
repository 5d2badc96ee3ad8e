/**
 * 来信办理情况: the API with the reply-time figures (beyond the contract's message-statistics) and the public
 * monthly page of each mailbox (/hdjl/xx/{orgCode}/{box}/stats?month=YYYY-MM): charts as server-rendered SVG,
 * each with its figures as a table, no JavaScript needed.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { todayInChina } from '../../domain/dates.js';
import { isAppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { html, raw, type SafeHtml } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { barChartSvg } from '../../lib/charts.js';
import { monthRange, replyStatistics, type ReplyFigures } from './message-statistics.service.js';
import { statisticsQuery } from './messages.schemas.js';
import { findMailbox } from './mailboxes.service.js';

const tags = ['互动交流'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function chart(id: string, title: string, rows: { label: string; count: number }[], empty: string, unit = '件', horizontal = false): SafeHtml {
  if (!rows.some((r) => r.count > 0)) return html`<section class="stat-block" aria-labelledby="${id}"><h3 id="${id}">${title}</h3><p class="empty">${empty}</p></section>`;
  return html`<figure class="chart" aria-labelledby="${id}">
<figcaption id="${id}">${title}</figcaption>
${raw(barChartSvg(title, rows.map((r) => r.label), rows.map((r) => r.count), { horizontal, height: horizontal ? Math.max(160, rows.length * 28 + 60) : 260 }))}
<table><thead><tr><th scope="col">项目</th><th scope="col">数量（${unit}）</th></tr></thead><tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.count}</td></tr>`)}</tbody></table>
</figure>`;
}

function figuresTable(caption: string, f: ReplyFigures): SafeHtml {
  return html`<table class="figures"><caption>${caption}</caption>
<thead><tr><th scope="col">项目</th><th scope="col">数值</th></tr></thead>
<tbody>
<tr><th scope="row">收到来信</th><td>${f.received}件</td></tr>
<tr><th scope="row">已答复</th><td>${f.replied}件</td></tr>
<tr><th scope="row">按期答复</th><td>${f.onTime}件</td></tr>
<tr><th scope="row">按期答复率</th><td>${f.onTimeRate}%</td></tr>
<tr><th scope="row">平均答复时间</th><td>${f.averageReplyDays === null ? '暂无答复' : `${f.averageReplyDays}个工作日`}</td></tr>
<tr><th scope="row">最长答复时间</th><td>${f.longestReplyDays === null ? '暂无答复' : `${f.longestReplyDays}个工作日`}</td></tr>
<tr><th scope="row">评价</th><td>${f.rated}件</td></tr>
<tr><th scope="row">满意率（满意和基本满意）</th><td>${f.satisfactionRate}%</td></tr>
</tbody></table>`;
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export async function messageStatisticsRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/orgs/:orgCode/message-reply-statistics', {
    config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: {
      tags, summary: '来信办理情况：答复用时（工作日）、按期答复率和满意率，按机关、信箱和期间，可含下级机关',
      params: z.object({ orgCode: z.string().trim().min(1).max(64) }),
      querystring: statisticsQuery.extend({ box: z.string().trim().min(1).max(40).optional() }),
    },
  }, async (request) => replyStatistics(ctx, request.params.orgCode, request.query));

  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    reply.code(404);
    return sendPage(request, reply, { title: '信箱不存在', breadcrumbs: [{ label: '首页', href: '/' }, { label: '互动交流', href: '/hdjl' }, { label: '信箱不存在' }], body: html`<h1>信箱不存在</h1><p><a href="/hdjl/xx">返回信箱列表</a></p>` });
  };

  app.get('/hdjl/xx/:orgCode/:box/stats', {
    config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { hide: true, params: z.object({ orgCode: z.string().max(64), box: z.string().max(40) }), querystring: z.object({ month: z.string().max(20).optional() }) },
  }, async (request, reply) => {
    const box = await findMailbox(ctx, request.params.orgCode, request.params.box).catch((e) => { if (isAppError(e)) return null; throw e; });
    if (!box) return notFound(request, reply);
    const thisMonth = todayInChina(ctx.now()).slice(0, 7);
    const asked = request.query.month ?? thisMonth;
    const bad = !MONTH.test(asked);
    const month = bad ? thisMonth : asked;
    if (bad) reply.code(400);
    const { from, to } = monthRange(month);
    const s = await replyStatistics(ctx, box.orgCode, { from, to, rollup: false, box: box.code });
    const f = s.totals;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const title = `${box.orgName}${box.name}${y}年${m}月来信办理情况`;
    const url = `${box.url}/stats`;
    const previous = shiftMonth(month, -1);
    const next = shiftMonth(month, 1);
    return sendPage(request, reply, {
      title,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '互动交流', href: '/hdjl' }, { label: `${box.orgName}${box.name}`, href: box.url }, { label: '来信办理情况' }],
      head: html`<link rel="stylesheet" href="/static/reports.css">`,
      body: html`<h1>${title}</h1>
${bad ? html`<p class="error" role="alert">月份应为“年-月”，如 ${thisMonth}；以下是本月的办理情况。</p>` : ''}
<nav class="related" aria-label="其他月份"><ul>
<li><a href="${url}?month=${previous}">上一月（${previous.replace('-', '年')}月）</a></li>
${next <= thisMonth ? html`<li><a href="${url}?month=${next}">下一月（${next.replace('-', '年')}月）</a></li>` : ''}
<li><a href="${box.url}">返回${box.name}</a></li>
</ul></nav>
<form method="get" action="${url}"><label for="s-month">选择月份</label> <input id="s-month" name="month" type="month" value="${month}" max="${thisMonth}"> <button type="submit">查看</button></form>
<p>按收到来信的日期统计${y}年${m}月（${from}至${to}）收到的来信；答复时间为收到来信次日起至答复之日的工作日数，收到当日不计。</p>
${figuresTable('办理情况', f)}
<h2>收到和答复</h2>
${chart('c-handled', '收到、答复和按期答复', [{ label: '收到来信', count: f.received }, { label: '已答复', count: f.replied }, { label: '按期答复', count: f.onTime }], '本月没有收到来信。')}
<h2>来信渠道</h2>
${chart('c-channels', '来信渠道', s.channels.map((c) => ({ label: c.label, count: c.count })), '本月没有收到来信。', '件', true)}
<h2>评价</h2>
${chart('c-ratings', '来信人评价', [{ label: '满意', count: f.satisfied }, { label: '基本满意', count: f.basicallySatisfied }, { label: '不满意', count: f.dissatisfied }], '本月收到的来信尚无评价。')}`,
    });
  });
}
