/** Queries of 办件 (service cases), their steps and supplement pauses. */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.repository.js';
import { addCases, changingCases } from './case-figures.repository.js';
import type { CaseScope } from './services.policy.js';

export interface ServiceCaseRow {
  id: number;
  caseNo: string;
  itemId: number;
  itemCode: string;
  itemName: string;
  deemedApproval: boolean;
  orgId: number;
  orgCode: string;
  orgName: string;
  windowId: number | null;
  status: string;
  intakeReason: string | null;
  acceptedOn: string | null;
  promisedLimitDays: number;
  dueOn: string | null;
  dueCertain: boolean;
  completedOn: string | null;
  result: string | null;
  resultReason: string | null;
  escalatedAt: Date | null;
  applicantType: string | null;
  applicantName: string | null;
  idNumberEnc: string | null;
  phoneEnc: string | null;
  queryPasswordHash: string | null;
  imported: boolean;
  handledBy: number | null;
  createdAt: Date;
}

function caseColumns(db: Executor) {
  return db
    .selectFrom('serviceCases')
    .innerJoin('serviceItems', 'serviceItems.id', 'serviceCases.itemId')
    .innerJoin('orgs', 'orgs.id', 'serviceCases.orgId')
    .select([
      'serviceCases.id', 'serviceCases.caseNo', 'serviceCases.itemId', 'serviceItems.code as itemCode', 'serviceItems.name as itemName',
      'serviceItems.deemedApproval', 'serviceCases.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'serviceCases.windowId',
      'serviceCases.status', 'serviceCases.intakeReason', 'serviceCases.acceptedOn', 'serviceCases.promisedLimitDays', 'serviceCases.dueOn',
      'serviceCases.dueCertain', 'serviceCases.completedOn', 'serviceCases.result', 'serviceCases.resultReason', 'serviceCases.escalatedAt',
      'serviceCases.applicantType', 'serviceCases.applicantName', 'serviceCases.idNumberEnc', 'serviceCases.phoneEnc',
      'serviceCases.queryPasswordHash', 'serviceCases.imported', 'serviceCases.handledBy', 'serviceCases.createdAt',
    ]);
}

export async function findCaseByNo(db: Executor, caseNo: string): Promise<ServiceCaseRow | undefined> {
  return caseColumns(db).where('serviceCases.caseNo', '=', caseNo).executeTakeFirst();
}

export interface CaseFilter {
  status?: string;
  /** A case number (exact). */
  q?: string;
  itemCode?: string;
  /** 0: cases registered at a body, not at a window. */
  windowId?: number;
  centreId?: number;
  handledBy?: number;
  from?: string;
  to?: string;
  due?: 'overdue' | 'open';
  today: string;
  cursor?: number;
  limit: number;
}

export async function listCases(db: Executor, scope: CaseScope, filter: CaseFilter): Promise<ServiceCaseRow[]> {
  let q = caseColumns(db);
  if (scope.orgs !== 'all') q = scope.orgs.length ? q.where('serviceCases.orgId', 'in', scope.orgs) : q.where(sql<boolean>`false`);
  if (scope.windows) q = q.where('serviceCases.windowId', 'in', scope.windows);
  if (filter.status) q = q.where('serviceCases.status', '=', filter.status);
  if (filter.q) q = q.where('serviceCases.caseNo', '=', filter.q.trim().toUpperCase());
  if (filter.itemCode) q = q.where('serviceItems.code', '=', filter.itemCode);
  if (filter.windowId) q = q.where('serviceCases.windowId', '=', filter.windowId);
  if (filter.windowId === 0) q = q.where('serviceCases.windowId', 'is', null);
  if (filter.centreId) q = q.where('serviceCases.windowId', 'in', (eb) => eb.selectFrom('serviceWindows').select('serviceWindows.id').where('serviceWindows.centreId', '=', filter.centreId!));
  if (filter.handledBy) q = q.where('serviceCases.handledBy', '=', filter.handledBy);
  if (filter.from) q = q.where('serviceCases.acceptedOn', '>=', filter.from);
  if (filter.to) q = q.where('serviceCases.acceptedOn', '<=', filter.to);
  if (filter.due === 'open') q = q.where('serviceCases.completedOn', 'is', null).where('serviceCases.status', 'not in', ['refused', 'informed']);
  if (filter.due === 'overdue') q = q.where('serviceCases.completedOn', 'is', null).where('serviceCases.status', 'in', ['accepted', 'processing']).where('serviceCases.dueOn', '<', filter.today);
  if (filter.cursor) q = q.where('serviceCases.id', '<', filter.cursor);
  return q.orderBy('serviceCases.id', 'desc').limit(filter.limit).execute();
}

