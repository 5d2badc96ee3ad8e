/**
 * Queries of the statistics page. Everything is aggregated in the database or read in
 * bounded pages: no list of request ids is bound into a statement, and no query runs per request.
 */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.repository.js';

/** Proactively disclosed items published in the year, by month and category. */
export async function itemCounts(db: Executor, orgIds: number[], year: number) {
  const rows = await sql<{ month: number; category: string; n: number }>`
    select extract(month from published_on)::int as month, category, count(*)::int as n from info_items
    where org_id in (${sql.join(orgIds)}) and status in ('published', 'withdrawn') and disclosure = 'proactive'
      and published_on between ${`${year}-01-01`} and ${`${year}-12-31`}
    group by 1, 2`.execute(db);
  return rows.rows;
}

/**
 * The facts a reply deadline is computed from, for a request handled in Gongkai. `pauses` is
 * the request's pauses as text ("reason|startedOn|endedOn" joined by ";"), built by the
 * database in the same statement, so requests with the same clock can be grouped.
 */
export interface ClockFacts {
  receivedOn: string;
  supplementReceivedOn: string | null;
  extensionDays: number;
  laterReplyDueOn: string | null;
  pauses: string;
}

const PAUSES = sql<string>`coalesce((
  select string_agg(p.reason || '|' || p.started_on::text || '|' || coalesce(p.ended_on::text, ''), ';' order by p.started_on, p.id)
  from request_pauses p where p.request_id = r.id), '')`;

/**
 * Requests handled in Gongkai and completed in the year, grouped by their clock and completion
 * date: requests that share both have the same handling time and the same punctuality.
 */
export async function completedClocks(db: Executor, orgIds: number[], year: number) {
  const rows = await sql<ClockFacts & { completedOn: string; n: number }>`
    select received_on, supplement_received_on, extension_days, later_reply_due_on, pauses, completed_on, count(*)::int as n from (
      select r.received_on, r.supplement_received_on, r.extension_days, r.excessive_reply_due_on as later_reply_due_on, ${PAUSES} as pauses, r.completed_on
      from disclosure_requests r
      where r.org_id in (${sql.join(orgIds)}) and r.received_on is not null
        and r.completed_on between ${`${year}-01-01`} and ${`${year}-12-31`}
    ) c group by 1, 2, 3, 4, 5, 6`.execute(db);
  return rows.rows;
}

/** Requests whose reply clock runs or stands paused, in pages by id (`afterId` = the last id of the page before). */
export async function openClocksPage(db: Executor, orgIds: number[], receivedBy: string, afterId: number, limit: number) {
  const rows = await sql<ClockFacts & { id: number; trackingNo: string; orgName: string }>`
    select r.id, r.tracking_no, o.name as org_name, r.received_on, r.supplement_received_on, r.extension_days,
      r.excessive_reply_due_on as later_reply_due_on, ${PAUSES} as pauses
    from disclosure_requests r join orgs o on o.id = r.org_id
    where r.org_id in (${sql.join(orgIds)}) and r.status in ('processing', 'paused') and r.received_on is not null
      and r.received_on <= ${receivedBy} and r.id > ${afterId}
    order by r.id limit ${limit}`.execute(db);
  return rows.rows;
}
