/**
 * The console's audit page as a supervisor and an administrator use it: entries in words,
 * search and filters, the integrity check, security alerts, and a layout that fits 1366 px
 * and 375 px screens without the page overflowing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { seedDemoContent } from '../../src/db/demo-content.js';
import { createContext } from '../../src/http/app.js';
import { axeViolations, chooseOption, newContext, seriousViolations, signInToConsole, useBrowserAndServer } from '../support/browser.js';

const env = useBrowserAndServer(async (server) => {
  const t = server.testApp;
  await seedDemoContent(createContext(testConfig({ dataDir: t.dataDir }), t.db));
  // A stranger guessing the administrator's password from one address.
  for (let i = 0; i < 5; i += 1) {
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'admin', password: 'guess-guess' }, remoteAddress: '198.51.100.99' });
  }
});

/** Screenshots for people to look at, when SHOTS_DIR is set. */
async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  // What the screen shows at once, at the top and at the table.
  await page.screenshot({ path: path.join(dir, `${name}-top.png`) });
  await page.locator('.ant-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, `${name}-table.png`) });
}

async function openAudit(username: string, width: number) {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await signInToConsole(page, env.server.url, username, username === 'admin' ? env.server.adminPassword : env.server.demoPassword);
  if (width < 992) await page.goto(`${env.server.url}/admin/#/audit`);
  else await page.getByRole('link', { name: '审计日志' }).click();
  await page.getByRole('heading', { name: '审计日志' }).waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  return { context, page };
}

/** Runs the search and waits for the list it asked for. */
async function searchFor(page: Page, expected: string) {
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/v1/audit?') && r.url().includes(expected)),
    page.getByRole('button', { name: '查询' }).click(),
  ]);
}

const cellTexts = (page: Page, column: number) => page.locator(`.ant-table-tbody tr.ant-table-row td:nth-child(${column})`).allTextContents();

describe('the audit page', () => {
  it('shows the trail in words, fits a 1366 px screen, and verifies the chain for the supervisor', async () => {
    const { context, page } = await openAudit('supervisor', 1366);
    const table = await page.locator('.ant-table-tbody').textContent();
    expect(table).toContain('审核通过');
    expect(table).toContain('状态：待科室负责人审核 → 待保密审查');
    expect(table).not.toMatch(/auth\.|item\.|user #|\{"|[a-z]+[A-Z][a-z]+/);
    // The 机构 column is wide enough for a body's name, and nothing overflows the window.
    const orgHeader = await page.getByRole('columnheader', { name: '机构' }).boundingBox();
    expect(orgHeader!.width).toBeGreaterThanOrEqual(120);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'audit-1366-supervisor');
    expect(seriousViolations(await axeViolations(page))).toEqual([]);

    await page.getByRole('button', { name: '校验哈希链' }).click();
    await page.getByText('审计日志完整').waitFor();
    await expect(page.getByText(/哈希链完整，共校验 \d+ 条记录/).count()).resolves.toBe(1);
    // The supervisor does not manage sign-in alerts.
    await expect(page.getByText('安全提醒').count()).resolves.toBe(0);
    await context.close();
  });

  it('filters by category, body and words, sorts oldest first, and exports what is shown', async () => {
    const { context, page } = await openAudit('supervisor', 1366);
    const filters = page.locator('form');
    await chooseOption(page, filters, '操作类别', '主动公开');
    await searchFor(page, 'category=item');
    // Each answer is shown once React has rendered it: read the table until it shows the filtered rows.
    await expect.poll(async () => new Set(await cellTexts(page, 6)), { timeout: 15_000 }).toEqual(new Set(['起草信息', '提交审核', '审核通过']));
    expect((await cellTexts(page, 6)).length).toBeGreaterThan(3);
    expect(await page.getByRole('link', { name: '导出 Excel' }).getAttribute('href')).toContain('category=item');

    await page.getByLabel('关键词').fill('政策解读');
    await searchFor(page, `q=${encodeURIComponent('政策解读')}`);
    await expect.poll(async () => {
      const targets = await cellTexts(page, 7);
      return targets.length > 0 && targets.every((t) => t.includes('政策解读'));
    }, { timeout: 15_000 }).toBe(true);

    await page.getByRole('button', { name: '重置' }).click();
    await page.getByLabel('排序').click();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/audit?') && r.url().includes('order=asc')),
      page.locator('.ant-select-item-option', { hasText: '最早的在前' }).click(),
    ]);
    // The table shows the answer once React has rendered it.
    await expect.poll(() => cellTexts(page, 2).then((s) => s.slice(0, 3)), { timeout: 15_000 }).toEqual(['1', '2', '3']);
    await context.close();
  });

  it('shows the administrator the security alert for a guessed password, and fits a 375 px screen', async () => {
    const { context, page } = await openAudit('admin', 375);
    await page.getByText('198.51.100.99').first().waitFor();
    await expect(page.getByText(/系统管理员|admin/).count()).resolves.toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'audit-375-admin');
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await page.getByRole('button', { name: '标记已处理' }).first().click();
    await page.getByText('没有待处理的安全提醒。').waitFor();
    await context.close();
  });
});
