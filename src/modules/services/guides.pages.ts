/**
 * The public pages of 政务服务: the item list (filter by body, kind, life event or business stage),
 * each item's 办事指南 with its flow chart (print-friendly, no JavaScript), the three lists
 * (权力清单 / 责任清单 / 公共服务事项清单) generated from the registry, and the applicant's case query.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { LABELS, labelOf } from '../../domain/labels.js';
import { listsOf, SERVICE_ITEM_KIND_KEYS, SERVICE_LISTS, type ServiceItemKind, type ServiceList } from '../../domain/services/service-items.js';
import { isAppError } from '../../http/errors.js';
import { html, type SafeHtml } from '../../http/views/html.js';
import { sendCachedPage, sendPage } from '../../http/views/placeholder.js';
import type { App } from '../../http/types.js';
import { listOrgs } from '../orgs/orgs.service.js';
import { caseForApplicant } from './cases.service.js';
import { flowChartSvg } from './flow-chart.js';
import { materialFile, publicMaterialFiles } from './guides.service.js';
import { getPublicItem, guideUrl, listPublicItems, type ServiceGuide, type ServiceItemRow } from './items.service.js';

const HEAD = html`<link rel="stylesheet" href="/static/services.css">`;
const HOME = { label: '首页', href: '/' };
const ZWFW = { label: '政务服务', href: '/zwfw' };

function limitText(days: number): string {
  return days === 0 ? '即办件（受理当日办结）' : `${days}个工作日`;
}

function options(table: Record<string, string>, selected: string | undefined) {
  return Object.entries(table).map(([k, v]) => html`<option value="${k}"${k === selected ? html` selected` : ''}>${v}</option>`);
}

function itemRows(items: ServiceItemRow[]): SafeHtml {
  if (!items.length) return html`<p class="empty">没有符合条件的事项。</p>`;
  return html`<section class="table-scroll" aria-label="政务服务事项列表" tabindex="0"><table class="data-table service-items"><caption class="visually-hidden">政务服务事项</caption>
<thead><tr><th scope="col">事项名称</th><th scope="col">事项类型</th><th scope="col">实施机关</th><th scope="col">法定时限</th><th scope="col">承诺时限</th></tr></thead>
<tbody>${items.map((i) => html`<tr><td><a href="${guideUrl(i.code)}">${i.name}</a></td><td>${labelOf('serviceItemKind', i.kind)}</td><td>${i.orgName}</td><td>${limitText(i.legalLimitDays)}</td><td>${limitText(i.promisedLimitDays)}</td></tr>`)}</tbody></table></section>`;
}

type MaterialFiles = Awaited<ReturnType<typeof publicMaterialFiles>>;

function guideBody(item: ServiceItemRow, files: MaterialFiles): SafeHtml {
  const g = item.guide as ServiceGuide;
  const field = (label: string, value: unknown) => (value ? html`<tr><th scope="row">${label}</th><td>${value}</td></tr>` : '');
  const steps = g.steps ?? [];
  return html`<h1>${item.name}</h1>
<p class="guide-meta">事项编码：${item.code}　版本：第${item.version}版</p>
<p class="no-print"><a href="/zwfw">返回事项列表</a></p>
<h2>基本信息</h2>
<table class="data-table guide-table"><caption class="visually-hidden">基本信息</caption><tbody>
${field('事项类型', labelOf('serviceItemKind', item.kind))}
${field('实施机关', item.orgName)}
${field('设定依据', g.basis)}
${field('法定办结时限', limitText(item.legalLimitDays))}
${field('承诺办结时限', limitText(item.promisedLimitDays))}
${item.deemedApproval ? field('逾期处理', '超过承诺时限未作决定的，视为同意，由政务服务中心督办') : ''}
${field('收费标准', g.fees ?? '不收费')}
${field('收费依据', g.feeBasis)}
${field('办理地点', g.location)}
${field('办理时间', g.hours)}
${field('咨询电话', g.consultPhone)}
${field('监督投诉电话', g.complaintPhone)}
${field('网上办理', g.online ? '可网上办理' : '须到窗口办理')}
</tbody></table>
${g.conditions ? html`<h2>受理条件</h2><p class="pre">${g.conditions}</p>` : ''}
<h2>申请材料</h2>
${g.materials?.length ? html`<table class="data-table"><caption class="visually-hidden">申请材料</caption><thead><tr><th scope="col">序号</th><th scope="col">材料名称</th><th scope="col">份数</th><th scope="col">说明</th><th scope="col">下载</th></tr></thead>
<tbody>${g.materials.map((m, i) => {
    const own = files.filter((f) => f.materialKey === m.key);
    return html`<tr><td>${i + 1}</td><td>${m.name}</td><td>${m.copies ?? ''}</td><td>${m.note ?? ''}</td><td>${own.length ? own.map((f) => html`<a href="${guideUrl(item.code)}/materials/${m.key}/${f.kind}">${f.kindLabel}</a> `) : '—'}</td></tr>`;
  })}</tbody></table>` : html`<p>无需提交申请材料。</p>`}
<h2>办理流程</h2>
${steps.length ? html`<figure class="flow">${flowChartSvg(steps, `${item.name}办理流程图`)}<figcaption>办理流程图</figcaption></figure>
<ol class="flow-steps">${steps.map((s) => html`<li>${s.name}${s.who ? html`（${s.who}）` : ''}${s.limit ? html`：${s.limit}` : ''}</li>`)}</ol>` : html`<p>到窗口提交申请，受理后按承诺时限办结。</p>`}
<p class="no-print"><a href="/zwfw/track">查询办件进度</a></p>`;
}

const filterSchema = z.object({
  org: z.string().max(64).optional(), kind: z.string().max(32).optional(), lifeEvent: z.string().max(32).optional(),
  businessStage: z.string().max(32).optional(), q: z.string().max(100).optional(),
});

export async function servicePages(app: App, ctx: AppContext) {
  app.get('/zwfw', {
    config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { hide: true, querystring: filterSchema },
  }, async (request, reply) => {
    const f = request.query;
    const kind = (SERVICE_ITEM_KIND_KEYS as readonly string[]).includes(f.kind ?? '') ? f.kind : undefined;
    const lifeEvent = f.lifeEvent && f.lifeEvent in LABELS.lifeEvent ? f.lifeEvent : undefined;
    const businessStage = f.businessStage && f.businessStage in LABELS.businessStage ? f.businessStage : undefined;
    return sendCachedPage(ctx, request, reply, async () => {
      const orgs = (await listOrgs(ctx)).filter((o) => o.type !== 'office');
      const org = orgs.find((o) => o.code === f.org);
      const items = await listPublicItems(ctx, { orgCode: org?.code, kind, lifeEvent, businessStage, q: f.q?.trim() || undefined });
      return {
        title: '政务服务',
        breadcrumbs: [HOME, { label: '政务服务' }],
        head: HEAD,
        body: html`<h1>政务服务事项</h1>
<nav class="related" aria-label="政务服务"><ul>
${Object.entries(SERVICE_LISTS).map(([k, v]) => html`<li><a href="/zwfw/lists/${k}">${v}</a></li>`)}
<li><a href="/zwfw/track">办件查询</a></li>
</ul></nav>
<form class="filters" method="get" action="/zwfw" role="search" aria-label="筛选事项">
<div class="form-row"><label for="f-q">事项名称</label><input id="f-q" name="q" type="search" value="${f.q ?? ''}"></div>
<div class="form-row"><label for="f-org">实施机关</label><select id="f-org" name="org"><option value="">全部机关</option>${orgs.map((o) => html`<option value="${o.code}"${o.code === org?.code ? html` selected` : ''}>${o.name}</option>`)}</select></div>
<div class="form-row"><label for="f-kind">事项类型</label><select id="f-kind" name="kind"><option value="">全部类型</option>${options(LABELS.serviceItemKind, kind)}</select></div>
<div class="form-row"><label for="f-life">个人办事（人生事件）</label><select id="f-life" name="lifeEvent"><option value="">不限</option>${options(LABELS.lifeEvent, lifeEvent)}</select></div>
<div class="form-row"><label for="f-stage">法人办事（经营阶段）</label><select id="f-stage" name="businessStage"><option value="">不限</option>${options(LABELS.businessStage, businessStage)}</select></div>
<p><button type="submit">筛选</button></p>
</form>
<p>共${items.length}项。</p>
${itemRows(items)}`,
      };
    });
  });

  app.get('/zwfw/items/:code', {
    config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { hide: true, params: z.object({ code: z.string().max(64) }) },
  }, async (request, reply) => {
    const item = await getPublicItem(ctx, request.params.code);
    const files = await publicMaterialFiles(ctx, item.id);
    return sendCachedPage(ctx, request, reply, async () => ({
      title: `${item.name}办事指南`,
      description: `${item.orgName}${item.name}的办事指南：设定依据、申请材料、办理流程和时限。`,
      breadcrumbs: [HOME, ZWFW, { label: '办事指南' }],
      head: HEAD,
      body: guideBody(item, files),
    }));
  });

  app.get('/zwfw/items/:code/materials/:materialKey/:kind', {
    config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { hide: true, params: z.object({ code: z.string().max(64), materialKey: z.string().max(32), kind: z.enum(['blank', 'sample']) }) },
  }, async (request, reply) => {
    const file = await materialFile(ctx, request.params.code, request.params.materialKey, request.params.kind);
    return reply.type(file.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
  });

  app.get('/zwfw/lists/:list', {
    config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { hide: true, params: z.object({ list: z.enum(Object.keys(SERVICE_LISTS) as [ServiceList, ...ServiceList[]]) }) },
  }, async (request, reply) => sendCachedPage(ctx, request, reply, async () => {
    const list = request.params.list;
    const items = (await listPublicItems(ctx, {})).filter((i) => listsOf(i.kind as ServiceItemKind).includes(list));
    const title = SERVICE_LISTS[list];
    const byOrg = new Map<string, ServiceItemRow[]>();
    for (const i of items) byOrg.set(i.orgName, [...(byOrg.get(i.orgName) ?? []), i]);
    return {
      title,
      breadcrumbs: [HOME, ZWFW, { label: title }],
      head: HEAD,
      body: html`<h1>${title}</h1>
<p>${list === 'responsibility' ? '本清单列明各机关行使行政权力对应的责任事项、承诺时限和监督投诉电话。' : list === 'power' ? '本清单列明各机关依法行使的行政权力事项及其设定依据。' : '本清单列明各机关提供的公共服务事项。'}由政务服务事项目录自动生成。</p>
${items.length ? [...byOrg.entries()].map(([orgName, rows]) => html`<h2>${orgName}</h2>
<table class="data-table"><caption class="visually-hidden">${orgName}${title}</caption><thead><tr><th scope="col">序号</th><th scope="col">事项名称</th><th scope="col">类型</th>${list === 'responsibility' ? html`<th scope="col">承诺时限</th><th scope="col">监督投诉电话</th>` : html`<th scope="col">设定依据</th>`}</tr></thead>
<tbody>${rows.map((r, n) => html`<tr><td>${n + 1}</td><td><a href="${guideUrl(r.code)}">${r.name}</a></td><td>${labelOf('serviceItemKind', r.kind)}</td>${list === 'responsibility' ? html`<td>${limitText(r.promisedLimitDays)}</td><td>${(r.guide as ServiceGuide).complaintPhone ?? ''}</td>` : html`<td>${(r.guide as ServiceGuide).basis ?? ''}</td>`}</tr>`)}</tbody></table>`) : html`<p class="empty">暂无事项。</p>`}`,
    };
  }));

  const trackForm = (message?: string) => html`<form method="post" action="/zwfw/track">
${message ? html`<p class="error" role="alert">${message}</p>` : ''}
<div class="form-row"><label for="f-caseNo">办件编号</label><input id="f-caseNo" name="caseNo" type="text" required autocomplete="off"></div>
<div class="form-row"><label for="f-queryPassword">查询密码</label><input id="f-queryPassword" name="queryPassword" type="password" required autocomplete="current-password"></div>
<p><button type="submit">查询</button></p></form>`;
  const trackCrumbs = [HOME, ZWFW, { label: '办件查询' }];

  app.get('/zwfw/track', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendPage(request, reply, { title: '办件查询', breadcrumbs: trackCrumbs, head: HEAD, body: html`<h1>办件查询</h1><p>请输入受理通知书上的办件编号和查询密码。</p>${trackForm()}` }));

  app.post('/zwfw/track', {
    config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true, body: z.object({ caseNo: z.string().max(64).default(''), queryPassword: z.string().max(64).default('') }) },
  }, async (request, reply) => {
    try {
      const { row, steps } = await caseForApplicant(ctx, request.body.caseNo, request.body.queryPassword);
      return sendPage(request, reply, {
        title: `办件 ${row.caseNo}`,
        breadcrumbs: trackCrumbs,
        head: HEAD,
        body: html`<h1>办件进度</h1>
<table class="data-table guide-table"><caption class="visually-hidden">办件信息</caption><tbody>
<tr><th scope="row">办件编号</th><td>${row.caseNo}</td></tr>
<tr><th scope="row">事项</th><td><a href="${guideUrl(row.itemCode)}">${row.itemName}</a></td></tr>
<tr><th scope="row">受理机关</th><td>${row.orgName}</td></tr>
<tr><th scope="row">状态</th><td>${labelOf('serviceCaseStatus', row.status)}${row.result ? html`（${labelOf('serviceCaseResult', row.result)}）` : ''}</td></tr>
${row.acceptedOn ? html`<tr><th scope="row">受理日期</th><td>${row.acceptedOn}</td></tr>` : ''}
${row.dueOn ? html`<tr><th scope="row">承诺办结日期</th><td>${row.dueOn}</td></tr>` : ''}
${row.completedOn ? html`<tr><th scope="row">办结日期</th><td>${row.completedOn}</td></tr>` : ''}
</tbody></table>
<h2>办理过程</h2>
<ol class="case-steps">${steps.map((s) => html`<li>${s.onDate}　${labelOf('serviceCaseAction', s.action, labelOf('intakeDecision', s.action))}${s.note ? html`：${s.note}` : ''}</li>`)}</ol>`,
      });
    } catch (error) {
      if (!isAppError(error)) throw error;
      reply.code(error.status);
      return sendPage(request, reply, { title: '办件查询', breadcrumbs: trackCrumbs, head: HEAD, body: html`<h1>办件查询</h1>${trackForm(error.message)}` });
    }
  });
}
