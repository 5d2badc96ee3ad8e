import type { Insertable } from 'kysely';
import type { DisclosureRequestsTable } from '../../db/tables/requests.js';
import type { Executor } from '../audit/audit.repository.js';

export type { Executor };

export async function insertRequest(db: Executor, row: Insertable<DisclosureRequestsTable>): Promise<number> {
  return (await db.insertInto('disclosureRequests').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findByTrackingNo(db: Executor, trackingNo: string) {
  return db.selectFrom('disclosureRequests').selectAll().where('trackingNo', '=', trackingNo).executeTakeFirst();
}

export async function findById(db: Executor, id: number) {
  return db.selectFrom('disclosureRequests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the request row for the rest of the transaction (two handlers acting at once). */
export async function lockById(db: Executor, id: number) {
  return db.selectFrom('disclosureRequests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export async function updateRequest(db: Executor, id: number, fields: Partial<Insertable<DisclosureRequestsTable>>) {
  await db.updateTable('disclosureRequests').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

/** The requests of some bodies (orgIds) or assigned to some departments (assignedOrgIds), newest first. */
export async function listRequests(db: Executor, q: { orgIds?: number[] | 'all'; assignedOrgIds?: number[] | 'all'; status?: string; limit: number; beforeId?: number }) {
  let query = db
    .selectFrom('disclosureRequests')
    .innerJoin('orgs', 'orgs.id', 'disclosureRequests.orgId')
    .selectAll('disclosureRequests')
    .select(['orgs.code as orgCode', 'orgs.name as orgName'])
    .orderBy('disclosureRequests.id', 'desc')
    .limit(q.limit);
  if (q.orgIds && q.orgIds !== 'all') query = query.where('disclosureRequests.orgId', 'in', q.orgIds.length ? q.orgIds : [-1]);
  if (q.assignedOrgIds === 'all') query = query.where('disclosureRequests.assignedOrgId', 'is not', null);
  else if (q.assignedOrgIds) query = query.where('disclosureRequests.assignedOrgId', 'in', q.assignedOrgIds.length ? q.assignedOrgIds : [-1]);
  if (q.status) query = query.where('disclosureRequests.status', '=', q.status);
  if (q.beforeId) query = query.where('disclosureRequests.id', '<', q.beforeId);
  return query.execute();
}

export async function insertEvent(
  db: Executor,
  row: { requestId: number; onDate: string; type: string; title: string; note?: string | null; public?: boolean; actorUserId?: number | null; orgId?: number | null },
) {
  await db.insertInto('requestEvents').values({ ...row, note: row.note ?? null, actorUserId: row.actorUserId ?? null, orgId: row.orgId ?? null }).execute();
}

export async function listEvents(db: Executor, requestId: number, publicOnly: boolean) {
  let q = db.selectFrom('requestEvents').select(['id', 'at', 'onDate', 'type', 'title', 'note', 'public']).where('requestId', '=', requestId).orderBy('id');
  if (publicOnly) q = q.where('public', '=', true);
  return q.execute();
}

export async function hasEvent(db: Executor, requestId: number, type: string): Promise<boolean> {
  return !!(await db.selectFrom('requestEvents').select('id').where('requestId', '=', requestId).where('type', '=', type).limit(1).executeTakeFirst());
}

export async function listPauses(db: Executor, requestId: number) {
  return db.selectFrom('requestPauses').select(['id', 'reason', 'startedOn', 'endedOn', 'note']).where('requestId', '=', requestId).orderBy('id').execute();
}

export async function insertPause(db: Executor, row: { requestId: number; reason: 'consultation' | 'fee'; startedOn: string; note?: string | null }) {
  await db.insertInto('requestPauses').values({ ...row, note: row.note ?? null }).execute();
}

export async function endOpenPause(db: Executor, requestId: number, endedOn: string) {
  await db.updateTable('requestPauses').set({ endedOn }).where('requestId', '=', requestId).where('endedOn', 'is', null).execute();
}

export async function insertDocument(db: Executor, row: { requestId: number; kind: string; title: string; fileName: string; mime: string; blobKey: string; public?: boolean }) {
  return (await db.insertInto('requestDocuments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function listDocuments(db: Executor, requestId: number, publicOnly: boolean) {
  let q = db.selectFrom('requestDocuments').select(['id', 'kind', 'title', 'fileName', 'mime', 'blobKey', 'createdAt']).where('requestId', '=', requestId).orderBy('id');
  if (publicOnly) q = q.where('public', '=', true);
  return q.execute();
}

export async function findDocument(db: Executor, requestId: number, documentId: number) {
  return db.selectFrom('requestDocuments').selectAll().where('requestId', '=', requestId).where('id', '=', documentId).executeTakeFirst();
}

export async function findOrgName(db: Executor, orgId: number) {
  return (await db.selectFrom('orgs').select(['name', 'code']).where('id', '=', orgId).executeTakeFirstOrThrow());
}

export async function requestsOfApplicant(db: Executor, applicantKey: string, exceptId: number) {
  return db
    .selectFrom('disclosureRequests')
    .select(['id', 'trackingNo', 'description', 'completedOn', 'submittedAt'])
    .where('applicantKey', '=', applicantKey)
    .where('id', '!=', exceptId)
    .orderBy('id')
    .execute();
}
