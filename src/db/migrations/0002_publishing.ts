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
      scheduled_at timestamptz,
      version integer not null default 1,
      interprets_item_id integer references info_items(id),
      search_text tsvector,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index info_items_org_status_idx on info_items(org_id, status)`.execute(db);
  await sql`create index info_items_published_idx on info_items(published_at desc, id desc) where status in ('published', 'withdrawn')`.execute(db);
  await sql`create index info_items_search_idx on info_items using gin(search_text)`.execute(db);
  // Read on every catalog request (scheduled publication), so it must not scan the table.
  await sql`create index info_items_scheduled_idx on info_items(scheduled_at) where status = 'scheduled'`.execute(db);
  await sql`create index info_items_interprets_idx on info_items(interprets_item_id) where interprets_item_id is not null`.execute(db);

  // Every saved state of an item, for history and diffs; a published correction carries a public 变更说明.
  await sql`
    create table item_versions (
      id serial primary key,
      item_id integer not null references info_items(id),
      version integer not null,
      snapshot jsonb not null,
      change_note text,
      public_note boolean not null default false,
      created_by integer references users(id),
      created_at timestamptz not null default now(),
      unique (item_id, version)
    )`.execute(db);

  // Workflow steps with comments (审核意见), and the privacy findings of the scan.
  await sql`
    create table item_reviews (
      id serial primary key,
      item_id integer not null references info_items(id),
      step text not null,
      decision text not null,
      comment text,
      checklist jsonb,
      actor_user_id integer references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table item_findings (
      id serial primary key,
      item_id integer not null references info_items(id),
      type text not null,
      "offset" integer not null,
      length integer not null,
      masked text not null,
      status text not null default 'open' check (status in ('open', 'redacted', 'accepted')),
      source text not null default 'body',
      reason text,
      resolved_by integer references users(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index item_findings_item_idx on item_findings(item_id)`.execute(db);

  // Attachments: the file in the blob store, its text for search and the privacy scan.
  await sql`
    create table item_attachments (
      id serial primary key,
      item_id integer not null references info_items(id),
      file_name text not null,
      kind text not null,
      mime text not null,
      size integer not null,
      blob_key text not null,
      text text not null default '',
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index item_attachments_item_idx on item_attachments(item_id)`.execute(db);

  // 公开指南 (条例第十二条): generated from the body's data, with the parts a body rewrites.
  await sql`
    create table org_guides (
      org_id integer primary key references orgs(id),
      content jsonb not null default '{}'::jsonb,
      updated_by integer references users(id),
      updated_at timestamptz not null default now()
    )`.execute(db);

  // Settings the disclosure office and the administrator keep: taxonomies, sensitive words, time limits.
  await sql`
    create table settings (
      key text primary key,
      value jsonb not null,
      updated_by integer references users(id),
      updated_at timestamptz not null default now()
    )`.execute(db);

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
