/** The statistics page: charts as server-rendered SVG, each with its numbers as a table. */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import type { App } from '../../http/types.js';
import { formatChineseDate } from '../../domain/dates.js';
import { html, raw, SafeHtml } from '../../http/views/html.js';
import { sendCachedPage } from '../../http/views/placeholder.js';
import { barChartSvg } from '../../lib/charts.js';
import * as reports from './reports.service.js';
import { statistics, type Statistics } from './statistics.service.js';

/** A chart and its table, or one sentence when there is nothing to draw (never an empty chart). */
function chartWithTable(id: string, title: string, rows: { label: string; count: number }[], empty: string, horizontal = false): SafeHtml {
  if (!rows.some((r) => r.count > 0)) return html`<section class="stat-block" aria-labelledby="${id}"><h3 id="${id}">${title}</h3><p class="empty">${empty}</p></section>`;
  return html`<figure class="chart" aria-labelledby="${id}">
<figcaption id="${id}">${title}</figcaption>
${raw(barChartSvg(title, rows.map((r) => r.label), rows.map((r) => r.count), { horizontal, height: horizontal ? Math.max(160, rows.length * 28 + 60) : 260 }))}
<table><thead><tr><th scope="col">项目</th><th scope="col">数量</th></tr></thead><tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.count}</td></tr>`)}</tbody></table>
</figure>`;
}

function requestFigures(r: Statistics['requests']): SafeHtml {
  if (!r.received && !r.carriedIn && !r.completed) return html`<p class="empty">本年没有新收、上年结转或办结的政府信息公开申请。</p>`;
  return html`<table class="figures"><caption>申请数量（与年度报告第三部分一致，含纸质台账导入的申请）</caption>
<thead><tr><th scope="col">项目</th><th scope="col">件数</th></tr></thead>
<tbody>
<tr><th scope="row">本年新收</th><td>${r.received}</td></tr>
<tr><th scope="row">上年结转</th><td>${r.carriedIn}</td></tr>
<tr><th scope="row">本年办结</th><td>${r.completed}</td></tr>
<tr><th scope="row">结转下年度继续办理</th><td>${r.carriedOut}</td></tr>
</tbody></table>`;
}

function timing(s: Statistics): SafeHtml {
  const r = s.requests;
  const overdue = html`<p>截至${formatChineseDate(s.asOf)}，${s.year}年底前收到、仍在办理且已超过答复期限的申请${r.overdueCount ? html`共<strong>${r.overdueCount}</strong>件。` : '0件。'}</p>`;
  if (!r.handledInPlatform) {
    return html`<p class="empty">本年没有在平台内办结的申请，暂无办理时间和按期办结率数据${r.completedFromLedger ? `（本年办结的${r.completedFromLedger}件均为纸质台账导入，台账不记录办理过程）` : ''}。</p>${overdue}`;
  }
  return html`<table class="figures"><caption>办理时效（本年办结${r.completed}件中，在平台内办理的${r.handledInPlatform}件）</caption>
<thead><tr><th scope="col">项目</th><th scope="col">数值</th></tr></thead>
<tbody>
<tr><th scope="row">平均办理时间</th><td>${r.averageWorkingDays}个工作日</td></tr>
<tr><th scope="row">最长办理时间</th><td>${r.maxWorkingDays}个工作日</td></tr>
<tr><th scope="row">按期办结率</th><td>${r.onTimeRate}%</td></tr>
</tbody></table>${overdue}`;
}

const params = z.object({ code: z.string().max(64), year: z.coerce.number().int().min(1900).max(2200) });

export async function statisticsRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/orgs/:code/statistics/:year', {
    config: { auth: ['disclosureOffice', 'admin', 'supervisor'], rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { tags: ['年度报告'], summary: '统计数据（含逾期申请清单，最多列出100件）', params, querystring: z.object({ rollup: z.enum(['true', 'false']).default('false') }) },
  }, async (request) => {
    actorOf(request);
    return statistics(ctx, request.params.code, request.params.year, request.query.rollup === 'true');
  });

  // Public and cached: the figures are computed once per body, year and kind (statistics.service),
  // the page once per address; the limit per address keeps a script from rendering it in a loop.
  app.get('/xxgk/stats/:code/:year', {
    config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { hide: true, params, querystring: z.object({ rollup: z.enum(['0', '1']).default('0') }) },
  }, async (request, reply) => {
    const s = await statistics(ctx, request.params.code, request.params.year, request.query.rollup === '1');
    return sendCachedPage(ctx, request, reply, async () => {
      const report = await reports.publishedReportLink(ctx, s.orgCode, s.year);
      const title = `${s.orgName}${s.year}年政务公开统计${s.rollup ? '（含下级机关）' : ''}`;
      const r = s.requests;
      return {
        title,
        breadcrumbs: [{ label: '首页', href: '/' }, { label: '政府信息公开', href: '/xxgk' }, { label: '年度报告', href: '/xxgk/reports' }, { label: '统计' }],
        head: html`<link rel="stylesheet" href="/static/reports.css">`,
        body: html`<h1>${title}</h1>
<nav class="related" aria-label="相关页面"><ul>
${report ? html`<li><a href="${report.href}">${report.title}</a></li>` : html`<li>${s.orgName}${s.year}年政府信息公开工作年度报告尚未发布。</li>`}
${s.hasSubBodies ? html`<li><a href="/xxgk/stats/${s.orgCode}/${s.year}${s.rollup ? '' : '?rollup=1'}">${s.rollup ? '只看本机关的统计' : '含下级机关的统计'}</a></li>` : ''}
<li><a href="/xxgk/reports">全部年度报告</a></li>
</ul></nav>
<h2>主动公开</h2>
${s.items.total ? html`<p>本年主动公开政府信息${s.items.total}条。</p>
${chartWithTable('c-month', '各月发布信息数', s.items.byMonth.map((m) => ({ label: `${m.month}月`, count: m.count })), '')}
${chartWithTable('c-category', '按信息类别', s.items.byCategory.map((c) => ({ label: c.category, count: c.count })), '', true)}` : html`<p class="empty">本年暂无主动公开的政府信息。</p>`}
<h2>依申请公开</h2>
${requestFigures(r)}
${r.received || r.carriedIn || r.completed ? html`
${chartWithTable('c-channel', '本年新收申请的渠道', r.byChannel, '本年暂无新收申请。', true)}
${chartWithTable('c-applicant', '本年新收申请的申请人类型', r.byApplicantType, '本年暂无新收申请。', true)}
${chartWithTable('c-outcome', `本年办结申请的办理结果（共${r.completed}件）`, r.byOutcome, '本年暂无办结的申请。', true)}` : ''}
<h2>办理时效</h2>
${timing(s)}
<h2>互动交流</h2>
${chartWithTable('c-message', '来信渠道', s.messages.byChannel, '本年暂无来信。', true)}`,
      };
    });
  });
}
