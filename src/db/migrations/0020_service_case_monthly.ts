import { CamelCasePlugin, Kysely, sql } from 'kysely';
import { workingDaysTaken } from '../../domain/services/case-deadline.js';
import { loadCalendar } from '../../modules/calendar/calendar.service.js';
import { rebuildCaseMonthly } from '../../modules/services/case-figures.repository.js';
import type { Db } from '../client.js';

/**
 * 政务服务 statistics without scanning the cases (issue 14, benchmark): the monthly figures per body,
 * window, item and clerk (service_case_monthly, kept by the case repositories in the transaction of
 * each change), the working days a completed case took (so the board's averages need no calendar
 * walk over a month of cases), and a partial index on the cases whose clock is running, by due date,
 * for the live board and the open overdue cases.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table service_cases add column working_days_taken int`.execute(db);
  await sql`
    create table service_case_monthly (
      month date not null,
      org_id int not null,
      window_id int not null,
      item_id int not null,
      handled_by int not null,
      accepted int not null default 0,
      completed int not null default 0,
      on_time int not null default 0,
      completed_late int not null default 0,
      working_days int not null default 0,
      rated1 int not null default 0,
      rated2 int not null default 0,
      rated3 int not null default 0,
      rated4 int not null default 0,
      rated5 int not null default 0,
      primary key (month, org_id, window_id, item_id, handled_by)
    )`.execute(db);
  await sql`create index service_cases_clock_running_idx on service_cases (due_on, window_id) where completed_on is null and status in ('accepted', 'processing')`.execute(db);

  const camel = db.withPlugin(new CamelCasePlugin()) as unknown as Db;
  const calendar = await loadCalendar(camel);
  let after = 0;
  for (;;) {
    const rows = await camel.selectFrom('serviceCases').select(['id', 'acceptedOn', 'completedOn'])
      .where('completedOn', 'is not', null).where('acceptedOn', 'is not', null).where('id', '>', after).orderBy('id').limit(2000).execute();
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const pauses = await camel.selectFrom('serviceCasePauses').select(['caseId', 'startedOn', 'endedOn']).where('caseId', 'in', rows.map((r) => r.id)).execute();
    const values = rows.map((r) => sql`(${r.id}::int, ${workingDaysTaken(calendar, r.acceptedOn!, r.completedOn!, pauses.filter((p) => p.caseId === r.id))}::int)`);
    await sql`update service_cases set working_days_taken = v.days from (values ${sql.join(values)}) v(id, days) where service_cases.id = v.id`.execute(camel);
  }
  await rebuildCaseMonthly(camel);
}
