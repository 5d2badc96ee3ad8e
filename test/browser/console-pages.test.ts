/**
 * Console pages a reviewer checked with axe-core: the login page (everyone's first screen) and
 * 互动交流 (consultations: list, search, filters, export, answer and publish).
 */
import { describe, expect, it } from 'vitest';
import { DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { axeViolations, chooseOption, newContext, seriousViolations, signInToConsole, useBrowserAndServer } from '../support/browser.js';

const env = useBrowserAndServer(async (server) => {
  const office = await server.testApp.auth('office');
  const consult = async (payload: Record<string, unknown>) => {
    const res = await server.testApp.app.inject({ method: 'POST', url: '/api/v1/consultations', headers: office, payload: { askerName: '郑十', ...payload } });
    if (res.statusCode !== 201) throw new Error(res.body);
  };
  await consult({ orgCode: DEMO_FINANCE_CODE, subject: '部门预算公开时间', question: '今年的部门预算什么时候公开？', channel: 'phone', contact: '13512345678' });
  await consult({ orgCode: DEMO_EDUCATION_CODE, subject: '入学政策咨询', question: '外地户籍子女如何办理入学？', channel: 'letter' });
});

describe('the console login page', () => {
  it('passes axe-core without serious violations (contrast of the notes and the portal link included)', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/admin/`);
    await page.getByLabel('用户名').waitFor();
    await page.getByRole('link', { name: '返回公众门户' }).waitFor();
    const violations = seriousViolations(await axeViolations(page));
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await context.close();
  });
});

describe('the console consultations page', () => {
  it('lets the 公开办 search, filter, answer and publish, and the answer shows on the portal', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signInToConsole(page, env.server.url, 'office', env.server.demoPassword);
    await page.getByRole('link', { name: '互动交流' }).click();
    await page.getByRole('heading', { name: '互动交流（咨询）' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '入学政策咨询' }).waitFor();
    expect(await rows.count()).toBe(2);
    await expect(page.getByText('共 2 条').isVisible()).resolves.toBe(true);

    // Search and filter narrow the list; the export link carries the same conditions.
    await page.getByLabel('关键词').fill('预算');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 条').waitFor();
    expect(await rows.allTextContents()).toEqual([expect.stringContaining('部门预算公开时间')]);
    expect(await page.getByRole('link', { name: '导出咨询台账（CSV）' }).getAttribute('href')).toBe(`/api/v1/consultations/export.csv?q=${encodeURIComponent('预算')}`);
    await page.getByRole('button', { name: '重置' }).click();
    await page.getByText('共 2 条').waitFor();
    await chooseOption(page, page.locator('form[aria-label="查找咨询"]'), '渠道', '信函咨询');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 条').waitFor();
    expect(await rows.allTextContents()).toEqual([expect.stringContaining('入学政策咨询')]);
    await page.getByRole('button', { name: '重置' }).click();
    await page.getByText('共 2 条').waitFor();

    // Answer and publish.
    await rows.filter({ hasText: '部门预算公开时间' }).getByRole('button', { name: '答复' }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.textContent()).resolves.toContain('135****78');
    await drawer.getByRole('button', { name: '保存答复' }).click();
    await drawer.getByText('请填写答复内容。').waitFor();
    await drawer.getByLabel('答复内容').fill('部门预算在批复后20日内公开，请关注本平台。');
    await drawer.getByLabel('在门户公开答复').click();
    await drawer.getByRole('button', { name: '保存答复' }).click();
    await rows.filter({ hasText: '部门预算公开时间' }).getByText('已公开').waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await expect(rows.filter({ hasText: '部门预算公开时间' }).textContent()).resolves.toContain('已答复');

    const violations = seriousViolations(await axeViolations(page));
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    const portal = await (await newContext(env.browser, { javaScriptEnabled: false })).newPage();
    await portal.goto(`${env.server.url}/hdjl`);
    await expect(portal.locator('main').textContent()).resolves.toContain('部门预算在批复后20日内公开，请关注本平台。');
    await expect(portal.locator('main').textContent()).resolves.not.toContain('13512345678');
    await context.close();
  });

  it('shows the supervisor the list without the answer form', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signInToConsole(page, env.server.url, 'supervisor', env.server.demoPassword);
    await page.getByRole('link', { name: '互动交流' }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '入学政策咨询' }).waitFor();
    await expect(page.getByRole('button', { name: '登记电话、信函或当面咨询' }).count()).resolves.toBe(0);
    await rows.filter({ hasText: '入学政策咨询' }).getByRole('button', { name: '查看' }).click();
    await page.getByRole('dialog').getByText('尚未答复').waitFor();
    await expect(page.getByRole('dialog').getByRole('button', { name: '保存答复' }).count()).resolves.toBe(0);
    await context.close();
  });
});
