/**
 * The portal's search page (/search): one box for everything the portal publishes, with the number
 * of results, facets, highlighted snippets, “您是不是要找”, pinyin, and a straight redirect for a
 * 索引号 or 发文字号. Works without JavaScript; /static/search.js adds suggestions while typing.
 */
import type { AppContext } from '../../context.js';
import { LABELS } from '../../domain/labels.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { escapeHtml, html, raw, type SafeHtml } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { siteQuery } from './search.routes.js';
import * as search from './search.service.js';

function marked(text: string, marks: [number, number][]): SafeHtml {
  let out = '';
  let at = 0;
  for (const [a, b] of marks) {
    if (a < at) continue;
    out += escapeHtml(text.slice(at, a)) + `<mark>${escapeHtml(text.slice(a, b))}</mark>`;
    at = b;
  }
  return raw(out + escapeHtml(text.slice(at)));
}

/** The text with every matched string marked, adjacent matches as one mark (依申请, not 依 + 申请). */
export function highlighted(text: string, strings: string[]): SafeHtml {
  return marked(text, search.marksIn(text, strings));
}

const FACETS = ['kind', 'org', 'category', 'year', 'validity'] as const;
type Params = Record<string, string | number | undefined>;

function href(params: Params, change: Params): string {
  const merged = { ...params, page: undefined, ...change };
  const qs = new URLSearchParams(Object.entries(merged).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
  return `/search?${qs.toString()}`;
}

type Result = { url: string; title: string; titleMarks: [number, number][]; kindLabel: string; validity: string | null; validityLabel: string | null;
  snippet: string; snippetMarks: [number, number][]; orgName: string | null; docNo: string | null; publishedOn: string | null };

function resultItem(i: Result, heading: 'h2' | 'h3' = 'h2'): SafeHtml {
  const title = html`<a href="${i.url}">${marked(i.title, i.titleMarks)}</a> <small class="tag">${i.kindLabel}</small>${i.validity && i.validity !== 'valid' ? html` <small class="tag">${i.validityLabel}</small>` : ''}`;
  return html`<li>
${heading === 'h2' ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
${i.snippet ? html`<p>${marked(i.snippet, i.snippetMarks)}</p>` : ''}
<p class="hint">${i.orgName ? `${i.orgName}　` : ''}${i.docNo ? `${i.docNo}　` : ''}${i.publishedOn ? html`<time datetime="${i.publishedOn}">${i.publishedOn}</time>` : ''}</p>
</li>`;
}

export function searchForm(q: string, id = 'site-q'): SafeHtml {
  return html`<form class="search site-search" action="/search" method="get" role="search" data-suggest="/api/v1/search/suggest">
<label for="${id}">搜索本站</label>
<input id="${id}" name="q" type="search" value="${q}" maxlength="100" autocomplete="off" aria-describedby="${id}-hint">
<button type="submit">搜索</button>
<span id="${id}-hint" class="hint">可输入词语、简称、拼音或索引号、发文字号，多个词用空格隔开</span>
<ul id="${id}-list" class="suggestions" hidden></ul>
</form>`;
}

export async function searchPages(app: App, ctx: AppContext) {
  app.get('/search', {
    config: { auth: 'public' },
    schema: { hide: true, querystring: siteQuery.partial().extend({ q: siteQuery.shape.q.optional() }) },
  }, async (request, reply) => {
    const query = request.query;
    const q = (query.q ?? '').trim();
    const params: Params = { q, kind: query.kind, org: query.org, category: query.category, year: query.year, validity: query.validity, page: query.page };
    if (!q) {
      return sendPage(request, reply, {
        title: '全站搜索', breadcrumbs: [{ label: '首页', href: '/' }, { label: '全站搜索' }],
        body: html`<h1>全站搜索</h1>${searchForm('')}<script src="/static/search.js" defer></script>`,
      });
    }
    const result = await search.searchSite(ctx, { ...query, q, limit: 10 });
    if ('exact' in result && result.exact) return reply.redirect(result.exact.url, 303);
    const r = result as Exclude<typeof result, { exact: unknown }>;
    if (r.pages && (query.page ?? 1) > r.pages) {
      throw new AppError('CATALOG_QUERY_INVALID', [{ path: 'page', message: `页码超出范围：请输入1至${r.pages}之间的页码。` }]);
    }
    const page = query.page ?? 1;
    const active = FACETS.filter((f) => params[f] !== undefined);
    const facetLabel = (f: string, value: string) => r.facets.find((x) => x.facet === f && x.value === value)?.label ?? value;
    return sendPage(request, reply, {
      title: `搜索：${q}`,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '全站搜索', href: '/search' }, { label: q }],
      body: html`<h1>全站搜索</h1>
${searchForm(q)}
${r.corrected && r.suggestion ? html`<p class="notice" role="note">没有找到与“${q}”相符的内容，已为您显示“<strong>${r.suggestion}</strong>”的搜索结果。</p>`
  : r.suggestion ? html`<p class="notice" role="note">您是不是要找：<a href="${href(params, { q: r.suggestion })}">${r.suggestion}</a></p>` : ''}
${r.pinyinTerms.length ? html`<p class="hint">按拼音“${q}”搜索：${r.pinyinTerms.join('、')}</p>` : ''}
<p class="result-count" role="status">${r.total ? `共找到${r.total}条${r.capped ? '以上' : ''}结果${r.pages > 1 ? `，第${page}页／共${r.pages}页` : ''}。` : ''}</p>
${active.length ? html`<p class="active-filters">已选条件：${active.map((f) => html`<a href="${href(params, { [f]: undefined })}" aria-label="取消条件：${facetLabel(f, String(params[f]))}">${LABELS.searchFacet[f]}：${facetLabel(f, String(params[f]))} ×</a> `)}</p>` : ''}
<div class="search-layout">
${r.total ? html`<aside class="facets" aria-label="筛选结果">${FACETS.map((f) => {
  const rows = r.facets.filter((x) => x.facet === f).slice(0, f === 'year' ? 8 : 10);
  if (!rows.length) return '';
  return html`<section><h2>${LABELS.searchFacet[f]}</h2><ul>${rows.map((x) => html`<li>${String(params[f]) === x.value ? html`<strong>${x.label}（${x.n}）</strong>` : html`<a href="${href(params, { [f]: x.value })}">${x.label}</a>（${x.n}）`}</li>`)}</ul></section>`;
})}</aside>` : ''}
<div class="search-results">
${r.results.length ? html`<ol class="catalog-list">${r.results.map((i) => resultItem(i))}</ol>` : html`<div class="no-results"><p>没有找到${r.partial.length ? '同时包含全部检索词' : '与'}“${q}”${r.partial.length ? '的' : '相关的'}内容。</p>
<p>您可以：检查输入的文字是否有误，换用更常见的说法，或减少词语；所需的政府信息没有公开的，可以<a href="/ysqgk">申请政府信息公开</a>；有问题可以<a href="/hdjl">写信咨询</a>。</p></div>`}
${r.partial.length ? html`<section class="partial-results" aria-labelledby="partial-heading"><h2 id="partial-heading">只包含部分检索词的结果</h2><ol class="catalog-list">${r.partial.map((i) => resultItem(i, 'h3'))}</ol></section>` : ''}
${r.pages > 1 ? html`<nav class="pager" aria-label="分页"><p>${page > 1 ? html`<a href="${href(params, { page: page - 1 })}" rel="prev">上一页</a>　` : ''}第${page}页／共${r.pages}页${page < r.pages ? html`　<a href="${href(params, { page: page + 1 })}" rel="next">下一页</a>` : ''}</p></nav>` : ''}
</div>
</div>
<script src="/static/search.js" defer></script>`,
    });
  });
}
