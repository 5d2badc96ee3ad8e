import { Kysely, sql } from 'kysely';

/**
 * 互动交流 reminders (issue 13): a staff account may carry a work e-mail address, so that a message about to
 * fall due (or overdue) reaches the people who must answer it. Optional: without one the console still shows it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column email text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column email`.execute(db);
}