export type NewCaseRow = {
  caseNo: string; itemId: number; orgId: number; windowId: number | null; status: string; intakeReason: string | null;
  acceptedOn: string | null; promisedLimitDays: number; dueOn: string | null; dueCertain: boolean; completedOn?: string | null;
  result?: string | null; applicantType: string | null; applicantName: string | null; idNumberEnc: string | null; phoneEnc: string | null;
  queryPasswordHash: string | null; imported?: boolean; registeredBy: number;
};

// Every write below keeps the monthly figures (case-figures.repository.ts) in the same transaction.

/** A new case with its first step (受理, 不予受理 or 一次性告知) in one statement. */
export async function insertCase(db: Executor, row: NewCaseRow, step: { action: string; onDate: string; actorUserId: number | null; note: string | null }): Promise<number> {
  const inserted = await db
    .with('c', (w) => w.insertInto('serviceCases').values(row).returning('id'))
    .insertInto('serviceCaseSteps')
    .columns(['caseId', 'action', 'onDate', 'actorUserId', 'note'])
    // Typed: the parameters of a SELECT list would otherwise be text.
    .expression((eb) => eb.selectFrom('c').select([
      'c.id', sql<string>`${step.action}::text`.as('action'), sql<string>`${step.onDate}::date`.as('onDate'),
      sql<number | null>`${step.actorUserId}::int`.as('actorUserId'), sql<string | null>`${step.note}::text`.as('note'),
    ]))
    .returning('caseId')
    .executeTakeFirstOrThrow();
  await addCases(db, [inserted.caseId]);
  return inserted.caseId;
}

export async function insertCases(db: Executor, rows: (NewCaseRow & { workingDaysTaken?: number | null })[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db.insertInto('serviceCases').values(rows.slice(i, i + 500)).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  await addCases(db, ids);
  return ids;
}

export async function updateCase(db: Executor, id: number, fields: Partial<{ status: string; dueOn: string | null; dueCertain: boolean; completedOn: string | null; result: string | null; resultReason: string | null; escalatedAt: Date; handledBy: number; windowId: number | null; workingDaysTaken: number }>): Promise<void> {
  await changingCases(db, [id], () => db.updateTable('serviceCases').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute());
}

export async function insertStep(db: Executor, row: { caseId: number; action: string; onDate: string; actorUserId: number | null; note?: string | null }): Promise<void> {
  await db.insertInto('serviceCaseSteps').values({ ...row, note: row.note ?? null }).execute();
}

export async function listSteps(db: Executor, caseId: number) {
  return db
    .selectFrom('serviceCaseSteps')
    .leftJoin('users', 'users.id', 'serviceCaseSteps.actorUserId')
    .select(['serviceCaseSteps.action', 'serviceCaseSteps.onDate', 'serviceCaseSteps.at', 'serviceCaseSteps.note', 'users.displayName as actorName'])
    .where('caseId', '=', caseId)
    .orderBy('serviceCaseSteps.id')
    .execute();
}

export async function listPauses(db: Executor, caseId: number) {
  return db.selectFrom('serviceCasePauses').select(['id', 'startedOn', 'endedOn', 'missing']).where('caseId', '=', caseId).orderBy('id').execute();
}

export async function insertPause(db: Executor, row: { caseId: number; startedOn: string; missing: string[] }): Promise<void> {
  await db.insertInto('serviceCasePauses').values({ ...row, missing: JSON.stringify(row.missing) as never }).execute();
}

export async function endPause(db: Executor, caseId: number, endedOn: string): Promise<void> {
  await db.updateTable('serviceCasePauses').set({ endedOn }).where('caseId', '=', caseId).where('endedOn', 'is', null).execute();
}

export async function insertRatings(db: Executor, rows: { caseId: number; level: number; channel: string; ratedOn: string; comment?: string | null }[]): Promise<void> {
  await changingCases(db, rows.map((r) => r.caseId), async () => {
    for (let i = 0; i < rows.length; i += 500) {
      await db.insertInto('serviceRatings').values(rows.slice(i, i + 500).map((r) => ({ ...r, comment: r.comment ?? null }))).execute();
    }
  });
}

/** Open cases of 逾期视为同意 items past their due date and not yet escalated. */
export async function listDeemedApprovalDue(db: Executor, today: string) {
  return db.selectFrom('serviceCases').innerJoin('serviceItems', 'serviceItems.id', 'serviceCases.itemId')
    .select(['serviceCases.caseNo'])
    .where('serviceItems.deemedApproval', '=', true)
    .where('serviceCases.status', 'in', ['accepted', 'processing'])
    .where('serviceCases.completedOn', 'is', null)
    .where('serviceCases.escalatedAt', 'is', null)
    .where('serviceCases.dueOn', '<', today)
    .orderBy('serviceCases.id').limit(500).execute();
}
