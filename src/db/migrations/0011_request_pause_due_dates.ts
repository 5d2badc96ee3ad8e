import { Kysely, sql } from 'kysely';

/**
 * 依申请公开: a pause keeps the day its answer or payment is due, as stated in the letter or
 * notice that opened it (征求意见: 15 working days, 条例第三十二条; 收费: at least 20 working days,
 * 国办函〔2020〕109号). 视为放弃申请 for an unpaid fee is allowed only once that day has passed, and
 * the day must not move when the calendar is corrected later. Older pauses have none: their due
 * day is counted from the day they began.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table request_pauses add column due_on date`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
