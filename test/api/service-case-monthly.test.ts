/**
 * The monthly figures (service_case_monthly) follow every change of a case and of its rating in the
 * same transaction: after registering, refusing, handling, pausing, completing on time and late,
 * rating, an upheld appeal and a ledger import, the stored rows equal a rebuild from the cases, and
 * the statistics (whole months, edge days, rolled up) equal figures counted here from the raw cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { listMonthlyRows, rebuildCaseMonthly } from '../../src/modules/services/case-figures.repository.js';
import { createTestApp, TestApp } from '../support/app.js';
import { makeCase, makeItem, makeServiceUser } from '../support/services.js';

let t: TestApp;
type Headers = Record<string, string>;
const today = '2025-10-15';
let clerkH: Headers;
let chiefH: Headers;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2025-10-15T02:00:00Z') });
  const manager = (await makeServiceUser(t, { username: 'mmgr', orgCode: DEMO_COUNTY_CODE, roles: ['serviceManager'] })).headers;
  const w = await makeServiceUser(t, { username: 'mclerk', orgCode: DEMO_FINANCE_CODE, displayName: '窗口小李' });
  const c = await makeServiceUser(t, { username: 'mchief', orgCode: DEMO_FINANCE_CODE, displayName: '首席老钱' });
  const edu = (await makeServiceUser(t, { username: 'medu', orgCode: DEMO_EDUCATION_CODE })).headers;
  await makeItem(t, manager, { orgCode: DEMO_FINANCE_CODE, code: 'M-5', name: '五日件', promisedLimitDays: 5 });
  await makeItem(t, edu, { orgCode: DEMO_EDUCATION_CODE, code: 'M-0', name: '即办件', kind: 'publicService', legalLimitDays: 0, promisedLimitDays: 0 });
  const centreId = (await t.app.inject({ method: 'POST', url: '/api/v1/service-centres', headers: manager, payload: { orgCode: DEMO_COUNTY_CODE, name: '月度中心', type: 'county' } })).json().id;
  const win = await t.app.inject({ method: 'POST', url: `/api/v1/service-centres/${centreId}/windows`, headers: manager, payload: { number: '7', name: '财政窗口', orgCode: DEMO_FINANCE_CODE, chiefUserId: c.id, clerkUserIds: [w.id, c.id], itemCodes: ['M-5'] } });
  expect(win.statusCode, win.body).toBe(201);
  clerkH = w.headers;
  chiefH = c.headers;
  const act = async (headers: Headers, caseNo: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${caseNo}/actions`, headers, payload });
    expect(res.statusCode, res.body).toBe(200);
  };
  let seq = 300;
  const register = async (headers: Headers, itemCode: string, acceptedOn: string, extra: object = {}) => {
    const res = await makeCase(t, headers, { itemCode, acceptedOn, ...extra }, seq++);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().caseNo as string;
  };
  // September and October at the window: on time, late, paused then completed, open past due, open in time.
  const onTime = await register(w.headers, 'M-5', '2025-09-01');
  await act(w.headers, onTime, { action: 'startHandling', onDate: '2025-09-02' });
  await act(c.headers, onTime, { action: 'complete', onDate: '2025-09-05', result: 'approved' });
  const late = await register(w.headers, 'M-5', '2025-09-16');
  await act(c.headers, late, { action: 'complete', onDate: '2025-09-30', result: 'rejected', reason: '材料不符合要求' });
  const paused = await register(w.headers, 'M-5', '2025-09-24');
  await act(w.headers, paused, { action: 'requestSupplement', onDate: '2025-09-25', missing: ['营业执照'] });
  await act(w.headers, paused, { action: 'receiveSupplement', onDate: '2025-10-09' });
  await act(c.headers, paused, { action: 'complete', onDate: '2025-10-13', result: 'approved' });
  await register(w.headers, 'M-5', '2025-10-08');
  await register(w.headers, 'M-5', '2025-10-14');
  const waiting = await register(w.headers, 'M-5', '2025-10-09');
  await act(w.headers, waiting, { action: 'requestSupplement', onDate: '2025-10-10', missing: ['身份证复印件'] });
  await register(w.headers, 'M-5', '2025-10-10', { intake: 'refuse', reason: '不属于本机关职权范围' });
  await register(w.headers, 'M-5', '2025-10-10', { intake: 'inform', missing: ['申请表'] });
  const withdrawn = await register(w.headers, 'M-5', '2025-10-13');
  await act(w.headers, withdrawn, { action: 'complete', onDate: '2025-10-14', result: 'withdrawn' });
  // Ratings: a good one, and a bad one whose appeal the centre upholds (it leaves the figures).
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${onTime}/rating`, headers: w.headers, payload: { level: 5 } })).statusCode).toBe(201);
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${late}/rating`, headers: w.headers, payload: { level: 1, comment: '太慢' } })).statusCode).toBe(201);
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${paused}/rating`, headers: w.headers, payload: { level: 2 } })).statusCode).toBe(201);
  const rectifications = (await t.app.inject({ method: 'GET', url: '/api/v1/service-rectifications?open=true', headers: w.headers })).json().items as { id: number; caseNo: string }[];
  const id = rectifications.find((r) => r.caseNo === late)!.id;
  const rect = (payload: object, headers: Headers) => t.app.inject({ method: 'POST', url: `/api/v1/service-rectifications/${id}/actions`, headers, payload });
  expect((await rect({ action: 'appeal', note: '评价与服务无关' }, w.headers)).statusCode).toBe(200);
  expect((await rect({ action: 'decideAppeal', upheld: true, note: '申诉成立' }, manager)).statusCode).toBe(200);
  // 教育局 at its own level (no window), by ledger: August, September and an open one.
  const ledger = await t.app.inject({
    method: 'POST', url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}/service-case-ledger`, headers: { ...edu, 'content-type': 'text/csv' },
    payload: 'itemCode,acceptedOn,completedOn,result,rating\nM-0,2025-08-20,2025-08-20,approved,4\nM-0,2025-09-10,2025-09-11,approved,3\nM-0,2025-10-09,,,\nM-0,2025-10-14,2025-10-14,approved,\n',
  });
  expect(ledger.statusCode, ledger.body).toBe(200);
  const eduCase = await register(edu, 'M-0', '2025-10-15');
  await act(edu, eduCase, { action: 'complete', onDate: '2025-10-15', result: 'approved' });
});
afterAll(async () => t.close());

/** The contract's figures counted from the cases and ratings themselves (api-contract.md "service-statistics"). */
async function countedFromCases(orgIds: number[], from: string, to: string) {
  const cases = await t.db.selectFrom('serviceCases').leftJoin('serviceRatings', (j) => j.onRef('serviceRatings.caseId', '=', 'serviceCases.id').on('serviceRatings.excluded', '=', false))
    .select(['serviceCases.orgId', 'serviceCases.status', 'serviceCases.acceptedOn', 'serviceCases.dueOn', 'serviceCases.completedOn', 'serviceRatings.level']).execute();
  const picked = cases.filter((c) => orgIds.includes(c.orgId) && c.acceptedOn! >= from && c.acceptedOn! <= to && c.status !== 'refused' && c.status !== 'informed');
  const byLevel = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<string, number>;
  for (const c of picked) if (c.level) byLevel[String(c.level)] += 1;
  return {
    accepted: picked.length,
    completed: picked.filter((c) => c.completedOn).length,
    onTime: picked.filter((c) => c.completedOn && c.completedOn <= c.dueOn!).length,
    overdue: picked.filter((c) => (c.completedOn && c.completedOn > c.dueOn!) || (!c.completedOn && ['accepted', 'processing'].includes(c.status) && c.dueOn! < today)).length,
    ratings: { count: Object.values(byLevel).reduce((a, b) => a + b, 0), byLevel },
  };
}

