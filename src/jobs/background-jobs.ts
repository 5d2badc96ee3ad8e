/**
 * Periodic work of the platform (scheduled publication, reminders, sweeps, reindexing …), one list.
 *
 * Several server processes may share one database (a city runs several machines behind nginx): each
 * run takes a PostgreSQL advisory lock named after the job on one connection and skips the run when
 * another process holds it, so a job never runs twice at once. On PGlite there is one process and the
 * lock is not needed (and not taken: the job's own queries need the one connection). A failing run is logged and retried at the next tick; it never stops the others.
 */
import { sql } from 'kysely';
import type { AppContext } from '../context.js';

export interface BackgroundJob {
  /** Stable English name: the lock key and the log field. */
  name: string;
  everyMs: number;
  /** Also run once shortly after start (work that fell due while the platform was down). */
  runAtStart?: boolean;
  run(ctx: AppContext): Promise<unknown>;
}

interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** A job's advisory-lock key: a stable 32-bit hash of its name. */
export function jobLockKey(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Runs one job now unless another process is running it; answers whether it ran. */
export async function runJobOnce(ctx: AppContext, job: BackgroundJob): Promise<boolean> {
  if (!ctx.config.databaseUrl) {
    await job.run(ctx);
    return true;
  }
  const key = jobLockKey(job.name);
  return ctx.db.connection().execute(async (conn) => {
    const got = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(conn);
    if (!got.rows[0]?.locked) return false;
    try {
      await job.run(ctx);
      return true;
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

/** Starts every job on its interval; the answer stops them all (the app's onClose calls it). */
export function startBackgroundJobs(ctx: AppContext, jobs: BackgroundJob[], log: JobLog): () => void {
  const running = new Set<string>();
  const tick = (job: BackgroundJob) => {
    if (running.has(job.name)) return; // the previous run is still going
    running.add(job.name);
    runJobOnce(ctx, job)
      .catch((err) => log.warn({ err, job: job.name }, 'background job failed'))
      .finally(() => running.delete(job.name));
  };
  const timers = jobs.map((job) => {
    const timer = setInterval(() => tick(job), job.everyMs);
    timer.unref();
    return timer;
  });
  const starters = jobs.filter((j) => j.runAtStart).map((job) => {
    const t = setTimeout(() => tick(job), 1000);
    t.unref();
    return t;
  });
  return () => {
    timers.forEach(clearInterval);
    starters.forEach(clearTimeout);
  };
}
