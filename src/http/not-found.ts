import type { FastifyRequest } from 'fastify';
import { portalPrefs } from './prefs.js';
import { html } from './views/html.js';
import { renderPage } from './views/layout.js';

export function renderNotFound(request: FastifyRequest): string {
  return renderPage({
    title: '页面不存在',
    path: request.url.split('?')[0],
    prefs: portalPrefs(request),
    body: html`<h1>页面不存在</h1><p>您访问的页面不存在或已被移除。请返回<a href="/">首页</a>，或在<a href="/xxgk/catalog">政府信息公开目录</a>中检索。</p>`,
  });
}
