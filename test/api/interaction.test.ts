import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { solvedChallenge } from '../support/requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
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
