import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { solvedChallenge } from '../support/requests.js';
import type { DemoUser } from '../support/app.js';

let clock = Date.parse('2026-03-10T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(clock) });
});
afterAll(async () => t.close());

describe('互动交流: consultations', () => {
  it('takes online questions with the challenge, phone ones from staff, answers and publishes, and counts them by channel', async () => {
    const online = await t.app.inject({ method: 'POST', url: '/api/v1/consultations', payload: { orgCode: DEMO_FINANCE_CODE, subject: '预算公开时间', question: '部门预算一般什么时候公开？', askerName: '赵六', contact: '13900001111', challenge: await solvedChallenge(t) } });
    expect(online.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/consultations', payload: { orgCode: DEMO_FINANCE_CODE, subject: '无验证', question: '没有回答验证问题', askerName: '某' } })).json().code).toBe('REQUEST_CHALLENGE_FAILED');
    const phone = await t.app.inject({ method: 'POST', url: '/api/v1/consultations', headers: await t.auth('office'), payload: { orgCode: DEMO_COUNTY_CODE, subject: '申请表获取', question: '依申请公开申请表在哪里下载？', askerName: '钱七', channel: 'phone' } });
    expect(phone.json()).toMatchObject({ channel: 'phone' });

    const answer = await t.app.inject({ method: 'POST', url: `/api/v1/consultations/${online.json().id}/answer`, headers: await t.auth('office'), payload: { answer: '部门预算在批复后20日内公开。', publish: true } });
    expect(answer.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/consultations/${online.json().id}/answer`, headers: await t.auth('clerk'), payload: { answer: 'x x', publish: true } })).statusCode).toBe(403);

    const page = await t.app.inject('/hdjl');
    expect(page.body).toContain('部门预算在批复后20日内公开。');
    expect(page.body).not.toContain('13900001111');

    const stats = (await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/statistics/2026?rollup=true`, headers: await t.auth('office') })).json();
    expect(stats.consultations.byChannel).toEqual(expect.arrayContaining([{ channel: 'online', label: '网上咨询', count: 1 }, { channel: 'phone', label: '电话咨询', count: 1 }]));
  });

  it('the portal form works without JavaScript and keeps what was typed on an error', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/hdjl', payload: 'orgCode=' + DEMO_FINANCE_CODE + '&subject=%E6%B5%8B%E8%AF%95&question=%E4%B8%80%E4%B8%AA%E9%97%AE%E9%A2%98%E5%86%85%E5%AE%B9&askerName=%E5%AD%99&challengeId=bad&challengeAnswer=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('验证问题回答错误');
    expect(res.body).toContain('一个问题内容');
  });
});

