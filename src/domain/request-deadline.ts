/**
 * The statutory clock of a disclosure request (依申请公开答复期限).
 *
 * - 条例第三十三条: reply within 20 working days of receipt; one extension of at most
 *   20 working days, approved by the head of the disclosure office, with notice to the applicant.
 *   Time spent consulting third parties or other bodies is not counted.
 * - 条例第三十条: a supplement (补正) notice goes out once, within 7 working days of receipt;
 *   the reply period then counts from receipt of the supplemented application.
 * - 条例第三十二条、第三十四条: a consulted third party or co-producing body answers within
 *   15 working days.
 * - 条例第四十二条 and 国办函〔2020〕109号: the time from a fee notice to payment is not counted.
 *
 * Every period is counted in working days, the day of the event itself not counted
 * (see calendar.ts).
 */
import { uncertainWarning, type WorkingDayCalendar, type WorkingDayCount } from './calendar.js';
import { addCalendarDays, yearOf, type IsoDate } from './dates.js';
import { FEE_NOTICE_MIN_WORKING_DAYS } from './fees.js';

export const REPLY_WORKING_DAYS = 20;
export const MAX_EXTENSION_WORKING_DAYS = 20;
export const SUPPLEMENT_REQUEST_WINDOW_WORKING_DAYS = 7;
export const CONSULTATION_WORKING_DAYS = 15;
export const FEE_PAYMENT_MIN_WORKING_DAYS = FEE_NOTICE_MIN_WORKING_DAYS;
/** Reminders go out when this many working days or fewer are left: 'due5' at 5..3, 'due2' at 2..0. */
export const REMINDER_WORKING_DAYS = [5, 2] as const;

/** What stops the reply clock for a while; 补正 is not one of them (see RequestClock.supplementRequestedOn). */
export type PauseReason = 'consultation' | 'fee';

export interface ClockPause {
  /** The day the consultation letter or fee notice went out; it still counts. */
  startedOn: IsoDate;
  /** The day the answer or the payment arrived; null while the pause lasts. */
  endedOn?: IsoDate | null;
  reason: PauseReason;
}

export interface RequestClock {
  receivedOn: IsoDate;
  /**
   * 补正 (条例第三十条): the day the supplement notice went out and the day the applicant must
   * supplement by. These two fields and `supplementReceivedOn` are the one record of the wait:
   * requested and not yet received means the reply period is not running at all.
   */
  supplementRequestedOn?: IsoDate | null;
  supplementDueOn?: IsoDate | null;
  /** Receipt of the supplemented application (条例第三十条): the clock restarts from it. */
  supplementReceivedOn?: IsoDate | null;
  /** The one extension granted (条例第三十三条第二款), 0 when none. */
  extensionWorkingDays?: number;
  /**
   * 条例第三十五条: for a clearly excessive request whose reasons are accepted but which
   * cannot be answered in time, the body fixes a reasonable later date and tells the
   * applicant. It replaces the statutory date when it is later.
   */
  laterReplyDueOn?: IsoDate | null;
  pauses: ClockPause[];
}

export interface DeadlineStatus {
  /** The last day to reply; while a pause is open, the due date if it ended today. */
  dueOn: IsoDate;
  /** A consultation or fee pause is open: the clock stands still. */
  paused: boolean;
  /** Working days not counted because of consultation and fee pauses. */
  pausedWorkingDays: number;
  /** Working days in (today, dueOn]; negative when overdue (at least −1), never negative while paused. */
  workingDaysLeft: number;
  overdue: boolean;
  reminder: 'due5' | 'due2' | null;
  /** false when some count ran through a year without an official holiday schedule. */
  certain: boolean;
  warning?: string;
}

/** A request whose reply period runs (or stands still in a consultation or fee pause). */
export type RunningDeadline = DeadlineStatus & { awaitingSupplement: false; supplementDueOn: null };

/**
 * A request waiting for the applicant's supplement (条例第三十条): no reply deadline runs, so
 * nothing is due, overdue or reminded; only the applicant's own supplement period counts.
 */
export interface SupplementWait {
  awaitingSupplement: true;
  dueOn: null;
  supplementDueOn: IsoDate;
  /** The supplement period has passed: the request may be treated as abandoned (视为放弃申请). */
  supplementOverdue: boolean;
  paused: true;
  pausedWorkingDays: 0;
  workingDaysLeft: null;
  overdue: false;
  reminder: null;
  certain: boolean;
  warning?: string;
}

