/**
 * The 公开办's dashboard reminders for 互动交流: 回应关切 hour clocks (5 h / 24 h, 国办发〔2016〕61号) still
 * running or overdue, 意见征集 drafts whose period ends within 3 working days, and drafts whose period has
 * ended without published feedback. Thursday 2026-11-05, 12:00 China time; no holiday in November 2026, so
 * the 3rd working day after today is Tuesday 2026-11-10.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftStatus } from '../../src/db/tables/solicitations.js';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE } from '../../src/db/seed.js';
import { createTestApp, json, type TestApp } from '../support/app.js';

let t: TestApp;
const NOW = Date.parse('2026-11-05T04:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(NOW) });
  const office = await t.auth('office');
  const concern = async (title: string, level: string, startedAt: string, responses: [string, string][] = []) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/concerns', headers: office, payload: { orgCode: DEMO_COUNTY_CODE, title, level, startedAt } });
    if (res.statusCode !== 201) throw new Error(res.body);
    for (const [kind, respondedAt] of responses) {
      await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${json(res).id}/responses`, headers: office, payload: { kind, respondedAt, title: `${title}的回应` } });
    }
  };
  await concern('三小时前的重大事件', 'major', '2026-11-05T09:00:00+08:00');
  await concern('七小时前的特别重大事件', 'especiallyMajor', '2026-11-05T05:00:00+08:00');
  await concern('已发布权威信息的重大事件', 'major', '2026-11-04T20:00:00+08:00', [['authoritativeInfo', '2026-11-04T22:00:00+08:00']]);
  await concern('一般事件', 'ordinary', '2026-11-05T08:00:00+08:00');
  await concern('两个月前的重大事件', 'major', '2026-09-01T08:00:00+08:00');
  await concern('均已按时回应的重大事件', 'major', '2026-11-03T08:00:00+08:00', [['authoritativeInfo', '2026-11-03T10:00:00+08:00'], ['pressConference', '2026-11-03T18:00:00+08:00']]);

  const drafts: [string, string, DraftStatus, string][] = [
    ['今日截止', DEMO_COUNTY_CODE, 'open', '2026-11-05'],
    ['第3个工作日截止', DEMO_COUNTY_CODE, 'open', '2026-11-10'],
    ['第4个工作日截止', DEMO_COUNTY_CODE, 'open', '2026-11-11'],
    ['昨日截止尚未关闭', DEMO_COUNTY_CODE, 'open', '2026-11-04'],
    ['上周五截止', DEMO_COUNTY_CODE, 'closed', '2026-10-30'],
    ['已公布采纳情况', DEMO_COUNTY_CODE, 'feedbackPublished', '2026-10-20'],
    ['教育局明日截止', DEMO_EDUCATION_CODE, 'open', '2026-11-06'],
  ];
  for (const [title, code, status, endsOn] of drafts) {
    const org = await t.db.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    await t.db.insertInto('solicitationDrafts').values({
      orgId: org.id, kind: 'normative', title, periodLength: 7, shortenedReason: null, status, opensOn: '2026-10-01', endsOn,
      feedbackPublishedOn: status === 'feedbackPublished' ? '2026-10-28' : null, finalItemId: null, createdBy: null,
    }).execute();
  }
});
afterAll(async () => t.close());

describe('dashboard reminders of 回应关切 and 意见征集', () => {
  it('lists the hour clocks still running or overdue, only those deadlines, of the last 30 days', async () => {
    const res = await t.app.inject({ url: '/api/v1/concerns/reminders', headers: await t.auth('office') });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    const view = (items: any[]) => items.map((c) => [c.title, c.deadlines.map((d: any) => `${d.label}：${d.stateLabel}`)]);
    expect(view(body.overdue)).toEqual([
      ['七小时前的特别重大事件', ['5小时内发布权威信息：已超时', '24小时内举行新闻发布会：计时中']],
    ]);
    expect(view(body.running)).toEqual([
      ['已发布权威信息的重大事件', ['24小时内举行新闻发布会：计时中']],
      ['三小时前的重大事件', ['5小时内发布权威信息：计时中', '24小时内举行新闻发布会：计时中']],
    ]);
    expect(body.overdue[0].deadlines[0].remainingMs).toBe(-2 * 3600_000);
    expect((await t.app.inject({ url: '/api/v1/concerns/reminders', headers: await t.auth('supervisor') })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/concerns/reminders', headers: await t.auth('clerk') })).statusCode).toBe(403);
  });

  it('lists drafts ending within 3 working days and ended drafts whose feedback is not yet published', async () => {
    const res = await t.app.inject({ url: '/api/v1/solicitations/reminders', headers: await t.auth('office') });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body.endingSoon.map((d: any) => [d.title, d.endsOn, d.workingDaysLeft])).toEqual([
      ['今日截止', '2026-11-05', 0],
      ['教育局明日截止', '2026-11-06', 1],
      ['第3个工作日截止', '2026-11-10', 3],
    ]);
    expect(body.awaitingFeedback.map((d: any) => [d.title, d.statusLabel, d.workingDaysSinceEnd])).toEqual([
      ['上周五截止', '已截止', 4],
      ['昨日截止尚未关闭', '已截止', 1],
    ]);
    expect((await t.app.inject({ url: '/api/v1/solicitations/reminders', headers: await t.auth('clerk2') })).statusCode).toBe(403);
  });
});
