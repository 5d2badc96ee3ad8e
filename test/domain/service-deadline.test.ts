/**
 * The promised limit of a 政务服务 case (行政许可法第四十二条、第八十二条): the N-th working day after
 * acceptance, 即办件 on the day, a supplement pause not counted. Every expected date was worked out by
 * hand on a calendar marked with the official schedules:
 *   2025 国庆节+中秋: 10-01…10-08 off, 09-28 (Sun) and 10-11 (Sat) worked;
 *   2026 元旦: 01-01…01-03 off, 01-04 (Sun) worked; 2026 春节: 02-15…02-23 off, 02-14 (Sat) and 02-28 (Sat) worked;
 *   2027: no official schedule in the data package.
 * The working days counted are written next to each row.
 */
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../src/domain/calendar.js';
import { caseDueOn, CaseClock, dueState, workingDaysLeft, workingDaysTaken, LICENSING_LEGAL_LIMIT_DAYS, LICENSING_EXTENSION_DAYS, DEFAULT_WARNING_WORKING_DAYS } from '../../src/domain/services/case-deadline.js';
import { canTake, isAcceptedStatus, nextStatus } from '../../src/domain/services/case-state.js';
import { checkLimits, listsOf } from '../../src/domain/services/service-items.js';

const calendar = new WorkingDayCalendar();

describe('constants', () => {
  it('match 行政许可法第四十二条 and the default warning', () => {
    expect(LICENSING_LEGAL_LIMIT_DAYS).toBe(20);
    expect(LICENSING_EXTENSION_DAYS).toBe(10);
    expect(DEFAULT_WARNING_WORKING_DAYS).toBe(1);
  });
});

describe('caseDueOn', () => {
  const rows: { name: string; clock: CaseClock; today?: string; dueOn: string; paused?: boolean; certain?: boolean }[] = [
    { name: 'five working days in a plain week (16, 17, 18, 19, 22)', clock: { acceptedOn: '2025-09-15', promisedLimitDays: 5 }, dueOn: '2025-09-22' },
    { name: 'the make-up Sunday before 国庆 counts (28, 29, 30)', clock: { acceptedOn: '2025-09-26', promisedLimitDays: 3 }, dueOn: '2025-09-30' },
    { name: 'the 国庆 holiday is skipped (28, 29, 30, 10-09, 10-10)', clock: { acceptedOn: '2025-09-26', promisedLimitDays: 5 }, dueOn: '2025-10-10' },
    { name: 'the make-up Saturday after 国庆 is the sixth day', clock: { acceptedOn: '2025-09-26', promisedLimitDays: 6 }, dueOn: '2025-10-11' },
    { name: 'across the year boundary (12-31, 01-04 worked Sunday)', clock: { acceptedOn: '2025-12-30', promisedLimitDays: 2 }, dueOn: '2026-01-04' },
    { name: 'across the year boundary, third day (12-31, 01-04, 01-05)', clock: { acceptedOn: '2025-12-30', promisedLimitDays: 3 }, dueOn: '2026-01-05' },
    { name: 'across 春节 (02-13, 02-14 worked Saturday, 02-24)', clock: { acceptedOn: '2026-02-12', promisedLimitDays: 3 }, dueOn: '2026-02-24' },
    { name: '即办件 is due on the day of acceptance', clock: { acceptedOn: '2025-09-17', promisedLimitDays: 0 }, dueOn: '2025-09-17' },
    { name: '即办件 accepted on a holiday is still due that day', clock: { acceptedOn: '2025-10-01', promisedLimitDays: 0 }, dueOn: '2025-10-01' },
    { name: 'an extension adds working days (16, 17, 18)', clock: { acceptedOn: '2025-09-15', promisedLimitDays: 2, extensionDays: 1 }, dueOn: '2025-09-18' },
    {
      name: 'a closed supplement pause is not counted (16, 17 | pause to 24 | 25, 26, 28)',
      clock: { acceptedOn: '2025-09-15', promisedLimitDays: 5, pauses: [{ startedOn: '2025-09-17', endedOn: '2025-09-24' }] }, dueOn: '2025-09-28',
    },
    {
      name: 'an open supplement pause: the due date if the supplement arrived today (16, 17 | today 19 | 22, 23, 24)',
      clock: { acceptedOn: '2025-09-15', promisedLimitDays: 5, pauses: [{ startedOn: '2025-09-17', endedOn: null }] }, today: '2025-09-19', dueOn: '2025-09-24', paused: true,
    },
    {
      name: 'a pause that starts after the limit ran out does not move it',
      clock: { acceptedOn: '2025-09-15', promisedLimitDays: 2, pauses: [{ startedOn: '2025-09-18', endedOn: '2025-09-25' }] }, dueOn: '2025-09-17',
    },
    {
      name: '即办件 with a supplement on the day: due the day the supplement arrives',
      clock: { acceptedOn: '2025-09-15', promisedLimitDays: 0, pauses: [{ startedOn: '2025-09-15', endedOn: '2025-09-18' }] }, dueOn: '2025-09-18',
    },
    {
      name: 'two pauses (16 | 17…19 | 22 | 23…25 | 26, 28)',
      clock: { acceptedOn: '2025-09-15', promisedLimitDays: 4, pauses: [{ startedOn: '2025-09-16', endedOn: '2025-09-19' }, { startedOn: '2025-09-22', endedOn: '2025-09-25' }] }, dueOn: '2025-09-28',
    },
    {
      name: 'a pause across 国庆 (28, 29 | 30…10-09 | 10-10, 10-11)',
      clock: { acceptedOn: '2025-09-26', promisedLimitDays: 4, pauses: [{ startedOn: '2025-09-29', endedOn: '2025-10-09' }] }, dueOn: '2025-10-11',
    },
    { name: 'a year without a schedule is counted Monday–Friday and flagged', clock: { acceptedOn: '2027-03-01', promisedLimitDays: 2 }, dueOn: '2027-03-03', certain: false },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const due = caseDueOn(calendar, row.clock, row.today);
      expect(due.dueOn).toBe(row.dueOn);
      expect(due.paused).toBe(row.paused ?? false);
      expect(due.certain).toBe(row.certain ?? true);
    });
  }

  it('refuses a negative or fractional limit', () => {
    expect(() => caseDueOn(calendar, { acceptedOn: '2025-09-15', promisedLimitDays: -1 })).toThrow(RangeError);
    expect(() => caseDueOn(calendar, { acceptedOn: '2025-09-15', promisedLimitDays: 1.5 })).toThrow(RangeError);
  });
});

