/** Atom feeds of the newest proactively disclosed items. */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/types.js';
import { escapeHtml } from '../../http/views/html.js';
import { SITE_NAME } from '../../http/views/layout.js';
import { searchCatalog } from '../publishing/catalog.service.js';
import { publicCache } from './public-cache.js';

export async function feedPages(app: App, ctx: AppContext) {
  app.get('/xxgk/feed.xml', {
    config: { auth: 'public' },
    schema: { hide: true, querystring: z.object({ org: z.string().max(64).optional(), category: z.string().max(50).optional() }) },
  }, async (request, reply) => {
    const { items } = await searchCatalog(ctx, { org: request.query.org || undefined, category: request.query.category || undefined, limit: 50 });
    const base = ctx.config.publicBaseUrl.replace(/\/$/, '');
    const updated = items[0]?.publishedOn ? `${items[0].publishedOn}T00:00:00+08:00` : new Date(0).toISOString();
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escapeHtml(SITE_NAME)} 最新公开信息</title>
<id>${escapeHtml(`${base}/xxgk/feed.xml`)}</id>
<link rel="self" href="${escapeHtml(`${base}${request.url}`)}"/>
<updated>${updated}</updated>
${items.map((i) => `<entry><title>${escapeHtml(i.title)}</title><id>${escapeHtml(`${base}${i.url}`)}</id><link href="${escapeHtml(`${base}${i.url}`)}"/><updated>${i.publishedOn}T00:00:00+08:00</updated><author><name>${escapeHtml(i.orgName)}</name></author><category term="${escapeHtml(i.category)}"/></entry>`).join('\n')}
</feed>`;
    await publicCache(ctx, reply);
    return reply.type('application/atom+xml; charset=utf-8').send(xml);
  });
}
