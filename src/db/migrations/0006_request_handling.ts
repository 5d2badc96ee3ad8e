import { Kysely, sql } from 'kysely';

/**
 * 依申请公开, second step:
 * - 交办: the 公开办 assigns a request to the department that holds the information; that
 *   department drafts the reply and the head of the 公开办 approves it before it is issued.
 * - 申请人账户: an applicant with an account sees all their requests in one place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table applicant_accounts (
      id serial primary key,
      login text not null unique,
      display_name text not null,
      password_hash text not null,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      last_login_at timestamptz
    )`.execute(db);
  await sql`
    create table applicant_sessions (
      id text primary key,
      account_id integer not null references applicant_accounts(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now()
    )`.execute(db);
  await sql`alter table disclosure_requests add column applicant_account_id integer references applicant_accounts(id)`.execute(db);
  await sql`create index disclosure_requests_account_idx on disclosure_requests(applicant_account_id) where applicant_account_id is not null`.execute(db);

  await sql`alter table disclosure_requests add column assigned_org_id integer references orgs(id)`.execute(db);
  await sql`create index disclosure_requests_assigned_idx on disclosure_requests(assigned_org_id) where assigned_org_id is not null`.execute(db);
  // The reply as drafted by the handler, waiting for the office head: {outcome, note, thirdPartyNotice, draftedBy, draftedByName, draftedOn}.
  await sql`alter table disclosure_requests add column reply_draft jsonb`.execute(db);
  // 条例第三十五条: the later date the office fixes for answering a clearly excessive request.
  await sql`alter table disclosure_requests add column excessive_reply_due_on date`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