describe('电子监察 warning', () => {
  const rows = [
    { today: '2025-09-29', dueOn: '2025-09-30', left: 1, state: 'approaching' },
    { today: '2025-09-30', dueOn: '2025-09-30', left: 0, state: 'approaching' },
    { today: '2025-09-29', dueOn: '2025-10-09', left: 2, state: 'normal' }, // 30, 10-09
    { today: '2025-09-30', dueOn: '2025-10-09', left: 1, state: 'approaching' }, // the holiday does not count
    { today: '2025-10-10', dueOn: '2025-10-09', left: -1, state: 'overdue' },
    { today: '2025-10-13', dueOn: '2025-10-09', left: -3, state: 'overdue' }, // 10, 11, 13
  ] as const;
  for (const r of rows) {
    it(`${r.today} with due ${r.dueOn}: ${r.left} left, ${r.state}`, () => {
      expect(workingDaysLeft(calendar, r.today, r.dueOn)).toBe(r.left);
      expect(dueState(calendar, r.today, r.dueOn)).toBe(r.state);
    });
  }
  it('a centre may warn earlier', () => {
    expect(dueState(calendar, '2025-09-29', '2025-10-09', 2)).toBe('approaching');
  });
});

describe('workingDaysTaken', () => {
  it('counts working days after acceptance, without the supplement pause', () => {
    expect(workingDaysTaken(calendar, '2025-09-15', '2025-09-22')).toBe(5);
    expect(workingDaysTaken(calendar, '2025-09-15', '2025-09-15')).toBe(0);
    expect(workingDaysTaken(calendar, '2025-09-15', '2025-09-26', [{ startedOn: '2025-09-17', endedOn: '2025-09-24' }])).toBe(4); // 16, 17, 25, 26
  });
});

describe('limits', () => {
  it('a promised limit may not exceed the legal one, limits are whole numbers ≥ 0', () => {
    expect(checkLimits(20, 5)).toEqual([]);
    expect(checkLimits(0, 0)).toEqual([]);
    expect(checkLimits(20, 21).map((p) => p.path)).toEqual(['promisedLimitDays']);
    expect(checkLimits(-1, 0).map((p) => p.path)).toEqual(['legalLimitDays']);
    expect(checkLimits(5, -2).map((p) => p.path)).toEqual(['promisedLimitDays']);
  });
  it('items land in the lists by kind', () => {
    expect(listsOf('license')).toEqual(['power', 'responsibility']);
    expect(listsOf('publicService')).toEqual(['publicService']);
  });
});

describe('case steps', () => {
  it('follow 受理 → 办理 → 办结 with the supplement pause', () => {
    expect(nextStatus('startHandling', 'accepted')).toBe('processing');
    expect(nextStatus('requestSupplement', 'processing')).toBe('awaitingSupplement');
    expect(nextStatus('receiveSupplement', 'awaitingSupplement')).toBe('processing');
    expect(nextStatus('complete', 'processing')).toBe('completed');
    expect(canTake('complete', 'completed')).toBe(false);
    expect(canTake('receiveSupplement', 'processing')).toBe(false);
    expect(() => nextStatus('startHandling', 'completed')).toThrow(RangeError);
    expect(isAcceptedStatus('refused')).toBe(false);
    expect(isAcceptedStatus('awaitingSupplement')).toBe(true);
  });
});
