/**
 * The reply clock (条例第三十条、第三十三条; 国办函〔2020〕109号) across holidays,
 * with supplement, pauses and extension combined. Expected dates counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../src/domain/calendar.js';
import { computeReplyDeadline, consultationAnswerDue, feePaymentDue, RequestClock, supplementRequestDeadline } from '../../src/domain/request-deadline.js';
import { feeByCount, feeByPages } from '../../src/domain/fees.js';

const calendar = new WorkingDayCalendar();

describe('computeReplyDeadline', () => {
  it.each<[string, RequestClock, string, string]>([
    ['plain 20 working days across the 2026 Spring Festival', { receivedOn: '2026-02-10', pauses: [] }, '2026-02-11', '2026-03-16'],
    // 2025-10-01..08 off, 10-11 working: 10-09 is the 1st working day, 11-04 the 20th.
    ['received the day before National Day 2025', { receivedOn: '2025-09-30', pauses: [] }, '2025-10-09', '2025-11-04'],
    // 09-29 (Sun) and 10-12 (Sat) working, 10-01..07 off: 09-29 is the 1st, 10-30 the 20th.
    ['2024 National Day with make-up days 09-29 and 10-12', { receivedOn: '2024-09-27', pauses: [] }, '2024-09-27', '2024-10-30'],
    ['restarted by a supplement received after the holiday', { receivedOn: '2026-02-10', supplementReceivedOn: '2026-02-24', pauses: [] }, '2026-02-25', '2026-03-23'],
    ['supplement plus a five-working-day consultation', { receivedOn: '2026-02-10', supplementReceivedOn: '2026-02-24', pauses: [{ reason: 'consultation', startedOn: '2026-03-02', endedOn: '2026-03-09' }] }, '2026-03-10', '2026-03-30'],
    ['supplement, consultation and a 20-day extension across 清明', { receivedOn: '2026-02-10', supplementReceivedOn: '2026-02-24', extensionWorkingDays: 20, pauses: [{ reason: 'consultation', startedOn: '2026-03-02', endedOn: '2026-03-09' }] }, '2026-03-10', '2026-04-28'],
    // Paused (09-24, 10-09]: 09-28, 29, 30, 10-08, 09 → 5 working days; 25 working days after 09-10 is 10-21.
    ['a fee pause over National Day 2026 counts only working days', { receivedOn: '2026-09-10', pauses: [{ reason: 'fee', startedOn: '2026-09-24', endedOn: '2026-10-09' }] }, '2026-10-09', '2026-10-21'],
  ])('%s', (_label, clock, today, dueOn) => {
    expect(computeReplyDeadline(calendar, clock, today)).toMatchObject({ dueOn, certain: true, paused: false });
  });

  it('keeps moving the due date while a pause is open', () => {
    const clock: RequestClock = { receivedOn: '2026-03-02', pauses: [{ reason: 'consultation', startedOn: '2026-03-09' }] };
    // Paused working days (03-09, 03-12] = 03-10, 03-11, 03-12 → 3; 20 + 3 after 03-02 = 2026-04-02.
    expect(computeReplyDeadline(calendar, clock, '2026-03-12')).toMatchObject({ dueOn: '2026-04-02', paused: true, pausedWorkingDays: 3, overdue: false, reminder: null });
  });

  it.each([
    ['2026-03-23', 'due5', 5],
    ['2026-03-26', 'due2', 2],
    ['2026-03-30', 'due2', 0],
  ])('reminds on %s (%s)', (today, reminder, left) => {
    expect(computeReplyDeadline(calendar, { receivedOn: '2026-03-02', pauses: [] }, today)).toMatchObject({ dueOn: '2026-03-30', reminder, workingDaysLeft: left, overdue: false });
  });

  it('flags a request overdue the day after its due date', () => {
    expect(computeReplyDeadline(calendar, { receivedOn: '2026-03-02', pauses: [] }, '2026-03-31')).toMatchObject({ overdue: true, workingDaysLeft: -1 });
  });

  it('warns when the period runs into a year without an official schedule', () => {
    const status = computeReplyDeadline(calendar, { receivedOn: '2026-12-15', pauses: [] }, '2026-12-15');
    expect(status.certain).toBe(false);
    expect(status.warning).toContain('2027');
  });
});

describe('other statutory periods', () => {
  it.each([
    // 7 working days for a supplement notice; 2026-02-10 → 11, 12, 13, 14(调休), 24, 25, 26.
    [supplementRequestDeadline, '2026-02-10', '2026-02-26'],
    // 15 working days for a consulted party: 2025-09-26 → 09-28(调休), 29, 30, 10-09, 10, 11(调休), 13 … 10-23.
    [consultationAnswerDue, '2025-09-26', '2025-10-23'],
    [feePaymentDue, '2026-09-24', '2026-10-29'],
  ])('%o from %s ends on %s', (fn, from, expected) => {
    expect(fn(calendar, from)).toBe(expected);
  });
});

describe('信息处理费 (国办函〔2020〕109号)', () => {
  it.each([[1, 0], [10, 0], [11, 100], [30, 100], [31, 200], [40, 200], [41, 300], [51, 400]])('按件: application no. %i of the month costs %i yuan', (n, fee) => {
    expect(feeByCount(n)).toBe(fee);
  });

  it.each([[0, 0], [30, 0], [31, 10], [100, 700], [101, 720], [150, 1700], [200, 2700], [201, 2740], [250, 4700]])('按量: %i pages cost %i yuan', (pages, fee) => {
    expect(feeByPages(pages)).toBe(fee);
  });
});
