/**
 * The working-day calendar against the State Council's published schedules for
 * 2024–2026 (国务院办公厅关于部分节假日安排的通知). Every expected value was counted by
 * hand on a printed calendar from those schedules; none is computed by the code under test.
 *
 * 2024: 元旦 01-01; 春节 02-10..02-17 off, 02-04 (Sun) and 02-18 (Sun) working; 清明 04-04..06 off,
 *       04-07 (Sun) working; 劳动节 05-01..05 off, 04-28 (Sun) and 05-11 (Sat) working; 端午 06-10;
 *       中秋 09-15..17 off, 09-14 (Sat) working; 国庆 10-01..07 off, 09-29 (Sun) and 10-12 (Sat) working.
 * 2025: 元旦 01-01; 春节 01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) working; 劳动节 05-01..05 off,
 *       04-27 (Sun) working; 端午 05-31..06-02; 国庆·中秋 10-01..08 off, 09-28 (Sun) and 10-11 (Sat) working.
 * 2026: 元旦 01-01..03 off, 01-04 (Sun) working; 春节 02-15..02-23 off, 02-14 (Sat) and 02-28 (Sat)
 *       working; 清明 04-04..06; 劳动节 05-01..05 off, 05-09 (Sat) working; 端午 06-19..21;
 *       中秋 09-25..27; 国庆 10-01..07 off, 09-20 (Sun) and 10-10 (Sat) working.
 */
import { describe, expect, it } from 'vitest';
import { PACKAGE_YEARS, uncertainWarning, WorkingDayCalendar } from '../../src/domain/calendar.js';

const calendar = new WorkingDayCalendar();

describe('classify', () => {
  it.each([
    // 2024
    ['2024-01-01', false, '法定节假日：元旦'],
    ['2024-02-04', true, '调休上班'],
    ['2024-02-09', true, '工作日'],
    ['2024-02-10', false, '法定节假日：春节'],
    ['2024-02-17', false, '法定节假日：春节'],
    ['2024-02-18', true, '调休上班'],
    ['2024-02-24', false, '周末'],
    ['2024-04-04', false, '法定节假日：清明节'],
    ['2024-04-07', true, '调休上班'],
    ['2024-04-28', true, '调休上班'],
    ['2024-05-01', false, '法定节假日：劳动节'],
    ['2024-05-11', true, '调休上班'],
    ['2024-06-10', false, '法定节假日：端午节'],
    ['2024-09-14', true, '调休上班'],
    ['2024-09-16', false, '法定节假日：中秋节'],
    ['2024-09-29', true, '调休上班'],
    ['2024-10-01', false, '法定节假日：国庆节'],
    ['2024-10-07', false, '法定节假日：国庆节'],
    ['2024-10-12', true, '调休上班'],
    ['2024-10-13', false, '周末'],
    // 2025
    ['2025-01-01', false, '法定节假日：元旦'],
    ['2025-01-26', true, '调休上班'],
    ['2025-01-28', false, '法定节假日：春节'],
    ['2025-02-04', false, '法定节假日：春节'],
    ['2025-02-08', true, '调休上班'],
    ['2025-04-27', true, '调休上班'],
    ['2025-05-05', false, '法定节假日：劳动节'],
    ['2025-05-31', false, '法定节假日：端午节'],
    ['2025-09-28', true, '调休上班'],
    ['2025-10-06', false, '法定节假日：中秋节'],
    ['2025-10-08', false, '法定节假日：国庆节'],
    ['2025-10-09', true, '工作日'],
    ['2025-10-11', true, '调休上班'],
    // 2026
    ['2026-01-02', false, '法定节假日：元旦'],
    ['2026-01-04', true, '调休上班'],
    ['2026-02-13', true, '工作日'],
    ['2026-02-14', true, '调休上班'],
    ['2026-02-15', false, '法定节假日：春节'],
    ['2026-02-23', false, '法定节假日：春节'],
    ['2026-02-28', true, '调休上班'],
    ['2026-04-05', false, '法定节假日：清明节'],
    ['2026-05-05', false, '法定节假日：劳动节'],
    ['2026-05-09', true, '调休上班'],
    ['2026-06-19', false, '法定节假日：端午节'],
    ['2026-09-20', true, '调休上班'],
    ['2026-09-25', false, '法定节假日：中秋节'],
    ['2026-10-07', false, '法定节假日：国庆节'],
    ['2026-10-08', true, '工作日'],
    ['2026-10-10', true, '调休上班'],
    ['2026-03-07', false, '周末'],
    ['2026-03-08', false, '周末'],
    ['2026-03-09', true, '工作日'],
  ])('%s → working %s (%s)', (date, workingDay, reason) => {
    expect(calendar.classify(date)).toEqual({ date, workingDay, reason, certain: true });
    expect(calendar.isWorkingDay(date)).toBe(workingDay);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-5', 'yesterday', ''])('refuses %j, which is not a calendar date', (date) => {
    expect(() => calendar.classify(date)).toThrow(RangeError);
  });

  it('knows 2024–2026 from the data package', () => {
    for (const year of [2024, 2025, 2026]) {
      expect(PACKAGE_YEARS.has(year)).toBe(true);
      expect(calendar.isYearKnown(year)).toBe(true);
    }
  });
});

