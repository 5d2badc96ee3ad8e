/** Queries of 全站搜索: the one index of published documents, the thesaurus and reindex runs. */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../audit/audit.repository.js';

export interface IndexedRow {
  kind: string;
  ref: string;
  url: string;
  title: string;
  body: string;
  orgId: number | null;
  orgName: string | null;
  publishedOn: string | null;
  category: string | null;
  validity: string | null;
  docNo: string | null;
  indexNo: string | null;
  vector: string;
  titleVector: string;
}

/** Writes many documents in one statement (insert or replace by kind and ref). */
export async function upsertDocuments(db: Executor, rows: IndexedRow[]) {
  if (!rows.length) return;
  const col = <K extends keyof IndexedRow>(k: K) => rows.map((r) => r[k]);
  await sql`insert into search_documents (kind, ref, url, title, body, org_id, org_name, published_on, category, validity, doc_no, index_no, vector, title_vector, updated_at)
    select t.kind, t.ref, t.url, t.title, t.body, t.org_id, t.org_name, t.published_on, t.category, t.validity, t.doc_no, t.index_no, t.vector::tsvector, t.title_vector::tsvector, now()
    from unnest(${col('kind')}::text[], ${col('ref')}::text[], ${col('url')}::text[], ${col('title')}::text[], ${col('body')}::text[], ${col('orgId')}::int[],
      ${col('orgName')}::text[], ${col('publishedOn')}::date[], ${col('category')}::text[], ${col('validity')}::text[], ${col('docNo')}::text[], ${col('indexNo')}::text[],
      ${col('vector')}::text[], ${col('titleVector')}::text[])
      as t(kind, ref, url, title, body, org_id, org_name, published_on, category, validity, doc_no, index_no, vector, title_vector)
    on conflict (kind, ref) do update set url = excluded.url, title = excluded.title, body = excluded.body, org_id = excluded.org_id, org_name = excluded.org_name,
      published_on = excluded.published_on, category = excluded.category, validity = excluded.validity, doc_no = excluded.doc_no, index_no = excluded.index_no,
      vector = excluded.vector, title_vector = excluded.title_vector, updated_at = now()`.execute(db);
}

export async function deleteDocument(db: Executor, kind: string, ref: string) {
  await sql`delete from search_documents where kind = ${kind} and ref = ${ref}`.execute(db);
}

/** Removes the documents of `kind` not updated since `before` (what a full reindex did not find again). */
export async function deleteStale(db: Executor, kind: string, before: Date) {
  await sql`delete from search_documents where kind = ${kind} and updated_at < ${before}`.execute(db);
}

/** Sets the catalog's own vectors of many items (the catalog and staff searches read info_items.search_text). */
export async function setItemVectors(db: Executor, rows: { id: number; vector: string }[]) {
  if (!rows.length) return;
  await sql`update info_items i set search_text = t.vector::tsvector from unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.vector)}::text[]) as t(id, vector)
    where i.id = t.id`.execute(db);
}

export interface SiteFilters {
  kind?: string;
  orgId?: number;
  category?: string;
  year?: number;
  validity?: string;
}

function filterSql(f: SiteFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.kind) out.push(sql`d.kind = ${f.kind}`);
  if (f.orgId) out.push(sql`d.org_id = ${f.orgId}`);
  if (f.category) out.push(sql`d.category = ${f.category}`);
  if (f.validity) out.push(sql`d.validity = ${f.validity}`);
  if (f.year) out.push(sql`d.published_on >= ${`${f.year}-01-01`}::date and d.published_on <= ${`${f.year}-12-31`}::date`);
  return out;
}

const and = (parts: RawBuilder<unknown>[]) => (parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``);

/** Matches ranked: the newest matches and the newest title matches are the candidates. */
export const BODY_CANDIDATES = 150;
export const TITLE_CANDIDATES = 100;
/** Counts and facets stop at this many matches (the page then says “N条以上”). */
export const COUNT_CAP = 2000;

export interface RankedRow {
  kind: string; ref: string; url: string; title: string; body: string; orgName: string | null; publishedOn: string | null;
  category: string | null; validity: string | null; docNo: string | null; indexNo: string | null; score: number;
}

/**
 * The query, within a recent window when one is given (date lexemes, cast as they are: to_tsquery would
 * parse away their “@”).
 */
const matching = (tsquery: string, window: string | null) =>
  (window ? sql`(to_tsquery('simple', ${tsquery}) && ${window}::tsquery)` : sql`to_tsquery('simple', ${tsquery})`);

