import { sql, type Insertable } from 'kysely';
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

/** Statuses of a request still being handled (the partial index disclosure_requests_open_idx). */
export const OPEN_STATUSES = ['submitted', 'processing', 'awaitingSupplement', 'paused'] as const;

/** Which requests a list asks for: the caller's scope (by policy) and the filters a person chose. */
export interface RequestFilter {
  /** The requests of these bodies (the 公开办) … */
  orgIds?: number[] | 'all';
  /** … or those assigned to these departments (交办). */
  assignedOrgIds?: number[] | 'all';
  /** Words in the 受理编号, the applicant's name or the description. */
  q?: string;
  trackingNo?: string;
  statuses?: string[];
  openOnly?: boolean;
  /** Stored channel codes (online, letter, registeredLetter …). */
  channels?: string[];
  /** The body chosen in the filter, with the bodies below it. */
  bodyIds?: number[];
  receivedFrom?: string;
  receivedTo?: string;
  ids?: number[];
}

export type RequestSort = 'newest' | 'oldest' | 'receivedOn';

/** `%`, `_` and `\` typed by a person match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(db: Executor, f: RequestFilter) {
  let query = db.selectFrom('disclosureRequests').innerJoin('orgs', 'orgs.id', 'disclosureRequests.orgId');
  const none = [-1];
  if (f.orgIds && f.orgIds !== 'all') query = query.where('disclosureRequests.orgId', 'in', f.orgIds.length ? f.orgIds : none);
  if (f.assignedOrgIds === 'all') query = query.where('disclosureRequests.assignedOrgId', 'is not', null);
  else if (f.assignedOrgIds) query = query.where('disclosureRequests.assignedOrgId', 'in', f.assignedOrgIds.length ? f.assignedOrgIds : none);
  if (f.trackingNo) query = query.where('disclosureRequests.trackingNo', '=', f.trackingNo);
  if (f.q) {
    const pattern = likePattern(f.q);
    query = query.where((eb) => eb.or([
      eb('disclosureRequests.trackingNo', 'ilike', pattern),
      eb('disclosureRequests.applicantName', 'ilike', pattern),
      eb('disclosureRequests.description', 'ilike', pattern),
    ]));
  }
  if (f.statuses?.length) query = query.where('disclosureRequests.status', 'in', f.statuses);
  if (f.openOnly) query = query.where('disclosureRequests.status', 'in', [...OPEN_STATUSES]);
  if (f.channels?.length) query = query.where('disclosureRequests.channel', 'in', f.channels);
  if (f.bodyIds) query = query.where('disclosureRequests.orgId', 'in', f.bodyIds.length ? f.bodyIds : none);
  if (f.receivedFrom) query = query.where('disclosureRequests.receivedOn', '>=', f.receivedFrom);
  if (f.receivedTo) query = query.where('disclosureRequests.receivedOn', '<=', f.receivedTo);
  if (f.ids) query = query.where('disclosureRequests.id', 'in', f.ids.length ? f.ids : none);
  return query;
}

/** A request as lists show it: no personal data but the name and the (encrypted) phone. */
const LIST_COLUMNS = [
  'disclosureRequests.id', 'disclosureRequests.trackingNo', 'disclosureRequests.orgId', 'disclosureRequests.channel',
  'disclosureRequests.applicantType', 'disclosureRequests.applicantName', 'disclosureRequests.phoneEnc', 'disclosureRequests.description',
  'disclosureRequests.status', 'disclosureRequests.submittedAt', 'disclosureRequests.receivedOn', 'disclosureRequests.supplementRequestedOn',
  'disclosureRequests.supplementDueOn', 'disclosureRequests.supplementReceivedOn', 'disclosureRequests.extensionDays',
  'disclosureRequests.excessiveReplyDueOn', 'disclosureRequests.outcome', 'disclosureRequests.completedOn', 'disclosureRequests.assignedOrgId',
  'disclosureRequests.replyDraft', 'orgs.code as orgCode', 'orgs.name as orgName',
] as const;

/** The sort key written into cursors: the day received (unreceived ones count as the latest). */
const RECEIVED_KEY = sql<string>`coalesce(disclosure_requests.received_on, date '9999-12-31')`;
export const UNRECEIVED_SORT_KEY = '9999-12-31';

