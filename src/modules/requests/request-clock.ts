/**
 * A request's deadline from what is stored: the request row (receipt, 补正, extension, later
 * date) and its consultation and fee pauses. The one way the slice reads a deadline.
 */
import type { AppContext } from '../../context.js';
import { todayInChina } from '../../domain/dates.js';
import { computeRequestDeadline, type RequestDeadline } from '../../domain/request-deadline.js';
import type { WorkingDayCalendar } from '../../domain/calendar.js';
import * as repo from './requests.repository.js';

export type ClockFields = Pick<repo.RequestRow,
  'id' | 'status' | 'receivedOn' | 'supplementRequestedOn' | 'supplementDueOn' | 'supplementReceivedOn' | 'extensionDays' | 'excessiveReplyDueOn'>;

/** No deadline before receipt (条例第三十一条) or after completion. */
export function deadlineFrom(calendar: WorkingDayCalendar, r: ClockFields, pauses: repo.PauseRow[], today: string): RequestDeadline | null {
  if (!r.receivedOn || r.status === 'completed') return null;
  return computeRequestDeadline(calendar, {
    receivedOn: r.receivedOn,
    supplementRequestedOn: r.supplementRequestedOn,
    supplementDueOn: r.supplementDueOn,
    supplementReceivedOn: r.supplementReceivedOn,
    extensionWorkingDays: r.extensionDays,
    laterReplyDueOn: r.excessiveReplyDueOn,
    pauses,
  }, today);
}

export async function deadlineOf(ctx: AppContext, r: ClockFields, db: repo.Executor = ctx.db): Promise<RequestDeadline | null> {
  if (!r.receivedOn || r.status === 'completed') return null;
  return deadlineFrom(await ctx.calendar(), r, await repo.listPauses(db, r.id), todayInChina(ctx.now()));
}

/** The deadlines of many requests, their pauses read in one query. */
export async function deadlinesOf(ctx: AppContext, rows: ClockFields[]): Promise<Map<number, RequestDeadline | null>> {
  const running = rows.filter((r) => r.receivedOn && r.status !== 'completed');
  const pauses = await repo.listPausesOf(ctx.db, running.map((r) => r.id));
  const calendar = await ctx.calendar();
  const today = todayInChina(ctx.now());
  return new Map(rows.map((r) => [r.id, deadlineFrom(calendar, r, pauses.get(r.id) ?? [], today)]));
}
