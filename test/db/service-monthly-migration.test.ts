/**
 * Migration 0020: a database with cases from before it gets the working days of each completed case
 * (less its supplement pauses) and the monthly figures rebuilt from its cases and ratings.
 */
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { migrations } from '../../src/db/migrations/index.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openEmptyDatabase } from '../support/db.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openEmptyDatabase());
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== '0020_service_case_monthly'));
  const { error } = await new Migrator({ db: database.db, provider: { getMigrations: async () => before } }).migrateToLatest();
  if (error) throw error;
  await sql`insert into orgs (code, name, type) values ('11000000000000000B', '示例县财政局', 'department')`.execute(database.db);
  await sql`insert into service_items (code, org_id, name, kind, legal_limit_days, promised_limit_days, published) select 'MIG-1', id, '迁移事项', 'license', 20, 5, true from orgs`.execute(database.db);
  // September 2025 has no holidays. A: 09-01 → 09-05 on time; B: 09-01 → 09-12 late, paused 09-02 to 09-04; C: open; D: refused.
  await sql`
    insert into service_cases (case_no, item_id, org_id, status, accepted_on, promised_limit_days, due_on, completed_on, result)
    select v.no, i.id, i.org_id, v.status, v.accepted::date, 5, v.due::date, v.done::date, v.result
    from service_items i, (values ('A', 'completed', '2025-09-01', '2025-09-08', '2025-09-05', 'approved'), ('B', 'completed', '2025-09-01', '2025-09-10', '2025-09-12', 'approved'),
      ('C', 'accepted', '2025-09-15', '2025-09-22', null, null), ('D', 'refused', '2025-09-15', null, null, null)) as v(no, status, accepted, due, done, result)`.execute(database.db);
  await sql`insert into service_case_pauses (case_id, started_on, ended_on) select id, '2025-09-02', '2025-09-04' from service_cases where case_no = 'B'`.execute(database.db);
  await sql`insert into service_ratings (case_id, level, channel, rated_on) select id, 4, 'window', '2025-09-05' from service_cases where case_no = 'A'`.execute(database.db);
  expect(await migrateToLatest(database.db)).toEqual(['0020_service_case_monthly']);
}, 120_000);
afterAll(async () => drop?.());


describe('migration 0020_service_case_monthly', () => {
  it('stores the working days each completed case took, less its pauses', async () => {
    const rows = await database.db.selectFrom('serviceCases').select(['caseNo', 'workingDaysTaken']).orderBy('caseNo').execute();
    // A: 09-02 … 09-05 = 4; B: 09-02 … 09-12 = 9, less 09-03 and 09-04 paused = 7.
    expect(rows).toEqual([{ caseNo: 'A', workingDaysTaken: 4 }, { caseNo: 'B', workingDaysTaken: 7 }, { caseNo: 'C', workingDaysTaken: null }, { caseNo: 'D', workingDaysTaken: null }]);
  });

  it('builds the month from the cases accepted in it', async () => {
    const month = await database.db.selectFrom('serviceCaseMonthly').selectAll().execute();
    expect(month).toEqual([expect.objectContaining({
      month: '2025-09-01', windowId: 0, handledBy: 0, accepted: 3, completed: 2, onTime: 1, completedLate: 1, workingDays: 11, rated1: 0, rated4: 1,
    })]);
  });
});
