/**
 * The public monthly statistics of 政务服务 (/zwfw/stats?org=…&month=YYYY-MM): the month's figures of a
 * body and the bodies below it, by body, centre, window and item, and the year's months; charts as
 * server-rendered ECharts SVG, every chart with its figures as a table.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { todayInChina } from '../../domain/dates.js';
import { html, raw, type SafeHtml } from '../../http/views/html.js';
import { sendCachedPage } from '../../http/views/placeholder.js';
import type { App } from '../../http/types.js';
import { barChartSvg } from '../../lib/charts.js';
import { listOrgs } from '../orgs/orgs.repository.js';
import { monthlyStatistics, type FigureRow } from './statistics.service.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请按 YYYY-MM 填写月份');
const tags = ['政务服务'];

function figureTable(caption: string, head: string, rows: FigureRow[]): SafeHtml {
  if (!rows.length) return html`<p class="empty">${caption}：本月没有受理的办件。</p>`;
  return html`<table class="data-table"><caption>${caption}</caption>
<thead><tr><th scope="col">${head}</th><th scope="col">受理</th><th scope="col">办结</th><th scope="col">办结率</th><th scope="col">按时办结</th><th scope="col">超期</th><th scope="col">评价数</th><th scope="col">满意率</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.accepted}</td><td>${r.completed}</td><td>${r.completionRate}%</td><td>${r.onTime}</td><td>${r.overdue}</td><td>${r.rated}</td><td>${r.rated ? `${r.satisfactionRate}%` : '—'}</td></tr>`)}</tbody></table>`;
}

function chart(id: string, title: string, rows: FigureRow[], horizontal: boolean): SafeHtml {
  if (!rows.some((r) => r.accepted > 0)) return html``;
  const top = rows.slice(0, 15);
  return html`<figure class="chart" aria-labelledby="${id}"><figcaption id="${id}">${title}</figcaption>
${raw(barChartSvg(title, top.map((r) => r.label), top.map((r) => r.accepted), { horizontal, width: 640, height: horizontal ? Math.max(160, top.length * 28 + 60) : 260 }))}</figure>`;
}

export async function serviceStatisticsPages(app: App, ctx: AppContext) {
  app.get('/api/v1/orgs/:code/service-statistics/monthly', {
    config: { auth: 'public' },
    schema: { tags, summary: '政务服务月度统计：按机关、中心、窗口、事项和月份（含下级机关）', params: z.object({ code: z.string().trim().min(1).max(64) }), querystring: z.object({ month, rollup: z.enum(['true', 'false']).optional().transform((v) => v !== 'false') }) },
  }, async (request) => monthlyStatistics(ctx, request.params.code, request.query.month, request.query.rollup));

  app.get('/zwfw/stats', {
    config: { auth: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { hide: true, querystring: z.object({ org: z.string().trim().max(64).optional(), month: month.optional() }) },
  }, async (request, reply) => {
    const today = todayInChina(ctx.now());
    const m = request.query.month ?? today.slice(0, 7);
    const orgs = (await listOrgs(ctx.db)).filter((o) => o.type !== 'office');
    const orgCode = request.query.org ?? orgs.find((o) => o.parentId === null)?.code ?? orgs[0]?.code ?? '';
    const s = await monthlyStatistics(ctx, orgCode, m, true);
    return sendCachedPage(ctx, request, reply, async () => {
      const [y, mm] = m.split('-');
      const title = `${s.orgName}${y}年${Number(mm)}月政务服务统计`;
      const t = s.total;
      return {
        title,
        breadcrumbs: [{ label: '首页', href: '/' }, { label: '政务服务', href: '/zwfw' }, { label: '政务服务统计' }],
        head: html`<link rel="stylesheet" href="/static/services.css"><link rel="stylesheet" href="/static/reports.css">`,
        body: html`<h1>${title}</h1>
<form method="get" action="/zwfw/stats" class="filters"><div class="form-row"><label for="f-org">机关</label><select id="f-org" name="org">${orgs.map((o) => html`<option value="${o.code}"${o.code === s.orgCode ? html` selected` : ''}>${o.name}</option>`)}</select></div>
<div class="form-row"><label for="f-month">月份（年-月，如 2025-09）</label><input id="f-month" name="month" type="text" inputmode="numeric" pattern="[0-9]{4}-[0-9]{2}" title="按“年-月”填写，如 2025-09" maxlength="7" size="8" value="${m}"></div><p><button type="submit">查看</button></p></form>
<p>统计本月受理的办件（含下级机关）：办结率为办结件数占受理件数的比例，满意率为“基本满意”及以上的评价占全部评价的比例，均保留两位小数；超期为办结晚于承诺时限，或仍在办理且已过承诺时限（截至${today}）。</p>
<table class="figures"><caption>本月合计</caption><thead><tr><th scope="col">项目</th><th scope="col">数值</th></tr></thead><tbody>
<tr><th scope="row">受理</th><td>${t.accepted}件</td></tr><tr><th scope="row">办结</th><td>${t.completed}件</td></tr><tr><th scope="row">办结率</th><td>${t.completionRate}%</td></tr>
<tr><th scope="row">按时办结</th><td>${t.onTime}件</td></tr><tr><th scope="row">超期</th><td>${t.overdue}件</td></tr>
<tr><th scope="row">好差评</th><td>${t.ratings.count}条${t.ratings.count ? `，满意率${t.ratings.satisfactionRate}%` : ''}</td></tr></tbody></table>
${chart('c-month', `${y}年各月受理件数`, s.byMonth.map((r) => ({ ...r, label: `${Number(r.key.slice(5))}月` })), false)}
${figureTable(`${y}年各月`, '月份', s.byMonth.map((r) => ({ ...r, label: `${Number(r.key.slice(5))}月` })))}
${chart('c-org', '各机关受理件数', s.byOrg, true)}
${figureTable('按机关', '机关', s.byOrg)}
${figureTable('按服务中心', '服务中心', s.byCentre)}
${figureTable('按窗口', '窗口', s.byWindow)}
${figureTable('按事项', '事项', s.byItem)}
<p><a href="/zwfw/ratings">好差评公示</a></p>`,
      };
    });
  });
}