/** The ids of the newest documents whose body (or, with `title`, title) matches, newest first. */
export async function newestMatches(db: Executor, q: { tsquery: string; window: string | null; title?: boolean; filters: SiteFilters; limit: number }): Promise<number[]> {
  const column = q.title ? sql`d.title_vector` : sql`d.vector`;
  const rows = await sql<{ id: string }>`select d.id from search_documents d where ${column} @@ ${matching(q.tsquery, q.window)}${and(filterSql(q.filters))}
    order by d.published_on desc nulls last, d.id desc limit ${q.limit}`.execute(db);
  return rows.rows.map((r) => Number(r.id));
}

/**
 * The candidates ranked, a page of them. The score: a title that has every term counts most, then the
 * query as an exact phrase, then ts_rank_cd with weights A 1.0, B 0.6, C 0.3 (title and 发文字号,
 * keywords, body); repealed or lapsed documents count 60 %, and age lowers it gently (a twentieth a year).
 */
export async function rankedPage(db: Executor, q: { ids: number[]; tsquery: string; phrase: string | null; offset: number; limit: number }) {
  if (!q.ids.length) return [];
  const query = sql`to_tsquery('simple', ${q.tsquery})`;
  const phrase = q.phrase ? sql`(case when d.vector @@ to_tsquery('simple', ${q.phrase}) then 0.5 else 0 end)` : sql`0`;
  const result = await sql<RankedRow>`
    select d.kind, d.ref, d.url, d.title, left(d.body, 4000) as body, d.org_name, to_char(d.published_on, 'YYYY-MM-DD') as published_on, d.category, d.validity, d.doc_no, d.index_no,
      ((case when d.title_vector @@ ${query} then 1 else 0 end) + ${phrase} + ts_rank_cd('{0.1, 0.3, 0.6, 1.0}', d.vector, ${query}))
        * (case when d.validity in ('repealed', 'lapsed') then 0.6 else 1 end)
        / (1 + greatest(0, coalesce(current_date - d.published_on, 0)) / 7300.0) as score
    from search_documents d where d.id = any(${q.ids}::bigint[])
    order by score desc, d.published_on desc nulls last, d.id desc
    offset ${q.offset} limit ${q.limit}`.execute(db);
  return result.rows.map((r) => ({ ...r, score: Number(r.score) }));
}

/** How many documents match (at most COUNT_CAP + 1). */
export async function countMatches(db: Executor, tsquery: string, filters: SiteFilters): Promise<number> {
  const row = (await sql<{ n: number }>`select count(*)::int as n from (select 1 from search_documents d
    where d.vector @@ to_tsquery('simple', ${tsquery})${and(filterSql(filters))} limit ${COUNT_CAP + 1}) m`.execute(db)).rows[0];
  return Number(row?.n ?? 0);
}

/**
 * The publication date of the `n`-th newest document, for each n (null where the index holds fewer),
 * and the newest date: the bounds of the recent windows a search looks in first.
 */
export async function recentBounds(db: Executor, sizes: number[]): Promise<{ newest: string | null; bounds: (string | null)[] }> {
  const at = (n: number) => sql`(select to_char(published_on, 'YYYY-MM-DD') from search_documents where published_on is not null
    order by published_on desc offset ${n - 1} limit 1)`;
  const columns = [sql`${at(1)} as newest`, ...sizes.map((n, i) => sql`${at(n)} as ${sql.ref(`b${i}`)}`)];
  const row = (await sql<Record<string, string | null>>`select ${sql.join(columns)}`.execute(db)).rows[0];
  return { newest: row?.newest ?? null, bounds: sizes.map((_, i) => row?.[`b${i}`] ?? null) };
}

export interface FacetRow { facet: string; value: string; label: string | null; n: number }

