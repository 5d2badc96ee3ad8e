/**
 * The reply clock (条例第三十条、第三十二条、第三十三条; 国办函〔2020〕109号) across the
 * 2024–2026 holidays, with supplement, extension, consultation and fee pauses combined.
 * Every expected date and count was worked out by hand on a calendar marked with the
 * official schedules (listed at the top of calendar.test.ts); the working days counted
 * are written next to each row.
 */
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../src/domain/calendar.js';
import {
  computeReplyDeadline, computeRequestDeadline, consultationAnswerDue, CONSULTATION_WORKING_DAYS, DeadlineStatus, feePaymentDue,
  isAwaitingSupplement, MAX_EXTENSION_WORKING_DAYS, REMINDER_WORKING_DAYS, REPLY_WORKING_DAYS, RequestClock, RequestDeadline,
  SUPPLEMENT_REQUEST_WINDOW_WORKING_DAYS, supplementDue, supplementRequestDeadline, validateExtension, validateSupplementRequest,
} from '../../src/domain/request-deadline.js';

const calendar = new WorkingDayCalendar();

type Expected = Partial<DeadlineStatus>;

describe('statutory constants', () => {
  it('match the 条例 and 国办函〔2020〕109号', () => {
    expect(REPLY_WORKING_DAYS).toBe(20);
    expect(MAX_EXTENSION_WORKING_DAYS).toBe(20);
    expect(SUPPLEMENT_REQUEST_WINDOW_WORKING_DAYS).toBe(7);
    expect(CONSULTATION_WORKING_DAYS).toBe(15);
    expect(REMINDER_WORKING_DAYS).toEqual([5, 2]);
  });
});

