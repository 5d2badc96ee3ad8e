import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { seedDemoContent } from '../../src/db/demo-content.js';
import { DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createContext } from '../../src/http/app.js';
import { createTestApp, TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-02T02:00:00Z') });
  await seedDemoContent(createContext(testConfig(), t.db, () => new Date('2026-03-02T02:00:00Z')));
});
afterAll(async () => t.close());

describe('the demo county content seeded on first start', () => {
  it('publishes items to the catalog through the workflow, with a linked interpretation', async () => {
    const catalog = (await t.app.inject('/api/v1/catalog')).json();
    expect(catalog.items.length).toBe(3);
    const policy = catalog.items.find((i: { docNo?: string }) => i.docNo === '县财发〔2026〕3号');
    const page = (await t.app.inject(`/api/v1/catalog/${policy.indexNo}`)).json();
    expect(page.interpretations.map((i: { title: string }) => i.title)).toEqual(['《示例县县级财政专项资金管理办法》政策解读']);
    expect((await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('三公经费')}`)).json().items.length).toBe(1);
  });

  it('registers requests at different stages and a ledger that drafts a 2025 report', async () => {
    const list = (await t.app.inject({ url: '/api/v1/handling/requests', headers: await t.auth('office') })).json();
    expect(list.items.map((r: { status: string }) => r.status).sort()).toEqual(['completed', 'processing', 'submitted']);
    const report = (await t.app.inject({ url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025?draft=true`, headers: await t.auth('office') })).json();
    expect(report.requests.received.total).toBe(5);
    expect(report.requests.carriedIn.total).toBe(1);
    expect(report.requests.carriedOut.total).toBe(1);
    expect(report.violations).toEqual([]);
  });
});
