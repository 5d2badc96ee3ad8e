/**
 * Browsing and searching a catalog bigger than the search's candidate window: filters must
 * find an older body's items even when thousands of newer ones match too.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { searchDocument } from '../../src/domain/search-text.js';
import { createTestApp, TestApp } from '../support/app.js';

let t: TestApp;
const NEWER = 2100;

async function orgId(code: string) {
  return (await t.db.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** Published items straight into the table (the workflow is tested elsewhere; this needs thousands). */
async function insertItems(org: string, code: string, count: number, title: (n: number) => string, publishedAt: (n: number) => string) {
  const id = await orgId(org);
  const rows = Array.from({ length: count }, (_, n) => ({ n, title: title(n), at: publishedAt(n) }));
  await sql`insert into info_items (org_id, title, body_html, status, disclosure, category, topic, index_no, published_on, published_at, search_text)
    select ${id}, r.title, '<p>' || r.title || '</p>', 'published', 'proactive', '工作动态', '综合政务',
      ${code} || '/' || lpad(r.n::text, 5, '0'), (r.at::timestamptz at time zone 'Asia/Shanghai')::date, r.at::timestamptz, to_tsvector('simple', r.doc)
    from unnest(${rows.map((r) => r.n)}::int[], ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.at)}::text[], ${rows.map((r) => searchDocument(r.title))}::text[]) as r(n, title, at, doc)`
    .execute(t.db);
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
  await insertItems(DEMO_EDUCATION_CODE, `${DEMO_EDUCATION_CODE}/2025-9`, NEWER, (i) => `关于校园安全检查的通知（第${i}号）`, (i) => new Date(Date.UTC(2025, 5, 1) + i * 60_000).toISOString());
  await insertItems(DEMO_FINANCE_CODE, `${DEMO_FINANCE_CODE}/2021-9`, 1, () => '关于财政资金安全检查的通知', () => '2021-01-01T00:30:00+08:00');
});
afterAll(async () => t.close());

async function titles(query: string) {
  const res = await t.app.inject(`/api/v1/catalog?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items.map((i: { title: string }) => i.title) as string[];
}

describe('a large catalog', () => {
  it('finds an older body\'s match when a search is filtered by that body', async () => {
    expect(await titles(`q=${encodeURIComponent('安全检查')}&org=${DEMO_FINANCE_CODE}`)).toEqual(['关于财政资金安全检查的通知']);
    expect(await titles(`q=${encodeURIComponent('安全检查')}&org=${DEMO_EDUCATION_CODE}&limit=3`)).toHaveLength(3);
  });

  it('finds the first day of a year with the year filter (发布日期 in China time)', async () => {
    expect(await titles(`year=2021&org=${DEMO_FINANCE_CODE}`)).toEqual(['关于财政资金安全检查的通知']);
    expect(await titles('from=2021-01-01&to=2021-01-01')).toEqual(['关于财政资金安全检查的通知']);
    expect(await titles('from=2020-01-01&to=2020-12-31')).toEqual([]);
  });

  it('lists a body newest first across every keyset page: in order, without gaps or repeats', async () => {
    const numbers: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = (await t.app.inject(`/api/v1/catalog?org=${DEMO_EDUCATION_CODE}&limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.total).toBe(NEWER);
      numbers.push(...page.items.map((i: { title: string }) => Number(/第(\d+)号/.exec(i.title)?.[1])));
      cursor = page.next;
      pages += 1;
    } while (cursor && pages < 50);
    expect(pages).toBe(NEWER / 100);
    expect(numbers).toEqual(Array.from({ length: NEWER }, (_, i) => NEWER - 1 - i));
    const empty = await t.db.selectFrom('orgs').select('code').where('type', '=', 'township').executeTakeFirstOrThrow();
    expect(await titles(`org=${empty.code}`)).toEqual([]);
  });

  it('pages a search past the newest candidates without repeats, and counts up to 2,000 matches', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = (await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('校园安全')}&limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json();
      // 2,100 match: a search's count stops at MAX_SEARCH_CANDIDATES (the portal says “2000条以上”).
      expect(page.total).toBe(2000);
      for (const i of page.items) {
        expect(seen.has(i.indexNo), i.indexNo).toBe(false);
        seen.add(i.indexNo);
      }
      cursor = page.next;
      pages += 1;
    } while (cursor && pages < 50);
    // A search ranks the 2,000 newest matches (MAX_SEARCH_CANDIDATES): all of them are reached.
    expect(seen.size).toBe(2000);
  });

  it('numbers the portal\'s pages of a large body', async () => {
    const page = await t.app.inject(`/xxgk/catalog?org=${DEMO_EDUCATION_CODE}&page=3`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`共找到${NEWER}条政府信息，第3页／共${NEWER / 20}页。`);
    const numbers = [...page.body.matchAll(/<a href="[^"]+">关于校园安全检查的通知（第(\d+)号）<\/a>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => NEWER - 41 - i));
  });
});