describe('computeReplyDeadline', () => {
  it.each<[string, RequestClock, string, Expected]>([
    // 2026 Spring Festival (02-15..23 off, 02-14 and 02-28 working).
    // 02-11, 12, 13, 14, 24, 25, 26, 27, 28, 03-02 … 06, 09 … 13, 16 (20th).
    ['plain 20 working days across the 2026 Spring Festival',
      { receivedOn: '2026-02-10', pauses: [] }, '2026-02-11',
      { dueOn: '2026-03-16', workingDaysLeft: 19, pausedWorkingDays: 0, paused: false, overdue: false, reminder: null }],
    // Received during the holiday: 02-24 is the 1st working day, 03-20 the 20th.
    ['received on a Spring Festival holiday',
      { receivedOn: '2026-02-17', pauses: [] }, '2026-02-17',
      { dueOn: '2026-03-20', workingDaysLeft: 20 }],
    ['received on the make-up Saturday before it',
      { receivedOn: '2026-02-14', pauses: [] }, '2026-02-14',
      { dueOn: '2026-03-20', workingDaysLeft: 20 }],
    // 02-14 (Sat, working) is the 1st, 03-19 the 20th.
    ['received the Friday before it',
      { receivedOn: '2026-02-13', pauses: [] }, '2026-02-13',
      { dueOn: '2026-03-19' }],
    // 2025 National Day (10-01..08 off, 09-28 and 10-11 working).
    // 10-09 is the 1st working day, 11-04 the 20th.
    ['received the day before National Day 2025',
      { receivedOn: '2025-09-30', pauses: [] }, '2025-10-09',
      { dueOn: '2025-11-04', workingDaysLeft: 19 }],
    // 09-28 (Sun), 29, 30, 10-09, 10, 11 (Sat), 13 … 17, 20 … 24, 27 … 30 (20th).
    ['received the Friday before National Day 2025',
      { receivedOn: '2025-09-26', pauses: [] }, '2025-09-26',
      { dueOn: '2025-10-30', workingDaysLeft: 20 }],
    // 2024 National Day (10-01..07 off, 09-29 and 10-12 working): 09-29 is the 1st, 10-30 the 20th.
    ['2024 National Day with make-up days 09-29 and 10-12',
      { receivedOn: '2024-09-27', pauses: [] }, '2024-09-27',
      { dueOn: '2024-10-30' }],
    // 09-14 (Sat), 18, 19, 20, 23 … 27, 29 (Sun), 30, 10-08 … 12, 14 … 17 (20th).
    ['2024 Mid-autumn and National Day together',
      { receivedOn: '2024-09-13', pauses: [] }, '2024-09-13',
      { dueOn: '2024-10-17' }],
    // 2024 Spring Festival (02-10..17 off, 02-04 and 02-18 working): 02-09, 18 … 23, 26 … 29, 03-01, 04 … 08, 11, 12, 13 (20th).
    ['2024 Spring Festival',
      { receivedOn: '2024-02-08', pauses: [] }, '2024-02-09',
      { dueOn: '2024-03-13', workingDaysLeft: 19 }],
    // 02-04 (Sun) is the 1st working day; 03-06 the 20th.
    ['2024 Spring Festival with the working Sunday before it',
      { receivedOn: '2024-02-02', pauses: [] }, '2024-02-02',
      { dueOn: '2024-03-06' }],

    // 条例第三十条: the period restarts from receipt of the supplemented application.
    // From 02-24: 25, 26, 27, 28, 03-02 … 06, 09 … 13, 16 … 20, 23 (20th).
    ['restarted by a supplement received after the holiday',
      { receivedOn: '2026-02-10', supplementReceivedOn: '2026-02-24', pauses: [] }, '2026-02-25',
      { dueOn: '2026-03-23', workingDaysLeft: 19 }],
    // From 2025-10-09: 10, 11 (Sat), 13 … 17, 20 … 24, 27 … 31, 11-03, 04, 05 (20th).
    ['restarted by a supplement received after National Day 2025',
      { receivedOn: '2025-09-22', supplementReceivedOn: '2025-10-09', pauses: [] }, '2025-10-09',
      { dueOn: '2025-11-05' }],
    // Consultation (03-02, 03-09] = 03, 04, 05, 06, 09 → 5; 25th working day after 02-24 = 03-30.
    // Left on 03-10: 11, 12, 13, 16 … 20, 23 … 27, 30 → 14.
    ['supplement plus a five-working-day consultation',
      { receivedOn: '2026-02-10', supplementReceivedOn: '2026-02-24', pauses: [{ reason: 'consultation', startedOn: '2026-03-02', endedOn: '2026-03-09' }] }, '2026-03-10',
      { dueOn: '2026-03-30', pausedWorkingDays: 5, workingDaysLeft: 14, paused: false }],
    // 45th working day after 02-24, past 清明 (04-04..06 off): 03-30 (25), 31, 04-01, 02, 03, 07 … 10, 13 … 17, 20 … 24, 27, 28 (45).
    ['supplement, consultation and a 20-day extension across 清明',
      { receivedOn: '2026-02-10', supplementReceivedOn: '2026-02-24', extensionWorkingDays: 20, pauses: [{ reason: 'consultation', startedOn: '2026-03-02', endedOn: '2026-03-09' }] }, '2026-03-10',
      { dueOn: '2026-04-28', pausedWorkingDays: 5 }],
    // Fee pause (09-24, 10-09] = 09-28, 29, 30, 10-08, 09 → 5; 25th working day after 09-10 = 10-21.
    // Left: 10-10 (Sat, working), 12 … 16, 19, 20, 21 → 9.
    ['a fee pause over National Day 2026 counts only working days',
      { receivedOn: '2026-09-10', pauses: [{ reason: 'fee', startedOn: '2026-09-24', endedOn: '2026-10-09' }] }, '2026-10-09',
      { dueOn: '2026-10-21', pausedWorkingDays: 5, workingDaysLeft: 9 }],
    // Consultation (02-01, 02-07] = 02, 04 (Sun), 05, 06, 07 → 5; extension 10; 35th working day after 01-29:
    // 01-30, 31, 02-01, 02, 04 … 09, 18 … 23, 26 … 29, 03-01 (21), 04 … 08, 11 … 15, 18 … 21 (35).
    // Left on 03-01: 04 … 08, 11 … 15, 18 … 21 → 14.
    ['consultation over the 2024 Spring Festival plus a 10-day extension',
      { receivedOn: '2024-01-29', extensionWorkingDays: 10, pauses: [{ reason: 'consultation', startedOn: '2024-02-01', endedOn: '2024-02-07' }] }, '2024-03-01',
      { dueOn: '2024-03-21', pausedWorkingDays: 5, workingDaysLeft: 14 }],
    // Fee pause (01-22, 02-07] = 01-23, 24, 26 (Sun), 27, 02-05, 06, 07 → 7; 27th working day after 01-20:
    // 21, 22, 23, 24, 26, 27, 02-05, 06, 07, 08 (Sat), 10 … 14, 17 … 21, 24 … 28 (25), 03-03, 04 (27).
    ['a fee pause over the 2025 Spring Festival',
      { receivedOn: '2025-01-20', pauses: [{ reason: 'fee', startedOn: '2025-01-22', endedOn: '2025-02-07' }] }, '2025-02-10',
      { dueOn: '2025-03-04', pausedWorkingDays: 7 }],
    // Supplement 09-19, extension 5, fee (09-27, 10-09] = 09-29 (Sun), 30, 10-08, 09 → 4; 29th working day after 09-19:
    // 20, 23 … 27, 29, 30, 10-08 … 12, 14 … 18, 21 (19), 22 … 25, 28 … 31, 11-01, 04 (29).
    // Left on 10-28: 29, 30, 31, 11-01, 04 → 5: the first reminder.
    ['supplement, extension and fee pause around National Day 2024',
      { receivedOn: '2024-09-10', supplementReceivedOn: '2024-09-19', extensionWorkingDays: 5, pauses: [{ reason: 'fee', startedOn: '2024-09-27', endedOn: '2024-10-09' }] }, '2024-10-28',
      { dueOn: '2024-11-04', pausedWorkingDays: 4, workingDaysLeft: 5, reminder: 'due5' }],
    // Consultation (03-09, 03-16] and fee (03-12, 03-19] overlap: the union (03-09, 03-19] holds
    // 10, 11, 12, 13, 16, 17, 18, 19 → 8, not 5 + 5. 28th working day after 03-02 = 04-10 (清明 04-04..06 off).
    ['overlapping consultation and fee pauses count once',
      { receivedOn: '2026-03-02', pauses: [{ reason: 'consultation', startedOn: '2026-03-09', endedOn: '2026-03-16' }, { reason: 'fee', startedOn: '2026-03-12', endedOn: '2026-03-19' }] }, '2026-03-20',
      { dueOn: '2026-04-10', pausedWorkingDays: 8, workingDaysLeft: 14 }],
    // Pauses are counted only from the clock start: (02-11, 02-13] ended before the restart on 02-24.
    ['a pause that ended before the restart is ignored',
      { receivedOn: '2026-02-10', supplementReceivedOn: '2026-02-24', pauses: [{ reason: 'consultation', startedOn: '2026-02-11', endedOn: '2026-02-13' }] }, '2026-02-25',
      { dueOn: '2026-03-23', pausedWorkingDays: 0 }],
    // Counted from 02-24 only: (02-24, 02-27] = 25, 26, 27 → 3; 23rd working day after 02-24 = 03-26.
    ['a pause running across the restart counts from the restart',
      { receivedOn: '2026-02-10', supplementReceivedOn: '2026-02-24', pauses: [{ reason: 'consultation', startedOn: '2026-02-12', endedOn: '2026-02-27' }] }, '2026-03-02',
      { dueOn: '2026-03-26', pausedWorkingDays: 3 }],
    // Open consultation since 09-29, today 10-09: (09-29, 10-09] = 30, 10-08, 09 → 3; 23rd working day after 09-15:
    // 16, 17, 18, 20 (Sun), 21 … 24, 28, 29, 30, 10-08, 09, 10 (Sat), 12 … 16, 19 (20), 20, 21, 22 (23).
    // Left: 10, 12 … 16, 19 … 22 → 10.
    ['an open consultation over National Day 2026 keeps moving the due date',
      { receivedOn: '2026-09-15', pauses: [{ reason: 'consultation', startedOn: '2026-09-29', endedOn: null }] }, '2026-10-09',
      { dueOn: '2026-10-22', paused: true, pausedWorkingDays: 3, workingDaysLeft: 10, overdue: false, reminder: null }],
    // (03-09, 03-12] = 10, 11, 12 → 3; 23rd working day after 03-02 = 04-02. Left: 13, 16 … 20, 23 … 27, 30, 31, 04-01, 02 → 15.
    ['an open consultation in March 2026',
      { receivedOn: '2026-03-02', pauses: [{ reason: 'consultation', startedOn: '2026-03-09' }] }, '2026-03-12',
      { dueOn: '2026-04-02', paused: true, pausedWorkingDays: 3, workingDaysLeft: 15, overdue: false, reminder: null }],
    // Paused today on the day it starts: nothing excluded yet, but the clock is stopped.
    ['a pause begun today',
      { receivedOn: '2026-03-02', pauses: [{ reason: 'fee', startedOn: '2026-03-12' }] }, '2026-03-12',
      { dueOn: '2026-03-30', paused: true, pausedWorkingDays: 0, reminder: null }],

    // The period (due 03-30) had run out before the fee notice of 03-31: it does not revive it.
    // Overdue on 04-09 by 03-31, 04-01, 02, 03, 07, 08, 09 → 7 working days.
    ['a pause begun after the period ran out does not revive it',
      { receivedOn: '2026-03-02', pauses: [{ reason: 'fee', startedOn: '2026-03-31', endedOn: '2026-04-08' }] }, '2026-04-09',
      { dueOn: '2026-03-30', pausedWorkingDays: 0, overdue: true, workingDaysLeft: -7, reminder: null }],
    ['an open pause begun after the period ran out',
      { receivedOn: '2026-03-02', pauses: [{ reason: 'fee', startedOn: '2026-03-31' }] }, '2026-04-01',
      { dueOn: '2026-03-30', paused: false, overdue: true, workingDaysLeft: -2 }],
    // Consultation sent on the last day (03-30), answered on 04-04, a 清明 holiday: (03-30, 04-04] = 31, 04-01, 02, 03 → 4,
    // the whole period is used up, so the reply is due the next working day after the answer: 04-07.
    ['the period used up before a pause that ends on a holiday',
      { receivedOn: '2026-03-02', pauses: [{ reason: 'consultation', startedOn: '2026-03-30', endedOn: '2026-04-04' }] }, '2026-04-07',
      { dueOn: '2026-04-07', pausedWorkingDays: 4, workingDaysLeft: 0, overdue: false, reminder: 'due2' }],
    ['the same pause still open on the holiday',
      { receivedOn: '2026-03-02', pauses: [{ reason: 'consultation', startedOn: '2026-03-30' }] }, '2026-04-05',
      { dueOn: '2026-04-07', paused: true, pausedWorkingDays: 4, workingDaysLeft: 1, overdue: false }],
  ])('%s', (_label, clock, today, expected) => {
    expect(computeReplyDeadline(calendar, clock, today)).toMatchObject({ certain: true, ...expected });
  });

  // Received 2026-03-02: due 03-30 (03, 04, 05, 06, 09 … 13, 16 … 20, 23 … 27, 30).
  it.each<[string, number, 'due5' | 'due2' | null, boolean]>([
    ['2026-03-02', 20, null, false],
    ['2026-03-20', 6, null, false],
    ['2026-03-23', 5, 'due5', false],
    ['2026-03-24', 4, 'due5', false],
    ['2026-03-25', 3, 'due5', false],
    ['2026-03-26', 2, 'due2', false],
    ['2026-03-27', 1, 'due2', false],
    ['2026-03-28', 1, 'due2', false],
    ['2026-03-30', 0, 'due2', false],
    ['2026-03-31', -1, null, true],
    ['2026-04-03', -4, null, true],
    // 04-04..06 are 清明 holidays: still 4 working days overdue.
    ['2026-04-06', -4, null, true],
    ['2026-04-07', -5, null, true],
  ])('received 2026-03-02, on %s: %i working days left, reminder %s, overdue %s', (today, left, reminder, overdue) => {
    expect(computeReplyDeadline(calendar, { receivedOn: '2026-03-02', pauses: [] }, today)).toEqual({
      dueOn: '2026-03-30', paused: false, pausedWorkingDays: 0, workingDaysLeft: left, overdue, reminder, certain: true,
    });
  });

  // Received 2026-03-06 (Fri): 09 … 13, 16 … 20, 23 … 27, 30, 31, 04-01, 02, 03 (20th, a Friday).
  it.each([
    ['2026-04-03', 0, false],
    // The Saturday after: overdue, though no working day has passed yet.
    ['2026-04-04', -1, true],
    ['2026-04-07', -1, true],
    ['2026-04-08', -2, true],
  ])('due Friday 2026-04-03, on %s: %i left, overdue %s', (today, left, overdue) => {
    expect(computeReplyDeadline(calendar, { receivedOn: '2026-03-06', pauses: [] }, today)).toMatchObject({ dueOn: '2026-04-03', workingDaysLeft: left, overdue });
  });

  describe('a year without an official schedule', () => {
    // 12-16, 17, 18, 21 … 25, 28 … 31 (12), 2027-01-01 (Fri, counted Monday–Friday), 04 … 08, 11, 12 (20th).
    it('warns when the period runs into 2027', () => {
      const status = computeReplyDeadline(calendar, { receivedOn: '2026-12-15', pauses: [] }, '2026-12-15');
      expect(status).toMatchObject({ dueOn: '2027-01-12', workingDaysLeft: 20, certain: false });
      expect(status.warning).toContain('2027年');
    });

    it('is certain when the period ends in 2026', () => {
      // 12-02, 03, 04, 07 … 11, 14 … 18, 21 … 25, 28, 29 (20th).
      const status = computeReplyDeadline(calendar, { receivedOn: '2026-12-01', pauses: [] }, '2026-12-02');
      expect(status).toMatchObject({ dueOn: '2026-12-29', certain: true });
      expect(status.warning).toBeUndefined();
    });

    it('is uncertain when counting the days overdue runs into 2027', () => {
      // Overdue since 12-29: 12-30, 31, 2027-01-01, 04, 05 → 5.
      const status = computeReplyDeadline(calendar, { receivedOn: '2026-12-01', pauses: [] }, '2027-01-05');
      expect(status).toMatchObject({ dueOn: '2026-12-29', overdue: true, workingDaysLeft: -5, certain: false });
      expect(status.warning).toContain('2027');
    });

    it('is uncertain when an open pause runs into 2027', () => {
      // Fee pause (12-10, 2027-01-04] = 12-11, 14 … 18, 21 … 25, 28 … 31, 2027-01-01, 04 → 17.
      // 37th working day after 12-01: 12-29 (20), 30, 31, 2027-01-01, 04 … 08 (28), 11 … 15 (33), 18 … 21 (37).
      const status = computeReplyDeadline(calendar, { receivedOn: '2026-12-01', pauses: [{ reason: 'fee', startedOn: '2026-12-10' }] }, '2027-01-04');
      expect(status).toMatchObject({ dueOn: '2027-01-21', paused: true, pausedWorkingDays: 17, certain: false });
    });

    it('becomes certain once the administrator has entered the 2027 schedule', () => {
      // Hypothetical entry: 2027-01-01 off. 12-16 … 12-31 (12), 01-04 … 08 (17), 11, 12, 13 (20th).
      const entered = new WorkingDayCalendar([{ date: '2027-01-01', working: false, name: '元旦' }], [2027]);
      const status = computeReplyDeadline(entered, { receivedOn: '2026-12-15', pauses: [] }, '2026-12-15');
      expect(status).toMatchObject({ dueOn: '2027-01-13', certain: true });
      expect(status.warning).toBeUndefined();
    });
  });

  it.each([-1, 21, 2.5])('refuses an extension of %s working days', (extensionWorkingDays) => {
    expect(() => computeReplyDeadline(calendar, { receivedOn: '2026-03-02', extensionWorkingDays, pauses: [] }, '2026-03-02')).toThrow(RangeError);
  });

  // 条例第三十五条: a reasonable later date set for an excessive request replaces the statutory one when later.
  it.each<[string, RequestClock, string, Expected]>([
    // Statutory date 03-16 (first row above); the later date 04-30 (Thu): 04-28, 29, 30 left.
    ['a later date replaces the statutory one',
      { receivedOn: '2026-02-10', laterReplyDueOn: '2026-04-30', pauses: [] }, '2026-04-27',
      { dueOn: '2026-04-30', workingDaysLeft: 3, overdue: false, reminder: 'due5' }],
    ['an earlier date is ignored',
      { receivedOn: '2026-02-10', laterReplyDueOn: '2026-03-01', pauses: [] }, '2026-02-11',
      { dueOn: '2026-03-16', workingDaysLeft: 19 }],
    // Labour Day 2026: 05-01..05 off; 05-06 (Wed) is the first working day after the later date.
    ['overdue once the later date has passed',
      { receivedOn: '2026-02-10', laterReplyDueOn: '2026-04-30', pauses: [] }, '2026-05-06',
      { dueOn: '2026-04-30', overdue: true, workingDaysLeft: -1 }],
  ])('%s', (_name, clock, today, expected) => {
    expect(computeReplyDeadline(calendar, clock, today)).toMatchObject(expected);
  });

  it('ignores a supplement date earlier than the receipt', () => {
    expect(computeReplyDeadline(calendar, { receivedOn: '2026-03-02', supplementReceivedOn: '2026-02-24', pauses: [] }, '2026-03-02').dueOn).toBe('2026-03-30');
  });
});

