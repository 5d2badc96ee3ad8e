/** 办结率 and 满意率 (api-contract.md "service-statistics"): two decimals, rounded half up, by hand. */
import { describe, expect, it } from 'vitest';
import { completionRate, needsRectification, percentString, RECTIFICATION_WORKING_DAYS, satisfactionRate } from '../../src/domain/services/rates.js';

describe('completionRate', () => {
  const rows: [number, number, string][] = [
    [59388, 60351, '98.40'], // the district centre of legal-rules.md: 98.4044…
    [0, 0, '0.00'],
    [0, 7, '0.00'],
    [5, 5, '100.00'],
    [1, 3, '33.33'], // 33.333…
    [2, 3, '66.67'], // 66.666…
    [1, 8, '12.50'],
    [1, 32, '3.13'], // 3.125 → half up
    [1, 200, '0.50'],
    [1, 20000, '0.01'], // 0.005 → half up
    [1, 40000, '0.00'], // 0.0025
    [7, 9, '77.78'], // 77.777…
  ];
  for (const [part, whole, expected] of rows) {
    it(`${part} of ${whole} is ${expected}`, () => expect(completionRate(part, whole)).toBe(expected));
  }
  it('refuses negative counts', () => expect(() => percentString(-1, 3)).toThrow(RangeError));
});

describe('satisfactionRate', () => {
  it('counts 基本满意 and better', () => {
    expect(satisfactionRate({ 1: 1, 2: 1, 3: 1, 4: 2, 5: 3 })).toBe('75.00'); // 6 of 8
    expect(satisfactionRate({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 })).toBe('0.00');
    expect(satisfactionRate({ 1: 1, 2: 0, 3: 0, 4: 0, 5: 2 })).toBe('66.67');
  });
  it('不满意 and 非常不满意 open a rectification of 15 working days', () => {
    expect([1, 2, 3, 4, 5].map(needsRectification)).toEqual([true, true, false, false, false]);
    expect(RECTIFICATION_WORKING_DAYS).toBe(15);
  });
});
