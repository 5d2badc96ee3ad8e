/**
 * Periodic work of the platform (scheduled publication, reminders, sweeps, reindexing …), one list.
 *
 * Several server processes may share one database (a city runs several machines behind nginx): each
 * run takes a PostgreSQL advisory lock named after the job on one connection and skips the run when
 * another process holds it, so a job never runs twice at once. The locks live on a connection outside
 * the pool (JobLocks). On PGlite there is one process and the lock is not needed (nor taken). A failing run is logged and retried at the next tick; it never stops the others.
 */
import pg from 'pg';
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

/**
 * The advisory locks of one process (one context), held on a connection of their own outside the
 * pool: a job's queries take pool connections, and a lock holding one of them while its job waits
 * for another would starve the pool when several jobs start at once (five jobs, a pool of five).
 * The connection is opened while a job runs, or for as long as the scheduler runs.
 */
class JobLocks {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private users = 0;
  keepOpen = false;

  constructor(private readonly url: string) {}

  async use<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    this.users += 1;
    try {
      return await work(await this.connect());
    } finally {
      this.users -= 1;
      if (!this.users && !this.keepOpen) await this.close();
    }
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      // A lost lock connection releases its locks; the next run opens a new one.
      client.on('error', () => { if (this.client === client) this.client = null; });
      await client.connect();
      this.client = client;
      return client;
    })().finally(() => { this.connecting = null; });
    return this.connecting;
  }

  /** The scheduler stopped: close now, or when the last run ends. */
  async release() {
    this.keepOpen = false;
    if (!this.users) await this.close();
  }

  async close() {
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }
}

const locksOf = new WeakMap<AppContext, JobLocks>();
function jobLocks(ctx: AppContext): JobLocks {
  let locks = locksOf.get(ctx);
  if (!locks) {
    locks = new JobLocks(ctx.config.databaseUrl!);
    locksOf.set(ctx, locks);
  }
  return locks;
}

/** Runs one job now unless another process is running it; answers whether it ran. */
export async function runJobOnce(ctx: AppContext, job: BackgroundJob): Promise<boolean> {
  if (!ctx.config.databaseUrl) {
    await job.run(ctx);
    return true;
  }
  const key = jobLockKey(job.name);
  return jobLocks(ctx).use(async (client) => {
    const got = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [key]);
    if (!got.rows[0]?.locked) return false;
    try {
      await job.run(ctx);
      return true;
    } finally {
      await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {});
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
  const locks = ctx.config.databaseUrl ? jobLocks(ctx) : null;
  if (locks) locks.keepOpen = true;
  return () => {
    timers.forEach(clearInterval);
    starters.forEach(clearTimeout);
    // Runs still going close it when they end.
    if (locks) void locks.release();
  };
}
