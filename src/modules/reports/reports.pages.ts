/**
 * Published annual reports on the portal: accessible tables with real header cells,
 * each of sections 二、三、四 one table, as in the national format.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/types.js';
import { html, SafeHtml } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { REPORT_SPEC } from '../../domain/annual-report.js';
import { reportTables, ReportTable } from './report-tables.js';
import * as reports from './reports.service.js';

function renderTable(table: ReportTable, columnCount: number): SafeHtml {
  return html`<table class="report-table" id="table-${table.key}">
<caption>${table.caption}</caption>
${table.blocks.map((block) => html`<tbody>
${block.header.map((row) => html`<tr>${row.map((h) => html`<th scope="col"${h.colspan ? html` colspan="${h.colspan}"` : ''}${h.rowspan ? html` rowspan="${h.rowspan}"` : ''}>${h.text}</th>`)}</tr>`)}
${block.rows.map((row) => row.heading
    ? html`<tr><th scope="rowgroup" colspan="${columnCount}">${row.heading}</th></tr>`
    : html`<tr>${row.label !== undefined ? html`<th scope="row">${row.label}</th>` : ''}${(row.cells ?? []).map((c) => html`<td>${c}</td>`)}</tr>`)}
</tbody>`)}
</table>`;
}

function paragraphs(text: string) {
  return text.split(/\n+/).filter(Boolean).map((p) => html`<p>${p}</p>`);
}

export async function reportsPages(app: App, ctx: AppContext) {
  app.get('/xxgk/reports', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const items = (await reports.listPublishedReports(ctx)).filter((r) => !r.rollup);
    const latest = new Map<string, (typeof items)[number]>();
    for (const r of items) if (!latest.has(`${r.orgCode}/${r.year}`)) latest.set(`${r.orgCode}/${r.year}`, r);
    return sendPage(request, reply, {
      title: '政府信息公开工作年度报告',
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '政府信息公开', href: '/xxgk' }, { label: '年度报告' }],
      body: html`<h1>政府信息公开工作年度报告</h1>
${latest.size ? html`<ul class="link-list">${[...latest.values()].map((r) => html`<li><a href="/xxgk/reports/${r.orgCode}/${r.year}">${r.orgName}${r.year}年政府信息公开工作年度报告</a></li>`)}</ul>` : html`<p>暂无已发布的年度报告。</p>`}`,
    });
  });

  app.get('/xxgk/reports/:code/:year', {
    config: { auth: 'public' },
    schema: { hide: true, params: z.object({ code: z.string().max(64), year: z.coerce.number().int().min(1900).max(2200) }) },
  }, async (request, reply) => {
    const report = await reports.getReport(ctx, null, request.params.code, request.params.year, { draft: false, rollup: false });
    const [proactive, requestsTable, review] = reportTables(report);
    const title = `${report.orgName}${report.year}年政府信息公开工作年度报告`;
    const s = REPORT_SPEC.sections;
    return sendPage(request, reply, {
      title,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '年度报告', href: '/xxgk/reports' }, { label: title }],
      body: html`<article class="annual-report">
<h1>${title}</h1>
${report.version && report.version > 1 ? html`<p class="notice">本报告为更正后的第${report.version}版。更正说明：${report.note ?? ''}</p>` : ''}
<h2>${s[0].title}</h2>${paragraphs(report.sections.overview)}
<h2>${s[1].title}</h2>${renderTable(proactive, 4)}
${Object.keys(report.proactiveSources ?? {}).length ? html`<p class="hint">数据来源：${Object.entries(report.proactiveSources ?? {}).map(([k, v]) => `${({ 'licensing.decisions': '行政许可', 'penalties.decisions': '行政处罚', 'enforcement.decisions': '行政强制', 'fees.amountTenThousandYuan': '行政事业性收费' } as Record<string, string>)[k] ?? k}——${v}`).join('；')}。</p>` : ''}
<h2>${s[2].title}</h2>${renderTable(requestsTable, 8)}
<h2>${s[3].title}</h2>${renderTable(review, 15)}
<h2>${s[4].title}</h2>${paragraphs(report.sections.problems || '无。')}
<h2>${s[5].title}</h2>${paragraphs(report.sections.other || '无。')}
<p><a href="/api/v1/orgs/${report.orgCode}/annual-reports/${report.year}/export.pdf">下载 PDF</a>　<a href="/api/v1/orgs/${report.orgCode}/annual-reports/${report.year}/export.docx">下载 Word（DOCX）</a>　<a href="/api/v1/orgs/${report.orgCode}/annual-reports/${report.year}/export.xlsx">下载表格（XLSX）</a>　<a href="/api/v1/orgs/${report.orgCode}/annual-reports/${report.year}">数据（JSON）</a></p>
</article>`,
    });
  });
}
