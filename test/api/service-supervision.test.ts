/**
 * 电子监察: approaching (the centre's warning, 1 working day) and overdue cases, per-window and
 * per-clerk efficiency, figures that list their cases, and the monthly 通报. Dates by hand
 * (today Wednesday 2025-10-15; 10-11 is a worked Saturday after 国庆).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { docxXml } from '../support/documents.js';
import { makeCase, makeItem, makeServiceUser } from '../support/services.js';

let t: TestApp;
type Headers = Record<string, string>;
let manager: Headers;
let clerk: Headers;
let chief: Headers;
let other: Headers;
let windowId = 0;
let centreId = 0;
let chiefId = 0;
const no: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2025-10-15T02:00:00Z') });
  manager = (await makeServiceUser(t, { username: 'smgr', orgCode: DEMO_COUNTY_CODE, roles: ['serviceManager'] })).headers;
  const w = await makeServiceUser(t, { username: 'sclerk', orgCode: DEMO_FINANCE_CODE, displayName: '窗口小张' });
  clerk = w.headers;
  const c = await makeServiceUser(t, { username: 'schief', orgCode: DEMO_FINANCE_CODE, displayName: '首席老赵' });
  chief = c.headers;
  chiefId = c.id;
  other = (await makeServiceUser(t, { username: 'sother', orgCode: DEMO_EDUCATION_CODE })).headers;
  await makeItem(t, manager, { orgCode: DEMO_FINANCE_CODE, code: 'S-5', name: '五日件', promisedLimitDays: 5 });
  centreId = (await t.app.inject({ method: 'POST', url: '/api/v1/service-centres', headers: manager, payload: { orgCode: DEMO_COUNTY_CODE, name: '示范县政务服务中心', type: 'county' } })).json().id;
  windowId = (await t.app.inject({ method: 'POST', url: `/api/v1/service-centres/${centreId}/windows`, headers: manager, payload: { number: '3', name: '财政窗口', orgCode: DEMO_FINANCE_CODE, chiefUserId: chiefId, clerkUserIds: [w.id, c.id], itemCodes: ['S-5'] } })).json().id;
  const accepted: Record<string, string> = { A: '2025-10-08', B: '2025-10-09', C: '2025-10-10', D: '2025-10-13', E: '2025-10-09', F: '2025-10-10' };
  let seq = 40;
  for (const [k, acceptedOn] of Object.entries(accepted)) no[k] = (await makeCase(t, clerk, { itemCode: 'S-5', acceptedOn }, seq++)).json().caseNo;
  await t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${no.E}/actions`, headers: chief, payload: { action: 'complete', onDate: '2025-10-13', result: 'approved' } });
  await t.app.inject({ method: 'POST', url: `/api/v1/service-cases/${no.F}/actions`, headers: chief, payload: { action: 'complete', onDate: '2025-10-15', result: 'approved' } });
});
afterAll(async () => t.close());

const board = async (headers: Headers, query = `from=2025-10-01&to=2025-10-15&centreId=${centreId}`) => t.app.inject({ method: 'GET', url: `/api/v1/service-supervision?${query}`, headers });

describe('the board', () => {
  it('lists overdue and approaching cases with the working days left', async () => {
    const res = (await board(manager)).json();
    expect(res.warningDays).toBe(1);
    // A: due 10-14 (09, 10, 11, 13, 14) — overdue by one working day
    expect(res.overdue.map((c: { caseNo: string }) => c.caseNo)).toEqual([no.A]);
    expect(res.overdue[0]).toMatchObject({ dueOn: '2025-10-14', workingDaysLeft: -1, windowNumber: '3' });
    // B: due 10-15 (today, 0 left); C: due 10-16 (1 left); D: due 10-20 — not yet
    expect(res.approaching.map((c: { caseNo: string; dueOn: string; workingDaysLeft: number }) => [c.caseNo, c.dueOn, c.workingDaysLeft])).toEqual([[no.B, '2025-10-15', 0], [no.C, '2025-10-16', 1]]);
    expect(res.counts).toEqual({ approaching: 2, overdue: 1 });
  });

  it('gives per-window and per-clerk efficiency, each with the filter of its cases', async () => {
    const res = (await board(manager)).json();
    // E: 10-10, 10-11, 10-13 = 3 working days; F: 10-11, 10-13, 10-14, 10-15 = 4 → 3.5
    expect(res.byWindow).toEqual([expect.objectContaining({
      label: '3号窗口 财政窗口', accepted: 6, completed: 2, completionRate: '33.33', onTime: 2, overdue: 1, open: 4, averageWorkingDays: '3.5',
      filter: { from: '2025-10-01', to: '2025-10-15', windowId },
    })]);
    expect(res.byClerk).toEqual([expect.objectContaining({ label: '首席老赵', accepted: 2, completed: 2, averageWorkingDays: '3.5', filter: expect.objectContaining({ handledBy: chiefId }) })]);
    expect(res.byCentre[0]).toMatchObject({ label: '示范县政务服务中心', accepted: 6 });
    const query = new URLSearchParams(Object.entries(res.byWindow[0].filter).map(([k, v]) => [k, String(v)])).toString();
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/service-cases?${query}`, headers: manager });
    expect(listed.json().items).toHaveLength(6);
    const clerkQuery = new URLSearchParams(Object.entries(res.byClerk[0].filter).map(([k, v]) => [k, String(v)])).toString();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/service-cases?${clerkQuery}`, headers: manager })).json().items.map((c: { caseNo: string }) => c.caseNo).sort()).toEqual([no.E, no.F].sort());
  });

  it('another body sees an empty board; bad input is a 4xx naming the field', async () => {
    const res = (await board(other, 'from=2025-10-01&to=2025-10-15')).json();
    expect(res.overdue).toEqual([]);
    expect(res.byWindow).toEqual([]);
    const reversed = await board(manager, 'from=2025-10-15&to=2025-10-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().details[0].path).toBe('to');
    const unknown = await board(manager, 'centreId=9999');
    expect(unknown.statusCode).toBe(404);
    expect((await board(await t.auth('clerk'))).statusCode).toBe(403);
  });
});

describe('the monthly 通报', () => {
  it('states the month\'s figures per window and names the overdue cases', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/service-supervision/bulletin?month=2025-10&centreId=${centreId}`, headers: manager });
    expect(res.statusCode).toBe(200);
    const xml = await docxXml(res.rawPayload);
    expect(xml).toContain('政务服务电子监察通报（2025年10月）');
    expect(xml).toContain('共受理办件6件，办结2件，办结率33.33%');
    expect(xml).toContain('3号窗口 财政窗口：受理6件');
    expect(xml).toContain(no.A);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/service-supervision/bulletin?month=2025-13', headers: manager });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('month');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/service-supervision/bulletin?month=2025-11', headers: manager })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/service-supervision/bulletin?month=2025-10', headers: clerk })).statusCode).toBe(403);
  });
});
