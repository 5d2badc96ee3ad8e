/**
 * 投诉登记簿 and the public monthly statistics in the browser: the centre registers a complaint about a
 * window clerk in the console and starts the investigation; /zwfw/stats shows its figures as tables
 * and charts without JavaScript. Screenshots go to /tmp/shots-services2/.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { axeViolations, chooseOption, newContext, seriousViolations, signInToConsole, useBrowserAndServer } from '../support/browser.js';
import { makeItem, makeServiceUser, SERVICE_PASSWORD } from '../support/services.js';

const SHOTS = '/tmp/shots-services2';
fs.mkdirSync(SHOTS, { recursive: true });

const env = useBrowserAndServer(async (server) => {
  const t = server.testApp;
  const clerk = await makeServiceUser(t, { username: 'qwin', orgCode: DEMO_FINANCE_CODE, displayName: '窗口王芳' });
  const manager = await makeServiceUser(t, { username: 'qmgr', orgCode: DEMO_COUNTY_CODE, roles: ['serviceManager'], displayName: '中心刘主任' });
  await makeItem(t, manager.headers, { orgCode: DEMO_FINANCE_CODE, code: 'Q-LIC', name: '政府采购代理机构名录登记', promisedLimitDays: 5 });
  const centre = await t.app.inject({ method: 'POST', url: '/api/v1/service-centres', headers: manager.headers, payload: { orgCode: DEMO_COUNTY_CODE, name: '示范县政务服务中心', type: 'county' } });
  await t.app.inject({ method: 'POST', url: `/api/v1/service-centres/${centre.json().id}/windows`, headers: manager.headers, payload: { number: '8', name: '财政综合窗口', orgCode: DEMO_FINANCE_CODE, clerkUserIds: [clerk.id], itemCodes: ['Q-LIC'] } });
  const csv = 'itemCode,acceptedOn,completedOn,result,rating\nQ-LIC,2025-09-01,2025-09-05,approved,5\nQ-LIC,2025-09-02,2025-09-15,rejected,2\nQ-LIC,2025-09-03,,,\nQ-LIC,2025-08-04,2025-08-06,approved,4\n';
  await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/service-case-ledger`, headers: { ...manager.headers, 'content-type': 'text/csv' }, payload: csv });
});

describe('投诉登记簿 and 政务服务统计', () => {
  it('registers a complaint in the console and starts the investigation', async () => {
    const staff = await newContext(env.browser);
    const page = await staff.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'qmgr', SERVICE_PASSWORD);
    await page.goto(`${env.server.url}/admin/#/service-complaints`);
    await page.getByRole('heading', { name: '投诉登记簿' }).waitFor();
    await page.getByRole('button', { name: '登记投诉' }).click();
    const dialog = page.getByRole('dialog', { name: '登记投诉' });
    await chooseOption(page, dialog, '被投诉窗口', '8号窗口 财政综合窗口（示例县财政局）');
    await chooseOption(page, dialog, '被投诉工作人员', '窗口王芳');
    await chooseOption(page, dialog, '投诉渠道', '监督投诉电话');
    await dialog.getByLabel('投诉人姓名', { exact: true }).fill('李四光');
    await dialog.getByLabel('投诉人联系电话', { exact: true }).fill('13900001234');
    await dialog.getByLabel('标题', { exact: true }).fill('窗口人员态度生硬');
    await dialog.getByLabel('投诉内容').fill('上午办理时工作人员不耐烦，没有一次性告知所需材料。');
    await page.screenshot({ path: `${SHOTS}/01-complaint-form.png` });
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('窗口人员态度生硬').waitFor();
    await page.screenshot({ path: `${SHOTS}/02-complaints-list.png` });
    await page.getByRole('button', { name: /^TS\d{8}-/ }).first().click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('办理记录').waitFor();
    await drawer.getByRole('button', { name: '开始调查' }).click();
    const step = page.getByRole('dialog', { name: '开始调查' });
    await step.getByLabel('说明').fill('调取窗口录像，询问当事人。');
    await step.getByRole('button', { name: /确\s*定|OK/ }).click();
    await drawer.getByText('调取窗口录像，询问当事人。').waitFor();
    await drawer.getByRole('button', { name: '登记调查结论' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/03-complaint-drawer.png` });
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await staff.close();
  });

  it('shows the monthly statistics without JavaScript', async () => {
    const ctx = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${env.server.url}/zwfw/stats?org=${DEMO_COUNTY_CODE}&month=2025-09`);
    await page.getByRole('heading', { name: /2025年9月政务服务统计/ }).waitFor();
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/04-stats.png`, fullPage: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(1366);
    await ctx.close();
    const withJs = await newContext(env.browser);
    const p2 = await withJs.newPage();
    await p2.goto(`${env.server.url}/zwfw/stats?org=${DEMO_COUNTY_CODE}&month=2025-09`);
    expect(seriousViolations(await axeViolations(p2))).toEqual([]);
    await withJs.close();
  });
});
