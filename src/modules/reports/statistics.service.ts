/**
 * The statistics dashboard (政务公开统计): publications by month and category, requests by
 * channel, applicant type and outcome, handling time in working days, on-time rate, overdue list.
 *
 * The request figures come from the same aggregate as table 三 of the annual report
 * (reports.repository.requestFactGroups), so 本年新收, 本年办结 and the outcomes always add up
 * and agree with the report. Handling time and punctuality exist only for requests handled in
 * Gongkai (paper ledgers carry no clock) and are labelled so.
 */
import type { AppContext } from '../../context.js';
import { computeRequestsTable, OUTCOME_ROW_KEYS } from '../../domain/annual-report.js';
import type { WorkingDayCalendar } from '../../domain/calendar.js';
import { todayInChina } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import { computeReplyDeadline, type ClockPause, type PauseReason } from '../../domain/request-deadline.js';
import { AppError } from '../../http/errors.js';
import { messagesByChannel } from '../interaction/message-statistics.service.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { asRequestFacts, requestFactGroups } from './reports.repository.js';
import * as repo from './statistics.repository.js';

/** Open requests are read in pages of this many; the overdue list shows at most OVERDUE_LISTED of them. */
const OPEN_PAGE = 1000;
export const OVERDUE_LISTED = 100;

export type Statistics = Awaited<ReturnType<typeof computeStatistics>>;

function sumBy<T>(rows: T[], key: (r: T) => string, n: (r: T) => number) {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + n(r));
  return [...out.entries()].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

function clockOf(facts: repo.ClockFacts) {
  const pauses: ClockPause[] = facts.pauses
    ? facts.pauses.split(';').map((p) => {
      const [reason, startedOn, endedOn] = p.split('|');
      return { reason: reason as PauseReason, startedOn, endedOn: endedOn || null };
    })
    : [];
  // The same facts the requests slice gives the clock (requests.service deadlineOf).
  return { receivedOn: facts.receivedOn, supplementReceivedOn: facts.supplementReceivedOn, extensionWorkingDays: facts.extensionDays, laterReplyDueOn: facts.laterReplyDueOn, pauses };
}

async function handlingTime(ctx: AppContext, calendar: WorkingDayCalendar, ids: number[], year: number) {
  const groups = await repo.completedClocks(ctx.db, ids, year);
  let count = 0;
  let totalDays = 0;
  let maxDays = 0;
  let onTime = 0;
  for (const g of groups) {
    const days = calendar.workingDaysBetween(g.receivedOn, g.completedOn);
    count += g.n;
    totalDays += days * g.n;
    maxDays = Math.max(maxDays, days);
    if (g.completedOn <= computeReplyDeadline(calendar, clockOf(g), g.completedOn).dueOn) onTime += g.n;
  }
  return {
    handledInPlatform: count,
    averageWorkingDays: count ? Math.round((totalDays / count) * 10) / 10 : null,
    maxWorkingDays: count ? maxDays : null,
    onTimeRate: count ? Math.round((onTime / count) * 1000) / 10 : null,
  };
}

/** Requests received by the year's end and still open today whose reply period has run out. */
async function overdueRequests(ctx: AppContext, calendar: WorkingDayCalendar, ids: number[], year: number, today: string) {
  const overdue: { trackingNo: string; orgName: string; dueOn: string; workingDaysOverdue: number }[] = [];
  let count = 0;
  for (let afterId = 0; ;) {
    const page = await repo.openClocksPage(ctx.db, ids, `${year}-12-31`, afterId, OPEN_PAGE);
    for (const r of page) {
      const d = computeReplyDeadline(calendar, clockOf(r), today);
      if (!d.overdue) continue;
      count += 1;
      overdue.push({ trackingNo: r.trackingNo, orgName: r.orgName, dueOn: d.dueOn, workingDaysOverdue: -d.workingDaysLeft });
    }
    // Keep the most overdue ones only: the list is for reading, the count is complete.
    overdue.sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || (a.trackingNo < b.trackingNo ? -1 : 1)).splice(OVERDUE_LISTED);
    if (page.length < OPEN_PAGE) break;
    afterId = page[page.length - 1].id;
  }
  return { overdue, overdueCount: count };
}

async function computeStatistics(ctx: AppContext, org: { id: number; code: string; name: string }, year: number, rollup: boolean) {
  const subtree = await subtreeIds(ctx.db, org.id);
  const ids = rollup ? subtree : [org.id];
  const today = todayInChina(ctx.now());
  const calendar = await ctx.calendar();
  const [items, factGroups, timing, open, messages] = await Promise.all([
    repo.itemCounts(ctx.db, ids, year),
    requestFactGroups(ctx.db, ids, year),
    handlingTime(ctx, calendar, ids, year),
    overdueRequests(ctx, calendar, ids, year, today),
    messagesByChannel(ctx, ids, year),
  ]);
  const table = computeRequestsTable(asRequestFacts(factGroups, year), year);
  const received = factGroups.filter((g) => g.isNew);
  const completed = factGroups.filter((g) => g.outcome && OUTCOME_ROW_KEYS.includes(g.outcome));
  return {
    orgCode: org.code, orgName: org.name, year, rollup, asOf: today, hasSubBodies: subtree.length > 1,
    messages: { byChannel: messages, total: messages.reduce((s, c) => s + c.count, 0) },
    items: {
      total: items.reduce((s, r) => s + r.n, 0),
      byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: items.filter((r) => r.month === i + 1).reduce((s, r) => s + r.n, 0) })),
      byCategory: sumBy(items, (r) => r.category, (r) => r.n).map((c) => ({ category: c.key, count: c.count })),
    },
    requests: {
      // As table 三: 本年新收 + 上年结转 = 本年办结 + 结转下年度.
      received: table.received.total,
      carriedIn: table.carriedIn.total,
      completed: table.completed.total,
      carriedOut: table.carriedOut.total,
      completedInPlatform: completed.filter((g) => g.source === 'platform').reduce((s, g) => s + g.n, 0),
      completedFromLedger: completed.filter((g) => g.source === 'ledger').reduce((s, g) => s + g.n, 0),
      byChannel: sumBy(received, (g) => g.channel, (g) => g.n).map((c) => ({ channel: c.key, label: labelOf('requestChannel', c.key), count: c.count })),
      byApplicantType: sumBy(received, (g) => g.applicantType, (g) => g.n).map((c) => ({ applicantType: c.key, label: labelOf('applicantType', c.key), count: c.count })),
      byOutcome: sumBy(completed, (g) => g.outcome!, (g) => g.n).map((c) => ({ outcome: c.key, label: labelOf('outcome', c.key), count: c.count })),
      ...timing,
      ...open,
    },
  };
}

/**
 * The statistics of a body (with its sub-bodies when `rollup`) for a year, computed once and
 * kept with the public pages: dropped when the catalog changes or a ledger is imported
 * (ctx.pages.invalidate) and at the latest after the page cache's lifetime (10 seconds), which
 * bounds how stale a completion or an overdue count can be.
 */
export async function statistics(ctx: AppContext, orgCode: string, year: number, rollup: boolean): Promise<Statistics> {
  const thisYear = Number(todayInChina(ctx.now()).slice(0, 4));
  if (!Number.isInteger(year) || year < 2008 || year > thisYear) throw new AppError('VALIDATION_FAILED', [{ path: 'year', message: `年度应在2008年至${thisYear}年之间，请重新填写。` }]);
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  return ctx.pages.memo(`statistics:${org.code}:${year}:${rollup ? 1 : 0}`, () => computeStatistics(ctx, org, year, rollup));
}
