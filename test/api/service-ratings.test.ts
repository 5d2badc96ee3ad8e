/**
 * 好差评 (国办发〔2019〕51号): one rating per case on five levels, online through the receipt's page
 * (no JavaScript) or on site; 不满意 and 非常不满意 open a rectification due in 15 working days, closed by a
 * call back; an appeal upheld by the centre takes the rating out of the figures; the public summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { makeCase, makeItem, makeServiceUser } from '../support/services.js';

let t: TestApp;
let clerk: Record<string, string>;
let manager: Record<string, string>;
let done: { caseNo: string; queryPassword: string };
let onSite: { caseNo: string };
let open: { caseNo: string; queryPassword: string };

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2025-10-15T02:00:00Z') });
  clerk = (await makeServiceUser(t, { username: 'rclerk', orgCode: DEMO_FINANCE_CODE })).headers;
  manager = (await makeServiceUser(t, { username: 'rmgr', orgCode: DEMO_COUNTY_CODE, roles: ['serviceManager'] })).headers;
  await makeItem(t, clerk, { orgCode: DEMO_FINANCE_CODE, code: 'R-1', name: '评价测试事项', promisedLimitDays: 5 });
  const complete = async (caseNo: string) => t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${caseNo}/actions`, headers: clerk, payload: { action: 'complete', result: 'approved' } });
  done = (await makeCase(t, clerk, { itemCode: 'R-1', acceptedOn: '2025-10-13' }, 51)).json();
  await complete(done.caseNo);
  onSite = (await makeCase(t, clerk, { itemCode: 'R-1', acceptedOn: '2025-10-13' }, 52)).json();
  await complete(onSite.caseNo);
  open = (await makeCase(t, clerk, { itemCode: 'R-1', acceptedOn: '2025-10-13' }, 53)).json();
});
afterAll(async () => t.close());

const form = (values: Record<string, string>) => t.app.inject({ method: 'POST', url: '/zwfw/rate', headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(values).toString() });
const stats = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/service-statistics?from=2025-10-01&to=2025-10-31` })).json().ratings;

describe('rating a case', () => {
  it('the receipt\'s page takes a 不满意 without JavaScript and opens a rectification due in 15 working days', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/zwfw/rate?caseNo=${done.caseNo}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain(`value="${done.caseNo}"`);
    expect(page.body).not.toContain('<script');
    const res = await form({ caseNo: done.caseNo, queryPassword: done.queryPassword, level: '2', comment: '等候时间太长' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('“不满意”已记录');
    // 10-16 … 10-31 are 12 working days, then 11-03, 11-04, 11-05
    expect(res.body).toContain('2025-11-05前完成整改');
  });

  it('is refused a second time, before completion, with a wrong password, or out of range', async () => {
    const again = await form({ caseNo: done.caseNo, queryPassword: done.queryPassword, level: '5' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('每件只能评价一次');
    const api = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/service-ratings', payload });
    expect((await api({ caseNo: open.caseNo, queryPassword: open.queryPassword, level: 5 })).json().code).toBe('SERVICE_NOT_RATEABLE');
    expect((await api({ caseNo: done.caseNo, queryPassword: 'WRONG1', level: 5 })).statusCode).toBe(404);
    const bad = await api({ caseNo: done.caseNo, queryPassword: done.queryPassword, level: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toEqual({ path: 'level', message: expect.stringContaining('评价等级') });
    const blank = await form({ caseNo: done.caseNo, queryPassword: done.queryPassword });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('评价等级');
  });

  it('the rectification is verified, rectified and closed by a call back', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/service-rectifications?open=true', headers: clerk })).json().items;
    expect(list).toEqual([expect.objectContaining({ caseNo: done.caseNo, level: 2, levelLabel: '不满意', status: 'verifying', dueOn: '2025-11-05', comment: '等候时间太长' })]);
    const id = list[0].id;
    const act = (payload: object, headers = clerk) => t.app.inject({ method: 'POST', url: `/api/v1/service-rectifications/${id}/actions`, headers, payload });
    expect((await act({ action: 'callback', note: '已回访' })).statusCode).toBe(409);
    expect((await act({ action: 'verify', justified: true, note: '经核实，高峰时段窗口不足' })).json().status).toBe('rectifying');
    expect((await act({ action: 'callback', note: '已回访' })).statusCode).toBe(409);
    expect((await act({ action: 'rectify', note: '高峰时段增开一个窗口' })).json().status).toBe('rectifying');
    const closed = await act({ action: 'callback', note: '电话回访，申请人表示认可' });
    expect(closed.json()).toMatchObject({ status: 'closed', statusLabel: '已整改回访', closedOn: '2025-10-15', overdue: false });
    const missing = await act({ action: 'rectify' });
    expect(missing.statusCode).toBe(400);
  });

  it('an appeal upheld by the centre takes an unfair rating out of the figures', async () => {
    const rated = await t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${onSite.caseNo}/rating`, headers: clerk, payload: { level: 1, comment: '不想排队' } });
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toMatchObject({ channel: 'onSite', levelLabel: '非常不满意' });
    expect(await stats()).toMatchObject({ count: 2, byLevel: { 1: 1, 2: 1 }, satisfactionRate: '0.00' });
    const id = (await t.app.inject({ method: 'GET', url: '/api/v1/service-rectifications?open=true', headers: clerk })).json().items[0].id;
    const act = (payload: object, headers = clerk) => t.app.inject({ method: 'POST', url: `/api/v1/service-rectifications/${id}/actions`, headers, payload });
    expect((await act({ action: 'appeal', note: '申请人材料不全，已一次性告知，评价与服务无关' })).json().status).toBe('appealed');
    expect((await act({ action: 'decideAppeal', upheld: true, note: '属实' })).statusCode).toBe(403);
    expect((await act({ action: 'decideAppeal', upheld: true, note: '经复核，申诉成立' }, manager)).json().status).toBe('appealUpheld');
    expect(await stats()).toMatchObject({ count: 1, byLevel: { 1: 0, 2: 1 } });
  });

  it('the summary is published per item', async () => {
    const s = (await t.app.inject({ method: 'GET', url: '/api/v1/service-ratings/summary?from=2025-01-01&to=2025-12-31' })).json();
    expect(s.byItem).toEqual([expect.objectContaining({ label: '评价测试事项', count: 1, rectified: 1, satisfactionRate: '0.00' })]);
    const page = await t.app.inject({ method: 'GET', url: '/zwfw/ratings', headers: { accept: 'text/html' } });
    expect(page.body).toContain('评价测试事项');
  });
});
