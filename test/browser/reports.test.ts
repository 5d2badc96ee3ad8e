import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { todayInChina } from '../../src/domain/dates.js';
import { axeViolations, newContext, seriousViolations, signInToConsole, useBrowserAndServer } from '../support/browser.js';

const PROBLEMS = '依申请公开答复文书格式有待统一。下一步将制定答复文书模板，并组织业务培训。';
/** A department with nothing recorded in 2025 in the demo county. */
const CIVIL_DEFENCE_CODE = '11990100123400290K';

const env = useBrowserAndServer(async (server) => {
  const { app } = server.testApp;
  const office = await server.testApp.auth('office');
  const csv = 'receivedOn,channel,applicantType,outcome,completedOn\n2025-03-02,online,natural,granted,2025-03-20\n2025-06-02,letter,commercial,partial,2025-06-30';
  expect((await app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/request-ledger`, headers: { ...office, 'content-type': 'text/csv' }, payload: csv })).statusCode).toBe(200);
  expect((await app.inject({ method: 'PUT', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/draft`, headers: office, payload: { problems: PROBLEMS } })).statusCode).toBe(200);
  expect((await app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/publish`, headers: office, payload: {} })).statusCode).toBe(200);
});

/** Every row of every table of the page, with the cells spanning into it from above, covers the same number of columns. */
async function tableGrids(page: import('playwright-core').Page) {
  return page.$$eval('table.report-table', (tables) => tables.map((table) => {
    const taken: number[][] = [];
    const rows = [...(table as HTMLTableElement).rows];
    rows.forEach((tr, r) => {
      taken[r] ??= [];
      let col = 0;
      for (const cell of [...tr.cells]) {
        while (taken[r][col]) col += 1;
        for (let i = r; i < r + cell.rowSpan; i += 1) for (let k = col; k < col + cell.colSpan; k += 1) (taken[i] ??= [])[k] = 1;
        col += cell.colSpan;
      }
    });
    return { id: table.id, widths: [...new Set(taken.map((row) => row.filter(Boolean).length))], thead: !!(table as HTMLTableElement).tHead };
  }));
}

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

  it('lays every table on a regular grid with a <thead>, and at 375 px scrolls wide tables inside their own box', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${env.server.url}/xxgk/reports/${DEMO_FINANCE_CODE}/2025`);
    expect(await tableGrids(page)).toEqual([
      { id: 'table-proactive', widths: [4], thead: true },
      { id: 'table-requests', widths: [8], thead: true },
      { id: 'table-reviewLitigation', widths: [15], thead: true },
    ]);
    // The page itself does not scroll sideways; table 四 scrolls in its box, which the keyboard can reach.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const box = page.locator('.table-scroll', { has: page.locator('#table-reviewLitigation') });
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await box.getAttribute('tabindex')).toBe('0');
    // The links sit after the article, and lead to the statistics and back.
    expect(await page.locator('article a[href$="export.pdf"]').count()).toBe(0);
    await page.getByRole('link', { name: '示例县财政局2025年政务公开统计' }).click();
    await page.getByRole('heading', { name: '示例县财政局2025年政务公开统计' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('link', { name: '示例县财政局2025年政府信息公开工作年度报告' }).click();
    await page.getByRole('heading', { level: 1, name: '示例县财政局2025年政府信息公开工作年度报告' }).waitFor();
    await context.close();
  });

  it('passes axe-core without serious violations', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    for (const path of ['/xxgk/reports', `/xxgk/reports/${DEMO_FINANCE_CODE}/2025`, `/xxgk/stats/${DEMO_FINANCE_CODE}/2025`, `/xxgk/stats/${CIVIL_DEFENCE_CODE}/2025`]) {
      await page.goto(`${env.server.url}${path}`);
      const violations = seriousViolations(await axeViolations(page));
      expect(violations, `${path}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }
    await context.close();
  });
});

describe('the console annual report page', () => {
  it('previews the roll-up as the portal will show it, publishes it after confirmation, and corrects it with a note', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'office', env.server.demoPassword);
    await page.getByRole('link', { name: '年度报告' }).click();
    await page.getByRole('heading', { name: '年度报告', level: 2 }).waitFor();
    await page.getByLabel('年度', { exact: true }).fill('2025');
    const preview = page.frameLocator('iframe[title="示例县人民政府2025年政府信息公开工作年度报告预览"]');
    await preview.getByRole('heading', { level: 1, name: '示例县人民政府2025年政府信息公开工作年度报告' }).waitFor();
    await preview.getByText('本报告汇总示例县人民政府本级及所属部门、乡镇（街道）的政府信息公开工作情况。').waitFor();
    // Section 五 is empty: publishing is not offered, and the page says why.
    await page.getByText('“五、存在的主要问题及改进情况”尚未填写').waitFor();
    expect(await page.getByRole('button', { name: /^发布/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Word（DOCX）' }).first().getAttribute('href')).toBe(`/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025/export.docx?draft=true&rollup=true`);

    await page.getByLabel('五、存在的主要问题及改进情况').fill(PROBLEMS);
    await page.getByRole('button', { name: '保存' }).click();
    await preview.getByText(PROBLEMS).waitFor();
    await page.getByRole('button', { name: '发布汇总年度报告' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText('发布后报告将在门户网站公开，不能撤回').waitFor();
    await confirm.getByRole('button', { name: '确认发布' }).click();
    await page.getByText('已发布第1版').waitFor();

    // The preview renders the very article of the published page.
    const previewArticle = await preview.locator('article.annual-report').evaluate((el) => el.outerHTML);
    const publicPage = await context.newPage();
    await publicPage.goto(`${env.server.url}/xxgk/reports/${DEMO_COUNTY_CODE}/2025`);
    expect(await publicPage.locator('article.annual-report').evaluate((el) => el.outerHTML)).toBe(previewArticle);
    expect(await page.getByRole('link', { name: '查看已发布的报告' }).getAttribute('href')).toBe(`/xxgk/reports/${DEMO_COUNTY_CODE}/2025`);
    expect(await page.getByRole('link', { name: 'PDF' }).nth(1).getAttribute('href')).toBe(`/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025/export.pdf`);

    // A correction asks for its note in a field named in Chinese.
    await page.getByRole('button', { name: '发布更正版本' }).click();
    await page.getByText('请填写更正说明：更正了哪些内容、为什么更正。').waitFor();
    await page.getByLabel('更正说明').fill('补充所属乡镇的申请数据。');
    await page.getByRole('button', { name: '发布更正版本' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认发布' }).click();
    await page.getByText('已发布第2版').waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(/\bnote\b|rollup|requests\./);

    // The year that is still running cannot be published (the server runs on the real clock).
    const thisYear = Number(todayInChina().slice(0, 4));
    await page.getByLabel('年度', { exact: true }).fill(String(thisYear));
    await page.getByText(`${thisYear}年度尚未结束，自${thisYear + 1}年1月1日起方可发布`).waitFor();
    expect(await page.getByRole('button', { name: /^发布/ }).count()).toBe(0);
    await context.close();
  });
});
