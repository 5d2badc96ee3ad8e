/**
 * 全站搜索: one search over everything the portal publishes (search_documents), with the thesaurus
 * applied at query time, pinyin, “您是不是要找” corrections, completions while typing, facets and
 * snippets; the thesaurus editor of the 系统管理员 and the full reindex run as a background job.
 */
import type { AppContext } from '../../context.js';
import { normalizeDocNumber, parseIndexNo } from '../../domain/doc-number.js';
import { toHalfWidth } from '../../domain/id-numbers.js';
import { labelOf } from '../../domain/labels.js';
import { normalizeText, simplified } from '../../domain/search/normalize.js';
import { completions, corrections, pinyinOf } from '../../domain/search/pinyin.js';
import { buildThesaurus, compileTerms, highlightStrings, partialTerms, phraseQuery, queryTerms, type QueryTerm, type Thesaurus } from '../../domain/search/query.js';
import { windowQuery } from '../../domain/search/recency.js';
import { DICTIONARY_SIGNATURE, DICTIONARY_TERMS, INDEXED_TERMS } from '../../domain/search/segment.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { indexedRow as indexedRowOf, searchSources } from './search-index.js';
import './search-sources.js';
import * as repo from './search.repository.js';

// ---- thesaurus (cached per process; rebuilt only when the table changed)

const pinyinCache = new Map<string, { full: string; initials: string }>();
const cachedPinyin = (term: string) => {
  let p = pinyinCache.get(term);
  if (!p) pinyinCache.set(term, (p = pinyinOf(term)));
  return p;
};
const built = new WeakMap<AppContext, { signature: string; thesaurus: Thesaurus }>();

export async function thesaurus(ctx: AppContext): Promise<Thesaurus> {
  const groups = await ctx.pages.memo('search:synonyms', async () => (await repo.listSynonyms(ctx.db)).map((r) => r.terms));
  const signature = JSON.stringify(groups);
  const hit = built.get(ctx);
  if (hit && hit.signature === signature) return hit.thesaurus;
  const th = buildThesaurus(groups, DICTIONARY_TERMS, cachedPinyin);
  built.set(ctx, { signature, thesaurus: th });
  return th;
}

/**
 * The terms the site index holds as lexemes of their own (INDEXED_TERMS), when the index was built
 * with the current dictionary; otherwise none, and every term is also looked for by its bigrams.
 */
async function indexedTerms(ctx: AppContext): Promise<ReadonlySet<string> | undefined> {
  const built = await ctx.pages.memo('search:dictionary', () => repo.indexDictionary(ctx.db));
  return built === DICTIONARY_SIGNATURE ? INDEXED_TERMS : undefined;
}

/** The catalog's query (GET /api/v1/catalog?q=, 公开目录, staff search): the same terms and thesaurus. */
export async function compileQuery(ctx: AppContext, q: string): Promise<{ tsquery: string | null; terms: string[] }> {
  const terms = queryTerms(q, await thesaurus(ctx));
  return { tsquery: compileTerms(terms), terms: highlightStrings(terms) };
}

// ---- 索引号 / 发文字号

/** A query that is a 索引号 or a 发文字号 (full-width, spaces and the usual wrong brackets forgiven). */
export function documentNumber(q: string): { indexNo: string } | { docNo: string } | null {
  const plain = toHalfWidth(q).replace(/[\s\u3000]+/g, '');
  const upper = plain.toUpperCase().replace(/[／]/g, '/');
  if (parseIndexNo(upper)) return { indexNo: upper };
  const docNo = /[〔［\[【（(]\d{4}[〕］\]】）)]/.test(plain) ? normalizeDocNumber(plain) : null;
  return docNo ? { docNo } : null;
}

// ---- snippets

