/**
 * 互动交流 reminders: a message is 即将到期 from its reminder day (2 working days before it is due) until its due
 * day — `dueSoonUntil(today)` and `reminderDay(due)` are one rule read from the two ends. Dates hand-counted on the
 * 2026 schedule: 春节 15–23 Feb off, Saturdays 14 and 28 Feb worked; 清明 4–6 April off; 国庆 1–7 Oct off, Saturday 10 Oct worked.
 */
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../src/domain/calendar.js';
import { addCalendarDays, type IsoDate } from '../../src/domain/dates.js';
import { dueSoonUntil, reminderDay } from '../../src/domain/message-deadline.js';

const calendar = new WorkingDayCalendar();

describe('dueSoonUntil: the last due day a message counts as 即将到期 on a day', () => {
  it.each([
    { case: 'an ordinary Wednesday', today: '2026-03-11', until: '2026-03-13' },
    { case: 'a Friday: the weekend does not count', today: '2026-03-13', until: '2026-03-17' },
    { case: 'Friday 27 Feb, the make-up Saturday 28 Feb counts', today: '2026-02-27', until: '2026-03-02' },
    { case: 'the Friday before 春节', today: '2026-02-13', until: '2026-02-24' },
    { case: 'a day of 春节 itself', today: '2026-02-18', until: '2026-02-25' },
    { case: 'the day before 清明', today: '2026-04-03', until: '2026-04-08' },
    { case: 'the last day of 国庆, the make-up Saturday after it', today: '2026-10-07', until: '2026-10-09' },
    { case: 'Friday 9 Oct, Saturday 10 Oct worked', today: '2026-10-09', until: '2026-10-12' },
  ])('$case: $today → $until', ({ today, until }) => {
    expect(dueSoonUntil(calendar, today as IsoDate)).toBe(until);
  });

  it('agrees with reminderDay: a due day is within it exactly from its reminder day on', () => {
    for (let due = '2026-01-05' as IsoDate; due <= '2026-12-31'; due = addCalendarDays(due, 1)) {
      if (!calendar.isWorkingDay(due)) continue;
      const remind = reminderDay(calendar, due);
      for (let day = addCalendarDays(remind, -5); day <= due; day = addCalendarDays(day, 1)) {
        expect(due <= dueSoonUntil(calendar, day), `due ${due}, on ${day}`).toBe(day >= remind);
      }
    }
  });
});
