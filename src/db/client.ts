/**
 * Opens the database: PostgreSQL when a URL is given, otherwise embedded
 * PostgreSQL (PGlite) stored under the data directory. Both speak the same SQL
 * and run the same migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PGlite only: a compressed copy of the data directory (for test snapshots). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  /** PGlite: start from a dump made by `dump()`. */
  loadDump?: Blob;
  poolSize?: number;
}

// Dates stay calendar-day strings (YYYY-MM-DD), never shifted by the host's time zone;
// bigint counts become numbers (they never exceed 2^53 here).
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  // JIT compilation pays off for long analytical queries, not for a web request's: a search whose
  // plan looks expensive spent ~40 ms compiling before it ran. Off for the platform's sessions.
  // Options given in DATABASE_URL are kept (the address's own options win over the pool's, so they go there).
  const address = new URL(url);
  address.searchParams.set('options', [address.searchParams.get('options'), '-c jit=off'].filter(Boolean).join(' '));
  const pool = new pg.Pool({ connectionString: address.toString(), max, types });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const preparingPool = {
    connect: async () => preparing(await pool.connect()),
    end: () => pool.end(),
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool }), plugins: [new CamelCasePlugin()] });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/**
 * A query whose SQL starts with the marker comment `/*prepared:name*\/` runs as a named
 * prepared statement on PostgreSQL: parsed and planned once per connection instead of on
 * every call. Used for the hottest public queries (the item page); on PGlite the marker is
 * just a comment.
 */
export const PREPARED_MARKER = /^\/\*prepared:([a-z0-9_]+)\*\//;
const PATCHED = Symbol('gongkai.preparing');

function preparing(client: pg.PoolClient): pg.PoolClient {
  const marked = client as pg.PoolClient & { [PATCHED]?: true };
  if (marked[PATCHED]) return client;
  const query = client.query.bind(client) as (config: unknown, values?: unknown) => unknown;
  (client as unknown as { query: unknown }).query = (config: unknown, values?: unknown) => {
    const name = typeof config === 'string' ? PREPARED_MARKER.exec(config)?.[1] : undefined;
    return name ? query({ name, text: config, values }) : query(config, values);
  };
  marked[PATCHED] = true;
  return client;
}

async function openPglite(options: OpenOptions): Promise<Database> {
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.resolve(options.dataDir, 'pgdata');
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  }
  const client = await PGlite.create({
    dataDir,
    loadDataDir: options.loadDump,
    extensions: { pg_trgm },
    parsers: {
      [DATE_OID]: (v: string) => v,
      [INT8_OID]: (v: string) => Number(v),
      [NUMERIC_OID]: (v: string) => Number(v),
    },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client), plugins: [new CamelCasePlugin()] });
  return { db, kind: 'pglite', dump: () => client.dumpDataDir('gzip') as Promise<Blob>, close: () => db.destroy() };
}
