/** 便民问答: the console's API (entries, 转为便民问答 from a message) and the public pages /hdjl/faq and /hdjl/faq/{id}. */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorOf } from '../../http/auth.js';
import { isAppError } from '../../http/errors.js';
import { idParam } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { html, type SafeHtml } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import * as faq from './faq.service.js';

const tags = ['互动交流'];
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
export const faqSchema = z.object({ question: text(4, 200), answer: text(4, 5000), category: z.string().trim().max(40).default('') });
const newFaqSchema = faqSchema.extend({ orgCode: z.string().trim().min(1).max(64).optional() });
const fromMessageSchema = z.object({ question: text(4, 200).optional(), answer: text(4, 5000).optional(), category: z.string().trim().max(40).optional() });
const listQuery = z.object({
  status: z.enum(['draft', 'published', 'withdrawn']).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const PAGE_SIZE = 10;
const HOME = { label: '首页', href: '/' };
const HDJL = { label: '互动交流', href: '/hdjl' };

function paragraphs(value: string): SafeHtml[] {
  return value.split(/\n+/).filter(Boolean).map((p) => html`<p>${p}</p>`);
}

export async function faqRoutes(app: App, ctx: AppContext) {
  app.get('/api/v1/faq', {
    config: { auth: ['disclosureOffice', 'admin', 'supervisor'] },
    schema: { tags, summary: '便民问答（本机关及下级机关；监督人员可查看全部）', querystring: listQuery },
  }, async (request) => faq.listFaqForStaff(ctx, actorOf(request), request.query));

  app.post('/api/v1/faq', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '新增便民问答（草稿）', body: newFaqSchema },
  }, async (request, reply) => reply.code(201).send(await faq.createFaq(ctx, actorOf(request), request.body)));

  app.get('/api/v1/faq/:id', {
    config: { auth: ['disclosureOffice', 'admin', 'supervisor'] },
    schema: { tags, summary: '便民问答详情和可进行的操作', params: idParam },
  }, async (request) => faq.faqForStaff(ctx, actorOf(request), request.params.id));

  app.put('/api/v1/faq/:id', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '修改便民问答', params: idParam, body: faqSchema },
  }, async (request) => faq.updateFaq(ctx, actorOf(request), request.params.id, request.body));

  app.post('/api/v1/faq/:id/actions', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '发布或撤回便民问答', params: idParam, body: z.object({ action: z.enum(['publish', 'withdraw']) }) },
  }, async (request) => faq.changeFaqStatus(ctx, actorOf(request), request.params.id, request.body.action));

  app.post('/api/v1/handling/messages/:id/faq', {
    config: { auth: ['disclosureOffice', 'admin'] },
    schema: { tags, summary: '转为便民问答：以已公开来信的问题和答复新建便民问答草稿', params: idParam, body: fromMessageSchema },
  }, async (request, reply) => reply.code(201).send(await faq.createFaqFromMessage(ctx, actorOf(request), request.params.id, request.body)));

  app.get('/api/v1/handling/messages/:id/faq', {
    config: { auth: ['disclosureOffice', 'admin', 'supervisor'] },
    schema: { tags, summary: '由该来信转成的便民问答', params: idParam },
  }, async (request) => {
    actorOf(request);
    return { items: await faq.faqEntriesOfMessage(ctx, request.params.id) };
  });

  // ---- public pages
  app.get('/hdjl/faq', {
    config: { auth: 'public' },
    schema: { hide: true, querystring: z.object({ q: z.string().max(200).optional(), category: z.string().max(40).optional(), page: z.string().max(10).optional() }) },
  }, async (request, reply) => {
    const q = (request.query.q ?? '').trim().slice(0, 50);
    const category = request.query.category?.trim() || undefined;
    const page = Math.max(1, Math.min(1000, Number.parseInt(request.query.page ?? '1', 10) || 1));
    const list = await faq.publicFaqList(ctx, { q, category, page, pageSize: PAGE_SIZE });
    const href = (p: number) => `/hdjl/faq?${new URLSearchParams({ ...(q ? { q } : {}), ...(category ? { category } : {}), page: String(p) })}`;
    return sendPage(request, reply, {
      title: '便民问答',
      breadcrumbs: [HOME, HDJL, { label: '便民问答' }],
      body: html`<h1>便民问答</h1>
<p>群众来信中常见的问题及权威解答。没有找到答案的，可以<a href="/hdjl/xx">写信</a>咨询。</p>
<form method="get" action="/hdjl/faq" role="search" aria-label="搜索便民问答"><label for="faq-q">搜索问题和解答</label> <input id="faq-q" name="q" type="search" value="${q}">${category ? html`<input type="hidden" name="category" value="${category}">` : ''} <button type="submit">搜索</button></form>
${list.categories.length ? html`<nav class="related" aria-label="问答分类"><ul><li>${category ? html`<a href="/hdjl/faq">全部</a>` : html`<strong>全部</strong>`}</li>${list.categories.map((c) => html`<li>${c.category === category ? html`<strong>${c.category}（${c.count}）</strong>` : html`<a href="/hdjl/faq?${new URLSearchParams({ category: c.category })}">${c.category}（${c.count}）</a>`}</li>`)}</ul></nav>` : ''}
${q ? html`<p>搜索“${q}”${category ? `（${category}）` : ''}，共找到${list.total}条。</p>` : ''}
${list.items.length ? html`<ul class="qa">${list.items.map((f) => html`<li><h2><a href="${f.url}">${f.question}</a></h2>${f.excerpt ? html`<p>${f.excerpt}${f.excerpt.length >= 120 ? '……' : ''}</p>` : ''}</li>`)}</ul>` : html`<p>${q ? '没有找到相关的便民问答。' : '暂无便民问答。'}</p>`}
${list.pages > 1 ? html`<nav class="pager" aria-label="分页"><p>${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">上一页</a>　` : ''}第${page}页／共${list.pages}页${page < list.pages ? html`　<a href="${href(page + 1)}" rel="next">下一页</a>` : ''}</p></nav>` : ''}`,
    });
  });

  app.get('/hdjl/faq/:id', {
    config: { auth: 'public' }, schema: { hide: true, params: z.object({ id: z.string().max(12) }) },
  }, async (request, reply) => {
    const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : 0;
    const f = id ? await faq.publishedFaq(ctx, id).catch((e) => { if (isAppError(e)) return null; throw e; }) : null;
    if (!f) {
      reply.code(404);
      return sendPage(request, reply, { title: '便民问答不存在', breadcrumbs: [HOME, HDJL, { label: '便民问答', href: '/hdjl/faq' }, { label: '不存在' }], body: html`<h1>便民问答不存在</h1><p>该问答不存在或已撤回。<a href="/hdjl/faq">返回便民问答</a></p>` });
    }
    return sendPage(request, reply, {
      title: f.question,
      breadcrumbs: [HOME, HDJL, { label: '便民问答', href: '/hdjl/faq' }, { label: f.question }],
      body: html`<h1>${f.question}</h1>
<table><caption>问答信息</caption><tbody><tr><th scope="row">解答单位</th><td>${f.orgName}</td></tr>${f.category ? html`<tr><th scope="row">分类</th><td>${f.category}</td></tr>` : ''}<tr><th scope="row">发布日期</th><td>${f.publishedOn ?? ''}</td></tr></tbody></table>
<h2>解答</h2>${paragraphs(f.answer)}
<p><a href="/hdjl/faq">返回便民问答</a>　<a href="/hdjl/xx">没有解决？写信咨询</a></p>`,
    });
  });
}
