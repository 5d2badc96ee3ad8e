/**
 * 网站地图: a page for people (/sitemap, linked from every page's footer) and the XML sitemap
 * for search engines (/sitemap.xml), both from the one list of addresses in site-addresses.ts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { ORG_TYPES } from '../../domain/org-types.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { escapeHtml, html } from '../../http/views/html.js';
import { sendCachedPage } from '../../http/views/placeholder.js';
import { sitemapChunk, sitemapChunks } from '../publishing/catalog.service.js';
import { publicCache } from './public-cache.js';
import { allAddresses, BodyLinks, siteAddresses, SiteLink } from './site-addresses.js';

const link = (l: SiteLink) => html`<a href="${l.url}">${l.label}</a>`;

function bodyEntry(b: BodyLinks) {
  return html`<li>${link(b.page)}：${link(b.guide)}　${link(b.catalog)}${b.reports.map((r) => html`　${link(r)}`)}${b.statistics.map((s) => html`　${link(s)}`)}${b.mailboxes.map((m) => html`　${link(m)}`)}${b.serviceGuides.map((g) => html`　${link(g)}`)}</li>`;
}

export async function sitemapPages(app: App, ctx: AppContext) {
  app.get('/sitemap', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    await publicCache(ctx, reply);
    return sendCachedPage(ctx, request, reply, async () => {
      const site = await siteAddresses(ctx);
      const groups = (['government', 'department', 'township'] as const)
        .map((type) => ({ type, bodies: site.bodies.filter((b) => b.org.type === type) }))
        .filter((g) => g.bodies.length);
      return {
        title: '网站地图',
        breadcrumbs: [{ label: '首页', href: '/' }, { label: '网站地图' }],
        body: html`<h1>网站地图</h1>
<div class="site-map">
${site.sections.map((s, i) => html`<section aria-labelledby="sm-${i}"><h2 id="sm-${i}">${s.title}</h2><ul class="link-list">${s.links.map((l) => html`<li>${link(l)}</li>`)}</ul></section>`)}
</div>
<h2>各机关</h2>
${groups.map((g) => html`<section aria-labelledby="sm-${g.type}"><h3 id="sm-${g.type}">${ORG_TYPES[g.type]}</h3><ul class="link-list site-map-bodies">${g.bodies.map(bodyEntry)}</ul></section>`)}
<p class="hint">供搜索引擎使用的站点地图：<a href="/sitemap.xml">sitemap.xml</a>；最新公开信息订阅：<a href="/xxgk/feed.xml">Atom</a>。</p>`,
      };
    });
  });

  // The XML sitemap: an index of files, since the sitemap protocol allows 50,000 addresses in one
  // file — the portal's own pages, then the catalog's items by id range (a file's contents stay put).
  const sendXml = async (request: FastifyRequest, reply: FastifyReply, render: () => Promise<string>) => {
    await publicCache(ctx, reply);
    const page = await ctx.pages.getOrRender(`xml|${request.url}`, render);
    return reply.type('application/xml; charset=utf-8').header('etag', page.etag).send(page.body);
  };
  const absolute = (path: string) => escapeHtml(`${ctx.config.publicBaseUrl.replace(/\/$/, '')}${path}`);
  const urlset = (entries: { url: string; lastModified?: string }[]) => `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `<url><loc>${absolute(e.url)}</loc>${e.lastModified ? `<lastmod>${e.lastModified}</lastmod>` : ''}</url>`).join('\n')}
</urlset>`;

  app.get('/sitemap.xml', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => sendXml(request, reply, async () => {
    const files = ['/sitemaps/pages.xml', ...Array.from({ length: await sitemapChunks(ctx) }, (_, k) => `/sitemaps/items-${k}.xml`)];
    return `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${files.map((f) => `<sitemap><loc>${absolute(f)}</loc></sitemap>`).join('\n')}
</sitemapindex>`;
  }));

  app.get('/sitemaps/:file', {
    config: { auth: 'public' },
    schema: { hide: true, params: z.object({ file: z.string().max(40) }) },
  }, async (request, reply) => {
    const { file } = request.params;
    if (file === 'pages.xml') return sendXml(request, reply, async () => urlset(allAddresses(await siteAddresses(ctx))));
    const chunk = /^items-(\d{1,6})\.xml$/.exec(file);
    if (!chunk) throw new AppError('NOT_FOUND');
    return sendXml(request, reply, async () => urlset(await sitemapChunk(ctx, Number(chunk[1]))));
  });
}
