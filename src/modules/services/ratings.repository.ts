/** Queries of 好差评: ratings, rectifications of bad ones, and the published summary. */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.repository.js';
import { changingCases } from './case-figures.repository.js';
import type { CaseScope } from './services.policy.js';

export async function findRatingOfCase(db: Executor, caseId: number) {
  return db.selectFrom('serviceRatings').selectAll().where('caseId', '=', caseId).executeTakeFirst();
}

export async function insertRating(db: Executor, row: { caseId: number; level: number; channel: string; comment: string | null; ratedOn: string }): Promise<number> {
  return changingCases(db, [row.caseId], async () => (await db.insertInto('serviceRatings').values(row).returning('id').executeTakeFirstOrThrow()).id);
}

export async function insertRectification(db: Executor, row: { ratingId: number; status: string; dueOn: string }): Promise<number> {
  return (await db.insertInto('serviceRectifications').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

function rectificationColumns(db: Executor) {
  return db.selectFrom('serviceRectifications')
    .innerJoin('serviceRatings', 'serviceRatings.id', 'serviceRectifications.ratingId')
    .innerJoin('serviceCases', 'serviceCases.id', 'serviceRatings.caseId')
    .innerJoin('serviceItems', 'serviceItems.id', 'serviceCases.itemId')
    .select([
      'serviceRectifications.id', 'serviceRectifications.status', 'serviceRectifications.dueOn', 'serviceRectifications.verifyNote',
      'serviceRectifications.rectifyNote', 'serviceRectifications.callbackNote', 'serviceRectifications.appealReason', 'serviceRectifications.appealDecision',
      'serviceRectifications.closedOn', 'serviceRatings.id as ratingId', 'serviceRatings.level', 'serviceRatings.comment', 'serviceRatings.ratedOn', 'serviceRatings.channel',
      'serviceCases.caseNo', 'serviceCases.orgId', 'serviceCases.windowId', 'serviceItems.name as itemName',
    ]);
}

export type RectificationRow = Awaited<ReturnType<typeof findRectification>> & object;

export async function findRectification(db: Executor, id: number) {
  return rectificationColumns(db).where('serviceRectifications.id', '=', id).executeTakeFirst();
}

export async function listRectifications(db: Executor, scope: CaseScope, filter: { open?: boolean }) {
  let q = rectificationColumns(db);
  if (scope.orgs !== 'all') q = scope.orgs.length ? q.where('serviceCases.orgId', 'in', scope.orgs) : q.where(sql<boolean>`false`);
  if (scope.windows) q = q.where('serviceCases.windowId', 'in', scope.windows);
  if (filter.open) q = q.where('serviceRectifications.status', 'in', ['verifying', 'rectifying', 'appealed']);
  return q.orderBy('serviceRectifications.id', 'desc').limit(500).execute();
}

export async function updateRectification(db: Executor, id: number, fields: Partial<{ status: string; verifyNote: string; rectifyNote: string; callbackNote: string; appealReason: string; appealDecision: string; closedOn: string; handledBy: number }>): Promise<void> {
  await db.updateTable('serviceRectifications').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function excludeRating(db: Executor, ratingId: number): Promise<void> {
  const { caseId } = await db.selectFrom('serviceRatings').select('caseId').where('id', '=', ratingId).executeTakeFirstOrThrow();
  await changingCases(db, [caseId], () => db.updateTable('serviceRatings').set({ excluded: true }).where('id', '=', ratingId).execute());
}

/** Ratings (not excluded by an upheld appeal) per window and per item, with rectifications closed. */
export async function ratingSummary(db: Executor, from: string, to: string) {
  const base = db.selectFrom('serviceRatings')
    .innerJoin('serviceCases', 'serviceCases.id', 'serviceRatings.caseId')
    .innerJoin('serviceItems', 'serviceItems.id', 'serviceCases.itemId')
    .leftJoin('serviceWindows', 'serviceWindows.id', 'serviceCases.windowId')
    .leftJoin('serviceRectifications', 'serviceRectifications.ratingId', 'serviceRatings.id')
    .where('serviceRatings.excluded', '=', false)
    .where('serviceRatings.ratedOn', '>=', from)
    .where('serviceRatings.ratedOn', '<=', to);
  return base.select([
    'serviceCases.windowId', 'serviceWindows.number as windowNumber', 'serviceWindows.name as windowName', 'serviceItems.code as itemCode', 'serviceItems.name as itemName',
    'serviceRatings.level', sql<number>`count(*)::int`.as('n'),
    sql<number>`(count(*) filter (where service_rectifications.status = 'closed'))::int`.as('rectified'),
  ]).groupBy(['serviceCases.windowId', 'serviceWindows.number', 'serviceWindows.name', 'serviceItems.code', 'serviceItems.name', 'serviceRatings.level']).execute();
}
