/**
 * Published annual reports on the portal: accessible tables with real header cells, each of
 * sections 二、三、四 one table on a regular grid, as in the national format. The console's
 * draft preview renders the same article (reports.routes.ts), so staff see what will be published.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { labelOf } from '../../domain/labels.js';
import type { App } from '../../http/types.js';
import { html, SafeHtml } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { REPORT_SPEC } from '../../domain/annual-report.js';
import { layoutTable, reportTables, reportTitle, sectionParagraphs, type PlacedCell, type ReportTable } from './report-tables.js';
import * as reports from './reports.service.js';
import type { AnnualReport } from './reports.service.js';

const SCOPE: Record<PlacedCell['kind'], string> = { columnHeader: 'col', groupHeader: 'colgroup', rowHeader: 'row', rowGroupHeader: 'rowgroup', data: '' };

function cellHtml(cell: PlacedCell): SafeHtml {
  const spans = html`${cell.colspan > 1 ? html` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? html` rowspan="${cell.rowspan}"` : ''}`;
  return cell.kind === 'data' ? html`<td class="num"${spans}>${cell.text}</td>` : html`<th scope="${SCOPE[cell.kind]}"${spans}>${cell.text}</th>`;
}

/** One table: the first block's headings in <thead>, every block's rows in a <tbody> of its own; it scrolls in its own box on a narrow screen. */
export function renderReportTable(table: ReportTable): SafeHtml {
  const grid = layoutTable(table);
  const row = (r: (typeof grid)[number]) => html`<tr>${r.slots.filter((s) => !s.continuation).map((s) => cellHtml(s.cell))}</tr>`;
  const head = grid.filter((r) => r.header && r.block === 0);
  return html`<section class="table-scroll" aria-labelledby="caption-${table.key}" tabindex="0">
<table class="report-table report-table-${table.key}" id="table-${table.key}">
<caption id="caption-${table.key}">${table.caption}</caption>
<colgroup>${table.widths.map(() => html`<col>`)}</colgroup>
<thead>${head.map(row)}</thead>
${table.blocks.map((_, b) => html`<tbody>${grid.filter((r) => r.block === b && !head.includes(r)).map(row)}</tbody>`)}
</table>
</section>`;
}

function paragraphs(lines: string[]) {
  return lines.map((p) => html`<p>${p}</p>`);
}

/** The report itself, as published: title, the six sections and their tables. */
export function reportArticle(report: AnnualReport): SafeHtml {
  const [proactive, requestsTable, review] = reportTables(report);
  const s = REPORT_SPEC.sections;
  const text = sectionParagraphs(report);
  const sources = Object.entries(report.proactiveSources ?? {});
  return html`<article class="annual-report">
<h1>${reportTitle(report)}</h1>
${report.rollup ? html`<p class="hint">本报告汇总${report.orgName}本级及所属部门、乡镇（街道）的政府信息公开工作情况。</p>` : ''}
${report.version && report.version > 1 ? html`<p class="notice">本报告为更正后的第${report.version}版。更正说明：${report.note ?? ''}</p>` : ''}
<h2>${s[0].title}</h2>${paragraphs(text.overview)}
<h2>${s[1].title}</h2>${renderReportTable(proactive)}
${sources.length ? html`<p class="hint">数据来源：${sources.map(([k, v]) => `${labelOf('reportFigure', k)}——${v}`).join('；')}。</p>` : ''}
<h2>${s[2].title}</h2>${renderReportTable(requestsTable)}
<h2>${s[3].title}</h2>${renderReportTable(review)}
<h2>${s[4].title}</h2>${text.problems.length ? paragraphs(text.problems) : report.status === 'draft'
    ? html`<p class="notice">尚未填写。发布前须写明本年度存在的主要问题及改进情况。</p>`
    : html`<p class="hint">发布时未填写本部分。</p>`}
<h2>${s[5].title}</h2>${paragraphs(text.other)}
</article>`;
}

/** Downloads and related pages, outside the article (a reader of the article must not take them for section 六). */
function reportLinks(report: AnnualReport): SafeHtml {
  const api = `/api/v1/orgs/${report.orgCode}/annual-reports/${report.year}`;
  return html`<nav class="report-links" aria-label="下载和相关页面">
<h2>下载</h2>
<ul>
<li><a href="${api}/export.pdf">下载 PDF</a></li>
<li><a href="${api}/export.docx">下载 Word（DOCX）</a></li>
<li><a href="${api}/export.xlsx">下载表格（XLSX）</a></li>
<li><a href="${api}">数据（JSON）</a></li>
</ul>
<h2>相关页面</h2>
<ul>
<li><a href="/xxgk/stats/${report.orgCode}/${report.year}${report.rollup ? '?rollup=1' : ''}">${report.orgName}${report.year}年政务公开统计${report.rollup ? '（含下级机关）' : ''}</a></li>
<li><a href="/xxgk/reports">全部年度报告</a></li>
</ul>
</nav>`;
}

export const REPORT_STYLESHEET = html`<link rel="stylesheet" href="/static/reports.css">`;

export async function reportsPages(app: App, ctx: AppContext) {
  app.get('/xxgk/reports', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const items = await reports.listPublishedReports(ctx);
    return sendPage(request, reply, {
      title: '政府信息公开工作年度报告',
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '政府信息公开', href: '/xxgk' }, { label: '年度报告' }],
      body: html`<h1>政府信息公开工作年度报告</h1>
${items.length ? html`<ul class="link-list">${items.map((r) => html`<li><a href="/xxgk/reports/${r.orgCode}/${r.year}">${reportTitle(r)}</a>${r.rollup ? '（含所属部门、乡镇汇总）' : ''}</li>`)}</ul>` : html`<p>暂无已发布的年度报告。</p>`}`,
    });
  });

  app.get('/xxgk/reports/:code/:year', {
    config: { auth: 'public' },
    schema: { hide: true, params: z.object({ code: z.string().max(64), year: z.coerce.number().int().min(1900).max(2200) }) },
  }, async (request, reply) => {
    const report = await reports.getReport(ctx, null, request.params.code, request.params.year, { draft: false });
    return sendPage(request, reply, {
      title: reportTitle(report),
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '年度报告', href: '/xxgk/reports' }, { label: reportTitle(report) }],
      head: REPORT_STYLESHEET,
      body: html`${reportArticle(report)}
${reportLinks(report)}`,
    });
  });
}
