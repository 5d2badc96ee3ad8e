import { Kysely, sql } from 'kysely';

/** Organisations, accounts, sessions, the audit trail and the working-day calendar. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table orgs (
      id serial primary key,
      code text not null unique,
      name text not null,
      short_name text,
      type text not null check (type in ('government', 'department', 'township', 'office')),
      parent_id integer references orgs(id),
      address text,
      office_hours text,
      phone text,
      fax text,
      email text,
      postal_code text,
      website text,
      sort_order integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index orgs_parent_idx on orgs(parent_id)`.execute(db);

  await sql`
    create table users (
      id serial primary key,
      username text not null unique,
      display_name text not null,
      org_id integer not null references orgs(id),
      roles text[] not null default '{}',
      password_hash text not null,
      active boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      last_login_at timestamptz,
      password_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index users_org_idx on users(org_id)`.execute(db);

  // Server-side sessions (so several instances can share them). Only a hash of the
  // cookie value is stored: a leaked table does not hand out live sessions.
  await sql`
    create table sessions (
      id text primary key,
      user_id integer not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions(user_id)`.execute(db);

  await sql`
    create table api_tokens (
      id text primary key,
      user_id integer not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_used_at timestamptz
    )`.execute(db);

  // Append-only, hash-chained audit trail. The triggers make the table
  // append-only for every role the application uses.
  await sql`
    create table audit_log (
      seq bigint primary key,
      at timestamptz not null,
      actor_user_id integer,
      actor_username text,
      org_id integer,
      action text not null,
      target_type text not null,
      target_id text,
      summary jsonb not null default '{}'::jsonb,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_log_target_idx on audit_log(target_type, target_id)`.execute(db);
  await sql`create index audit_log_org_idx on audit_log(org_id, seq)`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);

  await sql`
    create table calendar_overrides (
      date date primary key,
      working boolean not null,
      name text not null,
      updated_by integer references users(id),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table calendar_years (
      year integer primary key,
      confirmed_by integer references users(id),
      confirmed_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
