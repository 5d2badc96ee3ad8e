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
export async function clerkWindowsForItem(db: Executor, userId: number, itemId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('serviceWindowClerks')
    .innerJoin('serviceWindowItems', 'serviceWindowItems.windowId', 'serviceWindowClerks.windowId')
    .select('serviceWindowClerks.windowId')
    .where('serviceWindowClerks.userId', '=', userId)
    .where('serviceWindowItems.itemId', '=', itemId)
    .orderBy('serviceWindowClerks.windowId')
    .execute();
  return rows.map((r) => r.windowId);
}

export async function clerkWindows(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('serviceWindowClerks').select('windowId').where('userId', '=', userId).execute();
  return rows.map((r) => r.windowId);
}
