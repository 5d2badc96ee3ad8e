/**
 * 政务服务 in the sitemap: every published 办事指南 under its body, with the day it last changed,
 * and the public statistics page; the 网站地图 page shows the same addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { makeItem, makeServiceUser } from '../support/services.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2025-10-15T02:00:00Z') });
  const finance = (await makeServiceUser(t, { username: 'mapfin', orgCode: DEMO_FINANCE_CODE })).headers;
  const education = (await makeServiceUser(t, { username: 'mapedu', orgCode: DEMO_EDUCATION_CODE })).headers;
  await makeItem(t, finance, { orgCode: DEMO_FINANCE_CODE, code: 'MAP-F1', name: '政府采购代理机构登记' });
  await makeItem(t, education, { orgCode: DEMO_EDUCATION_CODE, code: 'MAP-E1', name: '教师资格认定', kind: 'confirmation' });
});
afterAll(async () => t.close());

const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1].replace(/&amp;/g, '&')).pathname + new URL(m[1].replace(/&amp;/g, '&')).search);

describe('政务服务 in the sitemap', () => {
  it('lists each published guide with its last change, and the statistics page; each answers', async () => {
    const xml = (await t.app.inject('/sitemaps/pages.xml')).body;
    const locs = locsOf(xml);
    expect(locs).toEqual(expect.arrayContaining(['/zwfw/items/MAP-F1', '/zwfw/items/MAP-E1', '/zwfw/stats']));
    expect(xml).toMatch(/\/zwfw\/items\/MAP-F1<\/loc><lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/);
    for (const loc of ['/zwfw/items/MAP-F1', '/zwfw/items/MAP-E1', '/zwfw/stats']) expect((await t.app.inject(loc)).statusCode, loc).toBe(200);
  });

  it('puts the guides under their body on the 网站地图 page', async () => {
    const page = (await t.app.inject('/sitemap')).body;
    const entry = (code: string) => page.match(new RegExp(`<li><a href="/orgs/${code}">[\\s\\S]*?</li>`))?.[0] ?? '';
    expect(entry(DEMO_FINANCE_CODE)).toContain('<a href="/zwfw/items/MAP-F1">办事指南：政府采购代理机构登记</a>');
    expect(entry(DEMO_FINANCE_CODE)).not.toContain('MAP-E1');
    expect(entry(DEMO_EDUCATION_CODE)).toContain('<a href="/zwfw/items/MAP-E1">办事指南：教师资格认定</a>');
    expect(page).toContain('<a href="/zwfw/stats">政务服务统计</a>');
  });
});
