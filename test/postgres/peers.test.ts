/**
 * Server processes on different machines share only the PostgreSQL database: two platforms
 * built on one database (as two machines would run them) tell each other of changes to what
 * they cache, through LISTEN/NOTIFY (src/lib/peers.ts), and survive losing that connection.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import type { TestApp } from '../support/app.js';
import { passwordOf } from '../support/app.js';
import { openTestDatabase } from '../support/db.js';
import { publishItem } from '../support/items.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let one: TestApp;
let other: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-peers-'));

beforeAll(async () => {
  database = await openTestDatabase();
  const config = testConfig({ dataDir, databaseUrl: database.url });
  const app = await buildApp({ config, db: database.db });
  other = await buildApp({ config, db: database.db });
  const tokens = new Map<string, string>();
  one = {
    app,
    db: database.db,
    async auth(user) {
      if (!tokens.has(user)) tokens.set(user, (await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: user, password: passwordOf(user) } })).json().token);
      return { authorization: `Bearer ${tokens.get(user)}` };
    },
    close: async () => {},
  };
});

afterAll(async () => {
  await one.app.close();
  await other.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Polls `check` for up to two seconds: far less than the caches' lifetimes (10 s pages, 60 s calendar). */
async function soon(check: () => Promise<boolean>) {
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function listeners() {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = 'gongkai-peers' and datname = current_database()`.execute(database.db);
  return rows[0].n;
}

describe('server processes sharing one PostgreSQL database', () => {
  it('shows a correction made through one at once on the pages the other has cached', async () => {
    const item = await publishItem(one, { title: '多机部署缓存测试通知' });
    const url = `/xxgk/items/${item.indexNo}`;
    expect((await other.inject(url)).body).toContain('多机部署缓存测试通知');
    const corrected = await one.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/correct`, headers: await one.auth('office'), payload: { title: '多机部署缓存测试通知（已更正）', changeNote: '更正标题' } });
    expect(corrected.statusCode).toBe(200);
    expect(await soon(async () => (await other.inject(url)).body.includes('（已更正）'))).toBe(true);
  });

  it('applies a calendar change made through one on the other at once', async () => {
    const check = async () => (await other.inject('/api/v1/calendar/workdays/check?date=2026-12-05')).json();
    expect(await check()).toMatchObject({ workingDay: false });
    const set = await one.app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-12-05', headers: await one.auth('admin'), payload: { working: true, name: '测试调休' } });
    expect(set.statusCode).toBe(204);
    expect(await soon(async () => (await check()).workingDay === true)).toBe(true);
  });

  it('reconnects after losing the notification connection and drops what it may have missed', async () => {
    const item = await publishItem(one, { title: '断线重连缓存测试通知' });
    const url = `/xxgk/items/${item.indexNo}`;
    expect((await other.inject(url)).body).toContain('断线重连缓存测试通知');
    expect(await listeners()).toBe(2);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'gongkai-peers' and datname = current_database()`.execute(database.db);
    // A change nobody could announce while the connections were down.
    await database.db.updateTable('infoItems').set({ title: '断线期间直接修改的标题' }).where('id', '=', item.id).execute();
    const back = Date.now() + 5000;
    while ((await listeners()) < 2 && Date.now() < back) await new Promise((r) => setTimeout(r, 100));
    expect(await listeners()).toBe(2);
    expect(await soon(async () => (await other.inject(url)).body.includes('断线期间直接修改的标题'))).toBe(true);

    await one.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/correct`, headers: await one.auth('office'), payload: { title: '断线重连后的更正', changeNote: '更正标题' } });
    expect(await soon(async () => (await other.inject(url)).body.includes('断线重连后的更正'))).toBe(true);
  });
});