export type RequestDeadline = RunningDeadline | SupplementWait;

/** Requested and not yet received: the one test of "awaiting the supplement". */
export function isAwaitingSupplement(clock: Pick<RequestClock, 'supplementRequestedOn' | 'supplementReceivedOn'>): boolean {
  return !!clock.supplementRequestedOn && !clock.supplementReceivedOn;
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/**
 * The request's deadline on `today`, whatever its stage: while the supplement is awaited there is
 * no reply deadline, only the supplement period (条例第三十条); otherwise the running reply period.
 * Every reader of a request's deadline (applicant page, handling list, reminders) goes through here.
 */
export function computeRequestDeadline(calendar: WorkingDayCalendar, clock: RequestClock, today: IsoDate): RequestDeadline {
  if (isAwaitingSupplement(clock)) {
    const requestedOn = clock.supplementRequestedOn!;
    const supplementDueOn = clock.supplementDueOn;
    if (!supplementDueOn) throw new RangeError('a supplement request needs its supplementDueOn');
    const unknown: number[] = [];
    for (let y = yearOf(addCalendarDays(requestedOn, 1)); y <= yearOf(supplementDueOn); y += 1) if (!calendar.isYearKnown(y)) unknown.push(y);
    return {
      awaitingSupplement: true, dueOn: null, supplementDueOn, supplementOverdue: today > supplementDueOn,
      paused: true, pausedWorkingDays: 0, workingDaysLeft: null, overdue: false, reminder: null,
      certain: unknown.length === 0, ...(unknown.length ? { warning: uncertainWarning(unknown) } : {}),
    };
  }
  return { ...computeReplyDeadline(calendar, clock, today), awaitingSupplement: false, supplementDueOn: null };
}

/**
 * Computes the reply due date and the clock's state on `today`, for a request whose reply
 * period runs: refused (RangeError) while a supplement is awaited, when no period runs at all.
 *
 * dueOn = the (20 + extension + paused)-th working day after the clock start, where the
 * clock starts on `supplementReceivedOn ?? receivedOn` and a consultation or fee pause
 * does not count the working days in (startedOn, endedOn]: the day the letter or notice
 * goes out still counts, and the clock runs again from the day after the answer or payment.
 *
 * - A pause is counted only from the clock start (a pause that ended before it is ignored),
 *   overlapping pauses count once, and a pause begun after the period had already run out
 *   does not revive it.
 * - An open pause is treated as ending today, so the due date keeps moving while it lasts,
 *   and the request is not overdue meanwhile.
 * - If the whole period was used up before a pause, the reply is due the day the pause ends
 *   (the next working day when that is a day off, 民法典第二百零三条).
 */
export function computeReplyDeadline(calendar: WorkingDayCalendar, clock: RequestClock, today: IsoDate): DeadlineStatus {
  if (isAwaitingSupplement(clock)) throw new RangeError('no reply period runs while the supplement is awaited (条例第三十条): use computeRequestDeadline');
  const extension = clock.extensionWorkingDays ?? 0;
  if (!Number.isInteger(extension) || extension < 0 || extension > MAX_EXTENSION_WORKING_DAYS) {
    throw new RangeError(`extensionWorkingDays must be an integer 0..${MAX_EXTENSION_WORKING_DAYS}`);
  }
  const uncertainYears = new Set<number>();
  const noteCount = (count: WorkingDayCount) => count.uncertainYears.forEach((y) => uncertainYears.add(y));
  /** Records the years of the days in (from, to] that have no official schedule. */
  const noteRange = (from: IsoDate, to: IsoDate) => {
    if (to <= from) return;
    for (let y = yearOf(addCalendarDays(from, 1)); y <= yearOf(to); y += 1) if (!calendar.isYearKnown(y)) uncertainYears.add(y);
  };

  const start = later(clock.supplementReceivedOn ?? clock.receivedOn, clock.receivedOn);

  // Consultation and fee pauses as intervals (from, to] from the clock start on, merged where they overlap.
  const intervals = clock.pauses
    .filter((p) => p.startedOn <= today)
    .map((p) => ({ from: later(p.startedOn, start), to: p.endedOn ?? today, open: !p.endedOn }))
    .filter((i) => i.to > i.from || (i.open && i.to === i.from))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: typeof intervals = [];
  for (const i of intervals) {
    const last = merged[merged.length - 1];
    if (last && i.from <= last.to) {
      last.to = later(last.to, i.to);
      last.open ||= i.open;
    } else merged.push({ ...i });
  }

  const base = REPLY_WORKING_DAYS + extension;
  let due = calendar.addWorkingDays(start, base);
  let pausedWorkingDays = 0;
  let paused = false;
  for (const pause of merged) {
    if (pause.from > due.date) break; // the period had run out before this pause began
    pausedWorkingDays += calendar.workingDaysBetween(pause.from, pause.to);
    noteRange(pause.from, pause.to);
    if (pause.open) paused = true;
    due = calendar.addWorkingDays(start, base + pausedWorkingDays);
    if (due.date < pause.to) {
      noteCount(due);
      due = calendar.isWorkingDay(pause.to) ? { ...due, date: pause.to } : calendar.addWorkingDays(pause.to, 1);
    }
  }
  noteCount(due);
  if (clock.laterReplyDueOn && clock.laterReplyDueOn > due.date) due = { ...due, date: clock.laterReplyDueOn };

  let workingDaysLeft: number;
  if (today <= due.date) {
    workingDaysLeft = calendar.workingDaysBetween(today, due.date);
    noteRange(today, due.date);
  } else if (paused) {
    workingDaysLeft = 0;
  } else {
    // Overdue from the day after the due date, even when that is a day off.
    workingDaysLeft = -Math.max(1, calendar.workingDaysBetween(due.date, today));
    noteRange(due.date, today);
  }
  const overdue = !paused && today > due.date;
  const [first, second] = REMINDER_WORKING_DAYS;
  const reminder = paused || overdue ? null : workingDaysLeft <= second ? 'due2' : workingDaysLeft <= first ? 'due5' : null;
  const years = [...uncertainYears].sort((a, b) => a - b);
  return {
    dueOn: due.date,
    paused,
    pausedWorkingDays,
    workingDaysLeft,
    overdue,
    reminder,
    certain: years.length === 0,
    ...(years.length ? { warning: uncertainWarning(years) } : {}),
  };
}

/** The last day a supplement notice may be sent: the 7th working day after receipt (条例第三十条). */
export function supplementRequestDeadline(calendar: WorkingDayCalendar, receivedOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(receivedOn, SUPPLEMENT_REQUEST_WINDOW_WORKING_DAYS).date;
}

/** The day the applicant must supplement by: the period set in the notice, in working days after it (条例第三十条). */
export function supplementDue(calendar: WorkingDayCalendar, requestedOn: IsoDate, periodWorkingDays: number): WorkingDayCount {
  return calendar.addWorkingDays(requestedOn, periodWorkingDays);
}

/** The day a consulted third party or body must answer by: 15 working days after the letter (条例第三十二条、第三十四条). */
export function consultationAnswerDue(calendar: WorkingDayCalendar, sentOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(sentOn, CONSULTATION_WORKING_DAYS).date;
}

/** The earliest payment deadline a fee notice may set: 20 working days after it (国办函〔2020〕109号). */
export function feePaymentDue(calendar: WorkingDayCalendar, noticeOn: IsoDate): IsoDate {
  return calendar.addWorkingDays(noticeOn, FEE_PAYMENT_MIN_WORKING_DAYS).date;
}

export type Check = { ok: true } | { ok: false; message: string };

/**
 * 条例第三十三条第二款: the reply period may be extended once, by at most 20 working days.
 * @param previousExtensionWorkingDays the extension already granted (0 when none)
 */
export function validateExtension(days: number, previousExtensionWorkingDays = 0): Check {
  if (previousExtensionWorkingDays > 0) return { ok: false, message: '答复期限只能延长一次，本申请已经延长过。' };
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_WORKING_DAYS) {
    return { ok: false, message: `延长的期限应为1至${MAX_EXTENSION_WORKING_DAYS}个工作日（整数）。` };
  }
  return { ok: true };
}

/**
 * 条例第三十条: one supplement notice, within 7 working days of receipt.
 * @param alreadyRequestedOn the day an earlier supplement notice went out, if any
 */
export function validateSupplementRequest(calendar: WorkingDayCalendar, receivedOn: IsoDate, today: IsoDate, alreadyRequestedOn?: IsoDate | null): Check {
  if (alreadyRequestedOn) return { ok: false, message: `已于${alreadyRequestedOn}发出补正通知，补正通知只能发出一次。` };
  const last = supplementRequestDeadline(calendar, receivedOn);
  if (today > last) return { ok: false, message: `补正通知应在收到申请之日起7个工作日内（${last}前）发出，现已超过期限。` };
  return { ok: true };
}