/** Counts by content type, body, category, year and validity among the (first COUNT_CAP) matches (in the window). */
export async function facets(db: Executor, tsquery: string, filters: SiteFilters, window: string | null = null): Promise<FacetRow[]> {
  const rows = await sql<{ kind: string | null; orgId: number | null; orgName: string | null; category: string | null; year: number | null; validity: string | null; n: number; g: number }>`
    select m.kind, m.org_id, max(m.org_name) as org_name, m.category, m.year, m.validity, count(*)::int as n,
      grouping(m.kind, m.org_id, m.category, m.year, m.validity) as g
    from (select d.kind, d.org_id, d.org_name, d.category, extract(year from d.published_on)::int as year, d.validity from search_documents d
      where d.vector @@ ${matching(tsquery, window)}${and(filterSql(filters))} limit ${COUNT_CAP}) m
    group by grouping sets ((m.kind), (m.org_id), (m.category), (m.year), (m.validity))`.execute(db);
  const out: FacetRow[] = [];
  for (const r of rows.rows) {
    const n = Number(r.n);
    if (r.kind !== null) out.push({ facet: 'kind', value: r.kind, label: null, n });
    else if (r.orgId !== null) out.push({ facet: 'org', value: String(r.orgId), label: r.orgName, n });
    else if (r.category !== null) out.push({ facet: 'category', value: r.category, label: r.category, n });
    else if (r.year !== null) out.push({ facet: 'year', value: String(r.year), label: `${r.year}年`, n });
    else if (r.validity !== null) out.push({ facet: 'validity', value: r.validity, label: null, n });
  }
  return out.sort((a, b) => b.n - a.n);
}

/** The published document with this 索引号 or 发文字号, of any kind. */
export async function byNumber(db: Executor, q: { indexNo?: string; docNo?: string }) {
  let query = db.selectFrom('searchDocuments').select(['kind', 'ref', 'url', 'title']).limit(3);
  if (q.indexNo) query = query.where('indexNo', '=', q.indexNo);
  if (q.docNo) query = query.where('docNo', '=', q.docNo);
  return query.execute();
}

export async function titlesMatching(db: Executor, tsquery: string, limit: number, window: string | null = null) {
  return (await sql<{ title: string; url: string }>`select d.title, d.url from search_documents d where d.title_vector @@ ${matching(tsquery, window)}
    order by d.published_on desc nulls last limit ${limit}`.execute(db)).rows;
}

// ---- thesaurus

export async function listSynonyms(db: Executor) {
  return db.selectFrom('searchSynonyms').select(['id', 'terms', 'builtin', 'updatedAt']).orderBy('id').execute();
}

export async function findSynonym(db: Executor, id: number) {
  return db.selectFrom('searchSynonyms').select(['id', 'terms', 'builtin']).where('id', '=', id).executeTakeFirst();
}

export async function insertSynonym(db: Executor, terms: string[], userId: number) {
  return (await db.insertInto('searchSynonyms').values({ terms, updatedBy: userId }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateSynonym(db: Executor, id: number, terms: string[], userId: number) {
  await db.updateTable('searchSynonyms').set({ terms, updatedBy: userId, updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function deleteSynonym(db: Executor, id: number) {
  await db.deleteFrom('searchSynonyms').where('id', '=', id).execute();
}

// ---- reindex runs

/** The signature of the dictionary the index was built with (null: unknown, an older build). */
export async function indexDictionary(db: Executor): Promise<string | null> {
  return (await db.selectFrom('searchIndexState').select('dictionary').executeTakeFirst())?.dictionary ?? null;
}

export async function setIndexDictionary(db: Executor, dictionary: string) {
  await db.updateTable('searchIndexState').set({ dictionary, updatedAt: new Date() }).execute();
}

export async function hasDocuments(db: Executor): Promise<boolean> {
  return !!(await db.selectFrom('searchDocuments').select('id').limit(1).executeTakeFirst());
}

export async function latestRun(db: Executor) {
  return db.selectFrom('searchReindexRuns').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function openRun(db: Executor) {
  return db.selectFrom('searchReindexRuns').selectAll().where('status', 'in', ['queued', 'running']).orderBy('id').limit(1).executeTakeFirst();
}

export async function insertRun(db: Executor, userId: number | null) {
  return (await db.insertInto('searchReindexRuns').values({ requestedBy: userId }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateRun(db: Executor, id: number, fields: { status?: string; done?: number; total?: number; error?: string | null; startedAt?: Date; finishedAt?: Date }) {
  await db.updateTable('searchReindexRuns').set(fields).where('id', '=', id).execute();
}

export async function indexSize(db: Executor) {
  return (await sql<{ documents: number; bytes: string }>`select (select count(*)::int from search_documents) as documents,
    pg_total_relation_size('search_documents')::text as bytes`.execute(db)).rows[0];
}

/**
 * Moves the GIN indexes' pending entries into the index proper: after a bulk reindex every search would
 * otherwise scan the whole pending list (ten times slower) until autovacuum gets to it.
 */
export async function flushIndexes(db: Executor) {
  await sql`select gin_clean_pending_list('search_documents_vector_idx'::regclass), gin_clean_pending_list('search_documents_title_idx'::regclass),
    gin_clean_pending_list('info_items_search_idx'::regclass)`.execute(db);
}
