import type { Insertable, Updateable } from 'kysely';
import type { ConcernResponsesTable, ConcernsTable } from '../../db/tables/concerns.js';
import type { Executor } from '../audit/audit.repository.js';
import type { OrgScope } from '../orgs/orgs.policy.js';

const columns = [
  'c.id', 'c.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'c.title', 'c.summary', 'c.source', 'c.level', 'c.startedAt',
  'c.spokesperson', 'c.published', 'c.createdAt', 'c.updatedAt',
] as const;

export type ConcernRow = Awaited<ReturnType<typeof findConcern>> & object;

export async function findConcern(db: Executor, id: number) {
  return db.selectFrom('concerns as c').innerJoin('orgs', 'orgs.id', 'c.orgId').select(columns).where('c.id', '=', id).executeTakeFirst();
}

export async function insertConcern(db: Executor, row: Insertable<ConcernsTable>) {
  return (await db.insertInto('concerns').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateConcern(db: Executor, id: number, fields: Updateable<ConcernsTable>) {
  await db.updateTable('concerns').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function listConcerns(db: Executor, scope: OrgScope | null, options: { publishedOnly?: boolean; limit: number; offset?: number }) {
  let q = db.selectFrom('concerns as c').innerJoin('orgs', 'orgs.id', 'c.orgId').select(columns);
  if (scope && scope !== 'all') q = q.where('c.orgId', 'in', scope.length ? scope : [-1]);
  if (options.publishedOnly) q = q.where('c.published', '=', true);
  return q.orderBy('c.startedAt', 'desc').orderBy('c.id', 'desc').limit(options.limit).offset(options.offset ?? 0).execute();
}

/** Published concerns by id after `afterId` (search reindex). */
export async function listPublishedAfter(db: Executor, afterId: number, limit: number) {
  return db.selectFrom('concerns as c').innerJoin('orgs', 'orgs.id', 'c.orgId').select(columns)
    .where('c.published', '=', true).where('c.id', '>', afterId).orderBy('c.id').limit(limit).execute();
}

export async function countPublished(db: Executor) {
  return Number((await db.selectFrom('concerns').select((eb) => eb.fn.countAll<number>().as('n')).where('published', '=', true).executeTakeFirstOrThrow()).n);
}

export async function insertResponse(db: Executor, row: Insertable<ConcernResponsesTable>) {
  return (await db.insertInto('concernResponses').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function responsesOf(db: Executor, concernIds: number[]) {
  if (!concernIds.length) return [];
  return db.selectFrom('concernResponses').select(['id', 'concernId', 'kind', 'respondedAt', 'title', 'url', 'itemId', 'note'])
    .where('concernId', 'in', concernIds).orderBy('respondedAt').orderBy('id').execute();
}

/** 重大 and 特别重大 concerns started since `since` (their hour clocks; the dashboard's reminders). */
export async function listHourlyConcernsSince(db: Executor, scope: OrgScope, since: Date) {
  let q = db.selectFrom('concerns as c').innerJoin('orgs', 'orgs.id', 'c.orgId').select(columns)
    .where('c.level', 'in', ['major', 'especiallyMajor']).where('c.startedAt', '>=', since);
  if (scope !== 'all') q = q.where('c.orgId', 'in', scope.length ? scope : [-1]);
  return q.orderBy('c.startedAt').orderBy('c.id').limit(200).execute();
}