/** Cuts about `length` characters of the body around the first matched term and marks the terms. */
export function snippetOf(body: string, strings: string[], length = 110): { text: string; marks: [number, number][] } {
  // Traditional bodies: find the terms in the simplified text; the characters line up one for one.
  const simple = simplified(body);
  const probe = simple.length === body.length ? simple : body;
  const lower = probe.toLowerCase();
  const needles = strings.filter((s) => s.length > 0);
  let first = -1;
  for (const s of needles) {
    const at = lower.indexOf(s);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = Math.max(0, first - 30);
  const end = Math.min(body.length, start + length);
  const window = lower.slice(start, end);
  const marks: [number, number][] = [];
  for (const s of needles) {
    for (let at = window.indexOf(s); at >= 0; at = window.indexOf(s, at + s.length)) marks.push([at, at + s.length]);
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([...m]);
  }
  const prefix = start > 0 ? 1 : 0;
  return { text: (prefix ? '…' : '') + body.slice(start, end) + (end < body.length ? '…' : ''), marks: merged.map(([a, b]) => [a + prefix, b + prefix]) };
}

/** Marks of the terms in a title. */
export function marksIn(text: string, strings: string[]) {
  return snippetOf(text, strings, text.length + 1).marks;
}

// ---- search

export interface SiteQuery {
  q: string;
  kind?: string;
  org?: number;
  category?: string;
  year?: number;
  validity?: string;
  page?: number;
  limit?: number;
}

interface Run {
  terms: QueryTerm[];
  tsquery: string | null;
  total: number;
  facets: repo.FacetRow[];
  /** The window the facets were counted in (null: the whole index). */
  window: string | null;
}

/**
 * Recent windows of about this many documents are searched first, then the whole index: a common word
 * is answered from the newest documents without reading its every match (see domain/search/recency.ts).
 */
export const WINDOW_SIZES = [1_500, 12_000, 100_000];

/** The windows (tsqueries of date lexemes, smallest first), then null for the whole index. */
async function windowsOf(ctx: AppContext, sizes: number[]): Promise<(string | null)[]> {
  return ctx.pages.memo(`search:windows:${sizes.join(',')}`, async () => {
    const { newest, bounds } = await repo.recentBounds(ctx.db, sizes);
    const windows = newest ? bounds.filter((b): b is string => b !== null).map((b) => windowQuery(b, newest)) : [];
    return [...new Set(windows), null];
  });
}

/**
 * The matches' facets, and so their number (every document has one content type): counted in the
 * smallest window that holds COUNT_CAP matches, or the largest if that holds a page of candidates,
 * else over the whole index. A count from a window is a lower bound (the page says “N条以上”).
 */
async function countFor(ctx: AppContext, th: Thesaurus, q: string, filters: repo.SiteFilters, windows: (string | null)[], indexed?: ReadonlySet<string>): Promise<Run> {
  const terms = queryTerms(q, th);
  const tsquery = compileTerms(terms, indexed);
  if (!tsquery) return { terms, tsquery, facets: [], total: 0, window: null };
  for (const [i, window] of windows.entries()) {
    const facets = await repo.facets(ctx.db, tsquery, filters, window);
    const total = facets.filter((f) => f.facet === 'kind').reduce((n, f) => n + f.n, 0);
    // The largest window holds a page of candidates or more: its count stands as “N条以上”
    // (counting every match of a common query in the whole index is what makes searches slow).
    const last = i === windows.length - 2;
    if (total >= repo.COUNT_CAP || window === null || (last && total >= repo.BODY_CANDIDATES)) return { terms, tsquery, facets, total, window };
  }
  throw new Error('unreachable: the last window is the whole index');
}

/** The newest `limit` matches: from the smallest window that has that many, else the whole index. */
async function newest(ctx: AppContext, tsquery: string, filters: repo.SiteFilters, windows: (string | null)[], limit: number, title = false) {
  for (const window of windows) {
    const ids = await repo.newestMatches(ctx.db, { tsquery, window, title, filters, limit });
    if (ids.length >= limit || window === null) return ids;
  }
  return [];
}

/** Little found: what the query may have meant (a known term of the same sound, or one character off). */
const FEW = 3;

export async function searchSite(ctx: AppContext, query: SiteQuery, options: { windowSizes?: number[] } = {}) {
  const limit = query.limit ?? 10;
  const page = Math.max(1, query.page ?? 1);
  const q = query.q.trim();
  const number = q ? documentNumber(q) : null;
  if (number) {
    const found = await repo.byNumber(ctx.db, number);
    if (found.length === 1) return { exact: { url: found[0].url, title: found[0].title }, q };
  }
  const th = await thesaurus(ctx);
  const windows = await windowsOf(ctx, options.windowSizes ?? WINDOW_SIZES);
  const indexed = await indexedTerms(ctx);
  const filters: repo.SiteFilters = { kind: query.kind, orgId: query.org, category: query.category, year: query.year, validity: query.validity };
  let run = await countFor(ctx, th, q, filters, windows, indexed);
  let suggestion: string | null = null;
  let corrected = false;
  const isPinyin = /^[a-z\s]+$/i.test(q);
  if (run.total < FEW && !isPinyin) {
    const normalized = normalizeText(q);
    let best: { text: string; run: Run } | null = null;
    for (const text of corrections(normalized, th.known)) {
      const other = await countFor(ctx, th, text, filters, windows, indexed);
      if (other.total > run.total && (!best || other.total > best.run.total)) best = { text, run: other };
    }
    if (best) {
      suggestion = best.text;
      // Nothing as typed and a clear correction: its results are shown (the page says so).
      if (run.total === 0) {
        run = best.run;
        corrected = true;
      }
    }
  }
  const strings = highlightStrings(run.terms);
  const pinyinTerms = isPinyin && run.terms.length ? run.terms.flatMap((t) => t.alternatives).filter((a) => /\p{Script=Han}/u.test(a)) : [];
  if (!run.tsquery) {
    return { q, total: 0, capped: false, page, pages: 0, results: [], partial: [], facets: [], suggestion, corrected, pinyinTerms, strings };
  }
  const view = (r: repo.RankedRow) => {
    const snippet = snippetOf(r.body, strings);
    return {
      kind: r.kind, kindLabel: labelOf('searchKind', r.kind), url: r.url, title: r.title, titleMarks: marksIn(r.title, strings),
      snippet: snippet.text, snippetMarks: snippet.marks, orgName: r.orgName, publishedOn: r.publishedOn, docNo: r.docNo, indexNo: r.indexNo,
      validity: r.validity, validityLabel: r.validity ? labelOf('validity', r.validity) : null, category: r.category,
    };
  };
  const ranked = async (tsquery: string, phrase: string | null, offset: number, count: number) => {
    const ids = [...new Set([
      ...await newest(ctx, tsquery, filters, windows, repo.BODY_CANDIDATES),
      ...await newest(ctx, tsquery, filters, windows, repo.TITLE_CANDIDATES, true),
    ])];
    return { ids, rows: await repo.rankedPage(ctx.db, { ids, tsquery, phrase, offset, limit: count }) };
  };
  // The candidates are what can be paged through.
  const { ids: candidates, rows } = run.total > 0 ? await ranked(run.tsquery, phraseQuery(run.terms), (page - 1) * limit, limit) : { ids: [], rows: [] };
  const facetRows = run.facets;
  const reachable = candidates.length;
  const results = rows.map(view);
  // Few full matches of a long query: the documents lacking one of its words follow, ranked below them.
  const partialQuery = run.total < FEW && page === 1 ? partialTerms(run.terms, indexed) : null;
  const found = new Set(rows.map((r) => r.url));
  const partial = partialQuery
    ? (await ranked(partialQuery, null, 0, limit + rows.length)).rows.filter((r) => !found.has(r.url)).slice(0, limit).map(view)
    : [];
  return {
    q, total: run.total, capped: run.total >= repo.COUNT_CAP || run.window !== null, page, pages: Math.ceil(reachable / limit), results, partial,
    facets: facetRows.map((f) => ({ ...f, label: f.label ?? (f.facet === 'kind' ? labelOf('searchKind', f.value) : labelOf('validity', f.value)) })),
    suggestion, corrected, pinyinTerms, strings,
  };
}

/** Suggestions while typing: known terms (by Chinese or pinyin prefix) and titles that match. */
export async function suggest(ctx: AppContext, typed: string, options: { windowSizes?: number[] } = {}) {
  const q = typed.trim().slice(0, 40);
  if (!q) return { suggestions: [] as { text: string; url?: string }[] };
  const th = await thesaurus(ctx);
  const terms = completions(normalizeText(q), th.known, 6).map((text) => ({ text }));
  const tsquery = [...q].length >= 2 ? compileTerms(queryTerms(q, th), await indexedTerms(ctx)) : null;
  let titles: { text: string; url: string }[] = [];
  if (tsquery) {
    for (const window of await windowsOf(ctx, options.windowSizes ?? WINDOW_SIZES)) {
      const rows = await repo.titlesMatching(ctx.db, tsquery, 5, window);
      if (rows.length >= 5 || window === null) {
        titles = rows.map((t) => ({ text: t.title, url: t.url }));
        break;
      }
    }
  }
  return { suggestions: [...terms, ...titles] };
}

// ---- thesaurus editor (系统管理员)

function checkTerms(terms: string[]): string[] {
  const clean = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  if (clean.length < 2 || clean.length > 12 || clean.some((t) => [...t].length > 20)) {
    throw new AppError('SYNONYM_INVALID', [{ path: 'terms', message: '请填写2至12个不同的词，每个词不超过20个字。' }]);
  }
  return clean;
}

export async function listSynonymGroups(ctx: AppContext) {
  const rows = await repo.listSynonyms(ctx.db);
  return { items: rows.map((r) => ({ id: r.id, terms: r.terms, builtin: r.builtin, builtinLabel: r.builtin ? '默认' : '自定义', updatedAt: r.updatedAt })) };
}

function changed(ctx: AppContext) {
  ctx.pages.invalidate();
}

export async function createSynonymGroup(ctx: AppContext, actor: Actor, input: { terms: string[] }) {
  const terms = checkTerms(input.terms);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertSynonym(trx, terms, actor.userId);
    await recordAudit(trx, { actor, orgId: null, action: 'search.synonym.create', targetType: 'searchSynonym', targetId: newId, summary: { after: { terms: terms.join('、') } } });
    return newId;
  });
  changed(ctx);
  return { id, terms };
}

