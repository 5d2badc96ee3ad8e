/**
 * The statutory clock of a disclosure request (依申请公开答复期限).
 *
 * - 条例第三十三条: reply within 20 working days of receipt; one extension of at most
 *   20 working days, approved by the head of the disclosure office.
 * - 条例第三十条: after a supplement (补正) the period counts from the day the
 *   supplemented application is received; the notice must go out within 7 working days.
 * - 条例第三十二条、第三十四条: time spent consulting a third party or another body
 *   (they have 15 working days to answer) is not counted.
 * - 国办函〔2020〕109号: the time from a fee notice to payment is not counted.
 */
import { uncertainWarning, WorkingDayCalendar } from './calendar.js';
import type { IsoDate } from './dates.js';

export const REPLY_WORKING_DAYS = 20;
export const MAX_EXTENSION_WORKING_DAYS = 20;
export const SUPPLEMENT_REQUEST_WINDOW_WORKING_DAYS = 7;
export const CONSULTATION_WORKING_DAYS = 15;
export const FEE_PAYMENT_MIN_WORKING_DAYS = 20;
export const REMINDER_WORKING_DAYS = [5, 2] as const;

export interface ClockPause {
  startedOn: IsoDate;
  endedOn?: IsoDate | null;
  reason: 'consultation' | 'fee';
}

export interface RequestClock {
  receivedOn: IsoDate;
  supplementReceivedOn?: IsoDate | null;
  extensionWorkingDays?: number;
  pauses: ClockPause[];
}

export interface DeadlineStatus {
  dueOn: IsoDate;
  paused: boolean;
  pausedWorkingDays: number;
  workingDaysLeft: number;
  overdue: boolean;
  reminder: 'due5' | 'due2' | null;
  certain: boolean;
  warning?: string;
}

/**
 * A pause stops the clock for the working days in (startedOn, endedOn]: the day the
 * notice goes out still counts, the clock runs again from the day after the answer or payment.
 * An open pause is treated as ending today, so the due date keeps moving while it lasts.
 */
export function computeReplyDeadline(calendar: WorkingDayCalendar, clock: RequestClock, today: IsoDate): DeadlineStatus {
  const start = clock.supplementReceivedOn ?? clock.receivedOn;
  let pausedWorkingDays = 0;
  let paused = false;
  for (const pause of clock.pauses) {
    const end = pause.endedOn ?? today;
    if (!pause.endedOn) paused = true;
    const from = pause.startedOn > start ? pause.startedOn : start;
    if (end > from) pausedWorkingDays += calendar.workingDaysBetween(from, end);
  }
  const total = REPLY_WORKING_DAYS + (clock.extensionWorkingDays ?? 0) + pausedWorkingDays;
  const due = calendar.addWorkingDays(start, total);
  const workingDaysLeft = today <= due.date ? calendar.workingDaysBetween(today, due.date) : -calendar.workingDaysBetween(due.date, today);
  const overdue = !paused && today > due.date;
  const reminder = overdue || paused ? null : workingDaysLeft <= 2 ? 'due2' : workingDaysLeft <= 5 ? 'due5' : null;
  return {
    dueOn: due.date,
    paused,
    pausedWorkingDays,
    workingDaysLeft,
    overdue,
    reminder,
    certain: due.certain,
    ...(due.certain ? {} : { warning: uncertainWarning(due.uncertainYears) }),
  };
}

/** The last day a supplement notice may be sent (7th working day after receipt). */
export function supplementRequestDeadline(calendar: WorkingDayCalendar, receivedOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(receivedOn, SUPPLEMENT_REQUEST_WINDOW_WORKING_DAYS).date;
}

/** The day a consulted third party or body must answer by (15 working days). */
export function consultationAnswerDue(calendar: WorkingDayCalendar, sentOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(sentOn, CONSULTATION_WORKING_DAYS).date;
}

/** The earliest payment deadline a fee notice may set (at least 20 working days). */
export function feePaymentDue(calendar: WorkingDayCalendar, noticeOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(noticeOn, FEE_PAYMENT_MIN_WORKING_DAYS).date;
}
