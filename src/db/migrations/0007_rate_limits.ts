import { Kysely, sql } from 'kysely';

/**
 * Hits counted by the rate limits on public forms and sign-in, kept in the database so that
 * every server process and machine counts the same hits (an in-memory count gives a client
 * n times the limit behind n processes).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rate_limit_hits (
      key text primary key,
      hits integer not null,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index rate_limit_hits_expires_idx on rate_limit_hits(expires_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
