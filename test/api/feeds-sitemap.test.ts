/**
 * What programs read from the portal besides pages: the Atom feeds (one per filter, withheld
 * items never in them) and the sitemap, and the 网站地图 page people reach from the footer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { publishItem } from '../support/items.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
});
afterAll(async () => t.close());

const BASE = 'http://localhost:3000';

function entries(feed: string) {
  return [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => ({
    title: /<title>([^<]*)<\/title>/.exec(m[1])![1],
    author: /<author><name>([^<]*)<\/name><\/author>/.exec(m[1])![1],
    category: /<category term="([^"]*)"\/>/.exec(m[1])![1],
    summary: /<summary>([^<]*)<\/summary>/.exec(m[1])?.[1],
  }));
}
const feedId = (feed: string) => /<feed[^>]*>\s*<title>([^<]*)<\/title>\s*<id>([^<]*)<\/id>/.exec(feed)!.slice(1);

async function importEducationItem(title: string) {
  const csv = ['索引号,标题,发文字号,成文日期,发布日期,信息类别,主题分类,有效性,正文', `,${title},,2026-03-01,2026-03-02,工作动态,财政、金融、审计,有效,教育局工作动态正文。`].join('\n');
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}/catalog-import?dryRun=false`, headers: { ...(await t.auth('office')), 'content-type': 'text/csv' }, payload: csv });
  if (res.statusCode !== 200) throw new Error(`import: ${res.body}`);
}

describe('Atom feeds', () => {
  beforeAll(async () => {
    await publishItem(t, { title: '财政局预算公开说明（订阅测试）', category: '财政预决算与三公经费', bodyHtml: `<p>本局2026年部门预算已经批复，现予公开。${'预算说明'.repeat(80)}</p>` });
    await publishItem(t, { title: '财政局工作动态（订阅测试）', category: '工作动态' });
    await publishItem(t, { title: '依申请公开的内部文件（订阅测试）', disclosure: 'onRequest', withheldGround: 'processInformation', withheldReason: '过程性信息' });
    await publishItem(t, { title: '不予公开的文件（订阅测试）', disclosure: 'withheld', withheldGround: 'stateSecret', withheldReason: '涉及国家秘密' });
    await importEducationItem('教育局工作动态（订阅测试）');
  });

  it("gives a body's feed only that body's items, never the ones withheld, each with a summary of its text", async () => {
    const res = await t.app.inject(`/xxgk/feed.xml?org=${DEMO_FINANCE_CODE}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const list = entries(res.body);
    expect(list.map((e) => e.title)).toEqual(expect.arrayContaining(['财政局预算公开说明（订阅测试）', '财政局工作动态（订阅测试）']));
    expect(new Set(list.map((e) => e.author))).toEqual(new Set(['示例县财政局']));
    expect(res.body).not.toContain('教育局工作动态');
    expect(res.body).not.toContain('依申请公开的内部文件');
    expect(res.body).not.toContain('不予公开的文件');
    const budget = list.find((e) => e.title === '财政局预算公开说明（订阅测试）')!;
    // The first 200 characters of the text, cut with an ellipsis.
    expect(budget.summary).toBe(`本局2026年部门预算已经批复，现予公开。${'预算说明'.repeat(80)}`.slice(0, 200) + '…');
    for (const e of list) expect(e.summary?.length).toBeGreaterThan(0);
  });

  it('keeps withheld items out of the unfiltered feed too, and lists every body there', async () => {
    const body = (await t.app.inject('/xxgk/feed.xml')).body;
    const titles = entries(body).map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['财政局工作动态（订阅测试）', '教育局工作动态（订阅测试）']));
    expect(body).not.toContain('依申请公开的内部文件');
    expect(body).not.toContain('不予公开的文件');
  });

  it('gives each filter its own id and title, whatever order the address gives them in', async () => {
    const all = (await t.app.inject('/xxgk/feed.xml')).body;
    const finance = (await t.app.inject(`/xxgk/feed.xml?org=${DEMO_FINANCE_CODE}`)).body;
    const news = (await t.app.inject(`/xxgk/feed.xml?category=${encodeURIComponent('工作动态')}`)).body;
    const both = (await t.app.inject(`/xxgk/feed.xml?category=${encodeURIComponent('工作动态')}&org=${DEMO_FINANCE_CODE}`)).body;
    expect(feedId(all)).toEqual(['示例县人民政府 政府信息公开平台 最新公开信息', `${BASE}/xxgk/feed.xml`]);
    expect(feedId(finance)).toEqual(['示例县人民政府 政府信息公开平台 示例县财政局 最新公开信息', `${BASE}/xxgk/feed.xml?org=${DEMO_FINANCE_CODE}`]);
    expect(feedId(news)).toEqual(['示例县人民政府 政府信息公开平台 “工作动态”类 最新公开信息', `${BASE}/xxgk/feed.xml?category=%E5%B7%A5%E4%BD%9C%E5%8A%A8%E6%80%81`]);
    expect(feedId(both)).toEqual(['示例县人民政府 政府信息公开平台 示例县财政局“工作动态”类 最新公开信息', `${BASE}/xxgk/feed.xml?org=${DEMO_FINANCE_CODE}&amp;category=%E5%B7%A5%E4%BD%9C%E5%8A%A8%E6%80%81`]);
    expect(entries(both).map((e) => e.title)).toEqual(['财政局工作动态（订阅测试）']);
    expect(new Set(entries(news).map((e) => e.category))).toEqual(new Set(['工作动态']));
  });

  it('answers a feed of a body that does not exist with 404', async () => {
    expect((await t.app.inject('/xxgk/feed.xml?org=NO-SUCH-BODY')).statusCode).toBe(404);
  });
});

describe('the sitemap and the 网站地图 page', () => {
  beforeAll(async () => {
    const office = await t.auth('office');
    await t.app.inject({ method: 'PUT', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/draft`, headers: office, payload: { problems: '依申请公开答复文书格式有待统一。', other: '无其他需要报告的事项。' } });
    const report = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/publish`, headers: office, payload: {} });
    expect(report.statusCode, report.body).toBe(200);
  });

  it('lists the portal pages, every guide and body page, the published reports, interaction and statistics pages', async () => {
    const body = (await t.app.inject('/sitemaps/pages.xml')).body;
    const locs = [...body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1].replace(BASE, '').replace(/&amp;/g, '&'));
    expect(locs).toEqual(expect.arrayContaining([
      '/', '/xxgk', '/xxgk/guide', '/xxgk/catalog', '/xxgk/reports', '/ysqgk', '/ysqgk/apply', '/ysqgk/status', '/hdjl', '/hdjl/xx', '/hdjl/cx', '/hdjl/yjzj', '/hdjl/hygq', '/orgs', '/sitemap',
      `/orgs/${DEMO_FINANCE_CODE}`, `/orgs/${DEMO_EDUCATION_CODE}`, `/orgs/${DEMO_COUNTY_CODE}`, `/hdjl/xx/${DEMO_COUNTY_CODE}/main`, `/hdjl/xx/${DEMO_FINANCE_CODE}/main`,
      `/xxgk/guide/${DEMO_FINANCE_CODE}`, `/xxgk/guide/${DEMO_EDUCATION_CODE}`, `/xxgk/guide/${DEMO_COUNTY_CODE}`,
      `/xxgk/reports/${DEMO_FINANCE_CODE}/2025`,
      `/xxgk/stats/${DEMO_COUNTY_CODE}/2026?rollup=1`, `/xxgk/stats/${DEMO_COUNTY_CODE}/2025?rollup=1`, `/xxgk/stats/${DEMO_FINANCE_CODE}/2025`,
    ]));
    expect(new Set(locs).size).toBe(locs.length);
    // Only the published report: the education bureau has none.
    expect(locs).not.toContain(`/xxgk/reports/${DEMO_EDUCATION_CODE}/2025`);
    expect(body).toMatch(new RegExp(`<loc>${BASE}/xxgk/reports/${DEMO_FINANCE_CODE}/2025</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>`));
    // Every address it lists answers.
    for (const loc of locs) expect((await t.app.inject(loc)).statusCode, loc).toBe(200);
  });

  it('gives people a 网站地图 page, linked from every page footer, with the same addresses', async () => {
    const home = (await t.app.inject('/')).body;
    expect(home).toMatch(/<footer[\s\S]*<a href="\/sitemap">网站地图<\/a>[\s\S]*<\/footer>/);
    const page = await t.app.inject('/sitemap');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<h1>网站地图</h1>');
    const xmlLocs = [...(await t.app.inject('/sitemaps/pages.xml')).body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1].replace(BASE, ''));
    const hrefs = new Set([...page.body.matchAll(/href="([^"]*)"/g)].map((m) => m[1]));
    for (const loc of xmlLocs) expect(hrefs, loc).toContain(loc);
    expect(page.body).toContain(`<a href="/xxgk/reports/${DEMO_FINANCE_CODE}/2025">2025年政府信息公开工作年度报告</a>`);
    expect(page.body).toContain('<a href="/sitemap.xml">');
  });

  it('links the statistics from the 政府信息公开 page', async () => {
    const body = (await t.app.inject('/xxgk')).body;
    expect(body).toContain(`<a href="/xxgk/stats/${DEMO_COUNTY_CODE}/2026?rollup=1">2026年政务公开统计（截至目前）</a>`);
    expect(body).toContain(`<a href="/xxgk/stats/${DEMO_COUNTY_CODE}/2025?rollup=1">2025年政务公开统计</a>`);
  });
});
