/**
 * The working-day calendar against the State Council's published schedules for
 * 2024–2026. Every expected date was counted by hand from those schedules.
 */
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../src/domain/calendar.js';

const calendar = new WorkingDayCalendar();

describe('classify', () => {
  it.each([
    ['2024-01-01', false, '法定节假日：元旦'],
    ['2024-02-10', false, '法定节假日：春节'],
    ['2024-02-04', true, '调休上班'],
    ['2024-02-18', true, '调休上班'],
    ['2024-06-10', false, '法定节假日：端午节'],
    ['2024-09-14', true, '调休上班'],
    ['2024-09-16', false, '法定节假日：中秋节'],
    ['2024-10-12', true, '调休上班'],
    ['2025-01-26', true, '调休上班'],
    ['2025-02-04', false, '法定节假日：春节'],
    ['2025-10-08', false, '法定节假日：国庆节'],
    ['2025-10-11', true, '调休上班'],
    ['2026-01-04', true, '调休上班'],
    ['2026-02-14', true, '调休上班'],
    ['2026-02-23', false, '法定节假日：春节'],
    ['2026-02-28', true, '调休上班'],
    ['2026-04-05', false, '法定节假日：清明节'],
    ['2026-05-09', true, '调休上班'],
    ['2026-09-20', true, '调休上班'],
    ['2026-10-10', true, '调休上班'],
    ['2026-03-07', false, '周末'],
    ['2026-03-08', false, '周末'],
    ['2026-03-09', true, '工作日'],
  ])('%s → working %s (%s)', (date, workingDay, reason) => {
    expect(calendar.classify(date)).toEqual({ date, workingDay, reason, certain: true });
  });

  it('refuses a date that does not exist', () => {
    expect(() => calendar.classify('2026-02-29')).toThrow(RangeError);
  });
});

describe('addWorkingDays: the day of the event is not counted', () => {
  it.each([
    // 2024 Spring Festival: 02-10..02-17 off, 02-04 and 02-18 (Sundays) working.
    ['2024-02-08', 1, '2024-02-09'],
    ['2024-02-09', 1, '2024-02-18'],
    ['2024-02-09', 2, '2024-02-19'],
    ['2024-02-02', 1, '2024-02-04'],
    // 2024 Mid-autumn and National Day: 09-15..17 and 10-01..07 off; 09-14, 09-29, 10-12 working.
    ['2024-09-13', 1, '2024-09-14'],
    ['2024-09-14', 1, '2024-09-18'],
    ['2024-09-27', 3, '2024-10-08'],
    ['2024-09-30', 5, '2024-10-12'],
    // 2025 Spring Festival: 01-28..02-04 off; 01-26 and 02-08 working.
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-01-27', 4, '2025-02-08'],
    // 2025 National Day: 10-01..10-08 off; 09-28 and 10-11 working.
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-09-19', 20, '2025-10-23'],
    // 2026 Spring Festival: 02-15..02-23 off; 02-14 and 02-28 working.
    ['2026-02-10', 5, '2026-02-24'],
    ['2026-02-10', 20, '2026-03-16'],
    ['2026-02-13', 1, '2026-02-14'],
    // Received on a holiday or a weekend: counting starts the next working day.
    ['2026-02-17', 1, '2026-02-24'],
    ['2026-03-07', 1, '2026-03-09'],
    // 2026 Mid-autumn and National Day: 09-25..27 and 10-01..07 off; 09-20 and 10-10 working.
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-12-01', 20, '2026-12-29'],
    // Zero and backwards.
    ['2026-02-17', 0, '2026-02-17'],
    ['2026-02-24', -1, '2026-02-14'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toEqual({ date: expected, certain: true, uncertainYears: [] });
  });

  it('refuses a fractional number of days', () => {
    expect(() => calendar.addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
  });
});

describe('a year without an official schedule', () => {
  it('is counted Monday to Friday but reported uncertain', () => {
    expect(calendar.isYearKnown(2027)).toBe(false);
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-01', certain: false, uncertainYears: [2027] });
    expect(calendar.classify('2027-02-10')).toEqual({ date: '2027-02-10', workingDay: true, reason: '工作日', certain: false });
  });

  it('becomes certain once an administrator has entered and confirmed it', () => {
    const entered = new WorkingDayCalendar(
      [
        { date: '2027-01-01', working: false, name: '元旦' },
        { date: '2027-01-10', working: true, name: '元旦调休' },
      ],
      [2027],
    );
    expect(entered.classify('2027-01-01')).toEqual({ date: '2027-01-01', workingDay: false, reason: '法定节假日：元旦', certain: true });
    expect(entered.classify('2027-01-10')).toEqual({ date: '2027-01-10', workingDay: true, reason: '调休上班', certain: true });
    // 2026-12-31 (Thu): 2027-01-01 off, 01-02/03 weekend, 01-04 (1), 01-05 (2).
    expect(entered.addWorkingDays('2026-12-31', 2)).toEqual({ date: '2027-01-05', certain: true, uncertainYears: [] });
  });

  it('an override wins over the data package', () => {
    const corrected = new WorkingDayCalendar([{ date: '2026-03-09', working: false, name: '临时放假' }]);
    expect(corrected.classify('2026-03-09')).toEqual({ date: '2026-03-09', workingDay: false, reason: '法定节假日：临时放假', certain: true });
    expect(corrected.addWorkingDays('2026-03-06', 1).date).toBe('2026-03-10');
  });
});

describe('workingDaysBetween counts the interval (from, to]', () => {
  it.each([
    ['2026-02-13', '2026-02-24', 2],
    ['2025-09-30', '2025-10-10', 2],
    ['2026-03-09', '2026-03-09', 0],
    ['2026-03-10', '2026-03-09', 0],
    ['2026-02-10', '2026-03-16', 20],
  ])('(%s, %s] holds %i working days', (from, to, n) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(n);
  });
});
