/**
 * Every public address of the portal other than the catalog's items, grouped as a person reads
 * them: the XML sitemap (for search engines) and the 网站地图 page (for people) are built from
 * this one list, so neither can forget a page the other has.
 */
import type { AppContext } from '../../context.js';
import { todayInChina, yearOf } from '../../domain/dates.js';
import type { Org } from '../orgs/orgs.repository.js';
import { listOrgs } from '../orgs/orgs.service.js';
import { listPublishedReports } from '../reports/reports.service.js';
import { listMailboxes } from '../interaction/mailboxes.service.js';
import { listGuideAddresses } from '../services/items.service.js';

export interface SiteLink {
  url: string;
  label: string;
  /** YYYY-MM-DD of the last change, where known (the sitemap's <lastmod>). */
  lastModified?: string;
}

export interface BodyLinks {
  org: Org;
  page: SiteLink;
  guide: SiteLink;
  catalog: SiteLink;
  reports: SiteLink[];
  statistics: SiteLink[];
  /** 互动交流: the body's mailboxes (县长信箱, 局长信箱 …). */
  mailboxes: SiteLink[];
  /** 政务服务: the 办事指南 of the body's published items. */
  serviceGuides: SiteLink[];
}

export interface SiteAddresses {
  sections: { title: string; links: SiteLink[] }[];
  bodies: BodyLinks[];
}

export function statisticsPath(orgCode: string, year: number, rollup = false): string {
  return `/xxgk/stats/${orgCode}/${year}${rollup ? '?rollup=1' : ''}`;
}

/** The county's own government: the body whose statistics include all the others (roll-up). */
export function countyOf(orgs: Org[]): Org | undefined {
  return orgs.find((o) => o.type === 'government' && !o.parentCode) ?? orgs.find((o) => o.type === 'government');
}

/** The statistics a visitor is offered: this year so far and last year, whole. */
export function statisticsYears(now: Date): [current: number, previous: number] {
  const year = yearOf(todayInChina(now));
  return [year, year - 1];
}

export async function siteAddresses(ctx: AppContext): Promise<SiteAddresses> {
  // 内设机构 (offices inside a body) have no guide, catalog or report of their own.
  const bodies = (await listOrgs(ctx)).filter((o) => o.type !== 'office');
  const boxes = await listMailboxes(ctx);
  const guides = new Map<string, SiteLink[]>();
  for (const { orgCode, url, label, lastModified } of await listGuideAddresses(ctx)) guides.set(orgCode, [...(guides.get(orgCode) ?? []), { url, label: `办事指南：${label}`, lastModified }]);
  const county = countyOf(bodies);
  const years = statisticsYears(ctx.now());

  // One address per body and year: the newest version (and the roll-up, at the same address) replace the older ones.
  const reports = new Map<string, SiteLink & { orgCode: string; year: number }>();
  for (const r of await listPublishedReports(ctx)) {
    const key = `${r.orgCode}/${r.year}`;
    const lastModified = r.publishedAt ? todayInChina(new Date(r.publishedAt)) : undefined;
    const seen = reports.get(key);
    if (!seen) reports.set(key, { url: `/xxgk/reports/${key}`, label: `${r.year}年政府信息公开工作年度报告`, lastModified, orgCode: r.orgCode, year: r.year });
    else if (lastModified && (!seen.lastModified || lastModified > seen.lastModified)) seen.lastModified = lastModified;
  }
  const reportList = [...reports.values()];

  return {
    sections: [
      {
        title: '政府信息公开',
        links: [
          { url: '/xxgk', label: '政府信息公开' },
          { url: '/xxgk/guide', label: '政府信息公开指南' },
          { url: '/xxgk/catalog', label: '政府信息公开目录' },
          { url: '/xxgk/reports', label: '政府信息公开工作年度报告' },
          ...(county ? years.map((y) => ({ url: statisticsPath(county.code, y, true), label: `${y}年政务公开统计${y === years[0] ? '（截至目前）' : ''}` })) : []),
        ],
      },
      {
        title: '依申请公开',
        links: [
          { url: '/ysqgk', label: '依申请公开' },
          { url: '/ysqgk/apply', label: '在线申请' },
          { url: '/ysqgk/status', label: '查询办理进度' },
          { url: '/ysqgk/account', label: '申请人登录（我的申请）' },
          { url: '/ysqgk/account/register', label: '注册申请人账户' },
        ],
      },
      {
        title: '互动交流',
        links: [
          { url: '/hdjl', label: '互动交流' }, { url: '/hdjl/xx', label: '信箱（写信与来信选登）' }, { url: '/hdjl/cx', label: '来信查询与评价' }, /* 便民问答 */ { url: '/hdjl/faq', label: '便民问答' },
          /* 意见征集、回应关切 (issue 13) */ { url: '/hdjl/yjzj', label: '意见征集' }, { url: '/hdjl/hygq', label: '回应关切' },
        ],
      },
      // 政务服务 (issue 14)
      {
        title: '政务服务',
        links: [
          { url: '/zwfw', label: '政务服务事项' }, { url: '/zwfw/lists/power', label: '权力清单' }, { url: '/zwfw/lists/responsibility', label: '责任清单' },
          { url: '/zwfw/lists/publicService', label: '公共服务事项清单' }, { url: '/zwfw/track', label: '办件查询' },
          { url: '/zwfw/rate', label: '办件评价（好差评）' }, { url: '/zwfw/ratings', label: '好差评公示' }, { url: '/zwfw/stats', label: '政务服务统计' },
        ],
      },
      { title: '网站信息', links: [{ url: '/', label: '首页' }, { url: '/orgs', label: '机构信息' }, { url: '/sitemap', label: '网站地图' }, { url: '/search', label: '全站搜索' }] },
    ],
    bodies: bodies.map((org) => ({
      org,
      page: { url: `/orgs/${org.code}`, label: org.name },
      guide: { url: `/xxgk/guide/${org.code}`, label: '公开指南' },
      catalog: { url: `/xxgk/catalog?org=${encodeURIComponent(org.code)}`, label: '公开目录' },
      reports: reportList.filter((r) => r.orgCode === org.code).map(({ url, label, lastModified }) => ({ url, label, ...(lastModified ? { lastModified } : {}) })),
      statistics: [{ url: statisticsPath(org.code, years[1]), label: `${years[1]}年统计` }],
      mailboxes: boxes.filter((b) => b.orgCode === org.code).flatMap((b) => [{ url: b.url, label: b.name }, /* 来信办理情况 */ { url: `${b.url}/stats`, label: `${b.name}来信办理情况` }]),
      serviceGuides: guides.get(org.code) ?? [],
    })),
  };
}

/** Every address of the list, once, in reading order (the sitemap's file of portal pages). */
export function allAddresses(site: SiteAddresses): SiteLink[] {
  const links = [
    ...site.sections.flatMap((s) => s.links),
    ...site.bodies.flatMap((b) => [b.page, b.guide, ...b.reports, ...b.statistics, ...b.mailboxes, ...b.serviceGuides]),
  ];
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.url) && seen.add(l.url));
}
