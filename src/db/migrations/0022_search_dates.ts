import { Kysely, sql } from 'kysely';

/**
 * 全站搜索 (issue 15): documents carry lexemes of their publication date (domain/search/recency.ts),
 * so that a search looks among the newest documents first. An index built before has none: a full
 * reindex is queued (the background job runs it); until it has run, searches are right, only slower.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into search_reindex_runs (status) select 'queued' where exists (select 1 from search_documents)
    and not exists (select 1 from search_reindex_runs where status in ('queued', 'running'))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
