/**
 * The public portal's shell: 首页, 政府信息公开 index, 机构信息, 互动交流, and the
 * 适老化 switches. Capabilities add their own pages in their `*.pages.ts`.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { ORG_TYPES } from '../../domain/org-types.js';
import { PREFS_COOKIE, portalPrefs } from '../../http/prefs.js';
import type { App } from '../../http/types.js';
import { html } from '../../http/views/html.js';
import { sendPage } from '../../http/views/placeholder.js';
import { getOrg, listOrgs } from '../orgs/orgs.service.js';
import type { Org } from '../orgs/orgs.repository.js';
import { feedPages } from './feeds.pages.js';
import { countyOf, statisticsPath, statisticsYears } from './site-addresses.js';
import { sitemapPages } from './sitemap.pages.js';


function contactList(org: Org) {
  const rows: [string, string | null][] = [
    ['办公地址', org.address], ['办公时间', org.officeHours], ['联系电话', org.phone], ['传真', org.fax],
    ['电子邮箱', org.email], ['邮政编码', org.postalCode], ['网站', org.website],
  ];
  return html`<dl class="contact">${rows.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

export async function portalRoutes(app: App, ctx: AppContext) {
  app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, {
      title: '首页',
      description: '示例县人民政府政府信息公开平台：主动公开、依申请公开、公开指南、公开目录、年度报告。',
      body: html`
<h1>政府信息公开</h1>
<form class="search" action="/search" method="get" role="search">
  <label for="q">搜索本站</label>
  <input id="q" name="q" type="search" placeholder="如：公租房、低保标准、个税、gzf">
  <button type="submit">搜索</button>
</form>
<div class="cards">
  <section aria-labelledby="c1"><h2 id="c1"><a href="/xxgk/guide">政府信息公开指南</a></h2><p>了解公开的范围、方式、程序和受理机构。</p></section>
  <section aria-labelledby="c2"><h2 id="c2"><a href="/xxgk/catalog">政府信息公开目录</a></h2><p>按机构、信息类别、主题分类浏览已主动公开的政府信息。</p></section>
  <section aria-labelledby="c3"><h2 id="c3"><a href="/ysqgk">依申请公开</a></h2><p>在线提交政府信息公开申请，凭受理编号和查询密码查询办理进度。</p></section>
  <section aria-labelledby="c4"><h2 id="c4"><a href="/xxgk/reports">政府信息公开工作年度报告</a></h2><p>各机关历年政府信息公开工作年度报告。</p></section>
  <section aria-labelledby="c5"><h2 id="c5"><a href="/hdjl/xx">互动交流</a></h2><p>县长信箱、部门信箱，来信查询与评价。</p></section>
  <section aria-labelledby="c6"><h2 id="c6"><a href="/orgs">机构信息</a></h2><p>各部门、乡镇的办公地址、办公时间和联系电话。</p></section>
</div>`,
    }));

  app.get('/xxgk', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const county = countyOf(await listOrgs(ctx));
    const years = statisticsYears(ctx.now());
    return sendPage(request, reply, {
      title: '政府信息公开',
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '政府信息公开' }],
      body: html`
<h1>政府信息公开</h1>
<ul class="link-list">
  <li><a href="/xxgk/guide">政府信息公开指南</a></li>
  <li><a href="/xxgk/catalog">政府信息公开目录</a></li>
  <li><a href="/xxgk/reports">政府信息公开工作年度报告</a></li>
  <li><a href="/ysqgk">依申请公开</a></li>
</ul>
${county ? html`<h2>政务公开统计</h2>
<p>主动公开、依申请公开和互动交流的数量、渠道与办理时效（含各部门、乡镇）：</p>
<ul class="link-list">${years.map((y, i) => html`<li><a href="${statisticsPath(county.code, y, true)}">${y}年政务公开统计${i === 0 ? '（截至目前）' : ''}</a></li>`)}</ul>` : ''}`,
    });
  });

  app.get('/orgs', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const orgs = await listOrgs(ctx);
    const groups = (['government', 'department', 'township'] as const).map((type) => ({
      type, orgs: orgs.filter((o) => o.type === type),
    }));
    return sendPage(request, reply, {
      title: '机构信息',
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '机构信息' }],
      body: html`<h1>机构信息</h1>
${groups.filter((g) => g.orgs.length).map((g) => html`<section aria-labelledby="g-${g.type}"><h2 id="g-${g.type}">${ORG_TYPES[g.type]}</h2>
<ul class="link-list">${g.orgs.map((o) => html`<li><a href="/orgs/${o.code}">${o.name}</a></li>`)}</ul></section>`)}`,
    });
  });

  app.get('/orgs/:code', {
    config: { auth: 'public' },
    schema: { hide: true, params: z.object({ code: z.string().max(64) }) },
  }, async (request, reply) => {
    const org = await getOrg(ctx, request.params.code);
    const children = (await listOrgs(ctx)).filter((o) => o.parentCode === org.code);
    return sendPage(request, reply, {
      title: org.name,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '机构信息', href: '/orgs' }, { label: org.name }],
      body: html`<h1>${org.name}</h1>
<p>机构类型：${ORG_TYPES[org.type]}　机构代码：${org.code}</p>
<h2>联系方式</h2>${contactList(org)}
<p><a href="/xxgk/guide/${org.code}">本机关政府信息公开指南</a>　<a href="/xxgk/catalog?org=${org.code}">本机关公开目录</a></p>
${children.length ? html`<h2>下设机构</h2><ul class="link-list">${children.map((c) => html`<li><a href="/orgs/${c.code}">${c.name}</a></li>`)}</ul>` : ''}`,
    });
  });

  // 适老化 switches: plain links that set a cookie and return, so they work without JavaScript.
  app.get('/prefs', {
    config: { auth: 'public' },
    schema: {
      hide: true,
      querystring: z.object({ largeText: z.enum(['0', '1']).optional(), highContrast: z.enum(['0', '1']).optional(), back: z.string().max(500).optional() }),
    },
  }, async (request, reply) => {
    const prefs = portalPrefs(request);
    if (request.query.largeText) prefs.largeText = request.query.largeText === '1';
    if (request.query.highContrast) prefs.highContrast = request.query.highContrast === '1';
    const value = `${prefs.largeText ? 'L' : ''}${prefs.highContrast ? 'C' : ''}` || '-';
    reply.setCookie(PREFS_COOKIE, value, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
    // Only local paths: never an open redirect.
    const back = request.query.back && /^\/(?!\/)/.test(request.query.back) ? request.query.back : '/';
    return reply.redirect(back);
  });

  // Browsers ask for /favicon.ico whatever the page says; the file is public/favicon.ico.
  app.get('/favicon.ico', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').sendFile('favicon.ico'));

  await feedPages(app, ctx);
  await sitemapPages(app, ctx);
}
