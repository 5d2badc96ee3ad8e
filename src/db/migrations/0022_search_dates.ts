import { Kysely, sql } from 'kysely';
import { DICTIONARY_SIGNATURE } from '../../domain/search/segment.js';

/**
 * 全站搜索 (issue 15): documents carry lexemes of their publication date (domain/search/recency.ts)
 * and of every dictionary term their text contains (domain/search/segment.ts), so that a search looks
 * among the newest documents first and finds a term by its one lexeme. search_index_state says what
 * the index was built with; an index built before is rebuilt by a queued full reindex (the background
 * job runs it), and until then searches are right, only slower.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table search_index_state (id int primary key default 1 check (id = 1), dictionary text, updated_at timestamptz not null default now())`.execute(db);
  // An empty index is built by the current code from its first document on.
  await sql`insert into search_index_state (dictionary) select case when exists (select 1 from search_documents) then null else ${DICTIONARY_SIGNATURE} end`.execute(db);
  await sql`insert into search_reindex_runs (status) select 'queued' where exists (select 1 from search_documents)
    and not exists (select 1 from search_reindex_runs where status in ('queued', 'running'))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
