/**
 * 信息处理费 (国办函〔2020〕109号《政府信息公开信息处理费管理办法》), both methods
 * progressive. Expected amounts worked out by hand from the bands.
 */
import { describe, expect, it } from 'vitest';
import {
  describeFeeByCount, describeFeeByPages, FEE_NOTICE_MIN_WORKING_DAYS, feeByCount, feeByPages, FREE_APPLICATIONS_PER_MONTH, FREE_PAGES, pageBands,
} from '../../src/domain/fees.js';

describe('按件: the fee for the n-th application of a calendar month', () => {
  it.each([
    [1, 0], [10, 0],
    [11, 100], [20, 100], [30, 100],
    [31, 200], [40, 200],
    [41, 300], [50, 300],
    [51, 400], [60, 400],
    [61, 500],
    [91, 800], [100, 800],
    [101, 900],
  ])('application no. %i costs %i yuan', (n, fee) => {
    expect(feeByCount(n)).toBe(fee);
  });

  it('adds up over a month of 35 applications: 10 free, 20 × 100, 5 × 200 = 3000', () => {
    let total = 0;
    for (let n = 1; n <= 35; n += 1) total += feeByCount(n);
    expect(total).toBe(3000);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s', (n) => {
    expect(() => feeByCount(n)).toThrow(RangeError);
  });
});

describe('按量: the fee for one application by pages', () => {
  it.each([
    [0, 0], [1, 0], [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [150, 1700],
    [200, 2700],
    [201, 2740],
    [250, 4700],
    [1000, 34700],
  ])('%i pages cost %i yuan', (pages, fee) => {
    expect(feeByPages(pages)).toBe(fee);
  });

  it.each([-1, 2.5, Number.NaN])('refuses %s pages', (pages) => {
    expect(() => feeByPages(pages)).toThrow(RangeError);
  });

  it('lists the charged bands', () => {
    expect(pageBands(30)).toEqual([]);
    expect(pageBands(250)).toEqual([
      { fromPage: 31, toPage: 100, pages: 70, yuanPerPage: 10, amount: 700 },
      { fromPage: 101, toPage: 200, pages: 100, yuanPerPage: 20, amount: 2000 },
      { fromPage: 201, toPage: 250, pages: 50, yuanPerPage: 40, amount: 2000 },
    ]);
  });
});

describe('wording for the fee notice', () => {
  it.each([
    [150, '按量计收：共150页，前30页不收费；第31—100页10元/页×70页=700元；第101—150页20元/页×50页=1000元；合计1700元。'],
    [20, '按量计收：共20页，30页以下（含30页）不收费。'],
  ])('%i pages', (pages, text) => {
    expect(describeFeeByPages(pages)).toBe(text);
  });

  it.each([
    [35, '按件计收：本自然月第35件申请，收费200元。'],
    [3, '按件计收：本自然月第3件申请，10件以下（含10件）不收费。'],
  ])('application no. %i', (n, text) => {
    expect(describeFeeByCount(n)).toBe(text);
  });
});

it('constants', () => {
  expect(FREE_APPLICATIONS_PER_MONTH).toBe(10);
  expect(FREE_PAGES).toBe(30);
  expect(FEE_NOTICE_MIN_WORKING_DAYS).toBe(20);
});
