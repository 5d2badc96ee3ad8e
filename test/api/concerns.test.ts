/**
 * 回应关切 through the API: a 重大 flood that began at 22:00 on 2026-10-01 (China time), the 5-hour and
 * 24-hour clocks (国办发〔2016〕61号) with their overdue marks, responses with their times and links, and the
 * public page.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';

let clock = Date.parse('2026-10-01T17:00:00Z'); // 01:00 on 10-02 in China, 3 hours after the start
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(clock) });
});
afterAll(async () => t.close());

const flood = { orgCode: DEMO_COUNTY_CODE, title: '某镇突发山洪灾害', summary: '10月1日晚某镇突降暴雨引发山洪。', source: '群众反映', level: 'major', startedAt: '2026-10-01T22:00:00+08:00', spokesperson: '县长 张某' };

async function send(method: 'POST' | 'PATCH', url: string, payload: object, user: 'office' | 'clerk' | 'supervisor' = 'office') {
  return t.app.inject({ method, url, payload, headers: await t.auth(user) });
}

describe('回应关切', () => {
  let id: number;

  it('registers a 重大 event with the 5-hour and 24-hour clocks running from its start', async () => {
    expect((await send('POST', '/api/v1/concerns', flood, 'clerk')).statusCode).toBe(403);
    expect((await send('POST', '/api/v1/concerns', flood, 'supervisor')).statusCode).toBe(403);
    const future = await send('POST', '/api/v1/concerns', { ...flood, startedAt: '2026-10-02T09:00:00+08:00' });
    expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'startedAt' }] });
    const res = await send('POST', '/api/v1/concerns', flood);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      levelLabel: '重大', hourlyClock: true, overdue: false,
      deadlines: [
        { kind: 'information', label: '5小时内发布权威信息', dueAt: '2026-10-01T19:00:00.000Z', state: 'running', stateLabel: '计时中', remainingMs: 2 * 3600_000 },
        { kind: 'pressConference', label: '24小时内举行新闻发布会', dueAt: '2026-10-02T14:00:00.000Z', state: 'running', remainingMs: 21 * 3600_000 },
      ],
    });
    expect((await t.app.inject({ url: `/api/v1/concerns/${id}`, headers: await t.auth('supervisor') })).json().canManage).toBe(false);
  });

  it('marks the information overdue after 5 hours, and late once it is released', async () => {
    clock = Date.parse('2026-10-01T19:30:00Z');
    const overdue = (await t.app.inject({ url: '/api/v1/concerns', headers: await t.auth('office') })).json().items[0];
    expect(overdue).toMatchObject({ overdue: true, deadlines: [{ state: 'overdue', stateLabel: '已超时', remainingMs: -30 * 60_000 }, { state: 'running' }] });

    const early = await send('POST', `/api/v1/concerns/${id}/responses`, { kind: 'authoritativeInfo', respondedAt: '2026-10-01T21:00:00+08:00', title: '早于事件' });
    expect(early.json().details[0].path).toBe('respondedAt');
    const notPublished = await send('POST', `/api/v1/concerns/${id}/responses`, { kind: 'authoritativeInfo', respondedAt: '2026-10-02T03:20:00+08:00', title: '通报', itemId: 999999 });
    expect(notPublished.json().details[0].path).toBe('itemId');

    const info = await send('POST', `/api/v1/concerns/${id}/responses`, { kind: 'authoritativeInfo', respondedAt: '2026-10-02T03:20:00+08:00', title: '关于某镇山洪灾害情况的通报', url: 'https://example.gov.cn/tb/1' });
    expect(info.statusCode).toBe(201);
    expect(info.json()).toMatchObject({ overdue: false, deadlines: [{ state: 'metLate', stateLabel: '超时完成', metAt: '2026-10-01T19:20:00.000Z' }, { state: 'running' }] });
  });

  it('meets the press-conference clock with a conference within 24 hours', async () => {
    clock = Date.parse('2026-10-02T13:30:00Z');
    const res = await send('POST', `/api/v1/concerns/${id}/responses`, { kind: 'pressConference', respondedAt: '2026-10-02T21:00:00+08:00', title: '某镇山洪灾害新闻发布会' });
    expect(res.json().deadlines[1]).toMatchObject({ state: 'met', stateLabel: '按时完成' });
    expect(res.json().responses.map((r: { kindLabel: string }) => r.kindLabel)).toEqual(['权威信息发布', '新闻发布会']);
  });

  it('has no hour clock for a 一般 event', async () => {
    const res = await send('POST', '/api/v1/concerns', { ...flood, title: '某小区停水', level: 'ordinary', startedAt: '2026-10-02T08:00:00+08:00' });
    expect(res.json()).toMatchObject({ hourlyClock: false, deadlines: [], overdue: false });
  });

  it('shows a published concern and its responses on /hdjl/hygq and in site search, audited', async () => {
    expect((await t.app.inject('/hdjl/hygq')).body).not.toContain('某镇突发山洪灾害');
    expect((await send('PATCH', `/api/v1/concerns/${id}`, { published: true })).json().published).toBe(true);
    const page = await t.app.inject('/hdjl/hygq');
    expect(page.body).toContain('某镇突发山洪灾害');
    expect(page.body).toContain('<a href="https://example.gov.cn/tb/1">关于某镇山洪灾害情况的通报</a>');
    expect(page.body).toContain('2026年10月2日 03:20');
    expect(page.body).toContain('新闻发言人：县长 张某');
    const indexed = await t.db.selectFrom('searchDocuments').select('url').where('kind', '=', 'concern').execute();
    expect(indexed).toEqual([{ url: `/hdjl/hygq#c${id}` }]);
    const { rows } = await sql<{ action: string }>`select action from audit_log where target_type = 'concern' and target_id = ${String(id)} order by seq`.execute(t.db);
    expect(rows.map((r) => r.action)).toEqual(['concern.create', 'concern.respond', 'concern.respond', 'concern.update']);
  });
});