/**
 * 条例第三十条: while the supplement is awaited no reply period runs; once it arrives the 20
 * working days count from its receipt. The supplement fields of the request are the one record
 * of the wait (no pause row): requested, due, received.
 */
describe('the reply clock during 补正 (条例第三十条)', () => {
  it.each<[string, string, number, string, boolean]>([
    // 02-13 (1), 02-14 Sat 调休 (2), 02-15..23 春节, 02-24 (3), 25, 26, 27 (6), 02-28 Sat 调休 (7), 03-02, 03, 04 (10).
    ['ten working days across the 2026 Spring Festival', '2026-02-12', 10, '2026-03-04', true],
    // 09-23 (1), 24 (2), 09-25 中秋, 26–27 weekend, 28 (3), 29 (4), 30 (5).
    ['five working days across 中秋 2026', '2026-09-22', 5, '2026-09-30', true],
    // 09-19 Sat off, 09-20 Sun 调休 (1), 21, 22, 23, 24 (5).
    ['five working days from the Friday before the working Sunday 2026-09-20', '2026-09-18', 5, '2026-09-24', true],
    // 12-02, 03, 04 (3), 07 … 11 (8), 14 (9), 15 (10).
    ['ten working days inside December 2026', '2026-12-01', 10, '2026-12-15', true],
    // 12-22 … 25 (4), 28 … 31 (8), 2027-01-01 (9: a Friday, no 2027 schedule), 01-04 (10).
    ['ten working days into 2027, which has no schedule yet', '2026-12-21', 10, '2027-01-04', false],
  ])('the supplement period: %s', (_label, requestedOn, days, dueOn, certain) => {
    expect(supplementDue(calendar, requestedOn, days)).toMatchObject({ date: dueOn, certain });
  });

  const awaiting = (requestedOn: string, supplementDueOn: string): RequestClock => ({ receivedOn: '2026-02-10', supplementRequestedOn: requestedOn, supplementDueOn, pauses: [] });

  it.each<[string, RequestClock, string, Partial<RequestDeadline>]>([
    // Counted from receipt (02-10) the reply would be due 03-16 and overdue on 03-17: it is not, no period runs.
    ['awaited past the day the reply would have been due from receipt', awaiting('2026-02-12', '2026-03-04'), '2026-03-17',
      { awaitingSupplement: true, dueOn: null, supplementDueOn: '2026-03-04', supplementOverdue: true, paused: true, overdue: false, reminder: null, workingDaysLeft: null, certain: true }],
    ['awaited on the last day of the supplement period', awaiting('2026-02-12', '2026-03-04'), '2026-03-04',
      { awaitingSupplement: true, dueOn: null, supplementOverdue: false, overdue: false }],
    ['awaited the day after it', awaiting('2026-02-12', '2026-03-04'), '2026-03-05',
      { awaitingSupplement: true, dueOn: null, supplementOverdue: true, overdue: false }],
    // 03-05 (1) … 03-31 (19), 04-01 (20); left on 03-05: 19.
    ['received on the last day: 20 working days from that day', { ...awaiting('2026-02-12', '2026-03-04'), supplementReceivedOn: '2026-03-04' }, '2026-03-05',
      { awaitingSupplement: false, supplementDueOn: null, dueOn: '2026-04-01', workingDaysLeft: 19, paused: false, overdue: false, certain: true }],
    // 10-10 Sat 调休 (1), 12 … 16 (6), 19 … 23 (11), 26 … 30 (16), 11-02, 03, 04, 05 (20).
    ['received the day after National Day 2026', { receivedOn: '2026-09-18', supplementRequestedOn: '2026-09-22', supplementDueOn: '2026-09-30', supplementReceivedOn: '2026-10-09', pauses: [] }, '2026-10-09',
      { awaitingSupplement: false, dueOn: '2026-11-05', workingDaysLeft: 20, certain: true }],
    ['a supplement period running into 2027 is uncertain', { receivedOn: '2026-12-10', supplementRequestedOn: '2026-12-21', supplementDueOn: '2027-01-04', pauses: [] }, '2026-12-22',
      { awaitingSupplement: true, dueOn: null, supplementDueOn: '2027-01-04', certain: false }],
    // 12-29, 30, 31 (3), 2027-01-01 (4), 04 … 08 (9), 11 … 15 (14), 18 … 22 (19), 25 (20).
    ['a reply period restarted late in December runs into 2027', { receivedOn: '2026-12-10', supplementRequestedOn: '2026-12-14', supplementDueOn: '2026-12-28', supplementReceivedOn: '2026-12-28', pauses: [] }, '2026-12-28',
      { awaitingSupplement: false, dueOn: '2027-01-25', certain: false }],
  ])('%s', (_label, clock, today, expected) => {
    const status = computeRequestDeadline(calendar, clock, today);
    expect(status).toMatchObject(expected);
    if (!status.certain) expect(status.warning).toContain('2027');
  });

  it('has no running reply period to compute while the supplement is awaited', () => {
    expect(isAwaitingSupplement({ supplementRequestedOn: '2026-02-12', supplementReceivedOn: null })).toBe(true);
    expect(isAwaitingSupplement({ supplementRequestedOn: '2026-02-12', supplementReceivedOn: '2026-02-24' })).toBe(false);
    expect(isAwaitingSupplement({ supplementRequestedOn: null })).toBe(false);
    expect(() => computeReplyDeadline(calendar, awaiting('2026-02-12', '2026-03-04'), '2026-03-17')).toThrow(RangeError);
  });
});