describe('addWorkingDays: the day of the event is not counted', () => {
  it.each([
    // 2024 Spring Festival.
    ['2024-02-02', 1, '2024-02-04'],
    ['2024-02-08', 1, '2024-02-09'],
    ['2024-02-09', 1, '2024-02-18'],
    ['2024-02-09', 2, '2024-02-19'],
    ['2024-02-08', 20, '2024-03-13'],
    ['2024-02-02', 20, '2024-03-06'],
    // 2024 清明 and 劳动节.
    ['2024-04-03', 1, '2024-04-07'],
    ['2024-04-26', 1, '2024-04-28'],
    ['2024-04-30', 1, '2024-05-06'],
    ['2024-04-30', 5, '2024-05-10'],
    ['2024-04-30', 6, '2024-05-11'],
    // 2024 Mid-autumn and National Day.
    ['2024-09-13', 1, '2024-09-14'],
    ['2024-09-14', 1, '2024-09-18'],
    ['2024-09-13', 20, '2024-10-17'],
    ['2024-09-27', 3, '2024-10-08'],
    ['2024-09-27', 20, '2024-10-30'],
    ['2024-09-30', 5, '2024-10-12'],
    // 2025 Spring Festival.
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-01-27', 4, '2025-02-08'],
    // 2025 劳动节.
    ['2025-04-25', 1, '2025-04-27'],
    ['2025-04-30', 1, '2025-05-06'],
    // 2025 National Day.
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-09-19', 20, '2025-10-23'],
    ['2025-09-26', 20, '2025-10-30'],
    ['2025-09-30', 20, '2025-11-04'],
    // 2026 元旦 (a working Sunday right after it).
    ['2025-12-31', 1, '2026-01-04'],
    // 2026 Spring Festival.
    ['2026-02-10', 5, '2026-02-24'],
    ['2026-02-10', 20, '2026-03-16'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 20, '2026-03-19'],
    // Received on a holiday, a make-up working day or a weekend: counting starts the next working day.
    ['2026-02-17', 1, '2026-02-24'],
    ['2026-02-17', 20, '2026-03-20'],
    ['2026-02-14', 20, '2026-03-20'],
    ['2026-03-07', 1, '2026-03-09'],
    // 2026 劳动节, 端午.
    ['2026-04-30', 1, '2026-05-06'],
    ['2026-04-30', 4, '2026-05-09'],
    ['2026-06-18', 1, '2026-06-22'],
    // 2026 Mid-autumn and National Day.
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-09-10', 25, '2026-10-21'],
    ['2026-12-01', 20, '2026-12-29'],
    // n = 0 returns the day itself, even a holiday.
    ['2026-02-17', 0, '2026-02-17'],
    ['2026-03-09', 0, '2026-03-09'],
    // Backwards: the n-th working day before.
    ['2026-02-24', -1, '2026-02-14'],
    ['2026-02-24', -2, '2026-02-13'],
    ['2024-02-19', -2, '2024-02-09'],
    ['2025-10-09', -1, '2025-09-30'],
    ['2026-10-08', -4, '2026-09-24'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toEqual({ date: expected, certain: true, uncertainYears: [] });
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s working days', (n) => {
    expect(() => calendar.addWorkingDays('2026-01-05', n)).toThrow(RangeError);
  });

  it('refuses a malformed start date, also for n = 0', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 0)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026/03/02', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween counts the interval (from, to]', () => {
  it.each([
    ['2024-02-08', '2024-02-19', 3],
    ['2024-09-27', '2024-10-12', 7],
    ['2025-01-24', '2025-02-08', 6],
    ['2025-09-30', '2025-10-10', 2],
    ['2026-02-13', '2026-02-24', 2],
    ['2026-02-10', '2026-03-16', 20],
    ['2026-09-18', '2026-10-10', 11],
    ['2026-03-09', '2026-03-09', 0],
    ['2026-03-10', '2026-03-09', 0],
    ['2026-03-09', '2026-03-02', 0],
  ])('(%s, %s] holds %i working days', (from, to, n) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(n);
  });

  it('refuses malformed dates instead of comparing them as strings', () => {
    expect(() => calendar.workingDaysBetween('2026-03-02', '2026-3-9')).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('2026-02-30', '2026-03-09')).toThrow(RangeError);
  });
});

