/** 站点地图 for search engines. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { escapeHtml } from '../../http/views/html.js';
import { sitemapChunk, sitemapChunks } from '../publishing/catalog.service.js';
import { publicCache } from './public-cache.js';

/** The portal's own pages, listed first in the sitemap. */
const PORTAL_PAGES = ['/', '/xxgk', '/xxgk/guide', '/xxgk/catalog', '/xxgk/reports', '/ysqgk', '/orgs'];

export async function sitemapPages(app: App, ctx: AppContext) {
  // 站点地图: an index of files, since the sitemap protocol allows 50,000 addresses in one file —
  // the portal's own pages, then the catalog's items by id range (a file's contents stay put).
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
    if (file === 'pages.xml') return sendXml(request, reply, async () => urlset(PORTAL_PAGES.map((url) => ({ url }))));
    const chunk = /^items-(\d{1,6})\.xml$/.exec(file);
    if (!chunk) throw new AppError('NOT_FOUND');
    return sendXml(request, reply, async () => urlset(await sitemapChunk(ctx, Number(chunk[1]))));
  });
}
