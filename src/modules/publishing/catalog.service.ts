/**
 * The public 政府信息公开目录: browsing, Chinese full-text search and item pages.
 */
import type { AppContext } from '../../context.js';
import { normalizeDocNumber, parseIndexNo } from '../../domain/doc-number.js';
import { toHalfWidth } from '../../domain/id-numbers.js';
import { windowQuery } from '../../domain/search/recency.js';
import { compileQuery } from '../search/search.service.js';
import { AppError } from '../../http/errors.js';
import { BatchLoader } from '../../lib/batch-loader.js';
import { findOrgByCode, listOrgs, subtreeIds } from '../orgs/orgs.repository.js';
import * as repo from './publishing.repository.js';
import { bodyText, publishDueItems } from './publishing.service.js';

export interface CatalogFilters {
  q?: string;
  org?: string;
  category?: string;
  topic?: string;
  from?: string;
  to?: string;
  year?: number;
  validity?: string;
  cursor?: string;
  /** A numbered page (the portal's 第N页), instead of a cursor. */
  page?: number;
  limit?: number;
}

/** The deepest numbered page the portal offers: older items are found by year, body or search. */
export const MAX_CATALOG_PAGE = 500;

/**
 * A search for a 索引号 or a 发文字号 is a look-up, not a full-text search: the 索引号 is not in
 * the text, and the 发文字号's brackets and numbers split into tokens that match too widely.
 * Full-width letters and digits, spaces and the usual wrong brackets are forgiven.
 */
export function catalogNumber(q: string): { indexNo: string } | { docNo: string } | null {
  const plain = toHalfWidth(q).replace(/[\s\u3000]+/g, '');
  const index = parseIndexNo(plain.toUpperCase().replace(/[／]/g, '/'));
  if (index) return { indexNo: plain.toUpperCase().replace(/[／]/g, '/') };
  const docNo = /[〔［\[【（(]\d{4}[〕］\]】）)]/.test(plain) ? normalizeDocNumber(plain) : null;
  return docNo ? { docNo } : null;
}

/** Stable public address of an item: /xxgk/items/<orgCode>/<year>-<serial>. */
export function itemPath(indexNo: string): string {
  return `/xxgk/items/${indexNo}`;
}

function decodeCursor(cursor: string | undefined): { before?: { at: Date; id: number }; offset?: number } {
  if (!cursor) return {};
  try {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    if (text.startsWith('o:')) return { offset: Math.max(0, Number(text.slice(2)) || 0) };
    const [at, id] = text.split('|');
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || !Number.isInteger(Number(id))) return {};
    return { before: { at: date, id: Number(id) } };
  } catch {
    return {};
  }
}

function snippet(text: string, terms: string[], length = 120): string {
  const positions = terms.map((t) => text.indexOf(t)).filter((p) => p >= 0);
  const start = Math.max(0, (positions.length ? Math.min(...positions) : 0) - 30);
  return (start > 0 ? '…' : '') + text.slice(start, start + length) + (start + length < text.length ? '…' : '');
}

async function orgIdsOf(ctx: AppContext, code: string): Promise<number[]> {
  // Kept per known body only: an address with a made-up body code must not fill the cache.
  const codes = await ctx.pages.memo('catalog:org-codes', async () => new Set((await listOrgs(ctx.db)).map((o) => o.code)));
  return !codes.has(code) ? [] : ctx.pages.memo(`catalog:subtree:${code}`, async () => {
    const org = await findOrgByCode(ctx.db, code);
    return org ? subtreeIds(ctx.db, org.id) : [];
  });
}

type ListedRow = Pick<repo.CatalogRow, 'indexNo' | 'title' | 'orgCode' | 'orgName' | 'docNo' | 'publishedOn' | 'category' | 'topic' | 'validity' | 'status' | 'bodyHtml'>;

function listedItem(r: ListedRow, terms: string[] | null) {
  return {
    indexNo: r.indexNo!, title: r.title, orgCode: r.orgCode, orgName: r.orgName, ...(r.docNo ? { docNo: r.docNo } : {}),
    publishedOn: r.publishedOn!, url: itemPath(r.indexNo!), category: r.category, topic: r.topic, validity: r.validity,
    status: r.status, ...(terms ? { snippet: snippet(bodyText(r.bodyHtml), terms) } : {}),
  };
}

