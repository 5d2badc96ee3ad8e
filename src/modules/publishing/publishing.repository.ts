import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { InfoItemsTable } from '../../db/tables/publishing.js';
import type { Executor } from '../audit/audit.repository.js';

export async function insertItem(db: Executor, row: Insertable<InfoItemsTable>): Promise<number> {
  return (await db.insertInto('infoItems').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateItem(db: Executor, id: number, fields: Updateable<InfoItemsTable>) {
  await db.updateTable('infoItems').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

function itemColumns(db: Executor) {
  return db
    .selectFrom('infoItems')
    .innerJoin('orgs', 'orgs.id', 'infoItems.orgId')
    .selectAll('infoItems')
    .select(['orgs.code as orgCode', 'orgs.name as orgName']);
}

export async function findItem(db: Executor, id: number) {
  return itemColumns(db).where('infoItems.id', '=', id).executeTakeFirst();
}

export type ItemRow = NonNullable<Awaited<ReturnType<typeof findItem>>>;

export async function lockItem(db: Executor, id: number) {
  return db.selectFrom('infoItems').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findByIndexNo(db: Executor, indexNo: string) {
  return itemColumns(db).where('infoItems.indexNo', '=', indexNo).where('infoItems.status', 'in', ['published', 'withdrawn']).executeTakeFirst();
}

export async function listForStaff(db: Executor, q: { orgIds: number[] | 'all'; statuses?: string[]; limit: number }) {
  let query = itemColumns(db).orderBy('infoItems.updatedAt', 'desc').limit(q.limit);
  if (q.orgIds !== 'all') query = query.where('infoItems.orgId', 'in', q.orgIds.length ? q.orgIds : [-1]);
  if (q.statuses?.length) query = query.where('infoItems.status', 'in', q.statuses);
  return query.execute();
}

export type StaffSort = 'updatedAt' | 'createdAt' | 'publishedOn' | 'writtenOn' | 'formedOn';
export type StaffDateField = 'updated' | 'published' | 'written' | 'formed';

export interface StaffListQuery {
  /** The bodies the staff member may see ('all' for supervisors and administrators). */
  orgIds: number[] | 'all';
  /** Only these bodies (a chosen body and those below it), within `orgIds`. */
  onlyOrgIds?: number[];
  statuses?: string[];
  /** Words of the title, or part of a 索引号 or 发文字号. */
  q?: string;
  category?: string;
  topic?: string;
  disclosure?: string;
  dateField?: StaffDateField;
  from?: string;
  to?: string;
  sort?: StaffSort;
  order?: 'asc' | 'desc';
  limit: number;
  offset?: number;
}

/** `%`, `_` and `\` typed by a person match themselves in a LIKE pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function staffFiltered(db: Executor, q: StaffListQuery) {
  let query = db.selectFrom('infoItems').innerJoin('orgs', 'orgs.id', 'infoItems.orgId');
  if (q.orgIds !== 'all') query = query.where('infoItems.orgId', 'in', q.orgIds.length ? q.orgIds : [-1]);
  if (q.onlyOrgIds) query = query.where('infoItems.orgId', 'in', q.onlyOrgIds.length ? q.onlyOrgIds : [-1]);
  if (q.statuses?.length) query = query.where('infoItems.status', 'in', q.statuses);
  if (q.category) query = query.where('infoItems.category', '=', q.category);
  if (q.topic) query = query.where('infoItems.topic', '=', q.topic);
  if (q.disclosure) query = query.where('infoItems.disclosure', '=', q.disclosure);
  const text = q.q?.trim();
  if (text) {
    const pattern = likePattern(text);
    query = query.where((eb) => eb.or([
      eb('infoItems.title', 'ilike', pattern), eb('infoItems.indexNo', 'ilike', pattern), eb('infoItems.docNo', 'ilike', pattern),
    ]));
  }
  // Dates are China calendar days: a change made at 07:30 on 3 March in Beijing is 2 March in UTC.
  const day = {
    updated: sql<string>`(info_items.updated_at at time zone 'Asia/Shanghai')::date`,
    published: sql<string>`info_items.published_on`,
    written: sql<string>`info_items.written_on`,
    formed: sql<string>`info_items.formed_on`,
  }[q.dateField ?? 'updated'];
  if (q.from) query = query.where(sql<boolean>`${day} >= ${q.from}::date`);
  if (q.to) query = query.where(sql<boolean>`${day} <= ${q.to}::date`);
  return query;
}

/** One page of the staff item list with its filters, sorted, and how many items match in all. */
export async function staffList(db: Executor, q: StaffListQuery) {
  const column = {
    updatedAt: 'infoItems.updatedAt', createdAt: 'infoItems.createdAt', publishedOn: 'infoItems.publishedOn', writtenOn: 'infoItems.writtenOn', formedOn: 'infoItems.formedOn',
  } as const;
  const order = q.order ?? 'desc';
  const sorted = sql.ref(column[q.sort ?? 'updatedAt']);
  const [rows, count] = await Promise.all([
    staffFiltered(db, q)
      .selectAll('infoItems')
      .select(['orgs.code as orgCode', 'orgs.name as orgName'])
      // Items without the date (drafts have no 发布日期) come last either way.
      .orderBy(sql`${sorted} ${sql.raw(order)} nulls last`)
      .orderBy('infoItems.id', order)
      .limit(q.limit)
      .offset(q.offset ?? 0)
      .execute(),
    staffFiltered(db, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The next 索引号 serial of a body and year; the row lock makes concurrent publications wait their turn. */
export async function nextSerial(db: Executor, orgId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('indexCounters')
    .values({ orgId, year, lastSerial: 1 })
    .onConflict((oc) => oc.columns(['orgId', 'year']).doUpdateSet((eb) => ({ lastSerial: eb('indexCounters.lastSerial', '+', 1) })))
    .returning('lastSerial')
    .executeTakeFirstOrThrow();
  return row.lastSerial;
}

/** Keeps the counter past a serial taken by an imported legacy 索引号, so it is never issued again. */
export async function reserveSerial(db: Executor, orgId: number, year: number, serial: number) {
  await db
    .insertInto('indexCounters')
    .values({ orgId, year, lastSerial: serial })
    .onConflict((oc) => oc.columns(['orgId', 'year']).doUpdateSet({ lastSerial: sql<number>`greatest(index_counters.last_serial, ${serial})` }))
    .execute();
}

export async function setSearchText(db: Executor, id: number, document: string) {
  await sql`update info_items set search_text = to_tsvector('simple', ${document}) where id = ${id}`.execute(db);
}

export async function insertVersion(db: Executor, row: { itemId: number; version: number; snapshot: Record<string, unknown>; changeNote: string | null; publicNote: boolean; createdBy: number }) {
  await db.insertInto('itemVersions').values({ ...row, snapshot: JSON.stringify(row.snapshot) }).execute();
}

export async function listVersions(db: Executor, itemId: number) {
  return db.selectFrom('itemVersions').leftJoin('users', 'users.id', 'itemVersions.createdBy')
    .selectAll('itemVersions').select('users.displayName as createdByName')
    .where('itemId', '=', itemId).orderBy('itemVersions.version').execute();
}

export async function insertReview(db: Executor, row: { itemId: number; step: string; decision: string; comment: string | null; checklist: Record<string, boolean> | null; actorUserId: number | null }) {
  await db.insertInto('itemReviews').values({ ...row, checklist: row.checklist ? JSON.stringify(row.checklist) : null }).execute();
}

export async function listReviews(db: Executor, itemId: number) {
  return db.selectFrom('itemReviews').leftJoin('users', 'users.id', 'itemReviews.actorUserId')
    .selectAll('itemReviews').select('users.displayName as actorName')
    .where('itemId', '=', itemId).orderBy('itemReviews.id').execute();
}

export async function replaceOpenFindings(db: Executor, itemId: number, findings: { type: string; offset: number; length: number; masked: string; source: string }[]) {
  await db.deleteFrom('itemFindings').where('itemId', '=', itemId).where('status', '=', 'open').execute();
  if (findings.length) await db.insertInto('itemFindings').values(findings.map((f) => ({ ...f, itemId }))).execute();
}

export async function listFindings(db: Executor, itemId: number) {
  return db.selectFrom('itemFindings').selectAll().where('itemId', '=', itemId).orderBy('offset').execute();
}

export async function resolveFinding(db: Executor, itemId: number, findingId: number, status: 'redacted' | 'accepted', reason: string | null, userId: number) {
  const res = await db.updateTable('itemFindings').set({ status, reason, resolvedBy: userId }).where('id', '=', findingId).where('itemId', '=', itemId).where('status', '=', 'open').executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function countOpenFindings(db: Executor, itemId: number): Promise<number> {
  const row = await db.selectFrom('itemFindings').select((eb) => eb.fn.countAll<number>().as('n')).where('itemId', '=', itemId).where('status', '=', 'open').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Scheduled items whose time has come. */
export async function dueScheduled(db: Executor, now: Date) {
  return db.selectFrom('infoItems').select('id').where('status', '=', 'scheduled').where('scheduledAt', '<=', now).execute();
}

export interface CatalogQuery {
  tsquery?: string | null;
  orgIds?: number[];
  category?: string;
  topic?: string;
  from?: string;
  to?: string;
  year?: number;
  validity?: string;
  /** Keyset: items published before this (publishedAt, id). */
  before?: { at: Date; id: number };
  offset?: number;
  limit: number;
  /** A search's recent windows (tsqueries of date lexemes, smallest first, null last: the whole catalog). */
  windows?: (string | null)[];
}

export interface CatalogRow {
  id: number; indexNo: string | null; title: string; docNo: string | null; publishedOn: string | null; publishedAt: Date | null;
  category: string; topic: string; validity: string; status: string; orgCode: string; orgName: string;
  /** Only for a search (its snippets); empty otherwise. */
  bodyHtml: string;
}

/**
 * The public catalog: published (and withdrawn, with their reason) proactive items, newest first,
 * or ranked for a search. Written in SQL rather than with the query builder: building this query
 * cost more server time than running it, and every page of the catalog runs it. Browsing without
 * filters (the first page and the keyset pages after it) runs as prepared statements.
 */
export async function catalog(db: Executor, q: CatalogQuery): Promise<CatalogRow[]> {
  const filters = catalogFilters(q);
  if (q.tsquery) {
    // Rank the candidates where they are read, then fetch only the page's rows.
    const ranked = await searchCandidates(db, q.tsquery, q.orgIds ? [sql`i.org_id = any(${q.orgIds}::int[])`, ...filters] : filters, (q.offset ?? 0) + q.limit, q.windows ?? [null]);
    ranked.sort((a, b) => b.score - a.score || b.id - a.id);
    const ids = ranked.slice(q.offset ?? 0, (q.offset ?? 0) + q.limit).map((r) => r.id);
    if (!ids.length) return [];
    const rows = (await sql<CatalogRow>`/*prepared:search_page*/${listed(sql`i.body_html`)} and i.id = any(${ids}::int[])`.execute(db)).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is CatalogRow => !!r);
  }
  const filtered = filters.length > 0;
  // A row comparison walks the (published_at, id) indexes backwards from the cursor.
  if (q.before) filters.push(sql`(i.published_at, i.id) < (${q.before.at.toISOString()}::timestamptz, ${q.before.id}::int)`);
  // Numbered pages (the portal's 第N页) skip rows; the keyset cursor (the API's) does not need to.
  const offset = Math.max(0, Math.trunc(q.offset ?? 0));
  if (q.orgIds) {
    // One short index range per body, merged: asked for several bodies at once, PostgreSQL would
    // rather walk the whole catalog's publication index, which for a body with few items is everything.
    return (await sql<CatalogRow>`select x.* from unnest(${q.orgIds}::int[]) as b(org_id) cross join lateral (
        ${listed(sql`''`)} and i.org_id = b.org_id${and(filters)} order by i.published_at desc, i.id desc limit ${offset + q.limit}
      ) x order by x.published_at desc, x.id desc limit ${q.limit} offset ${offset}`.execute(db)).rows;
  }
  if (filtered || offset) {
    return (await sql<CatalogRow>`${listed(sql`''`)}${and(filters)} order by i.published_at desc, i.id desc limit ${q.limit} offset ${offset}`.execute(db)).rows;
  }
  // The limit is written into the statement (one per page size): with the limit as a parameter
  // PostgreSQL never trusts the generic plan and plans every execution again (~0.3 ms).
  const limit = Math.trunc(q.limit);
  const name = sql.raw(`/*prepared:catalog_${q.before ? 'after' : 'first'}_${limit}*/`);
  return (await sql<CatalogRow>`${name}${listed(sql`''`)}${and(filters)} order by i.published_at desc, i.id desc limit ${sql.raw(String(limit))}`.execute(db)).rows;
}

/** The columns a list shows (the body only for search snippets: it is large) of the items the public may see. */
function listed(body: RawBuilder<unknown>) {
  return sql`select i.id, i.index_no, i.title, i.doc_no, i.published_on, i.published_at, i.category, i.topic, i.validity, i.status,
      o.code as org_code, o.name as org_name, ${body} as body_html
    from info_items i join orgs o on o.id = i.org_id
    where i.status in ('published', 'withdrawn') and i.disclosure = 'proactive'`;
}

function and(conditions: RawBuilder<unknown>[]) {
  return conditions.length ? sql` and ${sql.join(conditions, sql` and `)}` : sql``;
}

/** Conditions on `i` for every filter but the bodies (which each query applies its own way). */
function catalogFilters(q: Pick<CatalogQuery, 'category' | 'topic' | 'validity' | 'from' | 'to' | 'year'>): RawBuilder<unknown>[] {
  const filters: RawBuilder<unknown>[] = [];
  if (q.category) filters.push(sql`i.category = ${q.category}`);
  if (q.topic) filters.push(sql`i.topic = ${q.topic}`);
  if (q.validity) filters.push(sql`i.validity = ${q.validity}`);
  const from = [q.from, q.year && `${q.year}-01-01`].filter((d): d is string => !!d).sort().at(-1);
  const to = [q.to, q.year && `${q.year}-12-31`].filter((d): d is string => !!d).sort()[0];
  // Dates filter on 发布日期 (a China date); the same range of published_at, a day wider on each
  // side, lets an index start at the range instead of walking every newer item to reach it.
  if (from) filters.push(sql`i.published_on >= ${from}::date and i.published_at >= (${from}::date - 1)::timestamptz`);
  if (to) filters.push(sql`i.published_on <= ${to}::date and i.published_at < (${to}::date + 2)::timestamptz`);
  return filters;
}

const ENOUGH = 300;

/**
 * The query, within a recent window when one is given: the date lexemes every listed item's vector
 * carries (domain/search/recency.ts), cast as they are (to_tsquery would parse away their “@”).
 */
const matching = (tsquery: string, window: string | null) =>
  (window ? sql`i.search_text @@ (to_tsquery('simple', ${tsquery}) && ${window}::tsquery)` : sql`i.search_text @@ to_tsquery('simple', ${tsquery})`);

const visible = sql`i.status in ('published', 'withdrawn') and i.disclosure = 'proactive'`;

/**
 * Search candidates: the newest matching items (ENOUGH of them for the first pages of a search
 * without filters, else MAX_SEARCH_CANDIDATES), which are then ranked by relevance blended with
 * recency. A common word matches a large share of a big catalog, and sorting every match is slow;
 * so the full-text index is asked within recent windows first, smallest first, the whole catalog
 * last: a window that holds that many matches holds the newest ones, and the answer is the whole
 * catalog's. The filters apply inside each query.
 */
async function searchCandidates(db: Executor, tsquery: string, filters: RawBuilder<unknown>[], needed: number, windows: (string | null)[]): Promise<{ id: number; score: number }[]> {
  const query = sql`to_tsquery('simple', ${tsquery})`;
  const limit = !filters.length && needed <= ENOUGH ? ENOUGH : MAX_SEARCH_CANDIDATES;
  for (const window of windows.length ? windows : [null]) {
    // The newest matches first (their vectors are not read), then the rank of those only.
    // Relevance blended with recency: the rank, halved for an item a year old, a third for two years …
    const rows = (await sql<{ id: number; score: number }>`
      select i.id, (ts_rank(i.search_text, ${query}) / (1 + extract(epoch from (now() - i.published_at)) / 31536000.0))::float8 as score
      from (select i.id from info_items i where ${matching(tsquery, window)} and ${visible}${and(filters)}
        order by i.published_on desc, i.published_at desc, i.id desc limit ${limit}) c join info_items i on i.id = c.id`.execute(db)).rows;
    if (rows.length >= limit || window === null) return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
  }
  throw new Error('unreachable: the last window is the whole catalog');
}

/** The most matches a search ranks (and so pages through). */
export const MAX_SEARCH_CANDIDATES = 2000;
/** A search's matches are counted up to this many (the portal then says “N条以上”). */
export const COUNT_CAP = MAX_SEARCH_CANDIDATES;

/**
 * The recent windows' bounds: the publication date of the `n`-th newest listed item, for each n
 * (null where the catalog holds fewer), and the newest date.
 */
export async function recentBounds(db: Executor, sizes: number[]): Promise<{ newest: string | null; bounds: (string | null)[] }> {
  const at = (n: number) => sql`(select to_char(i.published_on, 'YYYY-MM-DD') from info_items i where ${visible} and i.published_on is not null
    order by i.published_at desc, i.id desc offset ${n - 1} limit 1)`;
  const columns = [sql`${at(1)} as newest`, ...sizes.map((n, k) => sql`${at(n)} as ${sql.ref(`b${k}`)}`)];
  const row = (await sql<Record<string, string | null>>`select ${sql.join(columns)}`.execute(db)).rows[0];
  return { newest: row?.newest ?? null, bounds: sizes.map((_, k) => row?.[`b${k}`] ?? null) };
}

/**
 * How many items the catalog lists for these filters: every listed item when browsing; a search's
 * matches up to COUNT_CAP (`capped` beyond), counted in the smallest window that holds more than
 * that, else in the whole catalog (exact).
 */
export async function catalogCount(db: Executor, q: Omit<CatalogQuery, 'before' | 'offset' | 'limit'>, windows: (string | null)[] = [null]): Promise<{ n: number; capped: boolean }> {
  const filters = catalogFilters(q);
  if (q.orgIds) filters.push(sql`i.org_id = any(${q.orgIds}::int[])`);
  if (!q.tsquery) {
    const row = (await sql<{ n: number }>`select count(*)::int as n from info_items i where ${visible}${and(filters)}`.execute(db)).rows[0];
    return { n: Number(row?.n ?? 0), capped: false };
  }
  for (const window of windows.length ? windows : [null]) {
    const row = (await sql<{ n: number }>`select count(*)::int as n from (select 1 from info_items i
      where ${matching(q.tsquery, window)} and ${visible}${and(filters)} limit ${COUNT_CAP + 1}) m`.execute(db)).rows[0];
    const n = Number(row?.n ?? 0);
    if (n > COUNT_CAP) return { n: COUNT_CAP, capped: true };
    if (window === null) return { n, capped: false };
  }
  throw new Error('unreachable: the last window is the whole catalog');
}

/** Public items with ids in [fromId, toId), oldest first: what one sitemap file lists. */
export async function sitemapItems(db: Executor, fromId: number, toId: number) {
  return (await sql<{ indexNo: string; updatedAt: Date }>`select index_no, updated_at from info_items
    where id >= ${fromId} and id < ${toId} and status in ('published', 'withdrawn') and disclosure = 'proactive' and index_no is not null
    order by id`.execute(db)).rows;
}

/** The highest item id (0 without items): how many sitemap files there are. */
export async function maxItemId(db: Executor): Promise<number> {
  return (await sql<{ max: number | null }>`select max(id) as max from info_items`.execute(db)).rows[0]?.max ?? 0;
}

/** Published, proactively disclosed interpretations of an item (what the public sees beside it). */
export async function interpretationsOf(db: Executor, itemId: number) {
  return db.selectFrom('infoItems').select(['id', 'title', 'indexNo', 'publishedOn'])
    .where('interpretsItemId', '=', itemId).where('status', '=', 'published').where('disclosure', '=', 'proactive').execute();
}

/** The publicly listed item with this 索引号 or 发文字号 (a search for either goes straight to the document). */
export async function publicByNumber(db: Executor, q: { indexNo?: string; docNo?: string; orgIds?: number[] }) {
  let query = itemColumns(db)
    .where('infoItems.status', 'in', ['published', 'withdrawn'])
    .where('infoItems.disclosure', '=', 'proactive')
    .orderBy('infoItems.publishedAt', 'desc')
    .orderBy('infoItems.id', 'desc')
    .limit(50);
  if (q.indexNo) query = query.where('infoItems.indexNo', '=', q.indexNo);
  if (q.docNo) query = query.where('infoItems.docNo', '=', q.docNo);
  if (q.orgIds) query = query.where('infoItems.orgId', 'in', q.orgIds.length ? q.orgIds : [-1]);
  return query.execute();
}

export async function insertAttachment(db: Executor, row: { itemId: number; fileName: string; kind: string; mime: string; size: number; blobKey: string; text: string }) {
  return (await db.insertInto('itemAttachments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function listAttachments(db: Executor, itemId: number) {
  return db.selectFrom('itemAttachments').select(['id', 'fileName', 'kind', 'mime', 'size', 'blobKey', 'text', 'createdAt']).where('itemId', '=', itemId).orderBy('id').execute();
}

export async function deleteAttachment(db: Executor, itemId: number, attachmentId: number) {
  const res = await db.deleteFrom('itemAttachments').where('itemId', '=', itemId).where('id', '=', attachmentId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function findGuide(db: Executor, orgId: number) {
  return db.selectFrom('orgGuides').select(['content', 'updatedAt']).where('orgId', '=', orgId).executeTakeFirst();
}

export async function saveGuide(db: Executor, orgId: number, content: Record<string, string>, userId: number) {
  const value = JSON.stringify(content);
  await db.insertInto('orgGuides').values({ orgId, content: value, updatedBy: userId })
    .onConflict((oc) => oc.column('orgId').doUpdateSet({ content: value, updatedBy: userId, updatedAt: new Date() })).execute();
}

export async function staffSearch(db: Executor, tsquery: string, orgIds: number[] | 'all') {
  let q = itemColumns(db)
    .where(sql<boolean>`info_items.search_text @@ to_tsquery('simple', ${tsquery})`)
    .where('infoItems.status', 'in', ['published', 'withdrawn'])
    .orderBy('infoItems.publishedAt', 'desc')
    .limit(100);
  if (orgIds !== 'all') q = q.where('infoItems.orgId', 'in', orgIds.length ? orgIds : [-1]);
  return q.execute();
}

/**
 * Everything the pages of several items show, in one statement: each item, its body's name,
 * public change notes, interpretations, the policy it interprets and attachment headers.
 * A cold page is bound by the database's per-statement cost, so one round trip instead of
 * five per page matters, and pages requested together share one (see BatchLoader).
 */
export async function itemPages(db: Executor, indexNos: string[]) {
  const result = await sql<{
    id: number; orgCode: string; orgName: string; title: string; status: string; disclosure: string; docNo: string | null;
    writtenOn: string | null; publishedOn: string | null; category: string; topic: string; keywords: string | null; validity: string;
    validityChangedOn: string | null; replacedByIndexNo: string | null; withdrawnOn: string | null; withdrawnReason: string | null;
    bodyHtml: string; updatedAt: Date; indexNo: string;
    notes: { version: number; changeNote: string | null; createdAt: string }[];
    interpretations: { title: string; indexNo: string | null }[];
    interprets: { title: string; indexNo: string | null } | null;
    attachments: { id: number; fileName: string; mime: string; size: number }[];
  }>`/*prepared:item_pages*/
    select i.id, o.code as org_code, o.name as org_name, i.title, i.status, i.disclosure, i.doc_no, i.written_on, i.published_on,
      i.category, i.topic, i.keywords, i.validity, i.validity_changed_on, i.replaced_by_index_no, i.withdrawn_on, i.withdrawn_reason,
      i.body_html, i.updated_at, i.index_no,
      (select coalesce(json_agg(json_build_object('version', v.version, 'changeNote', v.change_note, 'createdAt', v.created_at) order by v.version), '[]'::json)
         from item_versions v where v.item_id = i.id and v.public_note) as notes,
      (select coalesce(json_agg(json_build_object('title', x.title, 'indexNo', x.index_no) order by x.published_at), '[]'::json)
         from info_items x where x.interprets_item_id = i.id and x.status = 'published' and x.disclosure = 'proactive') as interpretations,
      (select json_build_object('title', y.title, 'indexNo', y.index_no) from info_items y
         where y.id = i.interprets_item_id and y.status in ('published', 'withdrawn') and y.disclosure = 'proactive') as interprets,
      (select coalesce(json_agg(json_build_object('id', a.id, 'fileName', a.file_name, 'mime', a.mime, 'size', a.size) order by a.id), '[]'::json)
         from item_attachments a where a.item_id = i.id) as attachments
    from info_items i join orgs o on o.id = i.org_id
    where i.index_no = any(${indexNos}::text[]) and i.status in ('published', 'withdrawn')`.execute(db);
  return result.rows;
}
