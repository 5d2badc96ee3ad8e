/** Queries of the 政务服务事项 registry. */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.repository.js';

export interface ServiceItemRow {
  id: number;
  code: string;
  orgId: number;
  orgCode: string;
  orgName: string;
  name: string;
  kind: string;
  legalLimitDays: number;
  promisedLimitDays: number;
  deemedApproval: boolean;
  guide: Record<string, unknown>;
  version: number;
  published: boolean;
  updatedAt: Date;
}

function itemColumns(db: Executor) {
  return db
    .selectFrom('serviceItems')
    .innerJoin('orgs', 'orgs.id', 'serviceItems.orgId')
    .select([
      'serviceItems.id', 'serviceItems.code', 'serviceItems.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'serviceItems.name',
      'serviceItems.kind', 'serviceItems.legalLimitDays', 'serviceItems.promisedLimitDays', 'serviceItems.deemedApproval', 'serviceItems.guide',
      'serviceItems.version', 'serviceItems.published', 'serviceItems.updatedAt',
    ]);
}

export async function findItemByCode(db: Executor, code: string): Promise<ServiceItemRow | undefined> {
  return itemColumns(db).where('serviceItems.code', '=', code).executeTakeFirst();
}

export async function findItemsByCodes(db: Executor, codes: string[]): Promise<ServiceItemRow[]> {
  if (!codes.length) return [];
  return itemColumns(db).where('serviceItems.code', 'in', codes).execute();
}

/** Published items, lean (no guide text): the sitemap's 办事指南 addresses. */
export async function listPublishedItemNames(db: Executor) {
  return db.selectFrom('serviceItems').innerJoin('orgs', 'orgs.id', 'serviceItems.orgId')
    .select(['serviceItems.code', 'serviceItems.name', 'orgs.code as orgCode', 'serviceItems.updatedAt'])
    .where('serviceItems.published', '=', true)
    .orderBy('serviceItems.code')
    .execute();
}

export interface ItemFilter {
  orgIds?: number[];
  kind?: string;
  q?: string;
  lifeEvent?: string;
  businessStage?: string;
  publishedOnly?: boolean;
}

export async function listItems(db: Executor, filter: ItemFilter): Promise<ServiceItemRow[]> {
  let q = itemColumns(db);
  if (filter.orgIds) q = filter.orgIds.length ? q.where('serviceItems.orgId', 'in', filter.orgIds) : q.where(sql<boolean>`false`);
  if (filter.kind) q = q.where('serviceItems.kind', '=', filter.kind);
  if (filter.publishedOnly) q = q.where('serviceItems.published', '=', true);
  if (filter.q) q = q.where('serviceItems.name', 'like', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.lifeEvent) q = q.where(sql<boolean>`service_items.guide->'lifeEvents' ? ${filter.lifeEvent}`);
  if (filter.businessStage) q = q.where(sql<boolean>`service_items.guide->'businessStages' ? ${filter.businessStage}`);
  return q.orderBy('orgs.sortOrder').orderBy('serviceItems.code').execute();
}

export async function countItemsOfOrg(db: Executor, orgId: number): Promise<number> {
  const row = await db.selectFrom('serviceItems').select((eb) => eb.fn.countAll<number>().as('n')).where('orgId', '=', orgId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertItem(db: Executor, row: {
  code: string; orgId: number; name: string; kind: string; legalLimitDays: number; promisedLimitDays: number;
  deemedApproval: boolean; guide: Record<string, unknown>; createdBy: number;
}): Promise<number> {
  const inserted = await db.insertInto('serviceItems').values({ ...row, guide: JSON.stringify(row.guide) as never }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateItem(db: Executor, id: number, fields: Partial<{ name: string; kind: string; legalLimitDays: number; promisedLimitDays: number; deemedApproval: boolean; guide: Record<string, unknown>; version: number; published: boolean }>): Promise<void> {
  const { guide, ...rest } = fields;
  await db.updateTable('serviceItems').set({ ...rest, ...(guide ? { guide: JSON.stringify(guide) as never } : {}), updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function insertVersion(db: Executor, row: { itemId: number; version: number; status: string; data: Record<string, unknown>; createdBy: number }): Promise<number> {
  const inserted = await db.insertInto('serviceItemVersions').values({ ...row, data: JSON.stringify(row.data) as never }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function listVersions(db: Executor, itemId: number) {
  return db.selectFrom('serviceItemVersions').selectAll().where('itemId', '=', itemId).orderBy('version', 'desc').execute();
}

export async function findVersion(db: Executor, itemId: number, version: number) {
  return db.selectFrom('serviceItemVersions').selectAll().where('itemId', '=', itemId).where('version', '=', version).executeTakeFirst();
}

export async function setVersionStatus(db: Executor, id: number, fields: { status: string; reviewedBy?: number; reviewComment?: string | null }): Promise<void> {
  await db.updateTable('serviceItemVersions').set({ ...fields, ...(fields.reviewedBy ? { reviewedAt: new Date() } : {}) }).where('id', '=', id).execute();
}
