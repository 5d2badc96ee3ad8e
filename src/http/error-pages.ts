/**
 * Portal pages that report a failure. A citizen's browser gets a page in the portal's
 * layout, never a JSON body; the API and the console keep the coded JSON answer.
 */
import type { FastifyRequest } from 'fastify';
import { portalPrefs } from './prefs.js';
import type { ErrorDetail } from './errors.js';
import { html } from './views/html.js';
import { renderPage } from './views/layout.js';

const TITLES: Record<number, string> = {
  400: '提交的内容有误',
  401: '请先登录',
  403: '无权访问',
  404: '页面不存在',
  409: '操作未完成',
  413: '提交的文件过大',
  415: '文件格式不受支持',
  422: '提交的内容有误',
  429: '操作过于频繁',
  503: '服务暂时不可用',
};

export function renderNotFound(request: FastifyRequest): string {
  return renderPage({
    title: '页面不存在',
    path: request.url.split('?')[0],
    prefs: portalPrefs(request),
    body: html`<h1>页面不存在</h1><p>您访问的页面不存在或已被移除。请返回<a href="/">首页</a>，或在<a href="/xxgk/catalog">政府信息公开目录</a>中检索。</p>`,
  });
}

/** True for a browser asking for a portal page (not the API, the console or its files). */
export function wantsPortalPage(request: FastifyRequest): boolean {
  const url = request.url;
  if (/^\/(api|admin|static)(\/|$)/.test(url)) return false;
  return String(request.headers.accept ?? '').includes('text/html');
}

export function renderErrorPage(request: FastifyRequest, status: number, code: string, message: string, details: ErrorDetail[] = []): string {
  const title = TITLES[status] ?? (status >= 500 ? '系统繁忙' : '无法完成请求');
  return renderPage({
    title,
    path: request.url.split('?')[0],
    prefs: portalPrefs(request),
    // A failed validation's message repeats its details: the page lists them once, field by field.
    body: html`<h1>${title}</h1>
<div role="alert"><p>${code === 'VALIDATION_FAILED' && details.length ? '请修改以下内容后重新提交：' : message}</p>
${details.length ? html`<ul class="field-errors">${details.map((d) => html`<li>${d.message}</li>`)}</ul>` : ''}</div>
<p>请返回上一页修改后重试，或前往<a href="/">首页</a>、<a href="/xxgk/catalog">政府信息公开目录</a>。如需帮助，请联系本机关政府信息公开工作机构。</p>
`,
    // The code is for programs and support staff reading the page source; a person reads the words above.
    head: html`<meta name="error-code" content="${code}">`,
  });
}