describe('other statutory periods', () => {
  it.each([
    // 7 working days for a supplement notice (条例第三十条).
    // 02-11, 12, 13, 14 (Sat, working), 24, 25, 26.
    ['supplement notice', supplementRequestDeadline, '2026-02-10', '2026-02-26'],
    // 09-28 (Sun), 29, 30, 10-09, 10, 11 (Sat), 13.
    ['supplement notice', supplementRequestDeadline, '2025-09-26', '2025-10-13'],
    // 02-07, 08, 09, 18 (Sun), 19, 20, 21.
    ['supplement notice', supplementRequestDeadline, '2024-02-06', '2024-02-21'],
    // 15 working days for a consulted party (条例第三十二条).
    // 09-28, 29, 30, 10-09, 10, 11, 13 … 17, 20 … 23.
    ['consultation answer', consultationAnswerDue, '2025-09-26', '2025-10-23'],
    // 02-13, 14, 24 … 28, 03-02 … 06, 09, 10, 11.
    ['consultation answer', consultationAnswerDue, '2026-02-12', '2026-03-11'],
    // At least 20 working days to pay a fee (国办函〔2020〕109号).
    // 09-28, 29, 30, 10-08, 09, 10, 12 … 16, 19 … 23, 26 … 29.
    ['fee payment', feePaymentDue, '2026-09-24', '2026-10-29'],
  ])('%s from %s: %s ends on %s', (_label, fn, from, expected) => {
    expect(fn(calendar, from)).toBe(expected);
  });
});

