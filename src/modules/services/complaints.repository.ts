/** Queries of the 政务服务 complaint register. */
import { sql } from 'kysely';
import type { ServiceComplaintsTable } from '../../db/tables/service-complaints.js';
import type { Executor } from '../audit/audit.repository.js';

export interface ComplaintFilter {
  orgIds: number[] | 'all';
  status?: string;
  open?: boolean;
}

function base(db: Executor) {
  return db.selectFrom('serviceComplaints as c')
    .innerJoin('orgs', 'orgs.id', 'c.orgId')
    .leftJoin('serviceWindows as w', 'w.id', 'c.windowId')
    .leftJoin('users as clerk', 'clerk.id', 'c.clerkUserId')
    .leftJoin('users as assignee', 'assignee.id', 'c.assigneeUserId')
    .leftJoin('messages as m', 'm.id', 'c.messageId')
    .selectAll('c')
    .select(['orgs.code as orgCode', 'orgs.name as orgName', 'w.number as windowNumber', 'w.name as windowName', 'clerk.displayName as clerkDisplayName',
      'assignee.displayName as assigneeName', 'm.trackingNo as messageTrackingNo']);
}

export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

export async function findComplaint(db: Executor, id: number) {
  return base(db).where('c.id', '=', id).executeTakeFirst();
}

export async function findComplaintByNo(db: Executor, no: string) {
  return base(db).where('c.complaintNo', '=', no).executeTakeFirst();
}

export async function findByMessage(db: Executor, messageId: number) {
  return db.selectFrom('serviceComplaints').select(['id', 'complaintNo']).where('messageId', '=', messageId).executeTakeFirst();
}

export async function listComplaints(db: Executor, f: ComplaintFilter) {
  let q = base(db);
  if (f.orgIds !== 'all') q = f.orgIds.length ? q.where('c.orgId', 'in', f.orgIds) : q.where(sql<boolean>`false`);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.open) q = q.where('c.status', '<>', 'archived');
  return q.orderBy('c.receivedOn', 'desc').orderBy('c.id', 'desc').limit(500).execute();
}

export async function insertComplaint(db: Executor, row: Omit<ServiceComplaintsTable, 'id' | 'createdAt' | 'justified' | 'finding' | 'measures' | 'feedback' | 'archivedOn'>): Promise<number> {
  const r = await db.insertInto('serviceComplaints').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateComplaint(db: Executor, id: number, fields: Partial<Pick<ServiceComplaintsTable, 'status' | 'stepDueOn' | 'assigneeUserId' | 'justified' | 'finding' | 'measures' | 'feedback' | 'archivedOn' | 'messageId'>>): Promise<void> {
  await db.updateTable('serviceComplaints').set(fields).where('id', '=', id).execute();
}

/** Locks the row for a step (two people clicking at once take turns). */
export async function lockComplaint(db: Executor, id: number) {
  return db.selectFrom('serviceComplaints').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertStep(db: Executor, row: { complaintId: number; step: string; onDate: string; actorUserId: number | null; assigneeUserId: number | null; dueOn: string | null; note: string | null }): Promise<void> {
  await db.insertInto('serviceComplaintSteps').values(row).execute();
}

export async function listSteps(db: Executor, complaintId: number) {
  return db.selectFrom('serviceComplaintSteps as s')
    .leftJoin('users as a', 'a.id', 's.actorUserId')
    .leftJoin('users as p', 'p.id', 's.assigneeUserId')
    .select(['s.id', 's.step', 's.onDate', 's.dueOn', 's.note', 'a.displayName as actorName', 'p.displayName as assigneeName'])
    .where('s.complaintId', '=', complaintId)
    .orderBy('s.id')
    .execute();
}

/** The fields of an inbox message the register copies (read after the inbox's own rule allowed it). */
export async function findMessageByTrackingNo(db: Executor, trackingNo: string) {
  return db.selectFrom('messages').select(['id', 'trackingNo', 'type', 'subject', 'body', 'senderName', 'senderPhoneEnc', 'receivedOn'])
    .where('trackingNo', '=', trackingNo).executeTakeFirst();
}
