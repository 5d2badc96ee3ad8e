import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('platform endpoints', () => {
  it('GET /healthz answers ok while the database answers', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3 document describing /api/v1', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/token', '/api/v1/orgs', '/api/v1/calendar/workdays/add', '/api/v1/calendar/workdays/check']));
  });

  it('serves a browsable API reference at /api/docs', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers unknown API paths with a coded 404', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows a browser a portal page for a failure, and the API its coded JSON', async () => {
    const tooLong = `/xxgk/items/B1/${'9'.repeat(30)}`;
    const page = await t.app.inject({ url: tooLong, headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="zh-CN"');
    expect(page.body).toContain('<h1>提交的内容有误</h1>');
    expect(page.body).toContain('<meta name="error-code" content="VALIDATION_FAILED">');
    const api = await t.app.inject({ url: '/api/v1/catalog?year=abc', headers: { accept: 'text/html' } });
    expect(api.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const script = await t.app.inject(tooLong);
    expect(script.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('sets security headers on every answer', async () => {
    const res = await t.app.inject('/');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('the audit trail', () => {
  it('cannot be edited or deleted, even with direct SQL', async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('is verified by walking the hash chain', async () => {
    const auth = await t.auth('admin');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().checked).toBeGreaterThan(0);
  });

  it('is readable by the supervisor but not by a clerk', async () => {
    const ok = await t.app.inject({ url: '/api/v1/audit', headers: await t.auth('supervisor') });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.length).toBeGreaterThan(0);
    const denied = await t.app.inject({ url: '/api/v1/audit', headers: await t.auth('clerk') });
    expect(denied.statusCode).toBe(403);
  });

  it('reports the first broken link after tampering', async () => {
    const auth = await t.auth('admin');
    // Create a few entries, then tamper with the second-to-last one behind the application's back.
    for (const date of ['2030-01-01', '2030-01-02', '2030-01-03']) {
      const put = await t.app.inject({ method: 'PUT', url: `/api/v1/calendar/overrides/${date}`, headers: auth, payload: { working: false, name: '元旦' } });
      expect(put.statusCode).toBe(204);
    }
    const last = await sql<{ seq: number }>`select max(seq)::int as seq from audit_log`.execute(t.db);
    const target = last.rows[0].seq - 1;
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.db);
    await sql`update audit_log set summary = '{"forged":true}'::jsonb where seq = ${target}`.execute(t.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.db);
    const res = await t.app.inject({ url: '/api/v1/audit/verify', headers: await t.auth('supervisor') });
    expect(res.json()).toMatchObject({ ok: false, firstBrokenSeq: target });
  });
});
