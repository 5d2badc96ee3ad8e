/** The platform's PostgreSQL sessions: JIT off (a web request's query never pays for compiling), options of DATABASE_URL kept. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { openTestDatabase } from '../support/db.js';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let withOptions: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  const u = new URL(database.url!);
  u.searchParams.set('options', '-c statement_timeout=12345');
  withOptions = await openDatabase({ databaseUrl: u.toString(), poolSize: 1 });
});
afterAll(async () => {
  await withOptions.close();
  await database.close();
});

const setting = async (db: Database['db'], name: string) => (await sql<{ v: string }>`select current_setting(${name}) as v`.execute(db)).rows[0].v;

describe('sessions', () => {
  it('run without JIT', async () => {
    expect(await setting(database.db, 'jit')).toBe('off');
  });

  it('keep the options DATABASE_URL gives', async () => {
    expect(await setting(withOptions.db, 'jit')).toBe('off');
    expect(await setting(withOptions.db, 'statement_timeout')).toBe('12345ms');
  });
});
