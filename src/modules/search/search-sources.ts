/**
 * What 全站搜索 indexes itself: catalog items (and 政策解读, items that interpret another) and published
 * annual reports, each on publication and in a full reindex.
 */
import { sql } from 'kysely';
import { dateLexemes } from '../../domain/search/recency.js';
import { searchVector } from '../../domain/search/segment.js';
import type { Executor } from '../audit/audit.repository.js';
import { searchSources, indexedRow, fieldsOf, type SearchDocument } from './search-index.js';
import * as repo from './search.repository.js';

const plain = (htmlText: string) => htmlText.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/[ \t]+/g, ' ').trim();

interface ItemRow {
  id: number; title: string; status: string; disclosure: string; docNo: string | null; keywords: string | null; bodyHtml: string; category: string;
  validity: string; indexNo: string | null; publishedOn: string | null; interpretsItemId: number | null; orgId: number; orgName: string; attachments: string[] | null;
}

async function itemRows(db: Executor, where: { ids?: number[]; afterId?: number; limit?: number }) {
  const cond = where.ids ? sql`i.id = any(${where.ids}::int[])` : sql`i.id > ${where.afterId ?? 0}`;
  return (await sql<ItemRow>`select i.id, i.title, i.status, i.disclosure, i.doc_no, i.keywords, i.body_html, i.category, i.validity, i.index_no,
      to_char(i.published_on, 'YYYY-MM-DD') as published_on, i.interprets_item_id, i.org_id, o.name as org_name,
      (select array_agg(a.text order by a.id) from item_attachments a where a.item_id = i.id) as attachments
    from info_items i join orgs o on o.id = i.org_id where ${cond} order by i.id ${where.limit ? sql`limit ${where.limit}` : sql``}`.execute(db)).rows;
}

const isPublic = (r: ItemRow) => r.disclosure === 'proactive' && r.status === 'published' && !!r.indexNo;

function itemDocument(r: ItemRow): SearchDocument {
  return {
    kind: r.interpretsItemId ? 'interpretation' : 'item', ref: String(r.id), url: `/xxgk/items/${r.indexNo}`, title: r.title, body: plain(r.bodyHtml),
    extraText: (r.attachments ?? []).filter(Boolean), keywords: r.keywords ? [r.keywords] : [], orgId: r.orgId, orgName: r.orgName, publishedOn: r.publishedOn,
    category: r.category, validity: r.validity, docNo: r.docNo, indexNo: r.indexNo,
  };
}

/**
 * Indexes items as they now stand: each item's own vector (the catalog and the staff search read it,
 * 依申请公开 items included) and, for a published proactive item, its entry in the site index;
 * a withdrawn or unpublished one leaves the site index.
 */
export async function indexItems(db: Executor, rows: ItemRow[]) {
  const vectors: { id: number; vector: string }[] = [];
  const docs: repo.IndexedRow[] = [];
  for (const r of rows) {
    const doc = itemDocument(r);
    const fields = fieldsOf(doc);
    if (isPublic(r)) {
      const row = indexedRow(doc, fields);
      docs.push(row);
      vectors.push({ id: r.id, vector: row.vector });
    } else if (r.disclosure === 'proactive' && r.status === 'withdrawn') {
      // Still listed in the catalog (with its reason): the catalog's search looks in recent windows too.
      vectors.push({ id: r.id, vector: `${searchVector(fields)} ${dateLexemes(r.publishedOn)}` });
    } else {
      vectors.push({ id: r.id, vector: searchVector(fields) });
    }
  }
  await repo.setItemVectors(db, vectors);
  await repo.upsertDocuments(db, docs);
  for (const r of rows.filter((x) => !isPublic(x))) {
    await repo.deleteDocument(db, 'item', String(r.id));
    await repo.deleteDocument(db, 'interpretation', String(r.id));
  }
}

/** Re-indexes one item after a change (publication, correction, withdrawal, import). */
export async function indexItem(db: Executor, id: number) {
  await indexItems(db, await itemRows(db, { ids: [id] }));
}

searchSources.push({
  kinds: ['item', 'interpretation'],
  count: async (db) => Number((await sql<{ n: number }>`select count(*)::int as n from info_items`.execute(db)).rows[0]?.n ?? 0),
  async batch(db, after, limit) {
    const rows = await itemRows(db, { afterId: after ? Number(after) : 0, limit });
    await indexItems(db, rows);
    return { docs: [], next: rows.length ? String(rows[rows.length - 1].id) : null, processed: rows.length };
  },
});

// ---- annual reports

interface ReportData { orgName: string; year: number; sections?: { overview?: string; problems?: string; other?: string }; publishedAt?: string }

export function reportDocument(orgId: number, orgCode: string, data: ReportData): SearchDocument {
  const title = `${data.orgName}${data.year}年政府信息公开工作年度报告`;
  const s = data.sections ?? {};
  return {
    kind: 'annualReport', ref: `${orgCode}/${data.year}`, url: `/xxgk/reports/${orgCode}/${data.year}`, title,
    body: [s.overview, s.problems, s.other].filter(Boolean).join('\n'), keywords: ['政府信息公开工作年度报告', '年度报告'],
    orgId, orgName: data.orgName, publishedOn: data.publishedAt ? new Date(new Date(data.publishedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : null,
    category: '政府信息公开年报',
  };
}

searchSources.push({
  kinds: ['annualReport'],
  count: async (db) => Number((await sql<{ n: number }>`select count(distinct (org_id, year))::int as n from annual_reports`.execute(db)).rows[0]?.n ?? 0),
  async batch(db, after, limit) {
    const rows = (await sql<{ id: number; orgId: number; orgCode: string; data: ReportData | string }>`
      select distinct on (r.org_id, r.year) r.id, r.org_id, o.code as org_code, r.data from annual_reports r join orgs o on o.id = r.org_id
      where (r.org_id, r.year) > (${after ? Number(after.split(':')[0]) : 0}, ${after ? Number(after.split(':')[1]) : 0})
      order by r.org_id, r.year, r.version desc limit ${limit}`.execute(db)).rows;
    const docs = rows.map((r) => reportDocument(r.orgId, r.orgCode, typeof r.data === 'string' ? JSON.parse(r.data) : r.data));
    const last = rows[rows.length - 1];
    return { docs, next: last ? `${last.orgId}:${docs[docs.length - 1].ref.split('/')[1]}` : null, processed: rows.length };
  },
});
