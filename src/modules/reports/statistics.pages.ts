/** The statistics page: charts as server-rendered SVG, each with its numbers as a table. */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import type { App } from '../../http/types.js';
import { html, raw } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { barChartSvg } from '../../lib/charts.js';
import { statistics } from './statistics.service.js';

function chartWithTable(id: string, title: string, rows: { label: string; count: number }[], horizontal = false) {
  return html`<figure class="chart" aria-labelledby="${id}">
<figcaption id="${id}">${title}</figcaption>
${raw(barChartSvg(title, rows.map((r) => r.label), rows.map((r) => r.count), { horizontal, height: horizontal ? Math.max(160, rows.length * 28 + 60) : 260 }))}
<table><thead><tr><th scope="col">项目</th><th scope="col">数量</th></tr></thead><tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.count}</td></tr>`)}</tbody></table>
</figure>`;
}

const params = z.object({ code: z.string().max(64), year: z.coerce.number().int().min(2000).max(2200) });

export async function statisticsRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/orgs/:code/statistics/:year', {
    config: { auth: ['disclosureOffice', 'admin', 'supervisor'] },
    schema: { tags: ['年度报告'], summary: '统计数据（含逾期申请清单）', params, querystring: z.object({ rollup: z.enum(['true', 'false']).default('false') }) },
  }, async (request) => {
    actorOf(request);
    return statistics(ctx, request.params.code, request.params.year, request.query.rollup === 'true');
  });

  app.get('/xxgk/stats/:code/:year', {
    config: { auth: 'public' },
    schema: { hide: true, params, querystring: z.object({ rollup: z.enum(['0', '1']).default('0') }) },
  }, async (request, reply) => {
    const s = await statistics(ctx, request.params.code, request.params.year, request.query.rollup === '1');
    const title = `${s.orgName}${s.year}年政务公开统计${s.rollup ? '（含下级机关）' : ''}`;
    return sendPage(request, reply, {
      title,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '政府信息公开', href: '/xxgk' }, { label: '统计' }],
      body: html`<h1>${title}</h1>
<h2>主动公开</h2>
${chartWithTable('c-month', '各月发布信息数', s.items.byMonth.map((m) => ({ label: `${m.month}月`, count: m.count })))}
${chartWithTable('c-category', '按信息类别', s.items.byCategory.map((c) => ({ label: c.category, count: c.count })), true)}
<h2>依申请公开</h2>
${chartWithTable('c-channel', '申请渠道', s.requests.byChannel.map((c) => ({ label: c.label, count: c.count })), true)}
${chartWithTable('c-applicant', '申请人类型', s.requests.byApplicantType.map((c) => ({ label: c.label, count: c.count })), true)}
${chartWithTable('c-outcome', '办理结果', s.requests.byOutcome.map((c) => ({ label: c.label, count: c.count })), true)}
<h2>互动交流</h2>
${chartWithTable('c-consult', '咨询渠道', s.consultations.byChannel.map((c) => ({ label: c.label, count: c.count })), true)}
<h2>办理时效</h2>
<table><caption>办理时效（平台内办理的申请）</caption><tbody>
<tr><th scope="row">本年办结</th><td>${s.requests.handled}件</td></tr>
<tr><th scope="row">平均办理时间</th><td>${s.requests.averageWorkingDays ?? '—'}个工作日</td></tr>
<tr><th scope="row">最长办理时间</th><td>${s.requests.maxWorkingDays ?? '—'}个工作日</td></tr>
<tr><th scope="row">按期办结率</th><td>${s.requests.onTimeRate === null ? '—' : `${s.requests.onTimeRate}%`}</td></tr>
<tr><th scope="row">当前逾期未办结</th><td>${s.requests.overdue.length}件</td></tr>
</tbody></table>`,
    });
  });
}
