/**
 * WEB_CONCURRENCY=2 on PostgreSQL: the compiled server starts two processes sharing the port,
 * and a correction made through one process shows at once on the pages the other serves
 * (their page caches are told, src/lib/peers.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SERVER = path.resolve('dist/src/server.js');
const port = 3990 + Math.floor(Math.random() * 9);
const base = `http://127.0.0.1:${port}`;
const databaseName = `gongkai_cluster_${process.pid}`;
let child: ReturnType<typeof spawn> | undefined;
let output = '';

function urlOf(name: string) {
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sqlText: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`create database ${databaseName} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
});

afterAll(async () => {
  child?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await admin(`drop database if exists ${databaseName} with (force)`);
});

/** A new connection per request, so the primary hands requests to both processes in turn. */
async function freshGet(url: string) {
  const res = await fetch(url, { headers: { connection: 'close' } });
  return { status: res.status, body: await res.text() };
}

describe('several server processes (WEB_CONCURRENCY)', () => {
  it('serves from two processes and shows a correction at once on every one', async () => {
    child = spawn(process.execPath, [SERVER], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: urlOf(databaseName), WEB_CONCURRENCY: '2', LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'Start-Passw0rd!' },
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    while (!output.includes('已启动') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    expect(output).toContain('已启动');
    const officePassword = /公开办\s+office\s+(\S+)/.exec(output)![1];

    const token = (await (await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'office', password: officePassword }),
    })).json()).token as string;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const items = (await (await fetch(`${base}/api/v1/items?status=published`, { headers: auth })).json()).items as { id: number; indexNo: string; title: string }[];
    const item = items[0];
    const page = `${base}/xxgk/items/${item.indexNo}`;
    // Both processes render and cache the page.
    for (let i = 0; i < 6; i += 1) expect((await freshGet(page)).body).toContain(item.title.slice(0, 10));

    const corrected = await fetch(`${base}/api/v1/items/${item.id}/correct`, { method: 'POST', headers: auth, body: JSON.stringify({ title: `${item.title}（已更正）`, changeNote: '更正标题' }) });
    expect(corrected.status).toBe(200);
    // The other process hears of the change through NOTIFY: poll until six answers in a row (both processes) show it, at most 5 s.
    let inARow = 0;
    for (const until = Date.now() + 5000; inARow < 6 && Date.now() < until;) inARow = (await freshGet(page)).body.includes('（已更正）') ? inARow + 1 : 0;
    expect(inARow).toBe(6);
    // Two server processes under the primary (which hands out connections in turn on Linux).
    const workers = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).trim().split('\n');
    expect(workers).toHaveLength(2);
  }, 120_000);
});
