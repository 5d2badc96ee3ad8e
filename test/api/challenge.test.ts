/**
 * The anti-spam challenge of the public forms: several kinds of question a person reads in the
 * form's label (no JavaScript, screen readers included), each accepted once, by every process.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { canonicalAnswer, chineseNumeral, type Kind } from '../../src/modules/platform/challenge.service.js';
import { createTestApp, TestApp } from '../support/app.js';
import { answerChallenge, solvedChallenge } from '../support/requests.js';

let clock = Date.parse('2026-04-01T02:00:00Z');
let t: TestApp;
let second: App;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(clock) });
  // A second server process on the same database, as WEB_CONCURRENCY or another machine would run it.
  second = await buildApp({ config: testConfig({ dataDir: '/tmp/gongkai-challenge-test' }), db: t.db, now: () => new Date(clock) });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await t.close();
});

const message = (challenge: unknown) => ({ orgCode: DEMO_FINANCE_CODE, type: 'consultation', subject: '预算公开时间', body: '部门预算一般什么时候公开？', sender: { name: '赵六', phone: '13800001111' }, publicReply: false, queryPassword: 'secret-123', challenge });
const consult = (app: App, challenge: unknown) => app.inject({ method: 'POST', url: '/api/v1/messages', payload: message(challenge) });

describe('the anti-spam challenge', () => {
  it('is accepted once: the same solved challenge a second time is refused, on any process', async () => {
    const challenge = await solvedChallenge(t);
    expect((await consult(t.app, challenge)).statusCode).toBe(201);
    for (const app of [t.app, second]) {
      const replay = await consult(app, challenge);
      expect(replay.statusCode).toBe(400);
      expect(replay.json()).toMatchObject({ code: 'REQUEST_CHALLENGE_FAILED', details: [{ path: 'challenge', message: expect.stringContaining('已经使用过') }] });
    }
  });

  it('accepts one of many simultaneous submissions of one solved challenge', async () => {
    const challenge = await solvedChallenge(t);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => consult(i % 2 ? second : t.app, challenge)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, ...Array(7).fill(400)]);
  });

  it('is spent by a wrong answer, so answers cannot be tried one after another', async () => {
    const challenge = await solvedChallenge(t);
    const wrong = await consult(t.app, { ...challenge, answer: `${challenge.answer}9` });
    expect(wrong.json().details[0].message).toContain('回答错误');
    expect((await consult(t.app, challenge)).json().details[0].message).toContain('已经使用过');
  });

  it('refuses a made-up id without storing it, and an expired one', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from used_challenges`.execute(t.db);
    const made = await solvedChallenge(t);
    const [version, kind, expires, nonce, tag, mac] = made.id.split('.');
    for (const id of ['', 'x', `${version}.${kind}.${Number(expires) + 1}.${nonce}.${tag}.${mac}`, `${version}.${kind}.${expires}.${nonce}.${'A'.repeat(16)}.${mac}`]) {
      const res = await consult(t.app, { id, answer: made.answer });
      expect(res.json().details[0].message).toContain('无效');
    }
    expect((await sql<{ n: number }>`select count(*)::int as n from used_challenges`.execute(t.db)).rows[0].n).toBe(before.rows[0].n);
    clock += 31 * 60_000;
    expect((await consult(t.app, made)).json().details[0].message).toContain('已过期');
  });

  it('asks several kinds of question, each with how to answer it, that a person reading it can answer', async () => {
    const kinds = new Set<string>();
    for (let i = 0; i < 80; i += 1) {
      const { challengeId, question, hint } = (await t.app.inject('/api/v1/requests/challenge')).json();
      kinds.add(challengeId.split('.')[1]);
      expect(question).toMatch(/[\u4e00-\u9fa5]/);
      expect(question).toContain(`（${hint}）`);
      expect(question).not.toMatch(/[0-9]/);
      if (i < 12) expect((await consult(t.app, { id: challengeId, answer: answerChallenge(question) })).statusCode).toBe(201);
    }
    expect([...kinds].sort()).toEqual(['arith', 'char', 'digits', 'largest']);
  });

  it('shows the question in the label of every portal form, and the label is the field\'s name', async () => {
    for (const url of ['/ysqgk/apply', `/hdjl/xx/${DEMO_FINANCE_CODE}/main`, '/ysqgk/account/register']) {
      const page = await t.app.inject(url);
      const label = /<label for="([^"]+)">验证问题：([^<]+)<\/label>/.exec(page.body);
      expect(label, url).not.toBeNull();
      expect(page.body).toMatch(new RegExp(`<input id="${label![1]}" name="challengeAnswer"`));
      expect(answerChallenge(label![2])).toMatch(/^\S{1,4}$/);
    }
  });
});

describe('reading an answer as a person writes it', () => {
  const cases: [Kind, string, string][] = [
    ['arith', '17', '17'], ['arith', '１７', '17'], ['arith', '十七', '17'], ['arith', ' 17。', '17'], ['arith', '017', '17'], ['arith', '二十', '20'],
    ['arith', '七', '7'], ['arith', '四十五', '45'], ['largest', '九十九', '99'], ['largest', '十', '10'],
    ['digits', '0915', '0915'], ['digits', '０９１５', '0915'], ['digits', '零九一五', '0915'], ['digits', '〇九一五', '0915'],
    ['char', '透', '透'], ['char', ' “透” ', '透'],
  ];
  it.each(cases)('%s answer %j reads as %j', (kind, typed, read) => {
    expect(canonicalAnswer(kind, typed)).toBe(read);
  });

  it.each([[0, '零'], [7, '七'], [10, '十'], [12, '十二'], [20, '二十'], [45, '四十五'], [99, '九十九']])('writes %i as %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });
});
