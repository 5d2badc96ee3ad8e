/**
 * The 政务服务事项 registry: each body's items with their limits and the 办事指南 fields.
 * Items created through the contract's POST are published at once as version 1; later changes are
 * drafted as new versions and published after review (guides.service.ts).
 */
import type { AppContext } from '../../context.js';
import { todayInChina, type IsoDate } from '../../domain/dates.js';
import type { Actor } from '../../domain/roles.js';
import { checkLimits, type ServiceItemKind } from '../../domain/services/service-items.js';
import { labelOf } from '../../domain/labels.js';
import { AppError } from '../../http/errors.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import { indexGuide } from './guide-search.js';
import * as repo from './items.repository.js';
import { canKeepRegistry, mayKeepRegistryOf } from './services.policy.js';

export type { ServiceItemRow } from './items.repository.js';

/** The 办事指南 fields beyond name, kind and limits. */
export interface ServiceGuide {
  basis?: string;
  conditions?: string;
  materials?: { key: string; name: string; copies?: string; note?: string }[];
  steps?: { name: string; who?: string; limit?: string }[];
  fees?: string;
  feeBasis?: string;
  location?: string;
  hours?: string;
  consultPhone?: string;
  complaintPhone?: string;
  online?: boolean;
  lifeEvents?: string[];
  businessStages?: string[];
}

export interface NewServiceItem {
  orgCode: string;
  name: string;
  kind: ServiceItemKind;
  legalLimitDays: number;
  promisedLimitDays: number;
  code?: string;
  deemedApproval?: boolean;
  guide?: ServiceGuide;
}

const KIND_CODES: Record<ServiceItemKind, string> = { license: 'XK', confirmation: 'QR', payment: 'JF', publicService: 'GG', other: 'QT' };

export function guideUrl(code: string): string {
  return `/zwfw/items/${encodeURIComponent(code)}`;
}

export function presentItem(item: repo.ServiceItemRow) {
  return {
    code: item.code, name: item.name, orgCode: item.orgCode, orgName: item.orgName, kind: item.kind, kindLabel: labelOf('serviceItemKind', item.kind),
    legalLimitDays: item.legalLimitDays, promisedLimitDays: item.promisedLimitDays, immediate: item.promisedLimitDays === 0,
    deemedApproval: item.deemedApproval, version: item.version, url: guideUrl(item.code),
  };
}

export async function createItem(ctx: AppContext, actor: Actor, input: NewServiceItem) {
  const org = await findOrgByCode(ctx.db, input.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '所属机构不存在。' }]);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canKeepRegistry(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  const problems = checkLimits(input.legalLimitDays, input.promisedLimitDays);
  if (problems.length) throw new AppError('SERVICE_LIMITS_INVALID', problems);
  return ctx.db.transaction().execute((trx) => insertItemIn(trx, actor, org, input)).finally(() => ctx.pages.invalidate());
}

/** The inside of createItem, in the caller's transaction (the registry import puts every row in one). */
export async function insertItemIn(trx: Transaction<DB>, actor: Actor, org: { id: number; code: string }, input: NewServiceItem): Promise<{ code: string }> {
  let code = input.code?.trim();
  if (code) {
    if (await repo.findItemByCode(trx, code)) throw new AppError('SERVICE_ITEM_CODE_TAKEN', [{ path: 'code', message: `事项编码“${code}”已被使用。` }]);
  } else {
    let n = (await repo.countItemsOfOrg(trx, org.id)) + 1;
    do code = `${org.code}-${KIND_CODES[input.kind]}-${String(n++).padStart(4, '0')}`;
    while (await repo.findItemByCode(trx, code));
  }
  const guide = (input.guide ?? {}) as Record<string, unknown>;
  const id = await repo.insertItem(trx, {
    code, orgId: org.id, name: input.name, kind: input.kind, legalLimitDays: input.legalLimitDays, promisedLimitDays: input.promisedLimitDays,
    deemedApproval: input.deemedApproval ?? false, guide, createdBy: actor.userId,
  });
  await repo.insertVersion(trx, { itemId: id, version: 1, status: 'published', data: { name: input.name, kind: input.kind, legalLimitDays: input.legalLimitDays, promisedLimitDays: input.promisedLimitDays, deemedApproval: input.deemedApproval ?? false, guide }, createdBy: actor.userId });
  await recordAudit(trx, {
    actor, orgId: org.id, action: 'service.item.create', targetType: 'serviceItem', targetId: code,
    summary: { after: { name: input.name, itemKind: labelOf('serviceItemKind', input.kind), legalLimitDays: input.legalLimitDays, promisedLimitDays: input.promisedLimitDays } },
  });
  await indexGuide(trx, code);
  return { code };
}

/** The public registry (published items), of one body or of all. */
export async function listPublicItems(ctx: AppContext, filter: { orgCode?: string; kind?: string; q?: string; lifeEvent?: string; businessStage?: string; rollup?: boolean }) {
  let orgIds: number[] | undefined;
  if (filter.orgCode) {
    const org = await findOrgByCode(ctx.db, filter.orgCode);
    if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'org', message: '机构不存在。' }]);
    orgIds = filter.rollup ? await subtreeIds(ctx.db, org.id) : [org.id];
  }
  return repo.listItems(ctx.db, { orgIds, kind: filter.kind, q: filter.q, lifeEvent: filter.lifeEvent, businessStage: filter.businessStage, publishedOnly: true });
}

export async function getPublicItem(ctx: AppContext, code: string) {
  const item = await repo.findItemByCode(ctx.db, code);
  if (!item || !item.published) throw new AppError('SERVICE_ITEM_NOT_FOUND');
  return item;
}

/** Every published 办事指南 page, per body (for the sitemap and the 网站地图 page). */
export async function listGuideAddresses(ctx: AppContext): Promise<{ orgCode: string; url: string; label: string; lastModified: IsoDate }[]> {
  return (await repo.listPublishedItemNames(ctx.db)).map((i) => ({ orgCode: i.orgCode, url: guideUrl(i.code), label: i.name, lastModified: todayInChina(new Date(i.updatedAt)) }));
}

/** An item the actor may keep (for registering cases and editing the guide). */
export async function itemForStaff(ctx: AppContext, actor: Actor, code: string, path = 'itemCode') {
  const item = await repo.findItemByCode(ctx.db, code);
  if (!item) throw new AppError('SERVICE_ITEM_NOT_FOUND', [{ path, message: `事项编码“${code}”不存在。` }]);
  if (!(await mayKeepRegistryOf(ctx.db, actor, item.orgId))) throw new AppError('FORBIDDEN');
  return item;
}
