import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, passwordOf, TestApp } from '../support/app.js';

let now = new Date('2026-03-02T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => now });
});
afterAll(async () => t.close());

function token(username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username, password } });
}

describe('POST /api/v1/auth/token', () => {
  it('issues a bearer token with its expiry', async () => {
    const res = await token('clerk', passwordOf('clerk'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^gk_/);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(now.getTime());
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'clerk', roles: ['clerk'] });
  });

  it('answers 401 with a Chinese message for a wrong password or unknown user', async () => {
    for (const res of [await token('depthead', 'wrong-password'), await token('nobody', 'whatever')]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await token('reviewer', 'bad-password')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await token('reviewer', passwordOf('reviewer'));
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    // The console sign-in obeys the same lock.
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'reviewer', password: passwordOf('reviewer') } });
    expect(login.statusCode).toBe(423);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await token('reviewer', passwordOf('reviewer'))).statusCode).toBe(200);
  });

  it('rejects bad input with 400 and field details', async () => {
    const cases = [
      { payload: {} },
      { payload: { username: 'clerk' } },
      { payload: { username: 123, password: [] } },
      { payload: 'not json', headers: { 'content-type': 'application/json' } },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', ...c });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('rejects an oversized body with 413', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'x'.repeat(2_000_000), password: 'y' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('BODY_TOO_LARGE');
  });
});

describe('console sessions', () => {
  async function login(username: string) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: passwordOf(username) } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gk_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    return { cookie: `gk_session=${cookie.value}`, csrf: res.json().csrfToken as string };
  }

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await login('admin');
    const payload = { working: true, name: '调休' };
    const without = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2031-01-04', headers: { cookie: s.cookie }, payload });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_INVALID');
    const wrong = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2031-01-04', headers: { cookie: s.cookie, 'x-csrf-token': 'forged' }, payload });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2031-01-04', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload });
    expect(ok.statusCode).toBe(204);
  });

  it('expires a session after 30 idle minutes', async () => {
    const s = await login('office');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    now = new Date(now.getTime() + 31 * 60_000);
    const expired = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');
  });

  it('signs out', async () => {
    const s = await login('supervisor');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('requires sign-in for staff endpoints', async () => {
    const res = await t.app.inject('/api/v1/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});
