/**
 * 全站搜索 looks among the newest documents first (recent windows, src/domain/search/recency.ts): the
 * answer must be the one a search of the whole index gives. 400 documents of one word over 400 days,
 * one old document with the word in its title, and windows small enough that the candidates come
 * from them; a citizen's query never matches a date lexeme. And an index built with another
 * dictionary is searched by bigrams too until the reindex it queues has run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { PageCache } from '../../src/lib/page-cache.js';
import { indexedRow } from '../../src/modules/search/search-index.js';
import { upsertDocuments } from '../../src/modules/search/search.repository.js';
import { queueReindexIfStale, runQueuedReindex, searchSite, suggest } from '../../src/modules/search/search.service.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let ctx: AppContext;
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
  ctx = { db: t.db, pages: new PageCache() } as unknown as AppContext;
  const docs = Array.from({ length: 400 }, (_, n) => ({
    kind: 'item', ref: `w${n}`, url: `/w/${n}`, publishedOn: day(n),
    title: n % 2 ? `第${n}期暖心卡发放情况` : `第${n}期工作动态`,
    body: n % 3 ? '向困难群众发放暖心卡，凭卡免费乘坐公交。' : '本期工作动态。',
  }));
  docs.push({ kind: 'item', ref: 'old', url: '/w/old', publishedOn: '2019-05-01', title: '暖心卡管理办法', body: '暖心卡的申领、使用和管理。' });
  await upsertDocuments(t.db, docs.map((d) => indexedRow(d)));
}, 120_000);
afterAll(async () => t.close());

const answer = async (q: string, windowSizes: number[], page = 1) => {
  const r = await searchSite(ctx, { q, page }, { windowSizes });
  if ('exact' in r) throw new Error(`${q} is a document number`);
  return { total: r.total, capped: r.capped, results: r.results.map((x) => x.url), partial: r.partial.map((x) => x.url), suggestion: r.suggestion, pages: r.pages };
};

describe('recent windows', () => {
  it.each(['暖心卡', '暖心卡 公交', '工作动态', '暖心卡 管理办法', '困难群众', '公交'])('give the whole index’s answer for %s', async (q) => {
    for (const page of [1, 3, 16]) {
      const { total, capped, ...windowed } = await answer(q, [20, 60, 300], page);
      const { total: all, capped: allCapped, ...whole } = await answer(q, [], page);
      expect(windowed).toEqual(whole);
      expect(allCapped).toBe(false);
      // A count from a window is a lower bound, and says so.
      if (total !== all) expect({ capped, lower: total < all, enough: total >= 150 }).toEqual({ capped: true, lower: true, enough: true });
    }
  });

  it('count the common word in the largest window that holds a page of candidates', async () => {
    expect(await answer('暖心卡', [20, 60, 300])).toMatchObject({ total: 250, capped: true, pages: 16 });
    expect(await answer('暖心卡', [])).toMatchObject({ total: 334, capped: false, pages: 16 });
  });

  it('still rank an old title match above the newest body matches', async () => {
    const first = await answer('暖心卡 管理办法', [20, 60, 300]);
    expect('results' in first && first.results[0]).toBe('/w/old');
  });

  it('give the whole index’s suggestions while typing', async () => {
    for (const q of ['暖心', '管理办法', '工作动']) expect(await suggest(ctx, q, { windowSizes: [3, 20] })).toEqual(await suggest(ctx, q, { windowSizes: [] }));
    expect((await suggest(ctx, '暖心卡', { windowSizes: [3, 20] })).suggestions.flatMap((s) => ('url' in s ? [s.url] : []))).toEqual(['/w/399', '/w/397', '/w/395', '/w/393', '/w/391']);
  });

  it('are never matched by what a citizen types', async () => {
    for (const q of ['d20250601', 'm202506', '@d20250601', "'@m202506'"]) expect((await answer(q, [20])).total).toBe(0);
  });
});

describe('an index built with another dictionary', () => {
  it('is searched by the bigrams of terms too, and rebuilt by a queued reindex', async () => {
    // As if built by an older release: no 社会救助 lexeme, and marked so.
    await upsertDocuments(t.db, [{ ...indexedRow({ kind: 'item', ref: 'stale', url: '/w/stale', publishedOn: '2025-03-01', title: '全社会救助工作简报', body: '' }), vector: "'全社':1A '社会':2A '会救':3A '救助':4A '助工':5A '工作':6A", titleVector: "'社会':2A '会救':3A '救助':4A" }]);
    await t.db.updateTable('searchIndexState').set({ dictionary: 'older' }).execute();
    ctx.pages.invalidate();
    expect((await answer('社会救助', [])).results).toEqual(['/w/stale']);
    expect(await queueReindexIfStale(ctx)).toBe(true);
    expect(await queueReindexIfStale(ctx)).toBe(false);
    expect(await t.db.selectFrom('searchReindexRuns').select('status').where('status', '=', 'queued').execute()).toHaveLength(1);
    expect(await runQueuedReindex(ctx)).toBe(true);
    // The reindex rebuilt what its sources know (catalog items); the stray row was not one of them.
    expect((await t.db.selectFrom('searchIndexState').select('dictionary').executeTakeFirstOrThrow()).dictionary).not.toBe('older');
    expect(await queueReindexIfStale(ctx)).toBe(false);
  });
});
