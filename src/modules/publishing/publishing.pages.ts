/**
 * The public catalog (政府信息公开目录), item pages with the standard metadata box,
 * and the disclosure guide (公开指南). Server-rendered; no JavaScript needed.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { categoriesOf, topics } from '../settings/settings.service.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { escapeHtml, html, raw, SafeHtml } from '../../http/views/html.js';
import { sendCachedPage, sendPage } from '../../http/views/placeholder.js';
import { listOrgs } from '../orgs/orgs.service.js';
import { getGuide } from './guide.service.js';
import { toHalfWidth } from '../../domain/id-numbers.js';
import { catalogAttachment, catalogItem, catalogNumber, itemPath, MAX_CATALOG_PAGE, searchCatalog } from './catalog.service.js';
import { publishDueItems } from './publishing.service.js';
import { highlighted } from '../search/search.pages.js';
import { solicitationOfFinalItem } from '../solicitations/solicitations.service.js';
import { formatChineseDate } from '../../domain/dates.js';

const VALIDITY_LABELS: Record<string, string> = { valid: '有效', lapsed: '失效', repealed: '废止', revised: '已修订' };

function highlight(text: string, terms: string[]) {
  return highlighted(text, [...terms].sort((a, b) => b.length - a.length));
}

/**
 * Before answering from the page cache: publishes scheduled items that are due (at most every
 * 30 s; it invalidates the cache when it does) and marks the answer cacheable but revalidated on
 * every use (ETag), so a publication, correction or withdrawal shows at once.
 */
async function publicCache(ctx: AppContext, reply: FastifyReply) {
  await publishDueItems(ctx);
  reply.header('cache-control', 'public, no-cache');
}

/** Year, page and validity of the catalog's address, or a 400 page naming what is wrong. */
function catalogParams(query: { year?: string; page?: string; validity?: string }) {
  const details: { path: string; message: string }[] = [];
  const year = query.year?.trim() ? toHalfWidth(query.year.trim()) : '';
  if (year && !(/^\d{4}$/.test(year) && Number(year) >= 1990 && Number(year) <= 2200)) details.push({ path: 'year', message: `发布年份“${query.year}”无效：请填写四位数字的年份，如2026。` });
  const page = query.page?.trim() ? toHalfWidth(query.page.trim()) : '';
  if (page && !(/^\d{1,4}$/.test(page) && Number(page) >= 1 && Number(page) <= MAX_CATALOG_PAGE)) {
    details.push({ path: 'page', message: `页码“${query.page}”无效：请填写1至${MAX_CATALOG_PAGE}之间的整数；更早的信息请按发布年份或发布机构筛选。` });
  }
  const validity = query.validity || undefined;
  if (validity && !(validity in VALIDITY_LABELS)) details.push({ path: 'validity', message: '有效性只能选择“有效”“失效”“废止”或“已修订”。' });
  if (details.length) throw new AppError('CATALOG_QUERY_INVALID', details);
  return { year: year ? Number(year) : undefined, page: page ? Number(page) : undefined, validity };
}

function optionList(values: readonly string[], selected?: string) {
  return values.map((v) => html`<option value="${v}"${selected === v ? html` selected` : ''}>${v}</option>`);
}

