/**
 * The statistics page and API: figures computed by hand from a known set of requests, the same
 * aggregate as table 三, no query per request, cached with the public pages, rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { StatementCounter } from '../support/db.js';
import { insertRequestRow } from '../support/requests.js';

/** A department with nothing recorded in 2025 in the demo county. */
const CIVIL_DEFENCE_CODE = '11990100123400290K';

const counter = new StatementCounter();
let t: TestApp;
let educationId: number;

async function importLedger(orgCode: string, csv: string) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${orgCode}/request-ledger`, headers: { ...(await t.auth('office')), 'content-type': 'text/csv' }, payload: csv });
  expect(res.statusCode, res.body).toBe(200);
}

async function stats(orgCode = DEMO_EDUCATION_CODE) {
  const res = await t.app.inject({ url: `/api/v1/orgs/${orgCode}/statistics/2025`, headers: await t.auth('office') });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  // 15 December 2025 in Beijing: the year is still running.
  t = await createTestApp({ now: () => new Date('2025-12-15T02:00:00Z'), wrapDb: (db) => db.withPlugin(counter) });
  educationId = (await t.db.selectFrom('orgs').select('id').where('code', '=', DEMO_EDUCATION_CODE).executeTakeFirstOrThrow()).id;
  const org = { orgId: educationId };
  // Completed in Gongkai (2025 holidays avoided: June to September has none).
  await insertRequestRow(t.db, { ...org, status: 'completed', channel: 'online', applicantType: 'natural', receivedOn: '2025-06-09', completedOn: '2025-06-20', outcome: 'granted' }); // 9 working days, due 7 July
  await insertRequestRow(t.db, { ...org, status: 'completed', channel: 'letter', applicantType: 'commercial', receivedOn: '2025-07-01', completedOn: '2025-08-05', outcome: 'partial' }); // 25 days, due 29 July: late
  await insertRequestRow(t.db, {
    ...org, status: 'completed', channel: 'inPerson', applicantType: 'natural', receivedOn: '2025-08-04', completedOn: '2025-09-15', outcome: 'withheld.thirdPartyRights',
    pauses: [{ reason: 'consultation', startedOn: '2025-08-11', endedOn: '2025-08-25' }], // 10 working days not counted: due 15 September, on time
  }); // 30 days
  // Open: due 5 November (11 October was a working Saturday), overdue on 15 December.
  await insertRequestRow(t.db, { ...org, status: 'processing', channel: 'online', applicantType: 'research', receivedOn: '2025-10-09' });
  await insertRequestRow(t.db, { ...org, status: 'processing', channel: 'online', applicantType: 'natural', receivedOn: '2025-12-10' }); // not yet due
  await insertRequestRow(t.db, { ...org, status: 'paused', channel: 'email', applicantType: 'natural', receivedOn: '2025-10-09', pauses: [{ reason: 'consultation', startedOn: '2025-10-20' }] }); // clock stands still
  await insertRequestRow(t.db, { ...org, status: 'processing', channel: 'online', applicantType: 'natural', receivedOn: '2024-11-03' }); // carried in, long overdue
  // The paper ledger (importing it also drops what the page cache kept).
  await importLedger(DEMO_EDUCATION_CODE, [
    'receivedOn,channel,applicantType,outcome,completedOn',
    '2024-12-20,letter,natural,granted,2025-01-08',
    '2025-03-02,online,natural,partial,2025-03-25',
    '2025-11-02,email,legalService,,',
  ].join('\n'));
});
afterAll(async () => t.close());

describe('GET /api/v1/orgs/{orgCode}/statistics/{year}', () => {
  it('gives figures that add up, computed by hand from seven requests and three ledger rows', async () => {
    const r = (await stats()).requests;
    // 本年新收 8 (6 in Gongkai, 2 in the ledger) + 上年结转 2 = 本年办结 5 + 结转下年度 5.
    expect({ received: r.received, carriedIn: r.carriedIn, completed: r.completed, carriedOut: r.carriedOut }).toEqual({ received: 8, carriedIn: 2, completed: 5, carriedOut: 5 });
    expect({ platform: r.completedInPlatform, ledger: r.completedFromLedger }).toEqual({ platform: 3, ledger: 2 });
    expect(r.byOutcome).toEqual([
      { outcome: 'granted', label: '予以公开', count: 2 },
      { outcome: 'partial', label: '部分公开', count: 2 },
      { outcome: 'withheld.thirdPartyRights', label: '不予公开（保护第三方合法权益）', count: 1 },
    ]);
    expect(r.byChannel).toEqual([
      { channel: 'online', label: '网上申请', count: 4 },
      { channel: 'email', label: '电子邮件申请', count: 2 },
      { channel: 'inPerson', label: '当面申请', count: 1 },
      { channel: 'letter', label: '信函申请', count: 1 },
    ]);
    expect(r.byApplicantType.map((a: { applicantType: string; count: number }) => [a.applicantType, a.count])).toEqual([['natural', 5], ['commercial', 1], ['legalService', 1], ['research', 1]]);
    // Handling time of the three handled in Gongkai: (9 + 25 + 30) / 3 working days; two of three on time.
    expect({ average: r.averageWorkingDays, max: r.maxWorkingDays, onTime: r.onTimeRate }).toEqual({ average: 21.3, max: 30, onTime: 66.7 });
    expect(r.overdueCount).toBe(2);
    expect(r.overdue.find((o: { dueOn: string }) => o.dueOn === '2025-11-05')).toMatchObject({ orgName: '示例县教育局' });
  });

  it('agrees with table 三 of the draft annual report', async () => {
    const report = (await t.app.inject({ url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}/annual-reports/2025?draft=true`, headers: await t.auth('office') })).json();
    const r = (await stats()).requests;
    expect([r.received, r.carriedIn, r.completed, r.carriedOut]).toEqual([
      report.requests.received.total, report.requests.carriedIn.total, report.requests.completed.total, report.requests.carriedOut.total,
    ]);
  });

  it('runs the same number of statements for 4 open requests as for 40 (no query per request), and fewer when cached', async () => {
    await importLedger(DEMO_FINANCE_CODE, 'receivedOn,channel,applicantType,outcome,completedOn\n2025-01-05,online,natural,,'); // drops the cache
    counter.count = 0;
    await stats();
    const few = counter.count;
    for (let i = 0; i < 36; i += 1) await insertRequestRow(t.db, { orgId: educationId, status: 'processing', receivedOn: '2025-10-09', pauses: i % 2 ? [{ reason: 'consultation', startedOn: '2025-10-10', endedOn: '2025-10-14' }] : [] });
    await importLedger(DEMO_FINANCE_CODE, 'receivedOn,channel,applicantType,outcome,completedOn\n2025-01-06,online,natural,,');
    counter.count = 0;
    const s = await stats();
    expect(counter.count).toBe(few);
    expect(s.requests.overdueCount).toBe(38);
    counter.count = 0;
    await stats();
    // Answered from the cache: only the sign-in check and the body's look-up.
    expect(counter.count).toBeLessThan(few);
    const cached = counter.count;
    await t.app.inject(`/xxgk/stats/${DEMO_EDUCATION_CODE}/2025`);
    counter.count = 0;
    await t.app.inject(`/xxgk/stats/${DEMO_EDUCATION_CODE}/2025`);
    expect(counter.count).toBeLessThanOrEqual(cached);
  });

  it('refuses a year that has not begun, in Chinese', async () => {
    const res = await t.app.inject({ url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}/statistics/2026`, headers: await t.auth('office') });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'year', message: '年度应在2008年至2025年之间，请重新填写。' }]);
  });
});

describe('the public statistics page', () => {
  it('shows every figure from the same source, with units that make sense', async () => {
    const page = (await t.app.inject(`/xxgk/stats/${DEMO_EDUCATION_CODE}/2025`)).body;
    expect(page).toContain('<tr><th scope="row">本年新收</th><td>');
    const figure = (label: string) => Number(new RegExp(`<th scope="row">${label}</th><td>(\\d+)</td>`).exec(page)![1]);
    expect(figure('本年办结')).toBe(figure('予以公开') + figure('部分公开') + figure('不予公开（保护第三方合法权益）'));
    expect(page).toContain('本年办结申请的办理结果（共');
    expect(page).toContain('办理时效（本年办结');
    expect(page).toMatch(/平均办理时间<\/th><td>\d+(\.\d)?个工作日/);
    expect(page).not.toContain('—');
  });

  it('says 暂无 in a sentence where a section has no data: no empty chart, no header-only table', async () => {
    const page = (await t.app.inject(`/xxgk/stats/${CIVIL_DEFENCE_CODE}/2025`)).body;
    expect(page).not.toContain('<svg');
    expect(page).not.toContain('个工作日');
    expect(page).not.toMatch(/<thead><tr><th scope="col">项目<\/th><th scope="col">数量<\/th><\/tr><\/thead><tbody><\/tbody>/);
    for (const sentence of ['本年暂无主动公开的政府信息。', '本年没有新收、上年结转或办结的政府信息公开申请。', '本年没有在平台内办结的申请，暂无办理时间和按期办结率数据。', '本年暂无来信。']) {
      expect(page).toContain(sentence);
    }
  });

  it('links the published report, or says it is not yet published', async () => {
    const page = (await t.app.inject(`/xxgk/stats/${CIVIL_DEFENCE_CODE}/2025`)).body;
    expect(page).toContain('示例县人民防空办公室2025年政府信息公开工作年度报告尚未发布。');
    expect(page).toContain('href="/xxgk/reports"');
    // A body without sub-bodies offers no roll-up; one with them does.
    expect(page).not.toContain('含下级机关的统计');
    expect((await t.app.inject(`/xxgk/stats/${DEMO_FINANCE_CODE}/2025`)).body).toContain(`href="/xxgk/stats/${DEMO_FINANCE_CODE}/2025?rollup=1"`);
  });

  it('is limited per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 61; i += 1) codes.push((await t.app.inject({ url: `/xxgk/stats/${CIVIL_DEFENCE_CODE}/2025`, remoteAddress: '198.51.100.77' })).statusCode);
    expect(codes.slice(0, 60)).toEqual(Array(60).fill(200));
    expect(codes[60]).toBe(429);
  });
});
