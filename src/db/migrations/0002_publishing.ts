import { Kysely, sql } from 'kysely';

/** 主动公开: information items, their versions and the 索引号 counters. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table info_items (
      id serial primary key,
      org_id integer not null references orgs(id),
      title text not null,
      status text not null default 'draft'
        check (status in ('draft', 'deptReview', 'confidentialityReview', 'leaderApproval', 'scheduled', 'published', 'withdrawn')),
      disclosure text not null default 'proactive' check (disclosure in ('proactive', 'onRequest', 'withheld')),
      withheld_ground text,
      withheld_reason text,
      doc_kind text not null default 'other' check (doc_kind in ('rule', 'normative', 'other')),
      doc_no text,
      category text not null default '其他',
      topic text not null default '其他',
      keywords text,
      body_html text not null default '',
      written_on date,
      formed_on date,
      validity text not null default 'valid' check (validity in ('valid', 'lapsed', 'repealed', 'revised')),
      validity_changed_on date,
      replaced_by_index_no text,
      index_no text unique,
      published_on date,
      published_at timestamptz,
      withdrawn_on date,
      withdrawn_reason text,
      search_text tsvector,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index info_items_org_status_idx on info_items(org_id, status)`.execute(db);
  await sql`create index info_items_published_idx on info_items(published_at desc, id desc) where status in ('published', 'withdrawn')`.execute(db);
  await sql`create index info_items_search_idx on info_items using gin(search_text)`.execute(db);

  // 索引号 serials: one counter per body and year, advanced inside the publishing transaction.
  await sql`
    create table index_counters (
      org_id integer not null references orgs(id),
      year integer not null,
      last_serial integer not null default 0,
      primary key (org_id, year)
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