export async function updateSynonymGroup(ctx: AppContext, actor: Actor, id: number, input: { terms: string[] }) {
  const terms = checkTerms(input.terms);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findSynonym(trx, id);
    if (!before) throw new AppError('SYNONYM_NOT_FOUND');
    await repo.updateSynonym(trx, id, terms, actor.userId);
    await recordAudit(trx, { actor, orgId: null, action: 'search.synonym.update', targetType: 'searchSynonym', targetId: id, summary: { before: { terms: before.terms.join('、') }, after: { terms: terms.join('、') } } });
  });
  changed(ctx);
  return { id, terms };
}

export async function deleteSynonymGroup(ctx: AppContext, actor: Actor, id: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findSynonym(trx, id);
    if (!before) throw new AppError('SYNONYM_NOT_FOUND');
    await repo.deleteSynonym(trx, id);
    await recordAudit(trx, { actor, orgId: null, action: 'search.synonym.delete', targetType: 'searchSynonym', targetId: id, summary: { before: { terms: before.terms.join('、') } } });
  });
  changed(ctx);
  return { ok: true };
}

// ---- full reindex (background job)

function runView(run: Awaited<ReturnType<typeof repo.latestRun>>) {
  if (!run) return null;
  return {
    id: run.id, status: run.status, statusLabel: labelOf('reindexStatus', run.status), done: run.done, total: run.total,
    percent: run.total ? Math.min(100, Math.floor((run.done / run.total) * 100)) : run.status === 'done' ? 100 : 0,
    error: run.error, createdAt: run.createdAt, startedAt: run.startedAt, finishedAt: run.finishedAt,
  };
}

