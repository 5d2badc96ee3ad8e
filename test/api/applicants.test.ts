/**
 * 申请人账户: registration with the challenge, sign-in with lockout, "我的申请" listing only
 * the account's own requests, adding an earlier request with its query password, and the
 * portal pages without JavaScript.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import { createContext } from '../../src/http/app.js';
import { testConfig } from '../../src/config.js';
import { sealLegacyLogins } from '../../src/modules/applicants/applicants.service.js';
import { createTestApp, TestApp } from '../support/app.js';
import { multipart } from '../support/multipart.js';
import { answerChallenge, applyOnline, solvedChallenge, VALID_ID_NUMBER } from '../support/requests.js';

let clock = Date.parse('2026-06-01T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(clock) });
});
afterAll(async () => t.close());

async function register(login: string, password = 'citizen2026', displayName = '王五') {
  return t.app.inject({ method: 'POST', url: '/api/v1/applicant/accounts', payload: { login, displayName, password, challenge: await solvedChallenge(t) } });
}

async function signIn(login: string, password = 'citizen2026') {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/applicant/session', payload: { login, password } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'gk_applicant')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  return { cookie: `gk_applicant=${cookie.value}`, csrfToken: res.json().csrfToken as string };
}

async function myRequests(session: { cookie: string }) {
  const res = await t.app.inject({ url: '/api/v1/applicant/requests', headers: { cookie: session.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((r: { trackingNo: string }) => r.trackingNo) as string[];
}

describe('registering and signing in', () => {
  it('registers with a mobile number or an e-mail address once, refusing bad input', async () => {
    expect((await register('13912345678')).statusCode).toBe(201);
    const again = await register('13912345678');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('APPLICANT_LOGIN_TAKEN');
    expect((await register('Wang@Example.com')).json()).toEqual({ login: 'wang@example.com' });
    for (const [login, password, path] of [['12345', 'citizen2026', 'login'], ['13900000001', 'onlyletters', 'password'], ['13900000002', '12345678', 'password']]) {
      const res = await register(login, password);
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].path).toBe(path);
    }
    const noChallenge = await t.app.inject({ method: 'POST', url: '/api/v1/applicant/accounts', payload: { login: '13900000003', displayName: '甲', password: 'citizen2026' } });
    expect(noChallenge.statusCode).toBe(400);
  });

  it('locks an account after five wrong passwords', async () => {
    await register('13800000099');
    for (let i = 0; i < 4; i++) {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/applicant/session', payload: { login: '13800000099', password: 'wrong-pass1' } })).statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/v1/applicant/session', payload: { login: '13800000099', password: 'wrong-pass1' } });
    expect(locked.statusCode).toBe(423);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/applicant/session', payload: { login: '13800000099', password: 'citizen2026' } })).statusCode).toBe(423);
  });

  it('answers an unknown log-in exactly as a real one, and locks out only the address that failed', async () => {
    const wrong = (login: string, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/v1/applicant/session', payload: { login, password: 'wrong-pass1' }, remoteAddress });
    const real = [];
    const unknown = [];
    for (let i = 0; i < 6; i++) {
      real.push(await wrong('13912345678', '198.51.100.5'));
      unknown.push(await wrong('13900009999', '198.51.100.5'));
    }
    expect(unknown.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(unknown.map((r) => r.json())).toEqual(real.map((r) => r.json()));
    // The holder, elsewhere, is not locked out.
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/applicant/session', payload: { login: '13912345678', password: 'citizen2026' }, remoteAddress: '192.0.2.50' });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('keeps the log-in as a keyed hash and a ciphertext, never in clear', async () => {
    const { rows } = await sql<Record<string, unknown>>`select * from applicant_accounts`.execute(t.db);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.legacyLogin).toBeNull();
      expect(row.loginHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.loginEnc).toMatch(/^v1\./);
      const text = JSON.stringify(row);
      expect(text).not.toContain('13912345678');
      expect(text).not.toContain('wang@example.com');
    }
    // Nor in the audit trail or the sign-in counters.
    const audit = await sql<{ text: string }>`select string_agg(summary::text, ' ') as text from audit_log`.execute(t.db);
    expect(audit.rows[0].text).not.toContain('13912345678');
    const guards = await sql<{ text: string }>`select coalesce(string_agg(account || scope, ' '), '') as text from login_guards`.execute(t.db);
    expect(guards.rows[0].text).not.toContain('13912345678');
  });

  it('converts log-ins stored in clear before the change, which then sign in as before', async () => {
    await sql`insert into applicant_accounts (legacy_login, display_name, password_hash)
      select '13655550000', '旧账户', password_hash from applicant_accounts where id = (select min(id) from applicant_accounts)`.execute(t.db);
    const ctx = createContext(testConfig(), t.db);
    expect(await sealLegacyLogins(ctx)).toBe(1);
    expect(await sealLegacyLogins(ctx)).toBe(0);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from applicant_accounts where legacy_login is not null or login_hash is null`.execute(t.db);
    expect(rows[0].n).toBe(0);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/applicant/session', payload: { login: '13655550000', password: 'citizen2026' } });
    expect(res.statusCode).toBe(200);
    const page = await t.app.inject({ url: '/ysqgk/account', headers: { cookie: `gk_applicant=${res.cookies.find((c) => c.name === 'gk_applicant')!.value}` } });
    expect(page.body).toContain('旧账户（13655550000）');
  });

  it('ends a session after an hour without activity', async () => {
    const session = await signIn('13912345678');
    clock += 59 * 60_000;
    expect((await t.app.inject({ url: '/api/v1/applicant/requests', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    clock += 61 * 60_000;
    expect((await t.app.inject({ url: '/api/v1/applicant/requests', headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });

  it('needs a session for "我的申请" and ends it on sign-out', async () => {
    expect((await t.app.inject({ url: '/api/v1/applicant/requests' })).statusCode).toBe(401);
    const session = await signIn('13912345678');
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/applicant/session', headers: { cookie: session.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/applicant/session', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/applicant/requests', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'applicant.logout'`.execute(t.db);
    expect(rows[0].n).toBe(1);
  });
});

describe('我的申请', () => {
  it('lists requests applied for while signed in and those added with their query password, and nobody else\'s', async () => {
    const wang = await signIn('13912345678');
    const wangMail = await signIn('wang@example.com');

    // Applied on the portal while signed in: the form carries the account's token.
    const challenge = await solvedChallenge(t);
    const fields = {
      orgCode: DEMO_COUNTY_CODE, applicantType: 'natural', name: '王五', idType: 'idCard', idNumber: VALID_ID_NUMBER, phone: '13912345678',
      description: '示例县2025年度城乡低保资金发放情况', form: 'electronic', delivery: 'online', queryPassword: 'wangwu-pass', challengeId: challenge.id, challengeAnswer: challenge.answer,
    };
    const form = multipart({ ...fields, _csrf: wang.csrfToken }, []);
    const applied = await t.app.inject({ method: 'POST', url: '/ysqgk/apply', headers: { ...form.headers, cookie: wang.cookie }, payload: form.payload });
    expect(applied.statusCode).toBe(200);
    const viaPortal = /id="tracking-no">([^<]+)</.exec(applied.body)![1];
    expect(applied.body).toContain('我的申请');

    // A forged form (no token) is accepted as an anonymous application, not added to the account.
    const forgedChallenge = await solvedChallenge(t);
    const forged = multipart({ ...fields, challengeId: forgedChallenge.id, challengeAnswer: forgedChallenge.answer }, []);
    const anonymous = await t.app.inject({ method: 'POST', url: '/ysqgk/apply', headers: { ...forged.headers, cookie: wang.cookie }, payload: forged.payload });
    const notLinked = /id="tracking-no">([^<]+)</.exec(anonymous.body)![1];

    // Applied earlier without an account: added with the query password.
    const earlier = await applyOnline(t);
    const link = (session: typeof wang, trackingNo: string, queryPassword: string, csrf = session.csrfToken) => t.app.inject({
      method: 'POST', url: '/api/v1/applicant/requests/link', headers: { cookie: session.cookie, 'x-csrf-token': csrf }, payload: { trackingNo, queryPassword },
    });
    expect((await link(wang, earlier.trackingNo, 'wrong-password')).statusCode).toBe(404);
    expect((await link(wang, earlier.trackingNo, 'my-secret-pw', 'forged')).statusCode).toBe(403);
    expect((await link(wang, earlier.trackingNo, 'my-secret-pw')).statusCode).toBe(200);
    // Once in one account, a request cannot be claimed by another, even with its password.
    expect((await link(wangMail, earlier.trackingNo, 'my-secret-pw')).json().code).toBe('APPLICANT_REQUEST_LINKED');

    expect((await myRequests(wang)).sort()).toEqual([viaPortal, earlier.trackingNo].sort());
    expect(await myRequests(wang)).not.toContain(notLinked);
    expect(await myRequests(wangMail)).toEqual([]);

    const view = await t.app.inject({ url: `/api/v1/applicant/requests/${viaPortal}`, headers: { cookie: wang.cookie } });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ trackingNo: viaPortal, status: 'submitted' });
    for (const trackingNo of [notLinked, viaPortal]) {
      const other = trackingNo === viaPortal ? wangMail : wang;
      expect((await t.app.inject({ url: `/api/v1/applicant/requests/${trackingNo}`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    }
  });

  it('a staff session in the same browser does not turn a portal application into a staff registration', async () => {
    const staff = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: 'Demo-Passw0rd!' } });
    const cookie = staff.cookies.find((c) => c.name === 'gk_session');
    expect(cookie).toBeDefined();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: { cookie: `gk_session=${cookie!.value}` }, payload: { orgCode: DEMO_COUNTY_CODE } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).not.toBe('CSRF_INVALID');
  });
});

describe('the portal pages without JavaScript', () => {
  it('signs in through the form and shows the account\'s requests', async () => {
    const page = await t.app.inject('/ysqgk/account');
    expect(page.body).toContain('申请人登录');
    const wrong = await t.app.inject({ method: 'POST', url: '/ysqgk/account/login', payload: { login: '13912345678', password: 'nope-nope1' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('账号或密码错误');
    const ok = await t.app.inject({ method: 'POST', url: '/ysqgk/account/login', payload: { login: '13912345678', password: 'citizen2026' } });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/ysqgk/account');
    const cookie = `gk_applicant=${ok.cookies.find((c) => c.name === 'gk_applicant')!.value}`;
    const mine = await t.app.inject({ url: '/ysqgk/account', headers: { cookie } });
    expect(mine.body).toContain('账户下的申请（共2件）');
    const trackingNo = /href="\/ysqgk\/account\/requests\/([^"]+)"/.exec(mine.body)![1];
    const detail = await t.app.inject({ url: `/ysqgk/account/requests/${trackingNo}`, headers: { cookie } });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('办理进度');
    const apply = await t.app.inject({ url: '/ysqgk/apply', headers: { cookie } });
    expect(apply.body).toContain('您已登录申请人账户（王五）');
    expect(apply.body).toMatch(/id="f-phone"[^>]*value="13912345678"/);
  });

  it('registers through the form and keeps what was typed when it fails', async () => {
    const form = await t.app.inject('/ysqgk/account/register');
    const id = /name="challengeId" value="([^"]+)"/.exec(form.body)![1];
    const question = /验证问题：([^<]+)</.exec(form.body)![1];
    const payload = { displayName: '赵六', login: '13700001111', password: 'zhaoliu2026', passwordConfirm: 'zhaoliu2026x', challengeId: id, challengeAnswer: answerChallenge(question) };
    const mismatch = await t.app.inject({ method: 'POST', url: '/ysqgk/account/register', payload });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('两次输入的密码不一致');
    expect(mismatch.body).toContain('value="13700001111"');
    const ok = await t.app.inject({ method: 'POST', url: '/ysqgk/account/register', payload: { ...payload, passwordConfirm: 'zhaoliu2026' } });
    expect(ok.statusCode).toBe(303);
    expect(ok.cookies.find((c) => c.name === 'gk_applicant')).toBeDefined();
  });
});
