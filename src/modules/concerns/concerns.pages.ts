/** 回应关切 on the portal: published concerns, newest first, each with its responses and links (no JavaScript). */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/types.js';
import { html } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import * as concerns from './concerns.service.js';
import { publicPressRecords } from './press-records.service.js';

/** 2026-10-01T14:00:00Z → 2026年10月1日 22:00 (China time). */
export function chinaTime(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export async function concernPages(app: App, ctx: AppContext) {
  app.get('/hdjl/hygq', {
    config: { auth: 'public' },
    schema: { hide: true, querystring: z.object({ page: z.coerce.number().int().min(1).max(10000).default(1) }) },
  }, async (request, reply) => {
    const { page } = request.query;
    const list = await concerns.listPublicConcerns(ctx, page);
    const press = await publicPressRecords(ctx, list.items.map((c) => c.id));
    const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
    const pageHref = (p: number) => `/hdjl/hygq?page=${p}`;
    return sendPage(request, reply, {
      title: '回应关切',
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '互动交流', href: '/hdjl' }, { label: '回应关切' }],
      body: html`<h1>回应关切</h1>
<p>对社会关注的热点问题和突发事件，本级政府及其部门通过权威信息发布、新闻发布会、政策解读、答记者问等方式及时回应。</p>
${list.items.length ? list.items.map((c) => html`<section class="concern" id="c${c.id}" aria-labelledby="c${c.id}-h">
<h2 id="c${c.id}-h">${c.title}</h2>
<p class="meta">${c.orgName}　${chinaTime(c.startedAt)}${c.spokesperson ? html`　新闻发言人：${c.spokesperson}` : ''}</p>
${c.summary ? html`<p>${c.summary}</p>` : ''}
${c.responses.length ? html`<table><caption>回应情况</caption><thead><tr><th scope="col">时间</th><th scope="col">方式</th><th scope="col">内容</th></tr></thead><tbody>
${c.responses.map((r) => html`<tr><td>${chinaTime(r.respondedAt)}</td><td>${r.kindLabel}</td><td>${r.url ? html`<a href="${r.url}">${r.title}</a>` : r.title}</td></tr>`)}
</tbody></table>` : html`<p>正在核实情况，将及时发布权威信息。</p>`}
${press.get(c.id)?.length ? html`<h3 id="c${c.id}-press">新闻发布会和媒体采访</h3>
<ul class="press-records">
${press.get(c.id)!.map((r) => html`<li id="p${r.id}"><p class="press-title">${r.item ? html`<a href="${r.item.url}">${r.title}</a>` : r.title}</p>
<p class="meta">${r.kindLabel}　${chinaTime(r.heldAt)}${r.place ? html`　地点：${r.place}` : ''}${r.speakers ? html`　发布人：${r.speakers}` : ''}</p>
${r.item ? html`<p class="meta">实录全文已在政府信息公开目录发布</p>` : ''}</li>`)}
</ul>` : ''}
</section>`) : html`<p>暂无回应关切信息。</p>`}
${pages > 1 ? html`<nav class="pager" aria-label="分页"><p>${page > 1 ? html`<a href="${pageHref(page - 1)}" rel="prev">上一页</a>　` : ''}第${page}页／共${pages}页${page < pages ? html`　<a href="${pageHref(page + 1)}" rel="next">下一页</a>` : ''}</p></nav>` : ''}`,
    });
  });
}
