/**
 * 政务服务 contract (api-contract.md "Government services"): the item registry, registering cases
 * with their due dates, the ledger import (all or nothing), statistics with roll-up, case steps
 * with the supplement pause, and who sees which case. Due dates worked out by hand (see
 * test/domain/service-deadline.test.ts for the holidays).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { hashPassword } from '../../src/lib/password-hash.js';
import { createTestApp, TestApp } from '../support/app.js';
import { idNumber, makeCase, makeItem, makeServiceUser } from '../support/services.js';

let t: TestApp;
let finance: Record<string, string>;
let county: Record<string, string>;
let education: Record<string, string>;
let manager: Record<string, string>;
const now = () => new Date('2025-10-15T02:00:00Z'); // Wednesday 2025-10-15 in China

beforeAll(async () => {
  t = await createTestApp({ now });
  finance = (await makeServiceUser(t, { username: 'svcfin', orgCode: DEMO_FINANCE_CODE })).headers;
  county = (await makeServiceUser(t, { username: 'svccounty', orgCode: DEMO_COUNTY_CODE })).headers;
  education = (await makeServiceUser(t, { username: 'svcedu', orgCode: DEMO_EDUCATION_CODE })).headers;
  manager = (await makeServiceUser(t, { username: 'svcmgr', orgCode: DEMO_COUNTY_CODE, roles: ['serviceManager'] })).headers;
});
afterAll(async () => t.close());

/** The same number with another check character. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const ledger = (orgCode: string, headers: Record<string, string>, csv: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/orgs/${orgCode}/service-case-ledger`, headers: { ...headers, 'content-type': 'text/csv' }, payload: csv });
const stats = (orgCode: string, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/orgs/${orgCode}/service-statistics?${query}` });

describe('service items', () => {
  it('a clerk registers an item of their body; the public list links its guide', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/service-items', headers: finance, payload: { orgCode: DEMO_FINANCE_CODE, name: '政府采购代理机构名录登记', kind: 'license', legalLimitDays: 20, promisedLimitDays: 5, code: 'CZ-XK-0001' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ code: 'CZ-XK-0001' });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/service-items?org=${DEMO_FINANCE_CODE}` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(expect.objectContaining({
      code: 'CZ-XK-0001', name: '政府采购代理机构名录登记', orgCode: DEMO_FINANCE_CODE, kind: 'license', legalLimitDays: 20, promisedLimitDays: 5, url: '/zwfw/items/CZ-XK-0001',
    }));
  });

  it('generates a code when none is given, and a body above may register for the body below', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/service-items', headers: county, payload: { orgCode: DEMO_FINANCE_CODE, name: '会计人员信息采集', kind: 'publicService', legalLimitDays: 0, promisedLimitDays: 0 } });
    expect(res.statusCode).toBe(201);
    expect(res.json().code).toMatch(new RegExp(`^${DEMO_FINANCE_CODE}-GG-\\d{4}$`));
  });

  it('refuses a promised limit above the legal one, naming the field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/service-items', headers: finance, payload: { orgCode: DEMO_FINANCE_CODE, name: '某事项', kind: 'license', legalLimitDays: 10, promisedLimitDays: 12 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SERVICE_LIMITS_INVALID');
    expect(res.json().details).toEqual([{ path: 'promisedLimitDays', message: expect.stringContaining('不能超过法定办结时限') }]);
  });

  it('refuses negative limits and missing fields with Chinese field details', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/service-items', headers: finance, payload: { orgCode: DEMO_FINANCE_CODE, name: '', kind: 'permit', legalLimitDays: -1, promisedLimitDays: 0 } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'kind', 'legalLimitDays']));
    expect(res.json().details.find((d: { path: string }) => d.path === 'legalLimitDays').message).toContain('法定办结时限');
  });

  it('refuses a taken code, an unknown body, another body and a non-service account', async () => {
    const base = { name: '某事项', kind: 'license', legalLimitDays: 20, promisedLimitDays: 5 };
    const taken = await t.app.inject({ method: 'POST', url: '/api/v1/service-items', headers: finance, payload: { ...base, orgCode: DEMO_FINANCE_CODE, code: 'CZ-XK-0001' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().details[0].path).toBe('code');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/service-items', headers: finance, payload: { ...base, orgCode: 'NOPE12345' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().details[0].path).toBe('orgCode');
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/service-items', headers: education, payload: { ...base, orgCode: DEMO_FINANCE_CODE } });
    expect(other.statusCode).toBe(403);
    const clerk = await t.app.inject({ method: 'POST', url: '/api/v1/service-items', headers: await t.auth('clerk'), payload: { ...base, orgCode: DEMO_FINANCE_CODE } });
    expect(clerk.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/service-items', payload: { ...base, orgCode: DEMO_FINANCE_CODE } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('an unknown body in the public list is a 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/service-items?org=NOPE12345' });
    expect(res.statusCode).toBe(404);
  });
});

describe('service cases', () => {
  let fiveDays: string;
  let immediate: string;
  beforeAll(async () => {
    fiveDays = await makeItem(t, finance, { orgCode: DEMO_FINANCE_CODE, name: '五日件', promisedLimitDays: 5, code: 'CZ-5' });
    immediate = await makeItem(t, finance, { orgCode: DEMO_FINANCE_CODE, name: '即办件', kind: 'confirmation', legalLimitDays: 5, promisedLimitDays: 0, code: 'CZ-0' });
  });

  it('dueOn is the promisedLimitDays-th working day after acceptance, across 国庆', async () => {
    const res = await makeCase(t, finance, { itemCode: fiveDays, acceptedOn: '2025-09-26' });
    expect(res.statusCode).toBe(201);
    // 09-28 (worked Sunday), 09-29, 09-30, 10-09, 10-10
    expect(res.json()).toMatchObject({ status: 'accepted', acceptedOn: '2025-09-26', dueOn: '2025-10-10', certain: true });
    expect(res.json().caseNo).toMatch(/^BJ20250926-/);
    expect(res.json().queryPassword).toMatch(/^[A-Z2-9]{6}$/);
  });

  it('keeps the receipt\'s query password as a keyed hash, and still opens cases hashed before with scrypt', async () => {
    const made = (await makeCase(t, finance, { itemCode: fiveDays, acceptedOn: '2025-10-09' })).json();
    const stored = await t.db.selectFrom('serviceCases').select('queryPasswordHash').where('caseNo', '=', made.caseNo).executeTakeFirstOrThrow();
    expect(stored.queryPasswordHash).toMatch(/^hmac\$[0-9A-Za-z_-]{40,}$/);
    expect(stored.queryPasswordHash).not.toContain(made.queryPassword);
    const track = (caseNo: string, queryPassword: string) => t.app.inject({ method: 'POST', url: '/zwfw/track', payload: new URLSearchParams({ caseNo, queryPassword }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect((await track(made.caseNo, made.queryPassword.toLowerCase())).statusCode).toBe(200);
    expect((await track(made.caseNo, 'WRONG1')).statusCode).toBe(404);
    // The same password on another case does not open it: the case number is part of what is hashed.
    const other = (await makeCase(t, finance, { itemCode: fiveDays, acceptedOn: '2025-10-09' })).json();
    expect((await track(other.caseNo, made.queryPassword)).statusCode).toBe(404);
    // A case stored with the earlier scrypt hash still opens with its password.
    await t.db.updateTable('serviceCases').set({ queryPasswordHash: await hashPassword('OLDPW2') }).where('caseNo', '=', other.caseNo).execute();
    expect((await track(other.caseNo, 'OLDPW2')).statusCode).toBe(200);
    expect((await track(other.caseNo, other.queryPassword)).statusCode).toBe(404);
  });

  it('a 即办件 is due on the day of acceptance; acceptance defaults to today', async () => {
    const res = await makeCase(t, finance, { itemCode: immediate }, 2);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ acceptedOn: '2025-10-15', dueOn: '2025-10-15', certain: true });
  });

  it('refuses bad input with field details', async () => {
    const future = await makeCase(t, finance, { itemCode: fiveDays, acceptedOn: '2025-10-16' });
    expect(future.statusCode).toBe(400);
    expect(future.json().details[0].path).toBe('acceptedOn');
    const badId = await makeCase(t, finance, { itemCode: fiveDays, applicant: { type: 'natural', name: '张三', idNumber: wrongCheck(idNumber(7)), phone: '13800001234' } });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details).toEqual([{ path: 'applicant.idNumber', message: expect.stringContaining('校验码') }]);
    const missing = await makeCase(t, finance, { itemCode: fiveDays, applicant: { type: 'someone', idNumber: '1', phone: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['applicant.type', 'applicant.name', 'applicant.phone']));
    expect(missing.json().details.find((d: { path: string }) => d.path === 'applicant.name').message).toContain('申请人姓名或名称');
    const badDate = await makeCase(t, finance, { itemCode: fiveDays, acceptedOn: '2025-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().details[0].path).toBe('acceptedOn');
    const unknown = await makeCase(t, finance, { itemCode: 'NO-SUCH-ITEM' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().details[0].path).toBe('itemCode');
  });

  it('another body cannot register against an item, a refusal needs its reason', async () => {
    expect((await makeCase(t, education, { itemCode: fiveDays })).statusCode).toBe(403);
    const refusal = await makeCase(t, finance, { itemCode: fiveDays, intake: 'refuse' });
    expect(refusal.statusCode).toBe(400);
    expect(refusal.json().details[0].path).toBe('reason');
    const refused = await makeCase(t, finance, { itemCode: fiveDays, intake: 'refuse', reason: '申请事项不属于本机关职权范围' });
    expect(refused.statusCode).toBe(201);
    expect(refused.json()).toMatchObject({ status: 'refused', dueOn: null });
  });

  it('the supplement pause is not counted, and each step is recorded', async () => {
    const created = await makeCase(t, finance, { itemCode: fiveDays, acceptedOn: '2025-09-15' });
    const { caseNo, dueOn } = created.json();
    expect(dueOn).toBe('2025-09-22'); // 16, 17, 18, 19, 22
    const act = (payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${caseNo}/actions`, headers: finance, payload });
    expect((await act({ action: 'startHandling', onDate: '2025-09-16' })).json().status).toBe('processing');
    const noList = await act({ action: 'requestSupplement', onDate: '2025-09-17' });
    expect(noList.statusCode).toBe(400);
    expect(noList.json().details[0].path).toBe('missing');
    expect((await act({ action: 'requestSupplement', onDate: '2025-09-17', missing: ['营业执照副本'] })).json().status).toBe('awaitingSupplement');
    const resumed = await act({ action: 'receiveSupplement', onDate: '2025-09-24' });
    // 16, 17 counted; 18…24 not; then 25, 26, 28 (worked Sunday)
    expect(resumed.json()).toMatchObject({ status: 'processing', dueOn: '2025-09-28' });
    const noReason = await act({ action: 'complete', onDate: '2025-09-26', result: 'rejected' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].path).toBe('reason');
    const done = await act({ action: 'complete', onDate: '2025-09-26', result: 'approved' });
    expect(done.json()).toMatchObject({ status: 'completed', completedOn: '2025-09-26' });
    const again = await act({ action: 'complete', result: 'approved' });
    expect(again.statusCode).toBe(409);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/service-cases/${caseNo}`, headers: finance });
    expect(detail.json().steps.map((s: { action: string }) => s.action)).toEqual(['accept', 'startHandling', 'requestSupplement', 'receiveSupplement', 'complete']);
    expect(detail.json().steps[2].actionLabel).toBe('补正材料（一次性告知）');
    expect(detail.json().idNumberMasked).toMatch(/^110101\*+\d{3}[\dX]$/);
    const audit = await t.db.selectFrom('auditLog').select('action').where('targetId', '=', caseNo).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['service.case.register', 'service.case.startHandling', 'service.case.requestSupplement', 'service.case.receiveSupplement', 'service.case.complete']);
  });

  it('another body sees none of the cases; the centre sees them; names are masked in lists', async () => {
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/service-cases', headers: education });
    expect(other.statusCode).toBe(200);
    expect(other.json().items).toEqual([]);
    const centre = await t.app.inject({ method: 'GET', url: '/api/v1/service-cases?limit=200', headers: manager });
    expect(centre.json().items.length).toBeGreaterThanOrEqual(4);
    expect(centre.json().items[0].applicantName).toBe('张*');
    const one = centre.json().items[0].caseNo;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/service-cases/${one}`, headers: education })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/service-cases', headers: await t.auth('clerk') })).statusCode).toBe(403);
  });
});

describe('ledger import and statistics', () => {
  let item: string;
  beforeAll(async () => {
    item = await makeItem(t, education, { orgCode: DEMO_EDUCATION_CODE, name: '民办学校办学许可', promisedLimitDays: 5, code: 'JY-XK-1' });
  });

  it('refuses a file with one bad row, naming the row, and stores nothing', async () => {
    const csv = `itemCode,acceptedOn,completedOn,result,rating\n${item},2025-09-01,2025-09-05,approved,5\n${item},2025-09-02,,approved,\n${item},2025-09-03,,,\n`;
    const res = await ledger(DEMO_EDUCATION_CODE, education, csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SERVICE_LEDGER_INVALID');
    expect(res.json().details).toEqual([{ row: 3, message: expect.stringContaining('同时填写') }]);
    expect((await stats(DEMO_EDUCATION_CODE, 'from=2025-09-01&to=2025-09-30')).json().accepted).toBe(0);
  });

  it('reports every kind of bad row', async () => {
    const csv = [
      'itemCode,acceptedOn,completedOn,result,rating',
      `${item},2025-13-01,,,`, // 2
      `${item},2025-09-05,2025-09-04,approved,`, // 3
      `${item},2025-09-05,2025-09-08,granted,`, // 4
      `${item},2025-09-05,,,4`, // 5
      `${item},2025-09-05,2025-09-08,approved,6`, // 6
      'CZ-XK-0001,2025-09-05,,,', // 7: another body's item
      'NOPE,2025-09-05,,,', // 8
    ].join('\n');
    const res = await ledger(DEMO_EDUCATION_CODE, education, csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().details.map((d: { row: number }) => d.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const noHeader = await ledger(DEMO_EDUCATION_CODE, education, `${item},2025-09-05,,,\n`);
    expect(noHeader.statusCode).toBe(422);
    expect(noHeader.json().details[0].row).toBe(1);
    const notCsv = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}/service-case-ledger`, headers: education, payload: { rows: [] } });
    expect(notCsv.statusCode).toBe(415);
    expect((await ledger(DEMO_EDUCATION_CODE, finance, `itemCode,acceptedOn\n${item},2025-09-05\n`)).statusCode).toBe(403);
  });

  it('imports a good file and counts it as the contract says', async () => {
    const csv = [
      'itemCode,acceptedOn,completedOn,result,rating',
      `${item},2025-09-01,2025-09-05,approved,5`, // due 09-08: on time
      `${item},2025-09-01,2025-09-10,rejected,2`, // due 09-08: overdue
      `${item},2025-09-02,2025-09-09,withdrawn,`, // due 09-09: on time (on the day)
      `${item},2025-09-03,,,`, // due 09-10, still open on 10-15: overdue
      `${item},2025-08-29,2025-09-02,approved,1`, // outside the period
    ].join('\n');
    const res = await ledger(DEMO_EDUCATION_CODE, education, csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 5 });
    const s = await stats(DEMO_EDUCATION_CODE, 'from=2025-09-01&to=2025-09-05');
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({
      accepted: 4, completed: 3, completionRate: '75.00', onTime: 2, overdue: 2,
      ratings: { count: 2, byLevel: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 }, satisfactionRate: '50.00' },
    });
  });

  it('rolls up the bodies below when asked, and says 0.00 for nothing accepted', async () => {
    const own = await stats(DEMO_COUNTY_CODE, 'from=2025-09-01&to=2025-09-05&rollup=false');
    expect(own.json()).toMatchObject({ accepted: 0, completed: 0, completionRate: '0.00', onTime: 0, overdue: 0, ratings: { count: 0, satisfactionRate: '0.00' } });
    const all = await stats(DEMO_COUNTY_CODE, 'from=2025-09-01&to=2025-09-05&rollup=true');
    expect(all.json()).toMatchObject({ accepted: 4, completed: 3, completionRate: '75.00', onTime: 2, overdue: 2, rollup: true });
  });

  it('refuses bad periods and unknown bodies', async () => {
    const bad = await stats(DEMO_COUNTY_CODE, 'from=2025-9-1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('from');
    const reversed = await stats(DEMO_COUNTY_CODE, 'from=2025-09-05&to=2025-09-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().details[0].path).toBe('to');
    expect((await stats('NOPE12345', 'from=2025-09-01')).statusCode).toBe(404);
  });
});