describe('a year without an official schedule', () => {
  it('is counted Monday to Friday but reported uncertain', () => {
    expect(calendar.isYearKnown(2027)).toBe(false);
    // 2027-01-01 is a Friday: without the 2027 schedule it counts as a working day, flagged.
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-01', certain: false, uncertainYears: [2027] });
    // 2026-12-25 (Fri) → 12-28, 29, 30, 31, 2027-01-01.
    expect(calendar.addWorkingDays('2026-12-25', 5)).toEqual({ date: '2027-01-01', certain: false, uncertainYears: [2027] });
    expect(calendar.addWorkingDays('2027-01-04', -2)).toEqual({ date: '2026-12-31', certain: false, uncertainYears: [2027] });
    expect(calendar.classify('2027-02-10')).toEqual({ date: '2027-02-10', workingDay: true, reason: '工作日', certain: false });
    expect(calendar.classify('2027-01-02')).toEqual({ date: '2027-01-02', workingDay: false, reason: '周末', certain: false });
    // 2026-12-31, (2027-01-01 Fri), 2027-01-04 Mon.
    expect(calendar.workingDaysBetween('2026-12-31', '2027-01-04')).toBe(2);
  });

  it('also before the data package begins (2004)', () => {
    expect(calendar.isYearKnown(2003)).toBe(false);
    // 2003-10-01 was a Wednesday: only its weekday is known here.
    expect(calendar.classify('2003-10-01')).toEqual({ date: '2003-10-01', workingDay: true, reason: '工作日', certain: false });
  });

  it('stays uncertain while an administrator has entered days but not confirmed the year', () => {
    const partial = new WorkingDayCalendar([{ date: '2027-01-01', working: false, name: '元旦' }]);
    expect(partial.classify('2027-01-01')).toEqual({ date: '2027-01-01', workingDay: false, reason: '法定节假日：元旦', certain: false });
    // 2026-12-31 (Thu): 2027-01-01 off, 01-02/03 weekend → 01-04.
    expect(partial.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', certain: false, uncertainYears: [2027] });
  });

  it('becomes certain once an administrator has entered and confirmed it', () => {
    // A hypothetical 2027 entry (the real schedule is published late in 2026).
    const entered = new WorkingDayCalendar(
      [
        { date: '2027-01-01', working: false, name: '元旦' },
        { date: '2027-01-10', working: true, name: '元旦调休' },
      ],
      [2027],
    );
    expect(entered.isYearKnown(2027)).toBe(true);
    expect(entered.classify('2027-01-01')).toEqual({ date: '2027-01-01', workingDay: false, reason: '法定节假日：元旦', certain: true });
    expect(entered.classify('2027-01-10')).toEqual({ date: '2027-01-10', workingDay: true, reason: '调休上班', certain: true });
    expect(entered.classify('2027-01-09')).toEqual({ date: '2027-01-09', workingDay: false, reason: '周末', certain: true });
    // 2026-12-31 (Thu): 2027-01-01 off, 01-02/03 weekend, 01-04 (1), 01-05 (2).
    expect(entered.addWorkingDays('2026-12-31', 2)).toEqual({ date: '2027-01-05', certain: true, uncertainYears: [] });
    // 01-04..01-08 (5), 01-10 Sun working (6), 01-11 (7).
    expect(entered.addWorkingDays('2027-01-01', 7)).toEqual({ date: '2027-01-11', certain: true, uncertainYears: [] });
    expect(entered.workingDaysBetween('2026-12-31', '2027-01-10')).toBe(6);
  });
});

describe('overrides win over the data package', () => {
  it('an override turns a working day into a day off', () => {
    const corrected = new WorkingDayCalendar([{ date: '2026-03-09', working: false, name: '临时放假' }]);
    expect(corrected.classify('2026-03-09')).toEqual({ date: '2026-03-09', workingDay: false, reason: '法定节假日：临时放假', certain: true });
    expect(corrected.addWorkingDays('2026-03-06', 1).date).toBe('2026-03-10');
    // 2026-03-02 + 20 was 03-30; one day fewer in the way → 03-31.
    expect(corrected.addWorkingDays('2026-03-02', 20).date).toBe('2026-03-31');
    expect(corrected.workingDaysBetween('2026-03-06', '2026-03-13')).toBe(4);
  });

  it('an override turns a holiday into a working day, and a weekend day into a make-up day', () => {
    const corrected = new WorkingDayCalendar([
      { date: '2026-10-07', working: true, name: '国庆节' },
      { date: '2026-03-07', working: true, name: '临时调休' },
    ]);
    expect(corrected.classify('2026-10-07')).toEqual({ date: '2026-10-07', workingDay: true, reason: '工作日', certain: true });
    expect(corrected.classify('2026-03-07')).toEqual({ date: '2026-03-07', workingDay: true, reason: '调休上班', certain: true });
    expect(corrected.addWorkingDays('2026-09-30', 1).date).toBe('2026-10-07');
    expect(corrected.addWorkingDays('2026-03-06', 1).date).toBe('2026-03-07');
  });

  it('leaves the shared package data alone', () => {
    expect(calendar.classify('2026-10-07').workingDay).toBe(false);
    expect(calendar.classify('2026-03-09').workingDay).toBe(true);
  });
});

describe('uncertainWarning', () => {
  it('names the years and asks the administrator to enter them', () => {
    const text = uncertainWarning([2027, 2028]);
    expect(text).toContain('2027、2028年');
    expect(text).toContain('系统管理员');
  });
});
