import { describe, expect, it } from 'vitest';
import { lastDayOfMonth, splitPeriod } from '../../src/domain/services/statistics-period.js';

describe('splitting a period of acceptance dates into whole months and edge days', () => {
  const today = '2025-06-18';
  it.each([
    ['a calendar year up to last month', '2025-01-01', '2025-05-31', { months: ['2025-01-01', '2025-05-01'], edges: [] }],
    ['the current month up to today is whole (nothing is accepted after today)', '2025-06-01', '2025-06-18', { months: ['2025-06-01', '2025-06-01'], edges: [] }],
    ['a period reaching past today is whole to its month', '2025-01-01', '2025-12-31', { months: ['2025-01-01', '2025-12-01'], edges: [] }],
    ['days at both ends are counted from the cases', '2025-01-15', '2025-04-10', { months: ['2025-02-01', '2025-03-01'], edges: [['2025-01-15', '2025-01-31'], ['2025-04-01', '2025-04-10']] }],
    ['inside one month: no whole month', '2025-03-05', '2025-03-20', { months: null, edges: [['2025-03-05', '2025-03-20']] }],
    ['a month starting on its first day but cut short', '2025-03-01', '2025-03-30', { months: null, edges: [['2025-03-01', '2025-03-30']] }],
    ['across a year end', '2024-11-20', '2025-02-28', { months: ['2024-12-01', '2025-02-01'], edges: [['2024-11-20', '2024-11-30']] }],
    ['an empty period', '2025-03-02', '2025-03-01', { months: null, edges: [] }],
  ])('%s', (_name, from, to, expected) => {
    expect(splitPeriod(from, to, today)).toEqual(expected);
  });

  it('knows the last day of February in leap and common years', () => {
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-02-10')).toBe('2025-02-28');
    expect(lastDayOfMonth('2025-12-01')).toBe('2025-12-31');
  });
});