/**
 * A search looks among about this many of the newest items first, then the whole catalog (see
 * domain/search/recency.ts): a common word is answered from them without reading its every match.
 */
export const CATALOG_WINDOW_SIZES = [4_000, 40_000];

/** The windows (tsqueries of date lexemes, smallest first), then null for the whole catalog. */
async function windowsOf(ctx: AppContext, sizes: number[]): Promise<(string | null)[]> {
  return ctx.pages.memo(`catalog:windows:${sizes.join(',')}`, async () => {
    const { newest, bounds } = sizes.length ? await repo.recentBounds(ctx.db, sizes) : { newest: null, bounds: [] };
    const windows = newest ? bounds.filter((b): b is string => b !== null).map((b) => windowQuery(b, newest)) : [];
    return [...new Set(windows), null];
  });
}

/**
 * A page of the catalog and how many items match in all (`total`; a search's count stops at
 * repo.COUNT_CAP, and `capped` says so): browsing newest first, a
 * Chinese full-text search ranked by relevance, or — for a 索引号 or 发文字号 — the document itself
 * (`exact`). Pages go by cursor (the API) or by number (the portal).
 */
export async function searchCatalog(ctx: AppContext, filters: CatalogFilters, options: { windowSizes?: number[] } = {}) {
  await publishDueItems(ctx);
  const limit = filters.limit ?? 20;
  const orgIds = filters.org ? await orgIdsOf(ctx, filters.org) : undefined;
  const number = filters.q ? catalogNumber(filters.q) : null;
  if (number) {
    const rows = await repo.publicByNumber(ctx.db, { ...number, orgIds });
    if (rows.length) return { items: rows.map((r) => listedItem(r, null)), next: undefined, total: rows.length, capped: false, pages: 1, exact: true, terms: [] as string[] };
  }
  const compiled = filters.q ? await compileQuery(ctx, filters.q) : null;
  const tsquery = compiled?.tsquery ?? null;
  const { before, offset: cursorOffset } = decodeCursor(filters.cursor);
  const offset = filters.page ? (filters.page - 1) * limit : cursorOffset;
  const query = { tsquery, orgIds, category: filters.category, topic: filters.topic, from: filters.from, to: filters.to, year: filters.year, validity: filters.validity };
  const sizes = options.windowSizes ?? CATALOG_WINDOW_SIZES;
  const windows = tsquery ? await windowsOf(ctx, sizes) : [null];
  const [rows, { n: total, capped }] = await Promise.all([
    repo.catalog(ctx.db, { ...query, windows, before: filters.page ? undefined : before, offset, limit: limit + 1 }),
    // Counted once per set of filters until the catalog changes (every page of a search shows it).
    ctx.pages.memo(`catalog:count:${sizes.join(',')}:${JSON.stringify(query)}`, () => repo.catalogCount(ctx.db, query, windows)),
  ]);
  const page = rows.slice(0, limit);
  const terms = compiled?.terms ?? [];
  const items = page.map((r) => listedItem(r, filters.q ? terms : null));
  let next: string | undefined;
  if (rows.length > limit) {
    const last = page[page.length - 1];
    next = Buffer.from(tsquery ? `o:${(offset ?? 0) + limit}` : `${new Date(last.publishedAt!).toISOString()}|${last.id}`).toString('base64url');
  }
  // A search ranks at most MAX_SEARCH_CANDIDATES matches: that many can be paged through.
  const reachable = tsquery ? Math.min(total, repo.MAX_SEARCH_CANDIDATES) : total;
  return { items, next, total, capped, pages: Math.min(Math.ceil(reachable / limit), MAX_CATALOG_PAGE), exact: false, terms };
}

type ItemPageRow = Awaited<ReturnType<typeof repo.itemPages>>[number];
const itemPageLoaders = new WeakMap<AppContext, BatchLoader<string, ItemPageRow>>();

function itemPageLoader(ctx: AppContext) {
  let loader = itemPageLoaders.get(ctx);
  if (!loader) {
    loader = new BatchLoader(async (indexNos) => new Map((await repo.itemPages(ctx.db, indexNos)).map((row) => [row.indexNo, row])));
    itemPageLoaders.set(ctx, loader);
  }
  return loader;
}

