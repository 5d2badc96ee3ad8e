import { describe, expect, it } from 'vitest';
import { DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { axeViolations, newContext, seriousViolations, useBrowserAndServer } from '../support/browser.js';

const env = useBrowserAndServer(async (server) => {
  const { app } = server.testApp;
  const office = await server.testApp.auth('office');
  const csv = 'receivedOn,channel,applicantType,outcome,completedOn\n2025-03-02,online,natural,granted,2025-03-20\n2025-06-02,letter,commercial,partial,2025-06-30';
  expect((await app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/request-ledger`, headers: { ...office, 'content-type': 'text/csv' }, payload: csv })).statusCode).toBe(200);
  expect((await app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/publish`, headers: office, payload: {} })).statusCode).toBe(200);
});

describe('a published annual report on the portal', () => {
  it('opens with JavaScript off and holds the three tables of the national format', async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/xxgk/reports`);
    await page.getByRole('link', { name: '示例县财政局2025年政府信息公开工作年度报告' }).click();
    const tables = page.locator('table.report-table');
    expect(await tables.count()).toBe(3);
    expect(await tables.locator('caption').allTextContents()).toEqual([
      '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    const received = page.locator('#table-requests tr', { has: page.locator('th', { hasText: '一、本年新收政府信息公开申请数量' }) });
    expect(await received.locator('td').allTextContents()).toEqual(['1', '1', '0', '0', '0', '0', '2']);
    await context.close();
  });

  it('passes axe-core without serious violations', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    for (const path of ['/xxgk/reports', `/xxgk/reports/${DEMO_FINANCE_CODE}/2025`, `/xxgk/stats/${DEMO_FINANCE_CODE}/2025`]) {
      await page.goto(`${env.server.url}${path}`);
      const violations = seriousViolations(await axeViolations(page));
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    }
    await context.close();
  });
});
