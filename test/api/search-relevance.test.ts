/**
 * The relevance set of 全站搜索 (test/fixtures/search-relevance): 65 documents loaded through the real
 * catalog import (items) and the search index API (便民问答, 互动回复, 办事指南), then every query of
 * the set through GET /api/v1/search, the first ten results compared with the documents judged by
 * hand. Reports recall@10 and precision@10 (overall and by kind of query) and fails under the figures
 * the set reached when it was written. Runs on PGlite and on PostgreSQL alike.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { indexDocument } from '../../src/modules/search/search-index.js';
import { createTestApp, type TestApp } from '../support/app.js';

interface Doc { id: string; kind?: string; title: string; docNo?: string; publishedOn: string; validity?: string; body: string }
interface Query { type: string; q: string; expected: string[] }

const dir = new URL('../fixtures/search-relevance/', import.meta.url);
const documents: Doc[] = JSON.parse(fs.readFileSync(new URL('documents.json', dir), 'utf8'));
const queries: Query[] = JSON.parse(fs.readFileSync(new URL('queries.json', dir), 'utf8'));

/** The figures of the set when it was written (PGlite and PostgreSQL reach the same). */
const MIN_RECALL = 0.99;
const MIN_PRECISION = 0.95;

let t: TestApp;
const idByTitle = new Map<string, string>();
const indexNoOf = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2025-09-01T02:00:00Z') });
  const items = documents.filter((d) => !d.kind);
  const csv = Papa.unparse([['标题', '发文字号', '发布日期', '有效性', '正文'], ...items.map((d) => [d.title, d.docNo ?? '', d.publishedOn, d.validity ?? '有效', d.body])]);
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/catalog-import?dryRun=false`, headers: { ...(await t.auth('office')), 'content-type': 'text/csv' }, payload: csv });
  expect(res.statusCode, res.body).toBe(200);
  await t.db.transaction().execute(async (trx) => {
    for (const [n, d] of documents.filter((x) => x.kind).entries()) {
      await indexDocument(trx, { kind: d.kind!, ref: `fixture-${n}`, url: `/fixture/${d.id}`, title: d.title, body: d.body, orgName: '示例县人民政府', publishedOn: d.publishedOn });
    }
  });
  for (const d of documents) idByTitle.set(d.title, d.id);
  const rows = await t.db.selectFrom('infoItems').select(['title', 'indexNo']).execute();
  for (const r of rows) if (idByTitle.has(r.title) && r.indexNo) indexNoOf.set(idByTitle.get(r.title)!, r.indexNo);
}, 120_000);
afterAll(async () => t.close());

const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function queryText(q: string): string {
  return q.replace(/\{indexNo:(\w+)\}/, (_, id) => indexNoOf.get(id)!).replace(/\{indexNoFullWidth:(\w+)\}/, (_, id) => fullWidth(indexNoOf.get(id)!));
}

async function topTen(q: string): Promise<string[]> {
  const res = await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  if (body.exact) return [idByTitle.get(body.exact.title) ?? body.exact.title];
  return body.results.slice(0, 10).map((r: { title: string }) => idByTitle.get(r.title) ?? r.title);
}

describe('relevance set', () => {
  it('has the documents and queries the issue asks for', () => {
    expect(documents.length).toBeGreaterThanOrEqual(60);
    expect(queries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(queries.map((q) => q.type))).toEqual(new Set(['word', 'multiword', 'colloquial', 'single', 'abbreviation', 'traditional', 'fullwidth', 'pinyin', 'initials', 'typo', 'number', 'nothing']));
  });

  it(`reaches recall@10 ≥ ${MIN_RECALL} and precision@10 ≥ ${MIN_PRECISION}`, async () => {
    const byType = new Map<string, { recall: number[]; precision: number[] }>();
    const misses: string[] = [];
    for (const query of queries) {
      const top = await topTen(queryText(query.q));
      const hits = top.filter((id) => query.expected.includes(id)).length;
      const recall = query.expected.length ? hits / query.expected.length : top.length ? 0 : 1;
      const precision = top.length ? hits / top.length : query.expected.length ? 0 : 1;
      const entry = byType.get(query.type) ?? { recall: [], precision: [] };
      entry.recall.push(recall);
      entry.precision.push(precision);
      byType.set(query.type, entry);
      if (recall < 1 || precision < 1) misses.push(`${query.q}: 期望 ${query.expected.join(',') || '无'}，得到 ${top.join(',') || '无'}`);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const all = [...byType.values()];
    const recall = mean(all.flatMap((e) => e.recall));
    const precision = mean(all.flatMap((e) => e.precision));
    console.log([
      `recall@10 ${recall.toFixed(3)}  precision@10 ${precision.toFixed(3)}  (${queries.length} queries, ${documents.length} documents, ${process.env.TEST_DB ?? 'pglite'})`,
      ...[...byType.entries()].map(([type, e]) => `  ${type.padEnd(12)} n=${String(e.recall.length).padStart(2)}  recall ${mean(e.recall).toFixed(2)}  precision ${mean(e.precision).toFixed(2)}`),
      '未全中的查询:', ...misses.map((m) => `  ${m}`),
    ].join('\n'));
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
  }, 120_000);
});
