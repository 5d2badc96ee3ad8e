/**
 * The platform for API tests: `buildApp` on the file's own database, plus helpers
 * to act as the demo accounts (bearer tokens, so no CSRF dance).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { testConfig, AppConfig } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { TEST_ADMIN_PASSWORD, TEST_DEMO_PASSWORD } from './constants.js';
import { openTestDatabase } from './db.js';

export type DemoUser = 'admin' | 'clerk' | 'depthead' | 'reviewer' | 'leader' | 'office' | 'supervisor' | 'clerk2';

export interface TestApp {
  app: App;
  db: Db;
  /** The app's DATA_DIR (blobs, audit checkpoints), removed on close. */
  dataDir?: string;
  /** `Authorization` header for a demo account. */
  auth(user: DemoUser): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export function passwordOf(user: string): string {
  return user === 'admin' ? TEST_ADMIN_PASSWORD : TEST_DEMO_PASSWORD;
}

export async function createTestApp(options: { now?: () => Date; config?: Partial<AppConfig>; /** e.g. `(db) => db.withPlugin(counter)` to observe statements */ wrapDb?: (db: Db) => Db; /** Off for a test that runs a job itself (default: on unless wrapDb) */ backgroundJobs?: boolean } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-'));
  const app = await buildApp({ config: testConfig({ dataDir, ...options.config }), db: options.wrapDb ? options.wrapDb(database.db) : database.db, now: options.now, backgroundJobs: options.backgroundJobs ?? !options.wrapDb });
  await app.ready();
  const tokens = new Map<string, { token: string; expiresAt: number }>();
  const now = options.now ?? (() => new Date());
  return {
    app,
    db: database.db,
    dataDir,
    async auth(user) {
      const cached = tokens.get(user);
      // Tests move the clock by weeks: a token that has expired on the test clock is replaced.
      if (!cached || cached.expiresAt <= now().getTime()) {
        const res = await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: user, password: passwordOf(user) } });
        if (res.statusCode !== 200) throw new Error(`cannot sign in as ${user}: ${res.body}`);
        tokens.set(user, { token: res.json().token, expiresAt: new Date(res.json().expiresAt).getTime() });
      }
      return { authorization: `Bearer ${tokens.get(user)!.token}` };
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function json<T = any>(res: LightMyRequestResponse): T {
  return res.json() as T;
}
