/**
 * The catalog's search (GET /api/v1/catalog?q=, 公开目录) looks among the newest items first (recent
 * windows of date lexemes, src/domain/search/recency.ts): the answer must be the one a search of the
 * whole catalog gives, filters included, on every page. 2,400 items over 400 days, indexed by the real
 * indexer, one withdrawn among the newest and one old item; and a count stops at 2,000 (“N条以上”).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { PageCache } from '../../src/lib/page-cache.js';
import { searchCatalog, type CatalogFilters } from '../../src/modules/publishing/catalog.service.js';
import { searchSources } from '../../src/modules/search/search-index.js';
import '../../src/modules/search/search-sources.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let ctx: AppContext;
const ITEMS = 2400;
const now = () => new Date('2026-03-10T02:00:00Z');

async function orgId(code: string) {
  return (await t.db.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  t = await createTestApp({ now });
  ctx = { db: t.db, pages: new PageCache(), now } as unknown as AppContext;
  const [education, finance] = [await orgId(DEMO_EDUCATION_CODE), await orgId(DEMO_FINANCE_CODE)];
  // Six a day from 2025-01-01 (China time), newest last; every fifth the finance bureau's.
  const rows = Array.from({ length: ITEMS }, (_, n) => ({
    n, org: n % 5 ? education : finance, at: new Date(Date.UTC(2025, 0, 1, 1) + Math.floor(n / 6) * 86_400_000 + (n % 6) * 3_600_000).toISOString(),
    title: `${n % 2 ? '暖心卡发放情况' : '工作动态'}第${n}期`,
    body: `<p>便民热线。${n % 3 ? '本期工作动态。' : '向困难群众发放暖心卡，凭卡免费乘坐公交。'}${n % 97 ? '' : '安全生产检查。'}</p>`,
    status: n === ITEMS - 3 ? 'withdrawn' : 'published', category: n % 4 ? '工作动态' : '通知公告',
  }));
  rows.push({ n: ITEMS, org: education, at: '2019-05-01T02:00:00Z', title: '暖心卡管理办法', body: '<p>便民热线。暖心卡的申领、使用和管理。</p>', status: 'published', category: '通知公告' });
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await sql`insert into info_items (org_id, title, body_html, status, disclosure, category, topic, index_no, published_on, published_at, withdrawn_on, withdrawn_reason)
    select r.org, r.title, r.body, r.status, 'proactive', r.category, '综合政务', 'WIN/' || lpad(r.n::text, 5, '0'),
      (r.at::timestamptz at time zone 'Asia/Shanghai')::date, r.at::timestamptz,
      case when r.status = 'withdrawn' then date '2026-03-01' end, case when r.status = 'withdrawn' then '内容有误' end
    from unnest(${col('n')}::int[], ${col('org')}::int[], ${col('title')}::text[], ${col('body')}::text[], ${col('status')}::text[], ${col('category')}::text[], ${col('at')}::text[])
      as r(n, org, title, body, status, category, at)`.execute(t.db);
  // The real indexer (what publication and the full reindex write): every item's own vector.
  const items = searchSources.find((s) => s.kinds.includes('item'))!;
  for (let after: string | null = null, done = false; !done;) {
    const batch = await items.batch(t.db, after, 1000);
    after = batch.next;
    done = !batch.processed;
  }
}, 120_000);
afterAll(async () => t.close());

const answer = async (filters: CatalogFilters, windowSizes: number[]) => {
  const r = await searchCatalog(ctx, { limit: 20, ...filters }, { windowSizes });
  return { total: r.total, capped: r.capped, pages: r.pages, next: r.next, items: r.items.map((i) => i.indexNo) };
};

describe('the catalog’s search in recent windows', () => {
  it.each<[string, Omit<CatalogFilters, 'page'>]>([
    ['暖心卡', { q: '暖心卡' }],
    ['暖心卡 公交', { q: '暖心卡 公交' }],
    ['工作动态', { q: '工作动态' }],
    ['便民热线', { q: '便民热线' }],
    ['暖心卡 管理办法', { q: '暖心卡 管理办法' }],
    ['安全生产', { q: '安全生产' }],
    ['暖心卡 of one body', { q: '暖心卡', org: DEMO_FINANCE_CODE }],
    ['困难群众 by category', { q: '困难群众', category: '通知公告' }],
    ['公交 in a year', { q: '公交', year: 2025 }],
    ['暖心卡 from a day on', { q: '暖心卡', from: '2025-12-01' }],
  ])('gives the whole catalog’s answer for %s', async (_, filters) => {
    for (const page of [1, 3, 15, 40]) {
      const windowed = await answer({ ...filters, page }, [30, 300, 2300]);
      const whole = await answer({ ...filters, page }, []);
      expect(windowed).toEqual(whole);
    }
    // The API's cursor pages too.
    const second = await answer({ ...filters }, []);
    if (second.next) expect(await answer({ ...filters, cursor: second.next }, [30, 300, 2300])).toEqual(await answer({ ...filters, cursor: second.next }, []));
  });

  it('indexes the withdrawn item with its date lexemes', async () => {
    const row = (await sql<{ v: string }>`select search_text::text as v from info_items where index_no = ${`WIN/0${ITEMS - 3}`}`.execute(t.db)).rows[0];
    expect(row.v).toContain("'@d20260204'");
  });

  it('finds the withdrawn item and the old one among the windows’ answers', async () => {
    // 300 candidates (a first page without filters), from the window of 2,300 items.
    const windowed = await answer({ q: '暖心卡', limit: 100 }, [30, 300, 2300]);
    expect(windowed.items).toContain(`WIN/0${ITEMS - 3}`);
    expect(windowed).toEqual(await answer({ q: '暖心卡', limit: 100 }, []));
    expect((await answer({ q: '暖心卡 管理办法' }, [30, 300])).items[0]).toBe(`WIN/0${ITEMS}`);
  });

  it('counts exactly up to 2,000 matches, and says “以上” beyond', async () => {
    // 暖心卡: the odd titles and one body in three, and the old item.
    const expected = Array.from({ length: ITEMS }, (_, n) => n % 2 === 1 || n % 3 === 0).filter(Boolean).length + 1;
    expect(await answer({ q: '暖心卡' }, [30, 300])).toMatchObject({ total: expected, capped: false });
    expect(await answer({ q: '暖心卡' }, [])).toMatchObject({ total: expected, capped: false });
    expect(await answer({ q: '便民热线' }, [30, 300, 2300])).toMatchObject({ total: 2000, capped: true, pages: 100 });
    expect(await answer({ q: '便民热线' }, [])).toMatchObject({ total: 2000, capped: true, pages: 100 });
    expect(await answer({ q: '便民热线', org: DEMO_FINANCE_CODE }, [30, 300])).toMatchObject({ total: ITEMS / 5, capped: false });
  });

  it('shows a capped count as “N条以上” on the portal, and an exact one as it is', async () => {
    const capped = await t.app.inject(`/xxgk/catalog?q=${encodeURIComponent('便民热线')}`);
    expect(capped.statusCode).toBe(200);
    expect(capped.body).toContain('共找到2000条以上政府信息，第1页／共100页。');
    const exact = await t.app.inject(`/xxgk/catalog?q=${encodeURIComponent('安全生产')}`);
    expect(exact.body).toMatch(/共找到\d+条政府信息[，。]/);
    expect(exact.body).not.toContain('以上');
    // The API keeps its shape.
    const api = (await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('便民热线')}`)).json();
    expect(Object.keys(api).sort()).toEqual(['exact', 'items', 'next', 'pages', 'total']);
  });
});
