/**
 * Atom feeds (RFC 4287) of the newest proactively disclosed items: the whole catalog, or one
 * body's and/or one category's. Each filter is its own feed, with its own id and title, so a
 * reader subscribed to two of them keeps them apart; each entry carries a summary of the text.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { escapeHtml } from '../../http/views/html.js';
import { SITE_NAME } from '../../http/views/layout.js';
import { listOrgs } from '../orgs/orgs.service.js';
import { catalogItem, searchCatalog } from '../publishing/catalog.service.js';
import { bodyText } from '../publishing/publishing.service.js';
import { publicCache } from './public-cache.js';

const FEED_SIZE = 50;
const SUMMARY_LENGTH = 200;

export interface FeedFilters {
  org?: string;
  category?: string;
}

/** The filters in a fixed order: the feed's id and self link, whatever order the address gave them in. */
export function feedQuery(filters: FeedFilters): string {
  const query = new URLSearchParams();
  if (filters.org) query.set('org', filters.org);
  if (filters.category) query.set('category', filters.category);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function feedTitle(orgName: string | undefined, category: string | undefined): string {
  const scope = [orgName, category ? `“${category}”类` : undefined].filter(Boolean).join('');
  return `${SITE_NAME}${scope ? ` ${scope}` : ''} 最新公开信息`;
}

function summaryOf(item: Awaited<ReturnType<typeof catalogItem>>): string {
  if (item.status === 'withdrawn') return `本信息已于${item.withdrawnOn ?? ''}撤销。撤销原因：${item.withdrawnReason ?? ''}`;
  const text = bodyText(item.bodyHtml).replace(/\s+/g, ' ');
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text;
}

const xml = escapeHtml;

export async function feedPages(app: App, ctx: AppContext) {
  app.get('/xxgk/feed.xml', {
    config: { auth: 'public' },
    schema: { hide: true, querystring: z.object({ org: z.string().max(64).optional(), category: z.string().max(50).optional() }) },
  }, async (request, reply) => {
    const filters: FeedFilters = { org: request.query.org || undefined, category: request.query.category?.trim() || undefined };
    let orgName: string | undefined;
    if (filters.org) {
      orgName = (await listOrgs(ctx)).find((o) => o.code === filters.org)?.name;
      if (!orgName) throw new AppError('ORG_NOT_FOUND');
    }
    const { items: found } = await searchCatalog(ctx, { ...filters, limit: FEED_SIZE });
    // The item pages' loader fetches the bodies in one query; an item withdrawn from the
    // catalog between the two reads is left out rather than failing the feed.
    const items = (await Promise.all(found.map((i) => catalogItem(ctx, i.indexNo).then((item) => ({ ...i, item }), () => null))))
      .filter((i) => i !== null);
    const base = ctx.config.publicBaseUrl.replace(/\/$/, '');
    const query = feedQuery(filters);
    const updatedOf = (i: (typeof items)[number]) => new Date(i.item.updatedAt ?? `${i.publishedOn}T00:00:00+08:00`).toISOString();
    const updated = items.length ? items.map(updatedOf).sort().at(-1)! : new Date(0).toISOString();
    const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${xml(feedTitle(orgName, filters.category))}</title>
<id>${xml(`${base}/xxgk/feed.xml${query}`)}</id>
<link rel="self" type="application/atom+xml" href="${xml(`${base}/xxgk/feed.xml${query}`)}"/>
<link rel="alternate" type="text/html" href="${xml(`${base}/xxgk/catalog${query}`)}"/>
<updated>${updated}</updated>
<author><name>${xml(SITE_NAME)}</name></author>
${items.map((i) => `<entry><title>${xml(i.title)}</title><id>${xml(`${base}${i.url}`)}</id><link href="${xml(`${base}${i.url}`)}"/><published>${i.publishedOn}T00:00:00+08:00</published><updated>${updatedOf(i)}</updated><author><name>${xml(i.orgName)}</name></author><category term="${xml(i.category)}"/><summary>${xml(summaryOf(i.item))}</summary></entry>`).join('\n')}
</feed>`;
    await publicCache(ctx, reply);
    return reply.type('application/atom+xml; charset=utf-8').send(body);
  });
}
