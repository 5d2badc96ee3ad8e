/**
 * The statistics dashboard (政务公开统计): publications by month and category, requests by
 * channel, applicant type and outcome, handling time in working days, on-time rate, overdue list.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { REPORT_SPEC } from '../../domain/annual-report.js';
import { todayInChina } from '../../domain/dates.js';
import { computeReplyDeadline } from '../../domain/request-deadline.js';
import { AppError } from '../../http/errors.js';
import { consultationsByChannel } from '../interaction/interaction.service.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';

export const CHANNEL_LABELS: Record<string, string> = {
  online: '网上申请', letter: '信函（平信）', registeredLetter: '信函（挂号）', inPerson: '当面申请', email: '电子邮件', fax: '传真', oral: '口头申请', other: '其他',
};

function labelOfOutcome(key: string): string {
  const row = REPORT_SPEC.requests.rows.find((r) => 'key' in r && r.key === key) as { label: string } | undefined;
  return row?.label ?? key;
}

export async function statistics(ctx: AppContext, orgCode: string, year: number, rollup: boolean) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const ids = rollup ? await subtreeIds(ctx.db, org.id) : [org.id];
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const db = ctx.db;
  const byMonth = (await sql<{ month: number; n: number }>`
    select extract(month from published_on)::int as month, count(*)::int as n from info_items
    where org_id in (${sql.join(ids)}) and status in ('published', 'withdrawn') and disclosure = 'proactive' and published_on between ${start} and ${end}
    group by 1 order by 1`.execute(db)).rows;
  const byCategory = (await sql<{ category: string; n: number }>`
    select category, count(*)::int as n from info_items
    where org_id in (${sql.join(ids)}) and status in ('published', 'withdrawn') and disclosure = 'proactive' and published_on between ${start} and ${end}
    group by 1 order by 2 desc`.execute(db)).rows;
  const byChannel = (await sql<{ channel: string; n: number }>`
    select channel, count(*)::int as n from (
      select channel from disclosure_requests where org_id in (${sql.join(ids)}) and received_on between ${start} and ${end}
      union all select channel from request_ledger_entries where org_id in (${sql.join(ids)}) and received_on between ${start} and ${end}) r
    group by 1 order by 2 desc`.execute(db)).rows;
  const byApplicant = (await sql<{ applicantType: string; n: number }>`
    select applicant_type, count(*)::int as n from (
      select applicant_type from disclosure_requests where org_id in (${sql.join(ids)}) and received_on between ${start} and ${end}
      union all select applicant_type from request_ledger_entries where org_id in (${sql.join(ids)}) and received_on between ${start} and ${end}) r
    group by 1 order by 2 desc`.execute(db)).rows;
  const byOutcome = (await sql<{ outcome: string; n: number }>`
    select outcome, count(*)::int as n from (
      select outcome from disclosure_requests where org_id in (${sql.join(ids)}) and completed_on between ${start} and ${end}
      union all select outcome from request_ledger_entries where org_id in (${sql.join(ids)}) and completed_on between ${start} and ${end}) r
    where outcome is not null group by 1 order by 2 desc`.execute(db)).rows;

  // Handling time and punctuality, from requests handled in Gongkai (ledgers carry no clock).
  const calendar = await ctx.calendar();
  const completed = await db.selectFrom('disclosureRequests').select(['id', 'receivedOn', 'supplementReceivedOn', 'extensionDays', 'completedOn'])
    .where('orgId', 'in', ids).where('completedOn', '>=', start).where('completedOn', '<=', end).where('receivedOn', 'is not', null).execute();
  const pauses = completed.length
    ? await db.selectFrom('requestPauses').select(['requestId', 'reason', 'startedOn', 'endedOn']).where('requestId', 'in', completed.map((c) => c.id)).execute()
    : [];
  let totalDays = 0;
  let maxDays = 0;
  let onTime = 0;
  for (const r of completed) {
    const days = calendar.workingDaysBetween(r.receivedOn!, r.completedOn!);
    totalDays += days;
    maxDays = Math.max(maxDays, days);
    const clock = { receivedOn: r.receivedOn!, supplementReceivedOn: r.supplementReceivedOn, extensionWorkingDays: r.extensionDays, pauses: pauses.filter((p) => p.requestId === r.id) };
    if (r.completedOn! <= computeReplyDeadline(calendar, clock, r.completedOn!).dueOn) onTime += 1;
  }
  const today = todayInChina(ctx.now());
  const open = await db.selectFrom('disclosureRequests').innerJoin('orgs', 'orgs.id', 'disclosureRequests.orgId')
    .select(['disclosureRequests.id', 'trackingNo', 'receivedOn', 'supplementReceivedOn', 'extensionDays', 'orgs.name as orgName', 'status'])
    .where('disclosureRequests.orgId', 'in', ids).where('status', 'in', ['processing', 'paused']).execute();
  const overdue = [];
  for (const r of open) {
    const p = await db.selectFrom('requestPauses').select(['reason', 'startedOn', 'endedOn']).where('requestId', '=', r.id).execute();
    const d = computeReplyDeadline(calendar, { receivedOn: r.receivedOn!, supplementReceivedOn: r.supplementReceivedOn, extensionWorkingDays: r.extensionDays, pauses: p }, today);
    if (d.overdue) overdue.push({ trackingNo: r.trackingNo, orgName: r.orgName, dueOn: d.dueOn, workingDaysOverdue: -d.workingDaysLeft });
  }
  const consultations = await consultationsByChannel(ctx, ids, year);
  return {
    orgCode: org.code, orgName: org.name, year, rollup,
    consultations: { byChannel: consultations, total: consultations.reduce((s, c) => s + c.count, 0) },
    items: {
      byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: byMonth.find((m) => m.month === i + 1)?.n ?? 0 })),
      byCategory: byCategory.map((c) => ({ category: c.category, count: c.n })),
    },
    requests: {
      byChannel: byChannel.map((c) => ({ channel: c.channel, label: CHANNEL_LABELS[c.channel] ?? c.channel, count: c.n })),
      byApplicantType: byApplicant.map((a) => ({ applicantType: a.applicantType, label: REPORT_SPEC.requests.columns.find((c) => c.key === a.applicantType)?.label ?? a.applicantType, count: a.n })),
      byOutcome: byOutcome.map((o) => ({ outcome: o.outcome, label: labelOfOutcome(o.outcome), count: o.n })),
      handled: completed.length,
      averageWorkingDays: completed.length ? Math.round((totalDays / completed.length) * 10) / 10 : null,
      maxWorkingDays: completed.length ? maxDays : null,
      onTimeRate: completed.length ? Math.round((onTime / completed.length) * 1000) / 10 : null,
      overdue,
    },
  };
}