export async function publishingPages(app: App, ctx: AppContext) {
  app.get('/xxgk/catalog', {
    config: { auth: 'public' },
    schema: {
      hide: true,
      // Year, page and validity are checked below, so that a wrong value is answered in words
      // that name the field (a 400 page), never silently ignored.
      querystring: z.object({
        q: z.string().max(100).optional(), org: z.string().max(64).optional(), category: z.string().max(50).optional(), topic: z.string().max(50).optional(),
        year: z.string().max(20).optional(), validity: z.string().max(20).optional(), page: z.string().max(20).optional(),
      }),
    },
  }, async (request, reply) => {
    const query = request.query;
    const filters = { q: query.q?.trim() || undefined, org: query.org || undefined, category: query.category || undefined, topic: query.topic || undefined, ...catalogParams(query) };
    // A 索引号 or 发文字号 that names one document opens it.
    if (filters.q && !filters.page && catalogNumber(filters.q)) {
      const found = await searchCatalog(ctx, { q: filters.q, org: filters.org, limit: 2 });
      if (found.exact && found.items.length === 1) return reply.redirect(found.items[0].url, 303);
    }
    await publicCache(ctx, reply);
    return sendCachedPage(ctx, request, reply, async () => {
    const page = filters.page ?? 1;
    const result = await searchCatalog(ctx, { ...filters, page });
    if (page > Math.max(1, result.pages)) {
      throw new AppError('CATALOG_QUERY_INVALID', [{ path: 'page', message: `页码超出范围：符合条件的信息共${Math.max(1, result.pages)}页，请输入1至${Math.max(1, result.pages)}之间的页码。` }]);
    }
    // The form's choices change only with the bodies and settings, which invalidate the pages too.
    const orgs = await ctx.pages.memo('catalog:orgs', async () => (await listOrgs(ctx)).filter((o) => o.type !== 'office'));
    // Kept per known body only: an address with a made-up body code must not fill the cache.
    const selected = orgs.some((o) => o.code === filters.org) ? filters.org! : '';
    const [categories, topicList] = await Promise.all([
      ctx.pages.memo(`catalog:categories:${selected}`, () => categoriesOf(ctx, selected || undefined)),
      ctx.pages.memo('catalog:topics', () => topics(ctx)),
    ]);
    // Hundreds of bodies in a county: their options are rendered once per selected body, not on every page.
    const orgOptions = await ctx.pages.memo(`catalog:org-options:${selected}`, async () =>
      html`${orgs.map((o) => html`<option value="${o.code}"${selected === o.code ? html` selected` : ''}>${o.name}</option>`)}`);
    const pageHref = (n: number) => `/xxgk/catalog?${new URLSearchParams(Object.entries({ ...filters, page: n > 1 ? n : undefined }).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString()}`;
    const pages = Math.max(1, result.pages);
    return {
      title: filters.q ? `检索：${filters.q}` : '政府信息公开目录',
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '政府信息公开', href: '/xxgk' }, { label: '公开目录' }],
      head: html`<link rel="alternate" type="application/atom+xml" title="最新公开信息" href="/xxgk/feed.xml">`,
      body: html`<h1>政府信息公开目录</h1>
<form class="catalog-filters" method="get" action="/xxgk/catalog" role="search">
<div class="form-row"><label for="q">关键词</label><input id="q" name="q" type="search" value="${filters.q ?? ''}" aria-describedby="q-hint"><span id="q-hint" class="hint">可输入标题、正文中的词语，或索引号、发文字号</span></div>
<div class="form-row"><label for="org">发布机构</label><select id="org" name="org"><option value="">全部</option>${orgOptions}</select></div>
<div class="form-row"><label for="category">信息类别</label><select id="category" name="category"><option value="">全部</option>${optionList(categories, filters.category)}</select></div>
<div class="form-row"><label for="topic">主题分类</label><select id="topic" name="topic"><option value="">全部</option>${optionList(topicList, filters.topic)}</select></div>
<div class="form-row"><label for="year">发布年份</label><input id="year" name="year" type="text" inputmode="numeric" value="${filters.year ?? ''}"></div>
<div class="form-row"><label for="validity">有效性</label><select id="validity" name="validity"><option value="">全部</option>${Object.entries(VALIDITY_LABELS).map(([k, v]) => html`<option value="${k}"${filters.validity === k ? html` selected` : ''}>${v}</option>`)}</select></div>
<p><button type="submit">检索</button>　<a href="/xxgk/feed.xml">订阅（Atom）</a></p>
</form>
<p class="result-count" role="status">${result.total ? `共找到${result.total}条${result.capped ? '以上' : ''}政府信息${pages > 1 ? `，第${page}页／共${pages}页` : ''}。` : ''}</p>
${result.items.length ? html`<ol class="catalog-list">${result.items.map((i) => html`<li>
<h2><a href="${i.url}">${result.terms.length ? highlight(i.title, result.terms) : i.title}</a>${i.status === 'withdrawn' ? html` <small>（已撤销）</small>` : ''}</h2>
<p class="hint">索引号：${i.indexNo}　发布机构：${i.orgName}${i.docNo ? `　文号：${i.docNo}` : ''}　发布日期：<time datetime="${i.publishedOn}">${i.publishedOn}</time></p>
${i.snippet ? html`<p>${highlight(i.snippet, result.terms)}</p>` : ''}
</li>`)}</ol>` : html`<p>没有找到符合条件的政府信息。没有找到所需信息的，可以<a href="/ysqgk">申请政府信息公开</a>。</p>`}
${pages > 1 ? html`<nav class="pager" aria-label="分页"><p>${page > 1 ? html`<a href="${pageHref(page - 1)}" rel="prev">上一页</a>　` : ''}第${page}页／共${pages}页${page < pages ? html`　<a href="${pageHref(page + 1)}" rel="next">下一页</a>` : ''}</p></nav>` : ''}`,
    };
    });
  });

  app.get('/xxgk/items/:orgCode/:serial', {
    config: { auth: 'public' },
    schema: { hide: true, params: z.object({ orgCode: z.string().max(20), serial: z.string().max(20) }) },
  }, async (request, reply) => {
    await publicCache(ctx, reply);
    return sendCachedPage(ctx, request, reply, async () => {
    const item = await catalogItem(ctx, `${request.params.orgCode}/${request.params.serial}`);
    const solicitation = await solicitationOfFinalItem(ctx, item.id);
    const meta: [string, string | null][] = [
      ['索引号', item.indexNo], ['发布机构', item.orgName], ['发文字号', item.docNo], ['成文日期', item.writtenOn], ['发布日期', item.publishedOn],
      ['主题分类', item.topic], ['信息类别', item.category], ['有效性', `${VALIDITY_LABELS[item.validity]}${item.validityChangedOn && item.validity !== 'valid' ? `（${item.validityChangedOn}）` : ''}`],
    ];
    return {
      title: item.title,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '公开目录', href: '/xxgk/catalog' }, { label: item.title }],
      body: html`<article>
<table class="metadata"><caption>信息属性</caption><tbody>${meta.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v ?? '—'}</td></tr>`)}</tbody></table>
<h1>${item.title}</h1>
${item.status === 'withdrawn' ? html`<p class="notice" role="note">本信息已于${item.withdrawnOn}撤销。撤销原因：${item.withdrawnReason}</p>` : ''}
${item.replacedByIndexNo ? html`<p class="notice">本文件已被<a href="${itemPath(item.replacedByIndexNo)}">${item.replacedByIndexNo}</a>替代。</p>` : ''}
${item.status === 'withdrawn' ? '' : html`<div class="item-body">${raw(item.bodyHtml)}</div>`}
${item.attachments.length ? html`<h2>附件</h2><ul>${item.attachments.map((a) => html`<li><a href="${a.url}">${a.fileName}</a>（${Math.ceil(a.size / 1024)} KB）</li>`)}</ul>` : ''}
${item.interprets ? html`<p>解读的文件：<a href="${item.interprets.url}">${item.interprets.title}</a></p>` : ''}
${item.interpretations.length ? html`<h2>政策解读</h2><ul>${item.interpretations.map((i) => html`<li><a href="${i.url ?? '#'}">${i.title}</a></li>`)}</ul>` : ''}
${solicitation ? html`<section class="item-solicitation" aria-labelledby="item-solicitation-h"><h2 id="item-solicitation-h">本文件征求意见情况</h2>
<p>本文件起草过程中公开征求了社会公众意见${solicitation.comments ? `，共收到意见${solicitation.comments}条` : ''}：<a href="${solicitation.url}">${solicitation.title}</a>${solicitation.feedbackPublishedOn ? `（意见采纳情况于${formatChineseDate(solicitation.feedbackPublishedOn)}公布）` : ''}。</p></section>` : ''}
${item.changes.length ? html`<h2>变更说明</h2><ul>${item.changes.map((c) => html`<li>${new Date(c.at).toISOString().slice(0, 10)}：${c.note}</li>`)}</ul>` : ''}
</article>`,
    };
    });
  });

  app.get('/xxgk/items/:orgCode/:serial/attachments/:id', {
    config: { auth: 'public' },
    schema: { hide: true, params: z.object({ orgCode: z.string().max(20), serial: z.string().max(20), id: z.coerce.number().int().positive().max(2_147_483_647) }) },
  }, async (request, reply) => {
    const file = await catalogAttachment(ctx, `${request.params.orgCode}/${request.params.serial}`, request.params.id);
    return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
  });

  app.get('/xxgk/guide', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const orgs = (await listOrgs(ctx)).filter((o) => o.type !== 'office');
    return sendPage(request, reply, {
      title: '政府信息公开指南',
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '政府信息公开', href: '/xxgk' }, { label: '公开指南' }],
      body: html`<h1>政府信息公开指南</h1><p>各机关的政府信息公开指南（条例第十二条）：</p><ul class="link-list">${orgs.map((o) => html`<li><a href="/xxgk/guide/${o.code}">${o.name}政府信息公开指南</a></li>`)}</ul>`,
    });
  });

  app.get('/xxgk/guide/:code', {
    config: { auth: 'public' },
    schema: { hide: true, params: z.object({ code: z.string().max(64) }) },
  }, async (request, reply) => {
    const { org, content } = await getGuide(ctx, request.params.code);
    const categories = await categoriesOf(ctx, org.code);
    const text = (value: string | undefined, generated: SafeHtml) => (value ? html`${value.split(/\n+/).map((p) => html`<p>${p}</p>`)}` : generated);
    return sendPage(request, reply, {
      title: `${org.name}政府信息公开指南`,
      breadcrumbs: [{ label: '首页', href: '/' }, { label: '公开指南', href: '/xxgk/guide' }, { label: org.name }],
      body: html`<article class="guide"><h1>${org.name}政府信息公开指南</h1>
<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，编制本指南。</p>
<h2>一、主动公开</h2>
<p>（一）公开范围：本机关依照《条例》第十九条、第二十条的规定主动公开政府信息，具体见<a href="/xxgk/catalog?org=${org.code}">本机关政府信息公开目录</a>。目录类别包括：${categories.join('、')}。</p>
<p>（二）公开方式：通过本平台、政府公报、新闻发布会以及报刊、广播、电视等途径公开。</p>
<p>（三）公开时限：属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开（《条例》第二十六条）。</p>
<h2>二、依申请公开</h2>
${text(content.acceptingOffice, html`<p>（一）受理机构：${org.name}政府信息公开工作机构。</p>`)}
<dl class="contact"><dt>办公地址</dt><dd>${org.address ?? '—'}</dd><dt>办公时间</dt><dd>${org.officeHours ?? '—'}</dd><dt>联系电话</dt><dd>${org.phone ?? '—'}</dd><dt>传真</dt><dd>${org.fax ?? '—'}</dd><dt>电子邮箱</dt><dd>${org.email ?? '—'}</dd><dt>邮政编码</dt><dd>${org.postalCode ?? '—'}</dd></dl>
${text(content.channels, html`<p>（二）受理渠道：<a href="/ysqgk/apply">网上申请</a>、信函申请、传真申请、当面申请；书写确有困难的，可以口头提出，由工作人员代为填写。</p>`)}
${text(content.process, html`<p>（三）办理流程：申请人提交申请 → 本机关确认收到并登记 → 审查（需要补正的，在收到申请之日起7个工作日内一次性告知）→ 能够当场答复的当场答复，不能当场答复的自收到申请之日起20个工作日内答复，需要延长的经政府信息公开工作机构负责人同意可延长不超过20个工作日。</p>`)}
${text(content.fees, html`<p>（四）收费说明：依申请提供政府信息不收取费用；申请人申请公开政府信息的数量、频次明显超过合理范围的，可以按照《政府信息公开信息处理费管理办法》收取信息处理费。</p>`)}
<h2>三、监督和救济</h2>
<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>
${content.extra ? html`<h2>四、其他</h2>${content.extra.split(/\n+/).map((p) => html`<p>${p}</p>`)}` : ''}
<p class="hint">打印本页：使用浏览器的打印功能，页眉页脚导航不会被打印。</p>
</article>`,
    });
  });

}