export async function catalogItem(ctx: AppContext, indexNo: string) {
  await publishDueItems(ctx);
  const item = await itemPageLoader(ctx).load(indexNo);
  if (!item || item.disclosure !== 'proactive') throw new AppError('ITEM_NOT_FOUND');
  const attachments = item.status === 'withdrawn' ? [] : item.attachments;
  return {
    id: item.id, indexNo: item.indexNo, title: item.title, orgCode: item.orgCode, orgName: item.orgName, docNo: item.docNo,
    writtenOn: item.writtenOn, publishedOn: item.publishedOn!, category: item.category, topic: item.topic, keywords: item.keywords,
    validity: item.validity, validityChangedOn: item.validityChangedOn, replacedByIndexNo: item.replacedByIndexNo,
    status: item.status, withdrawnOn: item.withdrawnOn, withdrawnReason: item.withdrawnReason,
    bodyHtml: item.bodyHtml, updatedAt: item.updatedAt,
    changes: item.notes.map((v) => ({ version: v.version, note: v.changeNote, at: v.createdAt })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, size: a.size, url: `${itemPath(item.indexNo)}/attachments/${a.id}` })),
    interpretations: item.interpretations.map((i) => ({ title: i.title, indexNo: i.indexNo, url: i.indexNo ? itemPath(i.indexNo) : null })),
    interprets: item.interprets?.indexNo ? { title: item.interprets.title, indexNo: item.interprets.indexNo, url: itemPath(item.interprets.indexNo) } : null,
  };
}

/** An item for the JSON API, which also gives its plain text (the page shows the markup and does not need it). */
export async function catalogItemWithText(ctx: AppContext, indexNo: string) {
  const item = await catalogItem(ctx, indexNo);
  return { ...item, text: bodyText(item.bodyHtml) };
}

/** Items per sitemap file: the sitemap protocol allows 50,000 addresses in one file. */
export const SITEMAP_CHUNK = 50_000;

/** How many item sitemap files the catalog needs (by item id ranges, so a file's contents stay put). */
export async function sitemapChunks(ctx: AppContext): Promise<number> {
  return Math.floor((await repo.maxItemId(ctx.db)) / SITEMAP_CHUNK) + 1;
}

/** The public items of sitemap file `chunk`, with their last change (for crawlers). */
export async function sitemapChunk(ctx: AppContext, chunk: number) {
  if (chunk >= (await sitemapChunks(ctx))) throw new AppError('NOT_FOUND');
  const rows = await repo.sitemapItems(ctx.db, chunk * SITEMAP_CHUNK, (chunk + 1) * SITEMAP_CHUNK);
  return rows.map((r) => ({ url: itemPath(r.indexNo), lastModified: new Date(r.updatedAt).toISOString().slice(0, 10) }));
}

/** An attachment of a published item (never of a draft or a withdrawn one). */
export async function catalogAttachment(ctx: AppContext, indexNo: string, attachmentId: number) {
  const item = await repo.findByIndexNo(ctx.db, indexNo);
  if (!item || item.status !== 'published' || item.disclosure !== 'proactive') throw new AppError('ITEM_NOT_FOUND');
  const attachment = (await repo.listAttachments(ctx.db, item.id)).find((a) => a.id === attachmentId);
  if (!attachment) throw new AppError('ITEM_NOT_FOUND');
  return { fileName: attachment.fileName, mime: attachment.mime, data: await ctx.blobs.get(attachment.blobKey) };
}

/**
 * The public address and title of a proactively published item, by id, or null (not published, withdrawn,
 * 依申请公开 only). Other capabilities link to catalog items through it: 意见征集's final document and
 * 回应关切's responses (issue 13).
 */
export async function publishedItemLink(ctx: AppContext, id: number): Promise<{ url: string; title: string; indexNo: string; orgId: number } | null> {
  const item = await repo.findItem(ctx.db, id);
  if (!item || item.status !== 'published' || item.disclosure !== 'proactive' || !item.indexNo) return null;
  return { url: itemPath(item.indexNo), title: item.title, indexNo: item.indexNo, orgId: item.orgId };
}
