/**
 * 政务服务 monthly statistics by body, centre, window, item and month, rolled up, with figures computed
 * by hand (including the rounding of rates), and the public page /zwfw/stats with its charts and tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { makeItem, makeServiceUser } from '../support/services.js';

let t: TestApp;
const now = new Date('2025-10-09T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  const finance = (await makeServiceUser(t, { username: 'sfin', orgCode: DEMO_FINANCE_CODE })).headers;
  const education = (await makeServiceUser(t, { username: 'sedu', orgCode: DEMO_EDUCATION_CODE })).headers;
  await makeItem(t, finance, { orgCode: DEMO_FINANCE_CODE, code: 'ST-F', name: '财政许可事项', promisedLimitDays: 5 });
  await makeItem(t, education, { orgCode: DEMO_EDUCATION_CODE, code: 'ST-E', name: '教育即办事项', kind: 'publicService', legalLimitDays: 0, promisedLimitDays: 0 });
  const ledger = async (orgCode: string, headers: Record<string, string>, rows: string[]) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${orgCode}/service-case-ledger`, headers: { ...headers, 'content-type': 'text/csv' }, payload: `itemCode,acceptedOn,completedOn,result,rating\n${rows.join('\n')}\n` });
    expect(res.statusCode, res.body).toBe(200);
  };
  // 财政局 (promised 5 working days; September 2025 has no holidays):
  //   09-01 due 09-08, done 09-05 → on time, rated 5;  09-02 due 09-09, done 09-15 → overdue, rated 2;  09-03 due 09-10, open → overdue.
  await ledger(DEMO_FINANCE_CODE, finance, ['ST-F,2025-09-01,2025-09-05,approved,5', 'ST-F,2025-09-02,2025-09-15,rejected,2', 'ST-F,2025-09-03,,,']);
  // 教育局 (即办件, due the day of acceptance): 09-10 done that day → on time, rated 3;  09-11 done 09-12 → overdue;  09-12 open → overdue;
  //   and one in August.
  await ledger(DEMO_EDUCATION_CODE, education, ['ST-E,2025-09-10,2025-09-10,approved,3', 'ST-E,2025-09-11,2025-09-12,approved,', 'ST-E,2025-09-12,,,', 'ST-E,2025-08-20,2025-08-20,approved,']);
});
afterAll(async () => t.close());

const monthly = (code: string, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/orgs/${code}/service-statistics/monthly?${query}` });
const pick = (r: Record<string, unknown>) => [r.label, r.accepted, r.completed, r.completionRate, r.onTime, r.overdue, r.rated, r.satisfactionRate];

describe('monthly statistics', () => {
  it('rolls the county up from its bodies: 4 of 6 completed is 66.67 (66.666… rounded half up)', async () => {
    const res = await monthly(DEMO_COUNTY_CODE, 'month=2025-09');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ from: '2025-09-01', to: '2025-09-30', rollup: true });
    expect(s.total).toMatchObject({ accepted: 6, completed: 4, completionRate: '66.67', onTime: 2, overdue: 4, ratings: { count: 3, satisfactionRate: '66.67', byLevel: { 1: 0, 2: 1, 3: 1, 4: 0, 5: 1 } } });
    const byOrg = Object.fromEntries(s.byOrg.map((r: { key: string }) => [r.key, pick(r as never).slice(1)]));
    // 财政局: 2 of 3 → 66.67; ratings 5 and 2 → 1 of 2 satisfied = 50.00.  教育局: 2 of 3 → 66.67; one rating of 3 → 100.00.
    expect(byOrg[DEMO_FINANCE_CODE]).toEqual([3, 2, '66.67', 1, 2, 2, '50.00']);
    expect(byOrg[DEMO_EDUCATION_CODE]).toEqual([3, 2, '66.67', 1, 2, 1, '100.00']);
    // Equal counts are ordered by item code (ST-E before ST-F).
    expect(s.byItem.map(pick)).toEqual([['教育即办事项', 3, 2, '66.67', 1, 2, 1, '100.00'], ['财政许可事项', 3, 2, '66.67', 1, 2, 2, '50.00']]);
    expect(s.byWindow.map(pick)).toEqual([['未经窗口办理', 6, 4, '66.67', 2, 4, 3, '66.67']]);
    expect(s.byCentre.map(pick)).toEqual([['未经窗口办理', 6, 4, '66.67', 2, 4, 3, '66.67']]);
    // The year's months up to September: August's one case completed on the day (100.00), no ratings (0.00).
    expect(s.byMonth.map(pick)).toEqual([['2025-08', 1, 1, '100.00', 1, 0, 0, '0.00'], ['2025-09', 6, 4, '66.67', 2, 4, 3, '66.67']]);
  });

  it('one body alone, a month without cases, and bad input', async () => {
    const fin = (await monthly(DEMO_FINANCE_CODE, 'month=2025-09&rollup=false')).json();
    expect(fin.total).toMatchObject({ accepted: 3, completed: 2, completionRate: '66.67', overdue: 2 });
    const empty = (await monthly(DEMO_COUNTY_CODE, 'month=2025-07')).json();
    expect(empty.total).toMatchObject({ accepted: 0, completed: 0, completionRate: '0.00', ratings: { count: 0, satisfactionRate: '0.00' } });
    expect(empty.byOrg).toEqual([]);
    expect((await monthly(DEMO_COUNTY_CODE, 'month=2025-13')).statusCode).toBe(400);
    expect((await monthly(DEMO_COUNTY_CODE, '')).statusCode).toBe(400);
    expect((await monthly('NOPE', 'month=2025-09')).statusCode).toBe(404);
  });

  it('the public page shows the figures as tables and the charts as SVG, without JavaScript', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/zwfw/stats?org=${DEMO_COUNTY_CODE}&month=2025-09` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2025年9月政务服务统计');
    expect(res.body).toContain('<svg');
    expect(res.body).toContain('66.67%');
    expect(res.body).toContain('<caption>按机关</caption>');
    expect(res.body).not.toContain('<script');
    expect((await t.app.inject({ method: 'GET', url: '/zwfw/stats?month=2025-9' })).statusCode).toBe(400);
    const noCases = await t.app.inject({ method: 'GET', url: `/zwfw/stats?org=${DEMO_COUNTY_CODE}&month=2025-07` });
    expect(noCases.body).not.toContain('<svg');
    expect(noCases.body).toContain('本月没有受理的办件');
  });
});

describe('annual report table 二: 行政许可 decisions from the service cases', () => {
  const draft = async (rollup: boolean) => (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025?draft=true&rollup=${rollup}`, headers: await t.auth('office') })).json();
  const save = async (payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025/draft`, headers: await t.auth('office'), payload });

  it('keeps the hand-entered figure until the option is chosen, then counts approved and rejected licence cases decided in the year', async () => {
    expect((await save({ externalFigures: { 'licensing.decisions': 7 }, sources: { 'licensing.decisions': '县行政审批局行政许可台账' } })).statusCode).toBe(200);
    const manual = await draft(true);
    expect(manual.licensingFrom).toBe('manual');
    expect(manual.proactive.licensing.decisions).toBe(7);
    expect(manual.proactiveSources['licensing.decisions']).toBe('县行政审批局行政许可台账');
    // 财政许可事项 (a licence): 09-05 approved and 09-15 rejected count; the open one does not; 教育即办事项 is 公共服务.
    expect((await save({ licensingFrom: 'serviceCases' })).statusCode).toBe(200);
    const fromCases = await draft(true);
    expect(fromCases.licensingFrom).toBe('serviceCases');
    expect(fromCases.proactive.licensing.decisions).toBe(2);
    expect(fromCases.proactiveSources['licensing.decisions']).toContain('政务服务办件统计');
    // The county alone has no licence cases of its own.
    expect((await draft(false)).proactive.licensing.decisions).toBe(0);
    expect((await save({ licensingFrom: 'sometimes' })).statusCode).toBe(400);
    expect((await save({ licensingFrom: 'manual' })).statusCode).toBe(200);
    expect((await draft(true)).proactive.licensing.decisions).toBe(7);
  });
});

