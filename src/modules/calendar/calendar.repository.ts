import type { Executor } from '../audit/audit.repository.js';

export async function listOverrides(db: Executor, year?: number) {
  let q = db.selectFrom('calendarOverrides').select(['date', 'working', 'name']).orderBy('date');
  if (year) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  return q.execute();
}

export async function listConfirmedYears(db: Executor): Promise<number[]> {
  return (await db.selectFrom('calendarYears').select('year').orderBy('year').execute()).map((r) => r.year);
}

export async function findOverride(db: Executor, date: string) {
  return db.selectFrom('calendarOverrides').select(['date', 'working', 'name']).where('date', '=', date).executeTakeFirst();
}

export async function upsertOverride(db: Executor, row: { date: string; working: boolean; name: string; updatedBy: number }) {
  await db
    .insertInto('calendarOverrides')
    .values(row)
    .onConflict((oc) => oc.column('date').doUpdateSet({ working: row.working, name: row.name, updatedBy: row.updatedBy, updatedAt: new Date() }))
    .execute();
}

export async function deleteOverride(db: Executor, date: string) {
  await db.deleteFrom('calendarOverrides').where('date', '=', date).execute();
}

export async function confirmYear(db: Executor, year: number, userId: number) {
  await db.insertInto('calendarYears').values({ year, confirmedBy: userId }).onConflict((oc) => oc.column('year').doNothing()).execute();
}
