/**
 * Background jobs on several processes sharing one PostgreSQL database: a job that one process is
 * running is skipped by the others (an advisory lock per job), and runs again once it is free.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/http/app.js';
import { jobLockKey, runJobOnce, type BackgroundJob } from '../../src/jobs/background-jobs.js';
import { platformJobs } from '../../src/jobs/platform-jobs.js';
import { openTestDatabase } from '../support/db.js';
import { testConfig } from '../../src/config.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  expect(process.env.TEST_DB).toBe('postgres');
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe('background jobs', () => {
  it('runs a job in one process at a time and frees it afterwards', async () => {
    const config = testConfig({ databaseUrl: database.url });
    const first = createContext(config, database.db);
    const second = createContext(config, database.db);
    let release!: () => void;
    let runs = 0;
    const job: BackgroundJob = { name: 'test-exclusive', everyMs: 1000, run: () => { runs++; return new Promise<void>((r) => { release = r; }); } };
    const running = runJobOnce(first, job);
    await expect.poll(() => runs).toBe(1);
    expect(await runJobOnce(second, job)).toBe(false);
    release();
    expect(await running).toBe(true);
    const quick: BackgroundJob = { ...job, run: async () => { runs++; } };
    expect(await runJobOnce(second, quick)).toBe(true);
    expect(runs).toBe(2);
  });

  it('runs more jobs at once than the pool has connections (the locks do not hold pool connections)', async () => {
    // The test database's pool has 5 connections; every platform job started at once, each querying.
    const ctx = createContext(testConfig({ databaseUrl: database.url }), database.db);
    const jobs: BackgroundJob[] = Array.from({ length: 8 }, (_, i) => ({
      name: `test-many-${i}`, everyMs: 1000,
      run: async (c) => { await c.db.transaction().execute(async (trx) => { await sql`select pg_sleep(0.05)`.execute(trx); }); },
    }));
    const ran = await Promise.race([
      Promise.all(jobs.map((job) => runJobOnce(ctx, job))),
      new Promise<'stuck'>((resolve) => { setTimeout(() => resolve('stuck'), 15_000).unref(); }),
    ]);
    expect(ran).toEqual(jobs.map(() => true));
  });

  it('gives jobs distinct lock keys', () => {
    const names = platformJobs({ info: () => {} }).map((j) => j.name);
    expect(names).toContain('publish-scheduled');
    expect(new Set(names.map(jobLockKey)).size).toBe(names.length);
  });
});
