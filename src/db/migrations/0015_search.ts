import { Kysely, sql } from 'kysely';
import { DEFAULT_SYNONYM_GROUPS } from '../../domain/search/thesaurus.js';

/**
 * 全站搜索 (issue 15): one index of everything the portal publishes (catalog items, 政策解读, annual
 * reports, published replies, 便民问答, service guides …), the editable thesaurus, seeded with the
 * default government groups, and the runs of the full reindex with their progress.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table search_documents (
      id bigserial primary key,
      kind text not null,
      ref text not null,
      url text not null,
      title text not null,
      body text not null default '',
      org_id int references orgs(id) on delete set null,
      org_name text,
      published_on date,
      category text,
      validity text,
      doc_no text,
      index_no text,
      vector tsvector not null,
      title_vector tsvector not null,
      updated_at timestamptz not null default now(),
      unique (kind, ref)
    )`.execute(db);
  await sql`create index search_documents_vector_idx on search_documents using gin(vector)`.execute(db);
  await sql`create index search_documents_title_idx on search_documents using gin(title_vector)`.execute(db);
  await sql`create index search_documents_published_idx on search_documents (published_on desc, id desc)`.execute(db);
  await sql`
    create table search_synonyms (
      id serial primary key,
      terms text[] not null,
      builtin boolean not null default false,
      updated_by int references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  for (const group of DEFAULT_SYNONYM_GROUPS) {
    await sql`insert into search_synonyms (terms, builtin) values (${[...group]}::text[], true)`.execute(db);
  }
  await sql`
    create table search_reindex_runs (
      id serial primary key,
      status text not null default 'queued',
      done int not null default 0,
      total int not null default 0,
      requested_by int references users(id) on delete set null,
      error text,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    )`.execute(db);
  // An installation with content reindexes it once at start (the background job runs the queued run).
  await sql`insert into search_reindex_runs (status) select 'queued' where exists (select 1 from info_items)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
