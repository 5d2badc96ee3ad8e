/** Aggregates of 来信办理情况: reply times in working days, on-time replies and ratings, grouped by mailbox. */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.repository.js';

export interface ReplyFigureRow {
  orgId: number;
  mailboxId: number;
  received: number;
  replied: number;
  onTime: number;
  /** Replies whose reply time could be counted (both days inside the calendar range). */
  timed: number;
  replyDaysSum: number;
  replyDaysMax: number | null;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

export interface ChannelRow { channel: string; count: number }

/**
 * One row per mailbox of the bodies given, for messages received in [from, to]. The reply time of a
 * message is the number of working days in (receivedOn, repliedOn]: `workingDays` lists every working day
 * from `from` to `calendarEnd`, numbered in SQL so that the difference of two numbers is that count.
 */
export async function replyFigures(db: Executor, q: { orgIds: number[]; mailboxId?: number; from: string; to: string; calendarEnd: string; workingDays: string[] }) {
  const ids = q.orgIds.length ? q.orgIds : [-1];
  const working = `{${q.workingDays.join(',')}}`;
  const result = await sql<ReplyFigureRow>`
    with cal as (
      select g::date as day, count(w.day) over (order by g) as n
      from generate_series(${q.from}::date, ${q.calendarEnd}::date, interval '1 day') g
      left join unnest(${working}::date[]) w(day) on w.day = g::date
    )
    select m.org_id as "orgId", m.mailbox_id as "mailboxId",
      count(*)::int as received,
      count(*) filter (where m.replied_on is not null)::int as replied,
      count(*) filter (where m.replied_on is not null and m.replied_on <= m.reply_due_on)::int as "onTime",
      count(cr.n - cv.n)::int as timed,
      coalesce(sum(cr.n - cv.n), 0)::int as "replyDaysSum",
      max(cr.n - cv.n)::int as "replyDaysMax",
      count(*) filter (where m.rating = 'satisfied')::int as satisfied,
      count(*) filter (where m.rating = 'basicallySatisfied')::int as "basicallySatisfied",
      count(*) filter (where m.rating = 'dissatisfied')::int as dissatisfied
    from messages m
    left join cal cv on cv.day = m.received_on
    left join cal cr on cr.day = m.replied_on
    where m.org_id = any(${`{${ids.join(',')}}`}::int[]) and m.received_on >= ${q.from}::date and m.received_on <= ${q.to}::date
      ${q.mailboxId ? sql`and m.mailbox_id = ${q.mailboxId}` : sql``}
    group by m.org_id, m.mailbox_id`.execute(db);
  return result.rows;
}

/** Messages received in [from, to] by channel (公共查阅室 included), for the page and the annual report's narrative. */
export async function channelCounts(db: Executor, q: { orgIds: number[]; mailboxId?: number; from: string; to: string }) {
  const ids = q.orgIds.length ? q.orgIds : [-1];
  let query = db.selectFrom('messages').select(['channel', sql<number>`count(*)::int`.as('count')])
    .where('orgId', 'in', ids).where('receivedOn', '>=', q.from).where('receivedOn', '<=', q.to);
  if (q.mailboxId) query = query.where('mailboxId', '=', q.mailboxId);
  return query.groupBy('channel').execute();
}
