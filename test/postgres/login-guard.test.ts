/**
 * Failed sign-ins counted under real concurrency: two server processes on one PostgreSQL
 * database, each with its own connection pool, take many wrong passwords at once. Each
 * attempt takes its slot atomically before its password is checked, so no more passwords are
 * checked than the limits allow (5 from one address; 10 free plus 1 from many addresses).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { openTestDatabase } from '../support/db.js';

const NOW = new Date('2026-05-04T02:00:00Z');
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let apps: App[];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-login-guard-'));

beforeAll(async () => {
  database = await openTestDatabase();
  const config = testConfig({ dataDir, databaseUrl: database.url });
  apps = [await buildApp({ config, db: database.db, now: () => NOW }), await buildApp({ config, db: database.db, now: () => NOW })];
  await Promise.all(apps.map((a) => a.ready()));
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function auditCount(action: string, account: string) {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action} and summary->>'account' = ${account}`.execute(database.db);
  return rows[0].n;
}

function attempt(i: number, username: string, remoteAddress: string) {
  return apps[i % 2].inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username, password: 'a-wrong-guess' }, remoteAddress });
}

describe('sign-in limits under parallel attempts', () => {
  it('checks at most 5 passwords from one address, however many arrive at once', async () => {
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => attempt(i, 'reviewer', '198.51.100.77')));
    const statuses = answers.map((a) => a.statusCode);
    // 4 wrong passwords answered 401, the 5th locked the address (423), the rest refused unchecked.
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(20);
    expect(await auditCount('auth.failed', 'reviewer')).toBe(4);
    expect(await auditCount('auth.locked', 'reviewer')).toBe(1);
  });

  it('checks at most 11 passwords from many addresses at once, then makes them wait', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(i, 'leader', `203.0.113.${i + 1}`)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(11);
    expect(statuses.filter((s) => s === 429)).toHaveLength(19);
    expect(await auditCount('auth.failed', 'leader')).toBe(11);
    expect(await auditCount('auth.throttled', 'leader')).toBe(1);
  });
});
