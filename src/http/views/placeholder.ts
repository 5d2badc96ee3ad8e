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
