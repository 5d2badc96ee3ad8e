/**
 * 全站搜索: the thesaurus editor (系统管理员 only, audited, applied at once), the reindex job and its
 * progress, suggestions, the redirect of a 发文字号, withdrawal leaving the index, annual reports, and
 * the portal page's count, facets, snippets, “您是不是要找” and empty answer.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
  const csv = Papa.unparse([['标题', '发文字号', '发布日期', '有效性', '正文'],
    ['关于发放暖心卡的通知', '县民发〔2026〕1号', '2026-01-05', '有效', '向困难群众发放暖心卡，凭卡免费乘坐公交。'],
    ['关于公共租赁住房租金的通知', '', '2025-06-01', '有效', '公共租赁住房租金按市场租金的百分之七十确定。'],
    ['公共租赁住房管理办法（旧）', '', '2019-06-01', '废止', '公共租赁住房租金由县政府定价。'],
  ]);
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/catalog-import?dryRun=false`, headers: { ...(await t.auth('office')), 'content-type': 'text/csv' }, payload: csv });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => t.close());

const search = async (q: string, extra = '') => (await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`)).json();

describe('thesaurus', () => {
  it('is for the 系统管理员 only', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/search/synonyms', headers: await t.auth('office'), payload: { terms: ['关爱卡', '暖心卡'] } });
    expect(res.statusCode).toBe(403);
  });

  it('applies a new group at once, records it in the audit log, and forgets it when deleted', async () => {
    expect((await search('关爱卡')).total).toBe(0);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/admin/search/synonyms', headers: await t.auth('admin'), payload: { terms: ['关爱卡', '暖心卡'] } });
    expect(created.statusCode, created.body).toBe(201);
    const found = await search('关爱卡');
    expect(found.results.map((r: { title: string }) => r.title)).toEqual(['关于发放暖心卡的通知']);
    const id = created.json().id;
    const audit = await t.db.selectFrom('auditLog').select(['action', 'summary']).where('action', 'like', 'search.synonym.%').execute();
    expect(audit.map((a) => a.action)).toEqual(['search.synonym.create']);
    const updated = await t.app.inject({ method: 'PUT', url: `/api/v1/admin/search/synonyms/${id}`, headers: await t.auth('admin'), payload: { terms: ['爱心卡', '暖心卡'] } });
    expect(updated.statusCode).toBe(200);
    expect((await search('关爱卡')).total).toBe(0);
    expect((await search('爱心卡')).total).toBe(1);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/search/synonyms/${id}`, headers: await t.auth('admin') });
    expect(removed.statusCode).toBe(200);
    expect((await search('爱心卡')).total).toBe(0);
    const actions = (await t.db.selectFrom('auditLog').select('action').where('action', 'like', 'search.synonym.%').orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['search.synonym.create', 'search.synonym.update', 'search.synonym.delete']);
  });

  it('refuses a group of one word', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/search/synonyms', headers: await t.auth('admin'), payload: { terms: ['暖心卡', '暖心卡'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SYNONYM_INVALID');
  });

  it('ships the default government groups', async () => {
    const res = await t.app.inject({ url: '/api/v1/admin/search/synonyms', headers: await t.auth('admin') });
    const groups = res.json().items as { terms: string[]; builtin: boolean }[];
    expect(groups.filter((g) => g.builtin).length).toBeGreaterThanOrEqual(60);
    expect(groups.some((g) => g.terms.includes('公租房') && g.terms.includes('公共租赁住房'))).toBe(true);
  });
});

describe('ranking and answers', () => {
  it('ranks the valid, newer document above the repealed one, and counts by facet', async () => {
    const found = await search('公租房 租金');
    expect(found.results.map((r: { title: string }) => r.title)).toEqual(['关于公共租赁住房租金的通知', '公共租赁住房管理办法（旧）']);
    expect(found.facets).toEqual(expect.arrayContaining([
      expect.objectContaining({ facet: 'validity', value: 'repealed', label: '废止', n: 1 }),
      expect.objectContaining({ facet: 'year', value: '2025', label: '2025年', n: 1 }),
    ]));
    const repealed = await search('公租房 租金', '&validity=repealed');
    expect(repealed.results.map((r: { title: string }) => r.title)).toEqual(['公共租赁住房管理办法（旧）']);
  });

  it('lists after the full matches of a long query the documents that lack one of its words, and keeps both words of a short one required', async () => {
    const found = await search('暖心卡 公交 租金');
    expect(found.total).toBe(0);
    expect(found.results).toEqual([]);
    // 暖心卡 + 公交 (no 租金) first; 租金 with only one other word is not enough (公共租赁住房 lacks both).
    expect(found.partial.map((r: { title: string }) => r.title)).toEqual(['关于发放暖心卡的通知']);
    const page = await t.app.inject(`/search?q=${encodeURIComponent('暖心卡 公交 租金')}`);
    expect(page.body).toContain('没有找到同时包含全部检索词“暖心卡 公交 租金”的内容');
    expect(page.body).toContain('<h2 id="partial-heading">只包含部分检索词的结果</h2>');
    expect(page.body).toContain('关于发放<mark>暖心卡</mark>的通知');
    // Two words: both are required, nothing loosely related is listed.
    expect(await search('公交 租金')).toMatchObject({ total: 0, results: [], partial: [] });
    // A full match comes first and the partial one after it, never twice.
    const both = await search('公共租赁住房 租金 百分之七十');
    expect(both.results.map((r: { title: string }) => r.title)).toEqual(['关于公共租赁住房租金的通知']);
    expect(both.partial.map((r: { title: string }) => r.title)).toEqual(['公共租赁住房管理办法（旧）']);
  });

  it('goes straight to the document for its 发文字号, and says when nothing is found', async () => {
    const page = await t.app.inject(`/search?q=${encodeURIComponent('县民发〔2026〕1号')}`);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/xxgk\/items\//);
    const none = await t.app.inject(`/search?q=${encodeURIComponent('火星移民')}`);
    expect(none.body).toContain('没有找到与“火星移民”相关的内容');
    expect(none.body).toContain('href="/ysqgk"');
  });

  it('proposes the known term and shows its results when nothing matches as typed', async () => {
    const found = await search('公祖房');
    expect(found).toMatchObject({ suggestion: '公租房', corrected: true });
    expect(found.total).toBe(2);
    const page = await t.app.inject(`/search?q=${encodeURIComponent('公祖房')}`);
    expect(page.body).toContain('已为您显示“<strong>公租房</strong>”的搜索结果');
    expect(page.body).toContain('<mark>公共租赁住房</mark>');
  });

  it('suggests terms and titles while typing, from Chinese or pinyin', async () => {
    const res = (await t.app.inject('/api/v1/search/suggest?q=gongzu')).json();
    expect(res.suggestions.map((s: { text: string }) => s.text)).toContain('公租房');
    const titles = (await t.app.inject(`/api/v1/search/suggest?q=${encodeURIComponent('暖心')}`)).json();
    expect(titles.suggestions).toEqual(expect.arrayContaining([expect.objectContaining({ text: '关于发放暖心卡的通知' })]));
  });
});

describe('index', () => {
  it('takes a withdrawn item out of the site search', async () => {
    const item = await t.db.selectFrom('infoItems').select('id').where('title', '=', '关于发放暖心卡的通知').executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/withdraw`, headers: await t.auth('office'), payload: { reason: '内容有误，需要更正后重新发布。' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await search('暖心卡')).total).toBe(0);
  });

  it('rebuilds everything as a background job, with its progress', async () => {
    await t.db.deleteFrom('searchDocuments').execute();
    expect((await search('公租房')).total).toBe(0);
    const queued = await t.app.inject({ method: 'POST', url: '/api/v1/admin/search/reindex', headers: await t.auth('admin') });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json().run).toMatchObject({ status: 'queued', statusLabel: '等待开始' });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/admin/search/reindex', headers: await t.auth('admin') });
    expect(again.json().code).toBe('REINDEX_RUNNING');
    // The background job (every 5 s) picks the queued run up.
    let status = queued.json();
    for (const deadline = Date.now() + 20_000; status.run.status !== 'done' && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 500));
      status = (await t.app.inject({ url: '/api/v1/admin/search/index', headers: await t.auth('admin') })).json();
    }
    expect(status.run).toMatchObject({ status: 'done', statusLabel: '已完成', percent: 100 });
    expect(status.run.done).toBe(status.run.total);
    expect(status.documents).toBeGreaterThanOrEqual(2);
    expect((await search('公租房')).total).toBe(2);
    expect((await search('暖心卡')).total).toBe(0);
  });
});
