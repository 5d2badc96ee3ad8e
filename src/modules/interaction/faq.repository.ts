/** Queries of 便民问答. */
import type { Insertable, Updateable } from 'kysely';
import type { FaqEntriesTable, FaqStatus } from '../../db/tables/faq.js';
import type { Executor } from '../audit/audit.repository.js';

const columns = ['faqEntries.id', 'faqEntries.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'faqEntries.sourceMessageId', 'faqEntries.question',
  'faqEntries.answer', 'faqEntries.category', 'faqEntries.status', 'faqEntries.publishedOn', 'faqEntries.createdAt', 'faqEntries.updatedAt'] as const;

export type FaqRow = NonNullable<Awaited<ReturnType<typeof findFaq>>>;

export async function findFaq(db: Executor, id: number) {
  return db.selectFrom('faqEntries').innerJoin('orgs', 'orgs.id', 'faqEntries.orgId').select(columns).where('faqEntries.id', '=', id).executeTakeFirst();
}

export async function lockFaq(db: Executor, id: number) {
  return db.selectFrom('faqEntries').select(['id']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertFaq(db: Executor, row: Insertable<FaqEntriesTable>) {
  return (await db.insertInto('faqEntries').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateFaq(db: Executor, id: number, fields: Updateable<FaqEntriesTable>) {
  await db.updateTable('faqEntries').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function listForStaff(db: Executor, orgIds: number[] | 'all', f: { status?: FaqStatus; limit: number; offset: number }) {
  let q = db.selectFrom('faqEntries').innerJoin('orgs', 'orgs.id', 'faqEntries.orgId');
  if (orgIds !== 'all') q = q.where('faqEntries.orgId', 'in', orgIds.length ? orgIds : [-1]);
  if (f.status) q = q.where('faqEntries.status', '=', f.status);
  const [items, total] = await Promise.all([
    q.select(columns).orderBy('faqEntries.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function listPublished(db: Executor, f: { category?: string; limit: number; offset: number }) {
  let q = db.selectFrom('faqEntries').innerJoin('orgs', 'orgs.id', 'faqEntries.orgId').where('faqEntries.status', '=', 'published');
  if (f.category) q = q.where('faqEntries.category', '=', f.category);
  const [items, total] = await Promise.all([
    q.select(columns).orderBy('faqEntries.publishedOn', 'desc').orderBy('faqEntries.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function publishedCategories(db: Executor) {
  return db.selectFrom('faqEntries').select(['category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published').where('category', '<>', '').groupBy('category').orderBy('category').execute();
}

/** FAQ entries made from a message (the message detail says so). */
export async function fromMessage(db: Executor, messageId: number) {
  return db.selectFrom('faqEntries').select(['id', 'status', 'question']).where('sourceMessageId', '=', messageId).orderBy('id').execute();
}
