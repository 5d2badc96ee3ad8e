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
 * One row per mailbox of the bodies given, for messages received in [from, to]. The reply time of a message
 * is the number of working days in (receivedOn, repliedOn]: `workingDayNumbers[i]` is the count of working
 * days from `from` to the i-th day after it, so the time is the difference of two entries, looked up by
 * date arithmetic inside the aggregate (no join; a day outside the range gives null and is not counted).
 */
export async function replyFigures(db: Executor, q: { orgIds: number[]; mailboxId?: number; from: string; to: string; workingDayNumbers: number[] }) {
  const ids = q.orgIds.length ? q.orgIds : [-1];
  const numbers = sql`${`{${q.workingDayNumbers.join(',')}}`}::int[]`;
  const days = sql`(${numbers})[m.replied_on - ${q.from}::date + 1] - (${numbers})[m.received_on - ${q.from}::date + 1]`;
  const result = await sql<ReplyFigureRow>`
    select m.org_id as "orgId", m.mailbox_id as "mailboxId",
      count(*)::int as received,
      count(*) filter (where m.replied_on is not null)::int as replied,
      count(*) filter (where m.replied_on is not null and m.replied_on <= m.reply_due_on)::int as "onTime",
      count(${days})::int as timed,
      coalesce(sum(${days}), 0)::int as "replyDaysSum",
      max(${days})::int as "replyDaysMax",
      count(*) filter (where m.rating = 'satisfied')::int as satisfied,
      count(*) filter (where m.rating = 'basicallySatisfied')::int as "basicallySatisfied",
      count(*) filter (where m.rating = 'dissatisfied')::int as dissatisfied
    from messages m
    where m.org_id in (${sql.join(ids)}) and m.received_on >= ${q.from}::date and m.received_on <= ${q.to}::date
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
