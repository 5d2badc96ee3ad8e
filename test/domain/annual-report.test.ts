/**
 * Table 三 of the annual report from request facts, with hand-computed expectations.
 */
import { describe, expect, it } from 'vitest';
import {
  addRequestsTables, checkConsistency, computeRequestsTable, computeReviewTable, emptyReviewTable, nestRows, RequestFact,
} from '../../src/domain/annual-report.js';

const f = (receivedOn: string | null, applicantType: string, outcome: string | null = null, completedOn: string | null = null): RequestFact => ({ receivedOn, applicantType, outcome, completedOn });

/** Only the non-zero cells, as "row.column": n. */
function cells(table: Record<string, Record<string, number>>) {
  const out: Record<string, number> = {};
  for (const [row, cols] of Object.entries(table)) for (const [col, n] of Object.entries(cols)) if (n) out[`${row}.${col}`] = n;
  return out;
}

describe('computeRequestsTable', () => {
  it('carries requests across the year boundary', () => {
    const facts = [
      f('2024-12-20', 'natural', 'granted', '2025-01-10'), // carried in, completed in 2025
      f('2024-12-30', 'commercial'), // carried in, still open: carried out
      f('2024-11-01', 'natural', 'granted', '2024-11-20'), // finished before 2025: not counted
      f('2025-03-01', 'natural', 'partial', '2025-03-20'),
      f('2025-12-29', 'research', 'granted', '2026-01-08'), // received 2025, completed 2026: carried out
      f('2026-01-05', 'natural'), // received after the year: not counted
      f(null, 'natural'), // receipt never confirmed: not received
    ];
    expect(cells(computeRequestsTable(facts, 2025))).toEqual({
      'received.natural': 1, 'received.research': 1, 'received.total': 2,
      'carriedIn.natural': 1, 'carriedIn.commercial': 1, 'carriedIn.total': 2,
      'granted.natural': 1, 'granted.total': 1,
      'partial.natural': 1, 'partial.total': 1,
      'completed.natural': 2, 'completed.total': 2,
      'carriedOut.commercial': 1, 'carriedOut.research': 1, 'carriedOut.total': 2,
    });
    // The next year starts with what this one carried out.
    const next = computeRequestsTable(facts, 2026);
    expect(next.carriedIn.total).toBe(2);
    expect(next.received.total).toBe(1);
  });

  it('counts abandoned supplements, unpaid fees and withheld requests in their own rows', () => {
    const facts = [
      f('2025-02-01', 'natural', 'otherHandling.noSupplement', '2025-02-25'),
      f('2025-02-01', 'legalService', 'otherHandling.unpaidFee', '2025-04-01'),
      f('2025-05-01', 'nonprofit', 'withheld.thirdPartyRights', '2025-05-20'),
      f('2025-06-01', 'otherOrg', 'unable.notHeld', '2025-06-10'),
      f('2025-07-01', 'natural', 'notProcessed.repeated', '2025-07-02'),
    ];
    const table = computeRequestsTable(facts, 2025);
    expect(cells(table)).toEqual({
      'received.natural': 2, 'received.legalService': 1, 'received.nonprofit': 1, 'received.otherOrg': 1, 'received.total': 5,
      'otherHandling.noSupplement.natural': 1, 'otherHandling.noSupplement.total': 1,
      'otherHandling.unpaidFee.legalService': 1, 'otherHandling.unpaidFee.total': 1,
      'withheld.thirdPartyRights.nonprofit': 1, 'withheld.thirdPartyRights.total': 1,
      'unable.notHeld.otherOrg': 1, 'unable.notHeld.total': 1,
      'notProcessed.repeated.natural': 1, 'notProcessed.repeated.total': 1,
      'completed.natural': 2, 'completed.legalService': 1, 'completed.nonprofit': 1, 'completed.otherOrg': 1, 'completed.total': 5,
    });
    expect(checkConsistency(table, emptyReviewTable())).toEqual([]);
  });

  it('rolls three bodies up into a county total', () => {
    const a = computeRequestsTable([f('2025-01-10', 'natural', 'granted', '2025-01-20')], 2025);
    const b = computeRequestsTable([f('2024-12-10', 'commercial', 'partial', '2025-01-05')], 2025);
    const c = computeRequestsTable([f('2025-12-30', 'natural')], 2025);
    const county = addRequestsTables(addRequestsTables(a, b), c);
    expect(cells(county)).toEqual({
      'received.natural': 2, 'received.total': 2,
      'carriedIn.commercial': 1, 'carriedIn.total': 1,
      'granted.natural': 1, 'granted.total': 1,
      'partial.commercial': 1, 'partial.total': 1,
      'completed.natural': 1, 'completed.commercial': 1, 'completed.total': 2,
      'carriedOut.natural': 1, 'carriedOut.total': 1,
    });
  });
});

describe('checkConsistency', () => {
  it('names the cells that break the format arithmetic', () => {
    const table = computeRequestsTable([f('2025-01-10', 'natural', 'granted', '2025-01-20')], 2025);
    table.granted.natural = 2; // a hand correction that no longer adds up
    table.granted.total = 2;
    const violations = checkConsistency(table, emptyReviewTable());
    expect(violations.map((v) => v.cell)).toEqual(['requests.completed.natural', 'requests.completed.total']);
    expect(violations[0].message).toContain('（七）总计');
  });

  it('checks the totals column and table 四', () => {
    const table = computeRequestsTable([], 2025);
    table.received.total = 1;
    const review = emptyReviewTable();
    review.reconsideration.upheld = 1;
    expect(checkConsistency(table, review).map((v) => v.cell)).toEqual(expect.arrayContaining(['requests.received.total', 'reviewLitigation.reconsideration.total']));
  });
});

describe('computeReviewTable', () => {
  it('counts cases filed in the year, undecided ones as pending', () => {
    const table = computeReviewTable([
      { stage: 'reconsideration', result: 'upheld', filedOn: '2025-03-01', closedOn: '2025-05-01' },
      { stage: 'reconsideration', result: 'corrected', filedOn: '2025-11-01', closedOn: '2026-01-15' },
      { stage: 'litigationDirect', result: 'pending', filedOn: '2025-06-01', closedOn: null },
      { stage: 'litigationAfterReconsideration', result: 'other', filedOn: '2024-06-01', closedOn: '2025-01-01' },
    ], 2025);
    expect(table.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(table.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(table.litigationAfterReconsideration.total).toBe(0);
  });
});

describe('nestRows', () => {
  it('turns dotted row keys into nested objects as the API shape requires', () => {
    const nested = nestRows(computeRequestsTable([f('2025-05-01', 'natural', 'withheld.thirdPartyRights', '2025-05-20')], 2025)) as any;
    expect(nested.withheld.thirdPartyRights.natural).toBe(1);
    expect(nested.received.total).toBe(1);
  });
});
