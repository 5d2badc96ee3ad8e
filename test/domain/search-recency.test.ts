/** Publication-date lexemes and the recent windows of 全站搜索 (src/domain/search/recency.ts). */
import { describe, expect, it } from 'vitest';
import { dateLexemes, windowQuery } from '../../src/domain/search/recency.js';

describe('date lexemes', () => {
  it.each([
    ['2026-11-03', "'@d20261103' '@m202611'"],
    ['2024-02-29', "'@d20240229' '@m202402'"],
    [null, ''],
    ['', ''],
    ['not a date', ''],
  ])('%s → %s', (on, lexemes) => {
    expect(dateLexemes(on)).toBe(lexemes);
  });
});

describe('windows from a date to the newest', () => {
  it.each([
    // The same month: its days from `since` to the newest.
    ['2026-11-28', '2026-11-30', "'@d20261128' | '@d20261129' | '@d20261130'"],
    // A first day stands for its whole month.
    ['2026-11-01', '2026-11-03', "'@m202611'"],
    // The rest of since's month by day, then whole months, across a year's end.
    ['2025-11-29', '2026-02-10', "'@d20251129' | '@d20251130' | '@m202512' | '@m202601' | '@m202602'"],
    // February of a leap year has 29 days.
    ['2024-02-28', '2024-03-01', "'@d20240228' | '@d20240229' | '@m202403'"],
    ['2023-02-28', '2023-03-01', "'@d20230228' | '@m202303'"],
  ])('%s … %s', (since, newest, query) => {
    expect(windowQuery(since, newest)).toBe(query);
  });
});
