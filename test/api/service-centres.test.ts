/**
 * 政务服务 centres and windows: a window clerk sees only that window's cases, a body-level clerk
 * those of the body, the centre all, another body none; the 首席代表 decides at the window; the
 * notices of a case as DOCX and PDF; 逾期视为同意 escalation by the background job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createContext } from '../../src/http/app.js';
import { runJobOnce } from '../../src/jobs/background-jobs.js';
import { platformJobs } from '../../src/jobs/platform-jobs.js';
import { createTestApp, TestApp } from '../support/app.js';
import { docxXml, pdfText } from '../support/documents.js';
import { makeCase, makeItem, makeServiceUser } from '../support/services.js';

let t: TestApp;
const now = new Date('2025-10-15T02:00:00Z');
type Headers = Record<string, string>;
let manager: Headers;
let bodyClerk: Headers;
let windowClerk: Headers;
let chief: Headers;
let other: Headers;
let windowId = 0;
let chiefId = 0;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  manager = (await makeServiceUser(t, { username: 'cmgr', orgCode: DEMO_COUNTY_CODE, roles: ['serviceManager'] })).headers;
  bodyClerk = (await makeServiceUser(t, { username: 'cbody', orgCode: DEMO_FINANCE_CODE })).headers;
  const w = await makeServiceUser(t, { username: 'cwin', orgCode: DEMO_FINANCE_CODE, displayName: '窗口小王' });
  windowClerk = w.headers;
  const c = await makeServiceUser(t, { username: 'cchief', orgCode: DEMO_FINANCE_CODE, displayName: '首席老李' });
  chief = c.headers;
  chiefId = c.id;
  other = (await makeServiceUser(t, { username: 'cother', orgCode: DEMO_EDUCATION_CODE })).headers;
  await makeItem(t, bodyClerk, { orgCode: DEMO_FINANCE_CODE, code: 'W-IN', name: '进驻事项', promisedLimitDays: 5 });
  await makeItem(t, bodyClerk, { orgCode: DEMO_FINANCE_CODE, code: 'W-OUT', name: '未进驻事项', promisedLimitDays: 5 });
  await makeItem(t, bodyClerk, { orgCode: DEMO_FINANCE_CODE, code: 'W-DEEMED', name: '逾期视为同意事项', promisedLimitDays: 2, deemedApproval: true });
  const centre = await t.app.inject({ method: 'POST', url: '/api/v1/service-centres', headers: manager, payload: { orgCode: DEMO_COUNTY_CODE, name: '示范县政务服务中心', type: 'county', warningDays: 2 } });
  expect(centre.statusCode).toBe(201);
  const window = await t.app.inject({
    method: 'POST', url: `/api/v1/service-centres/${centre.json().id}/windows`, headers: manager,
    payload: { number: '8', name: '财政综合窗口', orgCode: DEMO_FINANCE_CODE, chiefUserId: chiefId, clerkUserIds: [w.id, c.id], itemCodes: ['W-IN', 'W-DEEMED'] },
  });
  expect(window.statusCode, window.body).toBe(201);
  windowId = window.json().id;
});
afterAll(async () => t.close());

const cases = async (headers: Headers) => (await t.app.inject({ method: 'GET', url: '/api/v1/service-cases?limit=200', headers })).json().items.map((c: { caseNo: string }) => c.caseNo);
const act = (caseNo: string, headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${caseNo}/actions`, headers, payload });

describe('windows', () => {
  it('list the window with its 首席代表, clerks and items', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/service-centres', headers: manager });
    const w = res.json().items[0].windows[0];
    expect(w).toMatchObject({ number: '8', name: '财政综合窗口', chiefName: '首席老李' });
    expect(w.clerks.map((u: { displayName: string }) => u.displayName)).toEqual(['窗口小王', '首席老李']);
    expect(w.items.map((i: { code: string }) => i.code)).toEqual(['W-DEEMED', 'W-IN']);
  });

  it('refuses other bodies\' items and people, a taken number, and anyone but the centre', async () => {
    const centreId = (await t.app.inject({ method: 'GET', url: '/api/v1/service-centres', headers: manager })).json().items[0].id;
    const taken = await t.app.inject({ method: 'POST', url: `/api/v1/service-centres/${centreId}/windows`, headers: manager, payload: { number: '8', name: '重复', orgCode: DEMO_FINANCE_CODE } });
    expect(taken.json().details[0].path).toBe('number');
    const foreign = await t.app.inject({ method: 'POST', url: `/api/v1/service-centres/${centreId}/windows`, headers: manager, payload: { number: '9', name: '教育窗口', orgCode: DEMO_EDUCATION_CODE, itemCodes: ['W-IN'] } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details[0].path).toBe('itemCodes');
    const notService = await t.app.inject({ method: 'PATCH', url: `/api/v1/service-windows/${windowId}`, headers: manager, payload: { chiefUserId: 1 } });
    expect(notService.statusCode).toBe(400);
    expect(notService.json().details[0].path).toBe('chiefUserId');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/service-windows/${windowId}`, headers: bodyClerk, payload: { name: 'x' } })).statusCode).toBe(403);
  });
});

describe('who sees which case', () => {
  let atWindow = '';
  let atBody = '';
  beforeAll(async () => {
    const w = await makeCase(t, windowClerk, { itemCode: 'W-IN', acceptedOn: '2025-10-13' }, 11);
    expect(w.statusCode, w.body).toBe(201);
    atWindow = w.json().caseNo;
    atBody = (await makeCase(t, bodyClerk, { itemCode: 'W-OUT', acceptedOn: '2025-10-13' }, 12)).json().caseNo;
  });

  it('a window clerk sees only that window\'s cases; the body all of the body; the centre all; another body none', async () => {
    expect(await cases(windowClerk)).toEqual([atWindow]);
    expect(await cases(bodyClerk)).toEqual(expect.arrayContaining([atWindow, atBody]));
    expect(await cases(manager)).toEqual(expect.arrayContaining([atWindow, atBody]));
    expect(await cases(other)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/service-cases/${atBody}`, headers: windowClerk })).statusCode).toBe(404);
  });

  it('a window clerk registers only the items placed at the window', async () => {
    const res = await makeCase(t, windowClerk, { itemCode: 'W-OUT' }, 13);
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('itemCode');
  });

  it('the 首席代表 decides; a clerk may record a withdrawal', async () => {
    const denied = await act(atWindow, windowClerk, { action: 'complete', result: 'approved' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().details[0]).toEqual({ path: 'result', message: expect.stringContaining('首席代表') });
    expect((await act(atWindow, chief, { action: 'complete', result: 'approved' })).json().status).toBe('completed');
    const another = (await makeCase(t, windowClerk, { itemCode: 'W-IN' }, 14)).json().caseNo;
    expect((await act(another, windowClerk, { action: 'complete', result: 'withdrawn' })).json().status).toBe('completed');
  });

  it('an open case shows the working days left', async () => {
    const open = (await t.app.inject({ method: 'GET', url: `/api/v1/service-cases/${atBody}`, headers: bodyClerk })).json();
    // accepted 10-13, 5 days: 14, 15, 16, 17, 20; today 10-15 → 3 left
    expect(open).toMatchObject({ dueOn: '2025-10-20', workingDaysLeft: 3 });
  });
});

describe('notices', () => {
  it('受理通知书, 补正材料通知书, 办结通知 and 不予受理通知书 say what the record says', async () => {
    const created = (await makeCase(t, bodyClerk, { itemCode: 'W-OUT', acceptedOn: '2025-09-15' }, 21)).json();
    const get = (notice: string, format = 'docx') => t.app.inject({ method: 'GET', url: `/api/v1/service-cases/${created.caseNo}/notices/${notice}?format=${format}`, headers: bodyClerk });
    const acceptance = await docxXml((await get('acceptance')).rawPayload);
    expect(acceptance).toContain('受理通知书');
    expect(acceptance).toContain('5个工作日内');
    expect(acceptance).toContain('2025年9月22日');
    expect((await get('completion')).statusCode).toBe(409);
    await act(created.caseNo, bodyClerk, { action: 'requestSupplement', onDate: '2025-09-17', missing: ['营业执照副本', '法定代表人身份证明'] });
    const supplement = await docxXml((await get('supplement')).rawPayload);
    expect(supplement).toContain('一次性告知');
    expect(supplement).toContain('2. 法定代表人身份证明');
    await act(created.caseNo, bodyClerk, { action: 'receiveSupplement', onDate: '2025-09-24' });
    await act(created.caseNo, bodyClerk, { action: 'complete', onDate: '2025-09-26', result: 'rejected', reason: '代理机构不具备相应条件' });
    const completion = await docxXml((await get('completion')).rawPayload);
    expect(completion).toContain('不予批准的理由：代理机构不具备相应条件');
    expect(completion).toContain('/zwfw/rate');
    const pdf = await get('completion', 'pdf');
    if (pdf.statusCode === 200) expect(pdfText(pdf.rawPayload)).toContain('办结通知');
    else expect(pdf.json().code).toBe('SERVICE_UNAVAILABLE');
    expect((await get('refusal')).statusCode).toBe(409);
    const refused = (await makeCase(t, bodyClerk, { itemCode: 'W-OUT', intake: 'refuse', reason: '该事项不属于本机关职权范围' }, 22)).json();
    const refusal = await t.app.inject({ method: 'GET', url: `/api/v1/service-cases/${refused.caseNo}/notices/refusal`, headers: bodyClerk });
    expect(await docxXml(refusal.rawPayload)).toContain('该事项不属于本机关职权范围');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/service-cases/${refused.caseNo}/notices/refusal`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/service-cases/${refused.caseNo}/notices/other`, headers: bodyClerk })).statusCode).toBe(400);
  });
});

describe('逾期视为同意', () => {
  it('the job escalates an undecided case past its limit once, and marks it', async () => {
    const late = (await makeCase(t, windowClerk, { itemCode: 'W-DEEMED', acceptedOn: '2025-10-09' }, 31)).json(); // due 10-11 (worked Saturday)
    const fresh = (await makeCase(t, windowClerk, { itemCode: 'W-DEEMED', acceptedOn: '2025-10-14' }, 32)).json(); // due 10-16
    expect(late.dueOn).toBe('2025-10-11');
    const job = platformJobs({ info: () => {} }).find((j) => j.name === 'service-deemed-approval')!;
    expect(job).toMatchObject({ runAtStart: true });
    const ctx = createContext(testConfig({ dataDir: t.dataDir }), t.db, () => now);
    expect(await runJobOnce(ctx, job)).toBe(true);
    expect(await runJobOnce(ctx, job)).toBe(true);
    const detail = (caseNo: string) => t.app.inject({ method: 'GET', url: `/api/v1/service-cases/${caseNo}`, headers: manager }).then((r) => r.json());
    const escalated = await detail(late.caseNo);
    expect(escalated.escalated).toBe(true);
    expect(escalated.steps.filter((s: { action: string }) => s.action === 'escalate')).toHaveLength(1);
    expect((await detail(fresh.caseNo)).escalated).toBe(false);
  });
});
