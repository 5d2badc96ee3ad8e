import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { newContext, seriousViolationsAt, useBrowserAndServer } from '../support/browser.js';

const env = useBrowserAndServer();

const PORTAL_PAGES = ['/', '/xxgk', '/orgs', `/orgs/${DEMO_FINANCE_CODE}`, '/hdjl', '/hdjl/xx', '/sitemap', '/no-such-page', `/xxgk/stats/${DEMO_FINANCE_CODE}/1999`,
  /* 来信办理情况、便民问答 */ `/hdjl/xx/${DEMO_COUNTY_CODE}/main/stats`, '/hdjl/faq'];

describe('the public portal with JavaScript disabled', () => {
  it('shows the home page with landmarks, a skip link and the main sections', async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('nav[aria-label="主导航"]').count()).toBe(1);
    expect(await page.locator('main#main').count()).toBe(1);
    expect(await page.locator('footer').count()).toBe(1);
    for (const name of ['公开指南', '公开目录', '年度报告', '依申请公开', '互动交流']) {
      await expect(page.getByRole('link', { name }).first().isVisible()).resolves.toBe(true);
    }
    // The skip link is the first thing the keyboard reaches, and it moves focus to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳转到主要内容');
    await context.close();
  });

  it('opens the 网站地图 page from the footer, and the statistics from the 政府信息公开 page', async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/orgs`);
    await page.locator('footer').getByRole('link', { name: '网站地图' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('网站地图');
    await page.getByRole('link', { name: '政府信息公开', exact: true }).last().click();
    await page.getByRole('link', { name: /年政务公开统计（截至目前）/ }).click();
    expect(page.url()).toMatch(new RegExp(`/xxgk/stats/${DEMO_COUNTY_CODE}/\\d{4}\\?rollup=1$`));
    await expect(page.locator('h1').textContent()).resolves.toContain('统计');
    await context.close();
  });

  it("lists the bodies and shows a body's contact details", async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/orgs`);
    await page.getByRole('link', { name: '示例县财政局' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('示例县财政局');
    await expect(page.locator('dl.contact').textContent()).resolves.toContain('示例县城关镇财政路8号');
    await context.close();
  });

  it('switches to large text and high contrast with plain links', async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/orgs`);
    await page.getByRole('link', { name: '大字号' }).click();
    expect(page.url()).toBe(`${env.server.url}/orgs`);
    await page.getByRole('link', { name: '高对比度' }).click();
    expect(await page.getAttribute('body', 'class')).toBe('large-text high-contrast');
    await page.getByRole('link', { name: '标准配色' }).click();
    expect(await page.getAttribute('body', 'class')).toBe('large-text');
    await context.close();
  });
});

describe('accessibility (axe-core)', () => {
  it.each(PORTAL_PAGES)('%s has no serious or critical violations', async (path) => {
    const violations = await seriousViolationsAt(env.browser, `${env.server.url}${path}`);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('the high-contrast variant has no serious or critical violations either', async () => {
    const violations = await seriousViolationsAt(env.browser, `${env.server.url}/prefs?highContrast=1&largeText=1&back=/orgs`);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
