/**
 * Registering a case is the hot path of a service centre: a fixed, small number of statements
 * (no listing of a county's bodies, the case and its first step in one insert), the case, its step,
 * its month's figures and its audit row written together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { StatementCounter } from '../support/db.js';
import { makeCase, makeItem, makeServiceUser } from '../support/services.js';

const counter = new StatementCounter();
let t: TestApp;
let manager: Record<string, string>;
let clerk: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2025-10-15T02:00:00Z'), wrapDb: (db) => db.withPlugin(counter) });
  manager = (await makeServiceUser(t, { username: 'gmgr', orgCode: DEMO_COUNTY_CODE, roles: ['serviceManager'] })).headers;
  const w = await makeServiceUser(t, { username: 'gclerk', orgCode: DEMO_FINANCE_CODE });
  clerk = w.headers;
  await makeItem(t, manager, { orgCode: DEMO_FINANCE_CODE, code: 'G-1', name: '登记测试事项', promisedLimitDays: 5 });
  await makeItem(t, manager, { orgCode: DEMO_FINANCE_CODE, code: 'G-2', name: '未进驻事项', promisedLimitDays: 5 });
  const centreId = (await t.app.inject({ method: 'POST', url: '/api/v1/service-centres', headers: manager, payload: { orgCode: DEMO_COUNTY_CODE, name: '登记中心', type: 'county' } })).json().id;
  await t.app.inject({ method: 'POST', url: `/api/v1/service-centres/${centreId}/windows`, headers: manager, payload: { number: '9', name: '财政窗口', orgCode: DEMO_FINANCE_CODE, clerkUserIds: [w.id], itemCodes: ['G-1'] } });
  expect((await makeCase(t, clerk, { itemCode: 'G-1' }, 1)).statusCode).toBe(201); // warms the calendar and the token cache
});
afterAll(async () => t.close());

/**
 * Statements of one registration through the route: authenticating the token (2), the item, the
 * bodies above it, the clerk's windows, then in the transaction the case with its step, its month's
 * figures and the audit entry (lock, last entry, insert).
 */
async function statementsOf(headers: Record<string, string>, fields: { itemCode: string }, seq: number) {
  counter.count = 0;
  const res = await makeCase(t, headers, fields, seq);
  expect(res.statusCode, res.body).toBe(201);
  return counter.count;
}

describe('registering a case', () => {
  it('takes the same few statements at a window and at the county level', async () => {
    const atWindow = await statementsOf(clerk, { itemCode: 'G-1' }, 2);
    const atCounty = await statementsOf(manager, { itemCode: 'G-2' }, 3);
    // The county's manager sees every body below the county: the check walks up from the item's body instead of listing them.
    expect(atCounty).toBe(atWindow);
    expect(atWindow).toBeLessThanOrEqual(10);
  });

  it('stores the case, its first step, its month and its audit row together', async () => {
    const made = (await makeCase(t, clerk, { itemCode: 'G-1', acceptedOn: '2025-10-14' }, 4)).json();
    const row = await t.db.selectFrom('serviceCases').select(['id', 'windowId']).where('caseNo', '=', made.caseNo).executeTakeFirstOrThrow();
    expect(row.windowId).not.toBeNull();
    const steps = await t.db.selectFrom('serviceCaseSteps').select(['action', 'onDate']).where('caseId', '=', row.id).execute();
    expect(steps).toEqual([{ action: 'accept', onDate: '2025-10-14' }]);
    const audit = await t.db.selectFrom('auditLog').select('action').where('targetId', '=', made.caseNo).execute();
    expect(audit).toEqual([{ action: 'service.case.register' }]);
    const month = await t.db.selectFrom('serviceCaseMonthly').select(({ fn }) => fn.sum<number>('accepted').as('n')).where('month', '=', '2025-10-01').where('windowId', '=', row.windowId!).executeTakeFirstOrThrow();
    expect(Number(month.n)).toBe(3);
  });
});