describe('validateExtension (条例第三十三条第二款)', () => {
  it.each<[number, number | undefined, boolean]>([
    [1, undefined, true],
    [20, 0, true],
    [0, 0, false],
    [21, 0, false],
    [-3, 0, false],
    [2.5, 0, false],
    [Number.NaN, 0, false],
    [5, 10, false],
  ])('%s working days after a previous extension of %s: ok %s', (days, previous, ok) => {
    const result = validateExtension(days, previous);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.message).toMatch(/延长/);
  });

  it('explains that the period may be extended only once', () => {
    expect(validateExtension(5, 10)).toEqual({ ok: false, message: '答复期限只能延长一次，本申请已经延长过。' });
  });
});

describe('validateSupplementRequest (条例第三十条)', () => {
  it.each<[string, string | null, boolean]>([
    ['2026-02-11', null, true],
    ['2026-02-26', null, true],
    ['2026-02-27', null, false],
    ['2026-02-12', '2026-02-11', false],
  ])('received 2026-02-10, on %s (earlier notice %s): ok %s', (today, earlier, ok) => {
    expect(validateSupplementRequest(calendar, '2026-02-10', today, earlier).ok).toBe(ok);
  });

  it('names the last day in the refusal', () => {
    expect(validateSupplementRequest(calendar, '2026-02-10', '2026-02-27')).toEqual({ ok: false, message: '补正通知应在收到申请之日起7个工作日内（2026-02-26前）发出，现已超过期限。' });
  });
});
