/**
 * A store for @fastify/rate-limit that counts in the database (rate_limit_hits), so a limit
 * holds across every server process and machine that share it: with the plugin's in-memory
 * store, WEB_CONCURRENCY=4 would let a client submit four times the public-form limit.
 */
import type { Db } from '../db/client.js';
import { countHit } from '../modules/platform/rate-limits.repository.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    constructor(_globalOptions: unknown, private readonly prefix = '') {}

    // The plugin passes the route's window as the third argument (its type declarations lag behind).
    incr(key: string, callback: Callback, timeWindow?: number): void {
      if (!timeWindow) return callback(new Error('rate limit without a time window'));
      countHit(db, `${this.prefix}${key}`, timeWindow).then(
        ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
        (error: Error) => callback(error),
      );
    }

    /** Each limited route counts on its own: the key starts with its method and path. */
    child(routeOptions: object) {
      const { routeInfo } = routeOptions as { routeInfo: { method: string; url: string } };
      return new DatabaseRateLimitStore(undefined, `${routeInfo.method} ${routeInfo.url}|`);
    }
  };
}
