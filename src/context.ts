/**
 * What services need from the running platform, passed explicitly (no globals):
 * the database, configuration, the working-day calendar and the clock.
 */
import type { AppConfig } from './config.js';
import type { Db } from './db/client.js';
import type { WorkingDayCalendar } from './domain/calendar.js';
import type { BlobStore } from './lib/blob-store.js';
import type { CryptoBox } from './lib/crypto-box.js';
import type { PageCache } from './lib/page-cache.js';
import type { Peers } from './lib/peers.js';

export interface AppContext {
  db: Db;
  config: AppConfig;
  /** The calendar with administrators' overrides; cached, reloaded after a change. */
  calendar(): Promise<WorkingDayCalendar>;
  invalidateCalendar(): void;
  now(): Date;
  /** Uploaded and generated files. */
  blobs: BlobStore;
  /** Encrypts personal data at rest and signs stateless tokens. */
  crypto: CryptoBox;
  /** Rendered public catalog pages; publishing invalidates it. */
  pages: PageCache;
  /** The other server processes sharing the database, told when cached data changes (src/lib/peers.ts). */
  peers: Peers;
}
