import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { countHit } from '../../src/modules/platform/rate-limits.repository.js';
import { createTestApp, TestApp } from '../support/app.js';

const LIMIT = 2;
let t: TestApp;
let second: App;

beforeAll(async () => {
  t = await createTestApp({ config: { publicFormRateLimit: LIMIT } });
  second = await buildApp({ config: testConfig({ dataDir: '/tmp/gongkai-rate-limit-test', publicFormRateLimit: LIMIT }), db: t.db });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await t.close();
});

/** A message from the public (refused for its missing challenge, but counted first). */
function consult(app: App, headers: Record<string, string> = {}, remoteAddress?: string) {
  return app.inject({ method: 'POST', url: '/api/v1/messages', payload: {}, headers, ...(remoteAddress ? { remoteAddress } : {}) });
}

describe('rate limits on public forms', () => {
  it('refuses submissions over the limit with a coded Chinese answer and the time to wait', async () => {
    const answers = [];
    for (let i = 0; i <= LIMIT; i += 1) answers.push(await consult(t.app, {}, '198.51.100.1'));
    expect(answers.slice(0, LIMIT).map((a) => a.statusCode)).not.toContain(429);
    const refused = answers[LIMIT];
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^操作过于频繁，请\d+秒后再试。$/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('tells a citizen\'s browser on a portal form with a page, not JSON', async () => {
    const post = () => t.app.inject({ method: 'POST', url: `/hdjl/xx/${DEMO_COUNTY_CODE}/main`, payload: 'subject=x', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, remoteAddress: '198.51.100.9' });
    let answer = await post();
    for (let i = 0; i < LIMIT; i += 1) answer = await post();
    expect(answer.statusCode).toBe(429);
    expect(answer.headers['content-type']).toContain('text/html');
    expect(answer.body).toContain('<h1>操作过于频繁</h1>');
  });

  it('does not let a client escape the limit with a made-up X-Forwarded-For', async () => {
    const answers = [];
    for (let i = 0; i <= LIMIT; i += 1) answers.push(await consult(t.app, { 'x-forwarded-for': `10.9.8.${i}` }, '198.51.100.2'));
    expect(answers.map((a) => a.statusCode).at(-1)).toBe(429);
  });

  it('tells apart the clients behind a reverse proxy on this machine', async () => {
    const answers = [];
    for (let i = 0; i <= LIMIT; i += 1) answers.push(await consult(t.app, { 'x-forwarded-for': `192.0.2.${i}` }, '127.0.0.1'));
    expect(answers.map((a) => a.statusCode)).not.toContain(429);
  });

  it('counts across every server process that shares the database', async () => {
    expect((await consult(t.app, {}, '198.51.100.3')).statusCode).not.toBe(429);
    expect((await consult(second, {}, '198.51.100.3')).statusCode).not.toBe(429);
    expect((await consult(t.app, {}, '198.51.100.3')).statusCode).toBe(429);
    expect((await consult(second, {}, '198.51.100.3')).statusCode).toBe(429);
  });

  let lastOctet = 0;
  const freshAddress = () => `203.0.113.${(lastOctet += 1)}`;

  // Each public form, as a script would post it: JSON to the API, a form body to the portal pages.
  const PUBLIC_FORMS: { url: string; form?: boolean }[] = [
    { url: '/api/v1/requests' }, { url: '/api/v1/messages' }, { url: '/api/v1/applicant/accounts' },
    { url: '/ysqgk/apply', form: true }, { url: `/hdjl/xx/${DEMO_COUNTY_CODE}/main`, form: true }, { url: '/ysqgk/account/register', form: true },
  ];

  it.each(PUBLIC_FORMS)('does not let any Authorization header but a verified one exempt $url from the limit', async ({ url, form }) => {
    for (const authorization of ['Basic eDp4', 'Token made-up', 'bearer lowercase-is-not-a-bearer-token']) {
      const remoteAddress = freshAddress();
      const statuses = [];
      for (let i = 0; i <= LIMIT; i += 1) {
        const res = await t.app.inject({
          method: 'POST', url, remoteAddress,
          headers: { authorization, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
          payload: form ? 'subject=x' : {},
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.slice(0, LIMIT), `${url} ${authorization}`).not.toContain(429);
      expect(statuses[LIMIT], `${url} ${authorization}`).toBe(429);
    }
  });

  it('lets a verified staff token register letters and calls past the public limit, and nobody else', async () => {
    const staff = await t.auth('office');
    for (const url of ['/api/v1/requests', '/api/v1/messages']) {
      const statuses = [];
      for (let i = 0; i < LIMIT + 3; i += 1) statuses.push((await t.app.inject({ method: 'POST', url, headers: staff, payload: {}, remoteAddress: '203.0.113.200' })).statusCode);
      // Refused for the empty body, never for the limit.
      expect(statuses).toEqual(Array(LIMIT + 3).fill(400));
    }
    // A token that is not valid is refused outright (401), whatever the limit.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: { authorization: 'Bearer gk_forged' }, payload: {}, remoteAddress: '203.0.113.201' })).statusCode).toBe(401);
    // Staff gain nothing on forms only the public uses: the account sign-up is limited for everyone.
    const signUps = [];
    for (let i = 0; i <= LIMIT; i += 1) signUps.push((await t.app.inject({ method: 'POST', url: '/api/v1/applicant/accounts', headers: staff, payload: {}, remoteAddress: '203.0.113.202' })).statusCode);
    expect(signUps.at(-1)).toBe(429);
  });

  it('limits the public catalog export, which builds a large file', async () => {
    const exports = [];
    for (let i = 0; i < 21; i += 1) exports.push((await t.app.inject({ url: '/api/v1/orgs/NOPE/catalog-export?format=csv', remoteAddress: '198.51.100.20' })).statusCode);
    expect(exports.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(exports[20]).toBe(429);
  });

  it('starts a new window once the last one has passed', async () => {
    const start = new Date('2026-03-10T02:00:00.000Z');
    const later = (ms: number) => new Date(start.getTime() + ms);
    expect(await countHit(t.db, 'test|window', 300, start)).toEqual({ hits: 1, ttlMs: 300 });
    expect(await countHit(t.db, 'test|window', 300, later(100))).toEqual({ hits: 2, ttlMs: 200 });
    // The window's last instant still counts in it; the next one starts a new window.
    expect(await countHit(t.db, 'test|window', 300, later(299))).toEqual({ hits: 3, ttlMs: 1 });
    expect(await countHit(t.db, 'test|window', 300, later(300))).toEqual({ hits: 1, ttlMs: 300 });
  });
});
