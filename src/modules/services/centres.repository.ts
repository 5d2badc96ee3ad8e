/** Queries of 政务服务中心, their windows, the clerks and the items placed there (进驻). */
import type { Executor } from '../audit/audit.repository.js';

export async function findWindow(db: Executor, id: number) {
  return db
    .selectFrom('serviceWindows')
    .innerJoin('serviceCentres', 'serviceCentres.id', 'serviceWindows.centreId')
    .innerJoin('orgs', 'orgs.id', 'serviceWindows.orgId')
    .select(['serviceWindows.id', 'serviceWindows.centreId', 'serviceCentres.name as centreName', 'serviceCentres.orgId as centreOrgId', 'serviceWindows.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'serviceWindows.number', 'serviceWindows.name', 'serviceWindows.chiefUserId'])
    .where('serviceWindows.id', '=', id)
    .executeTakeFirst();
}

export async function windowHoldsItem(db: Executor, windowId: number, itemId: number): Promise<boolean> {
  return !!(await db.selectFrom('serviceWindowItems').select('windowId').where('windowId', '=', windowId).where('itemId', '=', itemId).executeTakeFirst());
}

/** The windows of a clerk that hold an item, lowest number first. */
/** The clerk's windows, lowest first, each saying whether the item is assigned to it (one statement). */
export async function clerkWindowsHolding(db: Executor, userId: number, itemId: number): Promise<{ windowId: number; holdsItem: boolean }[]> {
  return (await db.selectFrom('serviceWindowClerks as wc')
    .select(['wc.windowId', (eb) => eb.exists(eb.selectFrom('serviceWindowItems as wi').select('wi.itemId').whereRef('wi.windowId', '=', 'wc.windowId').where('wi.itemId', '=', itemId)).as('holdsItem')])
    .where('wc.userId', '=', userId)
    .orderBy('wc.windowId')
    .execute()).map((r) => ({ windowId: r.windowId, holdsItem: !!r.holdsItem }));
}

export async function clerkWindows(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('serviceWindowClerks').select('windowId').where('userId', '=', userId).execute();
  return rows.map((r) => r.windowId);
}

export async function insertCentre(db: Executor, row: { orgId: number; name: string; type: string; address: string | null; hours: string | null; phone: string | null; warningDays: number }): Promise<number> {
  return (await db.insertInto('serviceCentres').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findCentre(db: Executor, id: number) {
  return db.selectFrom('serviceCentres').innerJoin('orgs', 'orgs.id', 'serviceCentres.orgId')
    .select(['serviceCentres.id', 'serviceCentres.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'serviceCentres.name', 'serviceCentres.type', 'serviceCentres.address', 'serviceCentres.hours', 'serviceCentres.phone', 'serviceCentres.warningDays'])
    .where('serviceCentres.id', '=', id).executeTakeFirst();
}

export async function listCentres(db: Executor, orgIds: number[] | 'all') {
  let q = db.selectFrom('serviceCentres').innerJoin('orgs', 'orgs.id', 'serviceCentres.orgId')
    .select(['serviceCentres.id', 'serviceCentres.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'serviceCentres.name', 'serviceCentres.type', 'serviceCentres.address', 'serviceCentres.hours', 'serviceCentres.phone', 'serviceCentres.warningDays']);
  if (orgIds !== 'all') q = orgIds.length ? q.where('serviceCentres.orgId', 'in', orgIds) : q.where('serviceCentres.id', '=', -1);
  return q.orderBy('serviceCentres.id').execute();
}

export async function listWindows(db: Executor, centreIds: number[]) {
  if (!centreIds.length) return [];
  return db.selectFrom('serviceWindows')
    .innerJoin('orgs', 'orgs.id', 'serviceWindows.orgId')
    .leftJoin('users', 'users.id', 'serviceWindows.chiefUserId')
    .select(['serviceWindows.id', 'serviceWindows.centreId', 'serviceWindows.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'serviceWindows.number', 'serviceWindows.name', 'serviceWindows.chiefUserId', 'users.displayName as chiefName'])
    .where('serviceWindows.centreId', 'in', centreIds).orderBy('serviceWindows.centreId').orderBy('serviceWindows.number').execute();
}

export async function windowMembers(db: Executor, windowIds: number[]) {
  if (!windowIds.length) return { clerks: [], items: [] };
  const [clerks, items] = await Promise.all([
    db.selectFrom('serviceWindowClerks').innerJoin('users', 'users.id', 'serviceWindowClerks.userId').select(['serviceWindowClerks.windowId', 'users.id', 'users.username', 'users.displayName']).where('windowId', 'in', windowIds).orderBy('users.id').execute(),
    db.selectFrom('serviceWindowItems').innerJoin('serviceItems', 'serviceItems.id', 'serviceWindowItems.itemId').select(['serviceWindowItems.windowId', 'serviceItems.code', 'serviceItems.name']).where('windowId', 'in', windowIds).orderBy('serviceItems.code').execute(),
  ]);
  return { clerks, items };
}

export async function insertWindow(db: Executor, row: { centreId: number; orgId: number; number: string; name: string; chiefUserId: number | null }): Promise<number> {
  return (await db.insertInto('serviceWindows').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateWindow(db: Executor, id: number, fields: Partial<{ name: string; chiefUserId: number | null }>): Promise<void> {
  if (Object.keys(fields).length) await db.updateTable('serviceWindows').set(fields).where('id', '=', id).execute();
}

export async function setWindowClerks(db: Executor, windowId: number, userIds: number[]): Promise<void> {
  await db.deleteFrom('serviceWindowClerks').where('windowId', '=', windowId).execute();
  if (userIds.length) await db.insertInto('serviceWindowClerks').values(userIds.map((userId) => ({ windowId, userId }))).execute();
}

export async function setWindowItems(db: Executor, windowId: number, itemIds: number[]): Promise<void> {
  await db.deleteFrom('serviceWindowItems').where('windowId', '=', windowId).execute();
  if (itemIds.length) await db.insertInto('serviceWindowItems').values(itemIds.map((itemId) => ({ windowId, itemId }))).execute();
}

export async function usersByIds(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('users').select(['id', 'orgId', 'roles', 'displayName']).where('id', 'in', ids).execute();
}