/**
 * One page of requests, keyset-paged after `after` (the last row of the previous page).
 * `newest`: by id descending; `oldest`: ascending; `receivedOn`: latest received first.
 */
export async function listRequests(db: Executor, f: RequestFilter, page: { sort: RequestSort; limit: number; after?: { key: string; id: number } }) {
  let query = filtered(db, f).select([...LIST_COLUMNS]).limit(page.limit);
  const after = page.after;
  if (page.sort === 'oldest') {
    query = query.orderBy('disclosureRequests.id', 'asc');
    if (after) query = query.where('disclosureRequests.id', '>', after.id);
  } else if (page.sort === 'receivedOn') {
    query = query.orderBy(RECEIVED_KEY, 'desc').orderBy('disclosureRequests.id', 'desc');
    if (after) query = query.where(sql<boolean>`(${RECEIVED_KEY}, disclosure_requests.id) < (${after.key}::date, ${after.id}::int)`);
  } else {
    query = query.orderBy('disclosureRequests.id', 'desc');
    if (after) query = query.where('disclosureRequests.id', '<', after.id);
  }
  return query.execute();
}

export type ListedRequest = Awaited<ReturnType<typeof listRequests>>[number];

/** Every open request matching the filter (a bounded set: open requests only), newest first. */
export async function listOpenRequests(db: Executor, f: RequestFilter) {
  return filtered(db, { ...f, openOnly: true }).select([...LIST_COLUMNS]).orderBy('disclosureRequests.id', 'desc').execute();
}

export async function countRequests(db: Executor, f: RequestFilter): Promise<number> {
  const row = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The full rows of some requests (exports need the masked identity number too). */
export async function findByIds(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db.selectFrom('disclosureRequests').selectAll().where('id', 'in', ids).execute();
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

const PAUSE_COLUMNS = ['id', 'requestId', 'reason', 'startedOn', 'endedOn', 'dueOn', 'note'] as const;

export async function listPauses(db: Executor, requestId: number) {
  return db.selectFrom('requestPauses').select([...PAUSE_COLUMNS]).where('requestId', '=', requestId).orderBy('id').execute();
}

export type PauseRow = Awaited<ReturnType<typeof listPauses>>[number];

/** The pauses of many requests in one query, by request. */
export async function listPausesOf(db: Executor, requestIds: number[]): Promise<Map<number, PauseRow[]>> {
  const byRequest = new Map<number, PauseRow[]>(requestIds.map((id) => [id, []]));
  if (!requestIds.length) return byRequest;
  const rows = await db.selectFrom('requestPauses').select([...PAUSE_COLUMNS])
    .where(sql<boolean>`request_id = any(${requestIds}::int[])`).orderBy('id').execute();
  for (const row of rows) byRequest.get(row.requestId)?.push(row);
  return byRequest;
}

export async function insertPause(db: Executor, row: { requestId: number; reason: 'consultation' | 'fee'; startedOn: string; dueOn: string; note?: string | null }) {
  await db.insertInto('requestPauses').values({ ...row, note: row.note ?? null }).execute();
}

/** Ends the open pause of one kind: a payment never ends a consultation, nor an answer a fee pause. */
export async function endOpenPause(db: Executor, requestId: number, reason: 'consultation' | 'fee', endedOn: string) {
  await db.updateTable('requestPauses').set({ endedOn }).where('requestId', '=', requestId).where('reason', '=', reason).where('endedOn', 'is', null).execute();
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

/** The body and the bodies above it, nearest first (who handles 行政复议 depends on them). */
export async function orgChain(db: Executor, orgId: number) {
  const result = await sql<{ name: string; type: string }>`
    with recursive chain(id, parent_id, name, type, depth) as (
      select id, parent_id, name, type, 0 from orgs where id = ${orgId}
      union all
      select o.id, o.parent_id, o.name, o.type, c.depth + 1 from orgs o join chain c on o.id = c.parent_id where c.depth < 20
    )
    select name, type from chain order by depth`.execute(db);
  return result.rows;
}
