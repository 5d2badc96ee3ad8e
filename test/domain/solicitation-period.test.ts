/**
 * 意见征集 comment periods, with answers counted by hand on the 2025–2026 official holiday schedules
 * (国办发明电 for each year) and into 2027, which has no schedule yet.
 */
import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../src/domain/calendar.js';
import { checkPeriodLength, commentPeriod, DraftKind, PERIOD_RULES, periodState } from '../../src/domain/solicitation-period.js';

const calendar = new WorkingDayCalendar();

describe('default and minimum periods per kind of draft', () => {
  it.each([
    ['rule', 'days', 30, 30],
    ['majorDecision', 'days', 30, 30],
    ['normative', 'workingDays', 7, 7],
    ['other', 'days', 15, 1],
  ] as const)('%s: %s, default %i, minimum %i', (kind, unit, defaultLength, minimum) => {
    expect(PERIOD_RULES[kind]).toMatchObject({ unit, defaultLength, minimum });
  });

  it.each([
    ['rule', 30, undefined, null],
    ['rule', 29, undefined, 'belowMinimum'],
    ['rule', 29, '  ', 'belowMinimum'],
    ['rule', 20, '防汛应急，需尽快出台', null],
    ['majorDecision', 29, null, 'belowMinimum'],
    ['normative', 6, undefined, 'belowMinimum'],
    ['normative', 7, undefined, null],
    ['other', 1, undefined, null],
    ['rule', 0, '理由', 'notWholeNumber'],
    ['rule', 30.5, undefined, 'notWholeNumber'],
  ] as const)('%s for %s with reason %j → %s', (kind, length, reason, problem) => {
    expect(checkPeriodLength(kind as DraftKind, length, reason)).toBe(problem);
  });
});

describe('the last day of the comment period', () => {
  it.each([
    // 行政规范性文件: 7 working days, the opening day not counted.
    ['a plain week', 'normative', '2026-03-02', 7, '2026-03-11', true, undefined],
    // 02-13 (1), 02-14 调休 Saturday (2), 02-15..23 春节, 02-24..27 (3–6), 02-28 调休 Saturday (7).
    ['across 春节 2026 with two make-up Saturdays', 'normative', '2026-02-12', 7, '2026-02-28', true, undefined],
    // 09-28 调休 Sunday (1), 09-29, 09-30 (2, 3), 10-01..08 国庆, 10-09, 10-10 (4, 5), 10-11 调休 Saturday (6), 10-13 (7).
    ['across 国庆 2025', 'normative', '2025-09-26', 7, '2025-10-13', true, undefined],
    // 12-29..31 (1–3), 2027-01-01 counted as a plain Friday (4), 01-04..06 (5–7): 2027 has no schedule.
    ['into a year without a holiday schedule', 'normative', '2026-12-28', 7, '2027-01-06', false, undefined],
    // 规章: 30 calendar days.
    ['30 days ending on a working day', 'rule', '2026-03-02', 30, '2026-04-01', true, undefined],
    // 10-01 is 国庆: the period ends on the next working day, 10-08 (民法典第二百零三条).
    ['30 days ending on 国庆', 'rule', '2026-09-01', 30, '2026-10-08', true, '2026-10-01'],
    // 04-05 is a Sunday and 清明, 04-06 清明 too: 04-07.
    ['30 days ending on a weekend holiday', 'majorDecision', '2026-03-06', 30, '2026-04-07', true, '2026-04-05'],
    // 02-28 is a Saturday, but a make-up working day: no extension.
    ['30 days ending on a make-up Saturday', 'majorDecision', '2026-01-29', 30, '2026-02-28', true, undefined],
    ['30 days into a year without a schedule', 'rule', '2026-12-15', 30, '2027-01-14', false, undefined],
    // 06-19..21 端午: 06-22.
    ['15 days ending on 端午', 'other', '2026-06-04', 15, '2026-06-22', true, '2026-06-19'],
  ] as const)('%s: %s opened %s for %i → %s', (_name, kind, opensOn, length, endsOn, certain, extendedFrom) => {
    const period = commentPeriod(calendar, kind, opensOn, length);
    expect(period).toEqual({ opensOn, endsOn, certain, ...(extendedFrom ? { extendedFrom } : {}) });
  });
});

describe('whether comments are accepted', () => {
  const period = { opensOn: '2026-03-02', endsOn: '2026-03-11' };
  it.each([
    ['2026-03-01', 'notYetOpen'],
    ['2026-03-02', 'open'],
    ['2026-03-11', 'open'],
    ['2026-03-12', 'closed'],
  ] as const)('on %s: %s', (today, state) => {
    expect(periodState(period, today)).toBe(state);
  });
});