const orgIdOf = async (code: string) => (await t.db.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

describe('the monthly figures', () => {
  it.each([
    ['whole months', '2025-08-01', '2025-10-31'],
    ['the current month up to today', '2025-10-01', '2025-10-15'],
    ['edge days on both sides', '2025-09-10', '2025-10-09'],
    ['days inside one month', '2025-09-02', '2025-09-24'],
  ])('give the statistics of %s as counted from the cases', async (_name, from, to) => {
    const county = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/service-statistics?from=${from}&to=${to}&rollup=true` });
    expect(county.statusCode, county.body).toBe(200);
    const ids = [await orgIdOf(DEMO_FINANCE_CODE), await orgIdOf(DEMO_EDUCATION_CODE), await orgIdOf(DEMO_COUNTY_CODE)];
    const expected = await countedFromCases(ids, from, to);
    expect(county.json()).toMatchObject(expected);
    expect(expected.accepted).toBeGreaterThan(0);
    const finance = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/service-statistics?from=${from}&to=${to}` });
    expect(finance.json()).toMatchObject(await countedFromCases([ids[0]], from, to));
  });

  it('count the refused and the informed nowhere, and leave the excluded rating out', async () => {
    const s = (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/service-statistics?from=2025-09-01&to=2025-10-31` })).json();
    // 7 accepted at the window (2 not accepted); 4 completed: on time 09-05, late 09-30, paused then 10-13, withdrawn 10-14.
    expect(s).toMatchObject({ accepted: 7, completed: 4, completionRate: '57.14', ratings: { count: 2, byLevel: { 1: 0, 2: 1, 5: 1 }, satisfactionRate: '50.00' } });
  });

  it('stay right when two clerks move cases between their rows at the same time', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, (_, k) => makeCase(t, clerkH, { itemCode: 'M-5', acceptedOn: '2025-10-13' }, 400 + k)));
    const numbers = made.map((r) => r.json().caseNo as string);
    const act = (headers: Headers, caseNo: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${caseNo}/actions`, headers, payload });
    // Half start with the clerk and are completed by the chief, half the other way round: rows (clerk) and (chief) are crossed both ways at once.
    const results = await Promise.all(numbers.map(async (no, k) => {
      const [first, second] = k % 2 ? [clerkH, chiefH] : [chiefH, clerkH];
      const started = await act(first, no, { action: 'startHandling' });
      const done = await act(second, no, { action: 'complete', result: 'withdrawn' });
      return [started.statusCode, done.statusCode];
    }));
    expect(results).toEqual(numbers.map(() => [200, 200]));
  });

  // Last: the rebuild replaces the rows the changes kept.
  it('after every kind of change equal a rebuild from the cases', async () => {
    const kept = await listMonthlyRows(t.db);
    // Rows for August, September and October; a clerk's rows move when another clerk handles the case.
    expect(new Set(kept.map((r) => r.month))).toEqual(new Set(['2025-08', '2025-09', '2025-10']));
    await t.db.transaction().execute(async (trx) => { await rebuildCaseMonthly(trx); });
    expect(await listMonthlyRows(t.db)).toEqual(kept);
  });
});
