import type { FastifyReply, FastifyRequest } from 'fastify';
import { portalPrefs } from '../prefs.js';
import { html } from './html.js';
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
  ctx: { pages: { get(key: string): string | undefined; set(key: string, body: string): void } },
  request: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<Omit<Parameters<typeof renderPage>[0], 'path' | 'prefs'>>,
) {
  const prefs = portalPrefs(request);
  const key = `${request.url}|${prefs.largeText ? 'L' : ''}${prefs.highContrast ? 'C' : ''}`;
  let body = ctx.pages.get(key);
  if (body === undefined) {
    body = renderPage({ ...(await render()), path: request.url.split('?')[0], prefs });
    ctx.pages.set(key, body);
  }
  return reply.type('text/html; charset=utf-8').send(body);
}
