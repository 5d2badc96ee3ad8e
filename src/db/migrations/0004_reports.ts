import { Kysely, sql } from 'kysely';

/** 年度报告: paper-ledger imports, review/litigation cases, drafts and frozen published reports. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table request_ledger_entries (
      id serial primary key,
      org_id integer not null references orgs(id),
      received_on date not null,
      channel text not null,
      applicant_type text not null,
      outcome text,
      completed_on date,
      imported_by integer references users(id),
      imported_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index request_ledger_org_received_idx on request_ledger_entries(org_id, received_on)`.execute(db);

  await sql`
    create table review_cases (
      id serial primary key,
      org_id integer not null references orgs(id),
      case_no text not null,
      request_id integer references disclosure_requests(id),
      stage text not null check (stage in ('reconsideration', 'litigationDirect', 'litigationAfterReconsideration')),
      result text not null default 'pending' check (result in ('upheld', 'corrected', 'other', 'pending')),
      filed_on date not null,
      closed_on date,
      note text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index review_cases_org_filed_idx on review_cases(org_id, filed_on)`.execute(db);

  // What the 公开办 writes: narrative sections and the figures that live outside Gongkai.
  await sql`
    create table annual_report_drafts (
      org_id integer not null references orgs(id),
      year integer not null,
      overview text,
      problems text,
      other text,
      external_figures jsonb not null default '{}'::jsonb,
      updated_by integer references users(id),
      updated_at timestamptz not null default now(),
      primary key (org_id, year)
    )`.execute(db);

  // Published reports are frozen: the JSON as published, one row per version.
  await sql`
    create table annual_reports (
      id serial primary key,
      org_id integer not null references orgs(id),
      year integer not null,
      version integer not null,
      rollup boolean not null default false,
      data jsonb not null,
      note text,
      published_by integer references users(id),
      published_at timestamptz not null default now(),
      unique (org_id, year, version)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
