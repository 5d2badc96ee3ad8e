import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, passwordOf, TestApp } from '../support/app.js';

let now = new Date('2026-03-02T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => now });
});
afterAll(async () => t.close());

function token(username: string, password: string, remoteAddress = '127.0.0.1') {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username, password }, remoteAddress });
}

/** The audit entries of an action, oldest first. */
async function audited(action: string) {
  const { rows } = await sql<{ actorUsername: string | null; targetId: string | null; summary: Record<string, unknown> }>`
    select actor_username, target_id, summary from audit_log where action = ${action} order by seq`.execute(t.db);
  return rows;
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

  it('answers a made-up user name exactly as a real one, lock included, so answers do not reveal accounts', async () => {
    const real = [];
    const madeUp = [];
    for (let i = 0; i < 6; i += 1) {
      real.push(await token('leader', 'bad-password', '198.51.100.1'));
      madeUp.push(await token('no-such-user', 'bad-password', '198.51.100.1'));
    }
    expect(madeUp.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(madeUp.map((r) => r.json())).toEqual(real.map((r) => r.json()));
  });

  it('locks out only the address that failed: the owner, the administrator included, still signs in from elsewhere', async () => {
    const stranger = [];
    for (let i = 0; i < 5; i += 1) stranger.push((await token('admin', 'guessing', '198.51.100.66')).statusCode);
    expect(stranger).toEqual([401, 401, 401, 401, 423]);
    expect((await token('admin', passwordOf('admin'), '198.51.100.66')).statusCode).toBe(423);
    expect((await token('admin', passwordOf('admin'), '192.0.2.10')).statusCode).toBe(200);
    // The contract's 423 message still says what happened and for how long.
    expect((await token('admin', 'guessing', '198.51.100.66')).json().message).toContain('15分钟');
  });

  it('slows down failures on one account from many addresses with growing delays, never locking its owner out', async () => {
    const address = (i: number) => `203.0.113.${i}`;
    const admin = { authorization: `Bearer ${(await token('admin', passwordOf('admin'), '192.0.2.1')).json().token}` };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'budget', displayName: '预算科', orgCode: DEMO_FINANCE_CODE, roles: ['clerk'], password: 'Yusuan-Passw0rd!' } });
    expect(created.statusCode).toBe(201);
    for (let i = 1; i <= 11; i += 1) expect((await token('budget', 'wrong-guess', address(i))).statusCode).toBe(401);
    // The 11th failure set a delay of 1 s; then 2 s, then 4 s.
    for (const [i, delay] of [[12, 1], [13, 2], [14, 4]]) {
      const early = await token('budget', 'Yusuan-Passw0rd!', address(i));
      expect(early.statusCode).toBe(429);
      expect(early.json()).toMatchObject({ code: 'LOGIN_THROTTLED', message: expect.stringContaining(`请${delay}秒后再试`) });
      now = new Date(now.getTime() + delay * 1000);
      if (i < 14) expect((await token('budget', 'wrong-guess', address(i))).statusCode).toBe(401);
    }
    // The owner signs in after the delay, from an address that never failed.
    expect((await token('budget', 'Yusuan-Passw0rd!', address(99))).statusCode).toBe(200);
    expect((await audited('auth.throttled')).map((e) => e.summary)).toEqual([{ account: 'budget', failures: 11 }]);
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

  it('records signing out in the audit trail', async () => {
    const s = await login('clerk2');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } })).statusCode).toBe(204);
    expect((await audited('auth.logout')).map((e) => e.actorUsername)).toContain('clerk2');
  });

  it('requires sign-in for staff endpoints', async () => {
    const res = await t.app.inject('/api/v1/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});

describe('failed sign-ins: counts, resets and what the administrator sees', () => {
  it('records resetting the failure count when the right password follows failures', async () => {
    for (let i = 0; i < 2; i += 1) expect((await token('supervisor', 'typo-password', '198.51.100.30')).statusCode).toBe(401);
    expect((await token('supervisor', passwordOf('supervisor'), '198.51.100.30')).statusCode).toBe(200);
    expect((await audited('auth.failuresReset')).map((e) => e.summary)).toContainEqual({ account: 'supervisor', ip: '198.51.100.30', failures: 2 });
    // A success without failures before it has nothing to reset.
    const resets = (await audited('auth.failuresReset')).length;
    expect((await token('supervisor', passwordOf('supervisor'), '198.51.100.30')).statusCode).toBe(200);
    expect(await audited('auth.failuresReset')).toHaveLength(resets);
  });

  it('lets an administrator lift a lock, recorded in the audit trail', async () => {
    for (let i = 0; i < 5; i += 1) await token('clerk', 'bad-password', '198.51.100.40');
    expect((await token('clerk', passwordOf('clerk'), '198.51.100.40')).statusCode).toBe(423);
    const admin = { authorization: `Bearer ${(await token('admin', passwordOf('admin'), '192.0.2.1')).json().token}` };
    const users = (await t.app.inject({ url: '/api/v1/users', headers: admin })).json().items as { id: number; username: string; lockedUntil: string | null }[];
    const clerk = users.find((u) => u.username === 'clerk')!;
    expect(new Date(clerk.lockedUntil!).getTime()).toBeGreaterThan(now.getTime());
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/users/${clerk.id}/unlock`, headers: admin })).statusCode).toBe(204);
    expect((await token('clerk', passwordOf('clerk'), '198.51.100.40')).statusCode).toBe(200);
    expect((await audited('user.unlock')).map((e) => e.targetId)).toContain(String(clerk.id));
  });

  it('alerts the administrator to locks and slow-downs, and only the administrator', async () => {
    const admin = { authorization: `Bearer ${(await token('admin', passwordOf('admin'), '192.0.2.1')).json().token}` };
    const res = await t.app.inject({ url: '/api/v1/security/alerts', headers: admin });
    expect(res.statusCode).toBe(200);
    const { items, open } = res.json() as { open: number; items: { id: number; kind: string; subject: string; address: string | null; message: string }[] };
    expect(open).toBe(items.length);
    expect(items).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'loginLocked', subject: 'admin', address: '198.51.100.66', message: expect.stringContaining('198.51.100.66') }),
      expect.objectContaining({ kind: 'loginThrottled', subject: 'budget', address: null, message: expect.stringContaining('多个地址') }),
      expect.objectContaining({ kind: 'loginLocked', subject: expect.stringMatching(/^no\*+（不存在的账号）$/) }),
    ]));
    for (const item of items) expect(item.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await t.app.inject({ url: '/api/v1/security/alerts', headers: await t.auth('supervisor') })).statusCode).toBe(403);

    const first = items[0];
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/security/alerts/${first.id}/acknowledge`, headers: admin })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/security/alerts/${first.id}/acknowledge`, headers: admin })).statusCode).toBe(404);
    const after = (await t.app.inject({ url: '/api/v1/security/alerts', headers: admin })).json();
    expect(after.open).toBe(open - 1);
    expect(after.items.map((i: { id: number }) => i.id)).not.toContain(first.id);
    expect((await audited('security.acknowledgeAlert')).map((e) => e.targetId)).toEqual([String(first.id)]);
  });
});
