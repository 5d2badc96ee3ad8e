import { Kysely, sql } from 'kysely';

/**
 * Security and platform, second step:
 * - used_challenges: each anti-spam challenge is accepted once (its id is kept until it expires);
 * - login_guards: failed sign-ins counted atomically per account and address (a lock for that
 *   address) and per account from everywhere (a growing delay), instead of one lock anyone can set;
 * - security_alerts: what the administrator is shown about attacks on sign-in;
 * - audit_checkpoints: signed copies of the audit chain's head, so a cut tail is noticed;
 * - applicant_accounts: the log-in (phone or e-mail) kept as a keyed hash for look-up and encrypted
 *   for display; the clear value moves to legacy_login until the application converts it at start-up
 *   (it needs DATA_KEY, which migrations do not see: see sealLegacyLogins in applicants.service.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table used_challenges (
      id text primary key,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index used_challenges_expires_idx on used_challenges(expires_at)`.execute(db);

  // scope: a client address, or '*' for the account as seen from every address.
  // account: a keyed hash of the submitted user name or log-in (made-up names are counted like real ones).
  await sql`
    create table login_guards (
      kind text not null check (kind in ('staff', 'applicant')),
      account text not null,
      scope text not null,
      attempts integer not null,
      locked_until timestamptz,
      claim text,
      expires_at timestamptz not null,
      primary key (kind, account, scope)
    )`.execute(db);
  await sql`create index login_guards_expires_idx on login_guards(expires_at)`.execute(db);

  await sql`
    create table security_alerts (
      id serial primary key,
      at timestamptz not null,
      kind text not null,
      account_kind text not null,
      subject text not null,
      user_id integer references users(id) on delete set null,
      address text,
      attempts integer not null,
      acknowledged_at timestamptz,
      acknowledged_by integer references users(id) on delete set null
    )`.execute(db);
  await sql`create index security_alerts_open_idx on security_alerts(at desc) where acknowledged_at is null`.execute(db);

  await sql`
    create table audit_checkpoints (
      seq bigint primary key,
      hash text not null,
      at timestamptz not null,
      mac text not null
    )`.execute(db);

  await sql`alter table applicant_accounts rename column login to legacy_login`.execute(db);
  await sql`alter table applicant_accounts alter column legacy_login drop not null`.execute(db);
  await sql`alter table applicant_accounts add column login_hash text unique`.execute(db);
  await sql`alter table applicant_accounts add column login_enc text`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