export async function reindexStatus(ctx: AppContext) {
  const size = await repo.indexSize(ctx.db);
  return { run: runView(await repo.latestRun(ctx.db)), documents: Number(size?.documents ?? 0), bytes: Number(size?.bytes ?? 0) };
}

/** Queues a full reindex; the background job (src/jobs/platform-jobs.ts) runs it. */
export async function requestReindex(ctx: AppContext, actor: Actor) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.openRun(trx)) throw new AppError('REINDEX_RUNNING');
    const runId = await repo.insertRun(trx, actor.userId);
    await recordAudit(trx, { actor, orgId: null, action: 'search.reindex', targetType: 'searchIndex', targetId: runId });
    return runId;
  });
  return reindexStatus(ctx).then((s) => ({ ...s, queuedRunId: id }));
}

const BATCH = 500;

/**
 * An index built with another dictionary (an upgrade changed gov-dictionary.ts or the vectors' form)
 * is rebuilt: a reindex is queued, once. An empty one is simply marked as built with this one.
 */
export async function queueReindexIfStale(ctx: AppContext): Promise<boolean> {
  if ((await repo.indexDictionary(ctx.db)) === DICTIONARY_SIGNATURE) return false;
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.hasDocuments(trx))) {
      await repo.setIndexDictionary(trx, DICTIONARY_SIGNATURE);
      return false;
    }
    if (await repo.openRun(trx)) return false;
    await repo.insertRun(trx, null);
    return true;
  });
}

/**
 * Runs the oldest queued reindex, if any: every source, batch by batch, each batch in its own
 * transaction, the progress written after each. Documents a source no longer yields are removed.
 */
export async function runQueuedReindex(ctx: AppContext): Promise<boolean> {
  const run = await repo.openRun(ctx.db);
  if (!run) return false;
  const startedAt = new Date();
  let total = 0;
  for (const source of searchSources) total += await source.count(ctx.db);
  await repo.updateRun(ctx.db, run.id, { status: 'running', startedAt, total, done: 0 });
  let done = 0;
  try {
    for (const source of searchSources) {
      let after: string | null = null;
      for (;;) {
        const batch = await ctx.db.transaction().execute(async (trx) => {
          const b = await source.batch(trx, after, BATCH);
          await repo.upsertDocuments(trx, b.docs.map((d) => indexedRowOf(d)));
          return b;
        });
        if (!batch.processed) break;
        done += batch.processed;
        after = batch.next;
        await repo.updateRun(ctx.db, run.id, { done: Math.min(done, total) });
      }
      for (const kind of source.kinds) await repo.deleteStale(ctx.db, kind, startedAt);
    }
    await repo.flushIndexes(ctx.db);
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateRun(trx, run.id, { status: 'done', done: total, finishedAt: new Date() });
      await repo.setIndexDictionary(trx, DICTIONARY_SIGNATURE);
    });
  } catch (err) {
    await repo.updateRun(ctx.db, run.id, { status: 'failed', error: String((err as Error).message ?? err).slice(0, 500), finishedAt: new Date() });
    throw err;
  }
  ctx.pages.invalidate();
  return true;
}