describe('the consultations list for staff', () => {
  type Listed = { id: number; subject: string; channel: string; channelLabel: string; status: string; statusLabel: string; receivedOn: string; contactMasked: string | null; orgName: string };
  const ids: Record<string, number> = {};

  async function consult(subject: string, at: string, payload: Record<string, unknown>, user: DemoUser = 'office') {
    clock = Date.parse(at);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/consultations', headers: await t.auth(user), payload: { orgCode: DEMO_FINANCE_CODE, subject, question: `关于${subject}的咨询内容`, askerName: '周八', ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    ids[subject] = res.json().id;
  }
  async function list(query: string, user: DemoUser = 'office') {
    const res = await t.app.inject({ url: `/api/v1/consultations${query}`, headers: await t.auth(user) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Listed[]; total: number };
  }
  const subjects = (r: { items: Listed[] }) => r.items.map((i) => i.subject).filter((s) => s.startsWith('列表'));

  beforeAll(async () => {
    // Received on 4, 5 and 6 April (China time; 23:30 on the 5th is still the 5th).
    await consult('列表：社保补贴', '2026-04-04T01:00:00Z', { channel: 'phone', contact: '13700001234' });
    await consult('列表：预算公开_时间', '2026-04-05T15:30:00Z', { channel: 'letter' });
    await consult('列表：收费标准', '2026-04-06T01:00:00Z', { channel: 'inPerson', askerName: '吴九' });
    clock = Date.parse('2026-04-07T01:00:00Z');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/consultations/${ids['列表：收费标准']}/answer`, headers: await t.auth('office'), payload: { answer: '收费标准见公开指南。', publish: false } })).statusCode).toBe(200);
  });

  it('lists newest first with Chinese labels and a masked contact, and filters by status, channel and received day', async () => {
    const all = await list('');
    expect(subjects(all)).toEqual(['列表：收费标准', '列表：预算公开_时间', '列表：社保补贴']);
    expect(all.total).toBe(all.items.length);
    const first = all.items.find((i) => i.subject === '列表：社保补贴')!;
    expect(first).toMatchObject({ channel: 'phone', channelLabel: '电话咨询', status: 'open', statusLabel: '待答复', receivedOn: '2026-04-04', contactMasked: '137****34', orgName: '示例县财政局' });
    expect(JSON.stringify(all)).not.toContain('13700001234');
    expect(subjects(await list('?status=answered'))).toEqual(['列表：收费标准']);
    expect(subjects(await list('?status=open'))).toEqual(['列表：预算公开_时间', '列表：社保补贴']);
    expect(subjects(await list('?channel=letter'))).toEqual(['列表：预算公开_时间']);
    expect(subjects(await list('?from=2026-04-05&to=2026-04-05'))).toEqual(['列表：预算公开_时间']);
    expect(subjects(await list('?from=2026-04-05'))).toEqual(['列表：收费标准', '列表：预算公开_时间']);
    expect(subjects(await list('?to=2026-04-04'))).toEqual(['列表：社保补贴']);
    const bad = await t.app.inject({ url: '/api/v1/consultations?from=2026-04-06&to=2026-04-05', headers: await t.auth('office') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ path: 'to', message: '截止日期不能早于起始日期，请重新选择。' }]);
  });

  it('searches the subject, the question and the asker, taking % and _ literally', async () => {
    expect(subjects(await list(`?q=${encodeURIComponent('社保')}`))).toEqual(['列表：社保补贴']);
    expect(subjects(await list(`?q=${encodeURIComponent('吴九')}`))).toEqual(['列表：收费标准']);
    expect(subjects(await list(`?q=${encodeURIComponent('收费标准的咨询')}`))).toEqual(['列表：收费标准']);
    expect(subjects(await list(`?q=${encodeURIComponent('_时间')}`))).toEqual(['列表：预算公开_时间']);
    expect(subjects(await list(`?q=${encodeURIComponent('%')}`))).toEqual([]);
  });

  it('shows a body only the consultations in its scope, and not to a clerk', async () => {
    expect((await t.app.inject({ url: '/api/v1/consultations', headers: await t.auth('clerk') })).statusCode).toBe(403);
    expect(subjects(await list('', 'supervisor'))).toHaveLength(3);
  });

  it('exports the filtered list as CSV with Chinese headers and labels, no contact, and formulas kept as text', async () => {
    await consult('=HYPERLINK("http://example.com")', '2026-04-08T01:00:00Z', { channel: 'email', contact: '13700005678' });
    const res = await t.app.inject({ url: '/api/v1/consultations/export.csv?from=2026-04-04&to=2026-04-08', headers: await t.auth('office') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('咨询台账.csv'));
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('编号,收到日期,咨询机关,渠道,标题,咨询内容,咨询人,状态,答复内容,是否公开答复,答复日期');
    expect(lines).toHaveLength(5);
    expect(lines).toContain(`${ids['列表：收费标准']},2026-04-06,示例县财政局,当面咨询,列表：收费标准,关于列表：收费标准的咨询内容,吴九,已答复,收费标准见公开指南。,否,2026-04-07`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://example.com"")"`);
    expect(res.body).not.toContain('13700005678');
    expect(res.body).not.toContain('1370000');
    expect((await t.app.inject({ url: '/api/v1/consultations/export.csv', headers: await t.auth('clerk') })).statusCode).toBe(403);
  });
});
