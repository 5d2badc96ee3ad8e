/**
 * A small in-process cache of rendered public pages. Entries are dropped when the
 * catalog changes in this instance (publication, correction, withdrawal, import bump the
 * version) and expire after a few seconds, which bounds staleness when several
 * instances serve the same database.
 */
export class PageCache {
  private readonly entries = new Map<string, { version: number; at: number; body: string }>();
  private version = 0;
  /** When the catalog last changed in this instance (ms); pages rendered in a later second are current. */
  changedAt = Date.now();

  constructor(private readonly ttlMs = 10_000, private readonly maxEntries = 5_000) {}

  invalidate(): void {
    this.version += 1;
    this.changedAt = Date.now();
    this.entries.clear();
  }

  /** The page and when it was rendered (its Last-Modified: the content cannot be newer). */
  get(key: string, now = Date.now()): { body: string; at: number } | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== this.version || now - entry.at > this.ttlMs) return undefined;
    return entry;
  }

  set(key: string, body: string, now = Date.now()): { body: string; at: number } {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    const entry = { version: this.version, at: now, body };
    this.entries.set(key, entry);
    return entry;
  }
}
