/**
 * A small in-process cache of rendered public pages. Entries are dropped when the
 * catalog changes (publication, correction, withdrawal, import bump the version), here or
 * in another server process (src/lib/peers.ts), and expire after a few seconds, which
 * bounds staleness should a change notice be missed.
 */
import { createHash } from 'node:crypto';

export interface CachedPage {
  /**
   * The page as UTF-8 bytes: encoded once, not on every answer, and held outside the
   * JavaScript heap, so thousands of cached pages do not lengthen garbage collection.
   */
  body: Buffer;
  /** Strong ETag of the body (the same value @fastify/etag would compute), hashed once per rendering. */
  etag: string;
  /** When it was rendered (ms): its Last-Modified, since the content cannot be newer. */
  at: number;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage & { version: number; expiresAt: number }>();
  private readonly rendering = new Map<string, Promise<CachedPage>>();
  private readonly values = new Map<string, { value: Promise<unknown>; version: number; expiresAt: number }>();
  private version = 0;
  /** When the catalog last changed in this instance (ms); pages rendered in a later second are current. */
  changedAt = Date.now();

  /** Called after a local invalidation (other server processes are told, see src/lib/peers.ts). */
  onInvalidate?: () => void;

  constructor(private readonly ttlMs = 10_000, private readonly maxEntries = 5_000) {}

  /** The catalog changed here: drop every page and tell the other processes. */
  invalidate(): void {
    this.clear();
    this.onInvalidate?.();
  }

  /** Drops every page (the catalog changed, here or in another process). */
  clear(): void {
    this.version += 1;
    this.changedAt = Date.now();
    this.entries.clear();
    this.rendering.clear();
    this.values.clear();
  }

  /**
   * Data the public pages are built from (the list of bodies, the taxonomies), loaded once and
   * dropped with the pages: whatever changes it invalidates the pages too. A load that started
   * before a change is not reused after it; a failed load is forgotten.
   */
  memo<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.values.get(key);
    if (hit && hit.version === this.version && now <= hit.expiresAt) return hit.value as Promise<T>;
    const value = load();
    if (this.values.size >= this.maxEntries) this.values.delete(this.values.keys().next().value!);
    this.values.set(key, { value, version: this.version, expiresAt: now + this.ttlMs });
    value.catch(() => {
      if (this.values.get(key)?.value === value) this.values.delete(key);
    });
    return value;
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== this.version || now > entry.expiresAt) return undefined;
    return entry;
  }

  /**
   * The cached page, or the one `render` produces. Requests arriving while a page is being
   * rendered wait for that rendering instead of starting their own (a popular page expiring
   * under load is rendered once, not once per waiting client). A rendering that started
   * before the catalog changed is served to its requests but not kept.
   */
  async getOrRender(key: string, render: () => Promise<string>): Promise<CachedPage> {
    const cached = this.get(key);
    if (cached) return cached;
    const pending = this.rendering.get(key);
    if (pending) return pending;
    const version = this.version;
    const promise = (async () => {
      const at = Date.now();
      const body = Buffer.from(await render());
      const etag = `"${createHash('sha1').update(body).digest('base64')}"`;
      // Lifetimes spread over the last fifth of the TTL, so pages rendered together do not all expire together.
      if (this.version === version) this.store(key, { body, etag, at, version, expiresAt: at + this.ttlMs * (0.8 + 0.2 * Math.random()) });
      return { body, etag, at };
    })();
    this.rendering.set(key, promise);
    try {
      return await promise;
    } finally {
      if (this.rendering.get(key) === promise) this.rendering.delete(key);
    }
  }

  private store(key: string, entry: CachedPage & { version: number; expiresAt: number }): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }
}
