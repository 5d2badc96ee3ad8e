/**
 * The promised time limit of a government-service case (办件承诺时限).
 *
 * - 行政许可法第四十二条: a licensing decision within 20 days, extendable once by 10 days with the
 *   approval of the body's head; 第八十二条: these periods are working days, holidays excluded.
 * - A body publishes a promised limit (承诺时限) not longer than the legal one; 电子监察 counts
 *   against the promised limit.
 * - A promised limit of 0 is a 即办件: done on the day of acceptance.
 * - Time spent waiting for the applicant's supplement (补正) is not counted (行政许可法第三十二条
 *   一次性告知; the supplement pause stops the clock).
 *
 * Counting follows src/domain/calendar.ts: the day of acceptance does not count, so the due date is
 * the `promisedLimitDays`-th working day after `acceptedOn`. The day a supplement notice goes out
 * still counts; the days after it up to and including the day the supplement arrives do not.
 */
import type { WorkingDayCalendar } from '../calendar.js';
import type { IsoDate } from '../dates.js';

/** 行政许可法第四十二条 */
export const LICENSING_LEGAL_LIMIT_DAYS = 20;
export const LICENSING_EXTENSION_DAYS = 10;
/** 电子监察 warns this many working days before the due date unless the centre sets otherwise. */
export const DEFAULT_WARNING_WORKING_DAYS = 1;

export interface SupplementPause {
  /** The day the 补正材料通知书 went out; it still counts. */
  startedOn: IsoDate;
  /** The day the supplement arrived; null while the applicant has not supplemented. */
  endedOn?: IsoDate | null;
}

export interface CaseClock {
  acceptedOn: IsoDate;
  promisedLimitDays: number;
  /** Working days added by an approved extension (行政许可法第四十二条), 0 when none. */
  extensionDays?: number;
  pauses?: SupplementPause[];
}

export interface CaseDue {
  /** The last day of the promised limit; while a pause is open, the due date if it ended `today`. */
  dueOn: IsoDate;
  /** A supplement pause is open: the clock stands still. */
  paused: boolean;
  /** false when some count ran through a year without an official holiday schedule. */
  certain: boolean;
  uncertainYears: number[];
}

/**
 * The due date of a case. Pauses are taken in order; a pause that starts after the clock has
 * already run out does not move the due date.
 */
export function caseDueOn(calendar: WorkingDayCalendar, clock: CaseClock, today?: IsoDate): CaseDue {
  if (!Number.isInteger(clock.promisedLimitDays) || clock.promisedLimitDays < 0) throw new RangeError('promised limit must be a whole number ≥ 0');
  const uncertain = new Set<number>();
  let remaining = clock.promisedLimitDays + (clock.extensionDays ?? 0);
  let start = clock.acceptedOn;
  let paused = false;
  const pauses = [...(clock.pauses ?? [])].sort((a, b) => (a.startedOn < b.startedOn ? -1 : a.startedOn > b.startedOn ? 1 : 0));
  for (const pause of pauses) {
    if (pause.startedOn < start) continue;
    const used = calendar.workingDaysBetween(start, pause.startedOn);
    if (used > remaining) break; // the limit had already passed when the notice went out
    remaining -= used;
    const end = pause.endedOn ?? today ?? pause.startedOn;
    if (!pause.endedOn) paused = true;
    start = end < pause.startedOn ? pause.startedOn : end;
    if (!pause.endedOn) break;
  }
  const count = calendar.addWorkingDays(start, remaining);
  for (const y of count.uncertainYears) uncertain.add(y);
  // The years passed through before the pauses count too.
  for (const y of [clock.acceptedOn, start].map((d) => Number(d.slice(0, 4)))) if (!calendar.isYearKnown(y)) uncertain.add(y);
  const uncertainYears = [...uncertain].sort();
  return { dueOn: count.date, paused, certain: uncertainYears.length === 0, uncertainYears };
}

/**
 * Working days left in (today, dueOn]; negative (−1 at least) once overdue, 0 on the due day.
 */
export function workingDaysLeft(calendar: WorkingDayCalendar, today: IsoDate, dueOn: IsoDate): number {
  if (today <= dueOn) return calendar.workingDaysBetween(today, dueOn);
  return -Math.max(1, calendar.workingDaysBetween(dueOn, today));
}

export type DueState = 'normal' | 'approaching' | 'overdue';

/** 电子监察: yellow `warningDays` working days (or fewer) before the due date, red after it. */
export function dueState(calendar: WorkingDayCalendar, today: IsoDate, dueOn: IsoDate, warningDays = DEFAULT_WARNING_WORKING_DAYS): DueState {
  if (today > dueOn) return 'overdue';
  return workingDaysLeft(calendar, today, dueOn) <= warningDays ? 'approaching' : 'normal';
}

/** Working days a closed case took: acceptance day not counted, supplement pauses not counted. */
export function workingDaysTaken(calendar: WorkingDayCalendar, acceptedOn: IsoDate, completedOn: IsoDate, pauses: SupplementPause[] = []): number {
  let days = calendar.workingDaysBetween(acceptedOn, completedOn);
  for (const p of pauses) {
    if (!p.endedOn) continue;
    const from = p.startedOn < acceptedOn ? acceptedOn : p.startedOn;
    const to = p.endedOn > completedOn ? completedOn : p.endedOn;
    if (to > from) days -= calendar.workingDaysBetween(from, to);
  }
  return Math.max(0, days);
}
