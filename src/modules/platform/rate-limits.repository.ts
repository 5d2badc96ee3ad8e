import { sql } from 'kysely';
import type { Db } from '../../db/client.js';

/**
 * Counts one hit on `key` in a window of `windowMs` that starts with the key's first hit,
 * and answers the hits so far and the milliseconds left in the window. One statement, so
 * concurrent hits from several processes are all counted. The database's clock decides,
 * so machines with drifting clocks still agree; `at` replaces it where a test sets the time.
 */
export async function countHit(db: Db, key: string, windowMs: number, at?: Date): Promise<{ hits: number; ttlMs: number }> {
  const now = sql`coalesce(${at ?? null}::timestamptz, now())`;
  const { rows } = await sql<{ hits: number; ttlMs: number }>`
    insert into rate_limit_hits as r (key, hits, expires_at)
    values (${key}, 1, ${now} + make_interval(secs => ${windowMs / 1000}))
    on conflict (key) do update set
      hits = case when r.expires_at <= ${now} then 1 else r.hits + 1 end,
      expires_at = case when r.expires_at <= ${now} then excluded.expires_at else r.expires_at end
    returning hits, greatest(0, ceil(extract(epoch from r.expires_at - ${now}) * 1000))::integer as ttl_ms`.execute(db);
  return rows[0];
}

/** Drops counters whose window has passed (they would be restarted on the next hit anyway). */
export async function purgeExpiredHits(db: Db): Promise<void> {
  await db.deleteFrom('rateLimitHits').where('expiresAt', '<', new Date()).execute();
}
