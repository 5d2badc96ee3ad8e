import type { FastifyReply, FastifyRequest } from 'fastify';
import { portalPrefs } from '../prefs.js';
import { html } from './html.js';
import type { PageCache } from '../../lib/page-cache.js';
import { renderPage } from './layout.js';

/** Sends a portal page. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: Omit<Parameters<typeof renderPage>[0], 'path' | 'prefs'>) {
  return reply
    .type('text/html; charset=utf-8')
    .send(renderPage({ ...page, path: request.url.split('?')[0], prefs: portalPrefs(request) }));
}

export function sendPlaceholder(request: FastifyRequest, reply: FastifyReply, title: string, text: string) {
  return sendPage(request, reply, {
    title,
    breadcrumbs: [{ label: '首页', href: '/' }, { label: title }],
    body: html`<h1>${title}</h1><p>${text}</p>`,
  });
}

/**
 * Sends a public page through the rendered-page cache: `render` runs only on a miss.
 * The key includes the 适老化 preferences, which change the markup.
 */
export async function sendCachedPage(
  ctx: { pages: Pick<PageCache, 'changedAt' | 'getOrRender'> },
  request: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<Omit<Parameters<typeof renderPage>[0], 'path' | 'prefs'>>,
) {
  const prefs = portalPrefs(request);
  const key = `${request.url}|${prefs.largeText ? 'L' : ''}${prefs.highContrast ? 'C' : ''}`;
  const page = await ctx.pages.getOrRender(key, async () => renderPage({ ...(await render()), path: request.url.split('?')[0], prefs }));
  // Last-Modified: the end of the second the rendering started in, never earlier than the
  // content's last change. (Rounding up would leave a rendering that starts exactly on a second
  // with the same date as one made in the second before, with older content.) HTTP dates have
  // one-second precision, so If-Modified-Since (from a client without the ETag) is honoured
  // only for pages rendered in a later second than the last change.
  const lastModified = (Math.floor(page.at / 1000) + 1) * 1000;
  reply.header('last-modified', new Date(lastModified).toUTCString()).header('etag', page.etag);
  const since = Date.parse(String(request.headers['if-modified-since'] ?? ''));
  const settled = Math.floor(page.at / 1000) > Math.floor(ctx.pages.changedAt / 1000);
  if (!request.headers['if-none-match'] && settled && since >= lastModified) return reply.code(304).send();
  return reply.type('text/html; charset=utf-8').send(page.body);
}
