/**
 * Deadlines of 互动交流 messages. Gongkai's default: reply within 10 working days of receipt, the day of
 * receipt not counted (as every period, see calendar.ts); a body sets its own limit per mailbox and type.
 * One extension of at most 10 working days, with a reason the sender sees. The 政府网站 check vetoes a site
 * where a valid message stays unanswered for more than 3 months (《政府网站与政务新媒体检查指标》).
 */
import type { WorkingDayCalendar, WorkingDayCount } from './calendar.js';
import type { IsoDate } from './dates.js';

export const DEFAULT_REPLY_LIMIT_WORKING_DAYS = 10;
export const MAX_MESSAGE_EXTENSION_WORKING_DAYS = 10;
/** Reminders go out this many working days before the due day. */
export const REMINDER_WORKING_DAYS = 2;

/** The N-th working day after the day of receipt. */
export function messageReplyDue(calendar: WorkingDayCalendar, receivedOn: IsoDate, limitWorkingDays: number): WorkingDayCount {
  return calendar.addWorkingDays(receivedOn, limitWorkingDays);
}

/** The due day after the one extension: `days` working days after the old due day. */
export function extendedReplyDue(calendar: WorkingDayCalendar, replyDueOn: IsoDate, days: number): WorkingDayCount {
  return calendar.addWorkingDays(replyDueOn, days);
}

/** The day a reminder is due: 2 working days before the due day. */
export function reminderDay(calendar: WorkingDayCalendar, replyDueOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(replyDueOn, -REMINDER_WORKING_DAYS).date;
}

/**
 * The last due day that counts as 即将到期 on `today`: a message due on or before it (and not yet late)
 * has had its reminder, so the console lists it as due soon — the same rule as `reminderDay`.
 */
export function dueSoonUntil(calendar: WorkingDayCalendar, today: IsoDate): IsoDate {
  return calendar.addWorkingDays(today, REMINDER_WORKING_DAYS).date;
}

/** Open on `today` for more than 3 calendar months since receipt: a veto risk of the website check. */
export function isVetoRisk(receivedOn: IsoDate, today: IsoDate): boolean {
  const [y, m, d] = receivedOn.split('-').map(Number);
  const month = m + 3;
  const year = y + Math.floor((month - 1) / 12);
  const mm = ((month - 1) % 12) + 1;
  // 30 November + 3 months is the end of February, not 2 March.
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  const limit = `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}` as IsoDate;
  return today > limit;
}
