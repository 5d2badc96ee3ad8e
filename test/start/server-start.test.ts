/**
 * The newcomer's path: the compiled server (`npm start` runs `node dist/src/server.js`)
 * starts on an empty data directory, migrates, seeds the demo county and serves.
 * Catches what the TypeScript test runner forgives (e.g. CommonJS named imports).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SERVER = path.resolve('dist/src/server.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-start-'));
const port = 3900 + Math.floor(Math.random() * 90);
let child: ReturnType<typeof spawn> | undefined;

afterAll(() => {
  child?.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts on an empty data directory, seeds the demo county and prints the accounts once', async () => {
    expect(fs.existsSync(SERVER), 'run npm run build first (npm test does)').toBe(true);
    let output = '';
    child = spawn(process.execPath, [SERVER], { env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ADMIN_PASSWORD: 'Start-Passw0rd!', DATABASE_URL: '', LOG_LEVEL: 'warn' } });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    while (!output.includes('已启动') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
    expect(output).toContain('已启动');
    expect(output).toMatch(/系统管理员\s+admin\s+（ADMIN_PASSWORD 中设置的密码）/);
    expect(output).toMatch(/信息员\s+clerk\s+Gk-/);

    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const token = await fetch(`${base}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Start-Passw0rd!' }) });
    expect(token.status).toBe(200);
    const catalog = await (await fetch(`${base}/api/v1/catalog`)).json();
    expect(catalog.items.length).toBeGreaterThan(0);
    expect((await fetch(`${base}/admin/`)).status).toBe(200);
    expect((await fetch(`${base}/xxgk/catalog`)).status).toBe(200);
  }, 120_000);
});
