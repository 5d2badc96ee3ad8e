/**
 * 政务服务 in the browser: a window clerk (also the window's 首席代表) registers a case in the console,
 * issues a 补正 notice, receives the supplement and closes the case; the applicant rates it 不满意 on the
 * receipt's page with JavaScript off; the clerk verifies, rectifies and calls back within the limit.
 * Screenshots of every page go to /tmp/shots-services/.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { axeViolations, chooseOption, newContext, seriousViolations, signInToConsole, useBrowserAndServer } from '../support/browser.js';
import { checkScreen } from '../support/walk.js';
import { GUIDE_EXAMPLE, idNumber, makeItem, makeServiceUser, SERVICE_PASSWORD } from '../support/services.js';

const SHOTS = '/tmp/shots-services';
fs.mkdirSync(SHOTS, { recursive: true });

const env = useBrowserAndServer(async (server) => {
  const t = server.testApp;
  const clerk = await makeServiceUser(t, { username: 'bwin', orgCode: DEMO_FINANCE_CODE, displayName: '窗口王芳' });
  const manager = await makeServiceUser(t, { username: 'bmgr', orgCode: DEMO_COUNTY_CODE, roles: ['serviceManager'], displayName: '中心刘主任' });
  await makeItem(t, manager.headers, { orgCode: DEMO_FINANCE_CODE, code: 'B-LIC', name: '政府采购代理机构名录登记', promisedLimitDays: 5, guide: GUIDE_EXAMPLE });
  await makeItem(t, manager.headers, { orgCode: DEMO_FINANCE_CODE, code: 'B-NOW', name: '会计从业信息变更', kind: 'confirmation', legalLimitDays: 5, promisedLimitDays: 0 });
  const centre = await t.app.inject({ method: 'POST', url: '/api/v1/service-centres', headers: manager.headers, payload: { orgCode: DEMO_COUNTY_CODE, name: '示范县政务服务中心', type: 'county', address: '示范县人民路1号', hours: '工作日 9:00—17:00' } });
  await t.app.inject({ method: 'POST', url: `/api/v1/service-centres/${centre.json().id}/windows`, headers: manager.headers, payload: { number: '8', name: '财政综合窗口', orgCode: DEMO_FINANCE_CODE, chiefUserId: clerk.id, clerkUserIds: [clerk.id], itemCodes: ['B-LIC', 'B-NOW'] } });
});

describe('a case from the window to the rectification of a bad rating', () => {
  it('runs through the console and the portal', async () => {
    const staff = await newContext(env.browser);
    const page = await staff.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'bwin', SERVICE_PASSWORD);
    await page.goto(`${env.server.url}/admin/#/service-cases`);
    await page.getByRole('heading', { name: '办件管理' }).waitFor();
    await page.getByRole('button', { name: '登记办件' }).click();
    const dialog = page.getByRole('dialog', { name: '登记办件' });
    await chooseOption(page, dialog, '事项', '政府采购代理机构名录登记（承诺5个工作日）');
    await dialog.getByLabel('姓名或名称').fill('示范代理有限公司');
    await chooseOption(page, dialog, '申请人类型', '法人或其他组织');
    await dialog.getByLabel('身份证号码或统一社会信用代码').fill('91110000100000000X');
    await dialog.getByLabel('联系电话').fill('13800001111');
    await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
    // A wrong credit code is refused, naming the field.
    await expect(page.getByText(/统一社会信用代码/).first().isVisible()).resolves.toBe(true);
    await chooseOption(page, dialog, '申请人类型', '自然人');
    await dialog.getByLabel('姓名或名称').fill('张明');
    await dialog.getByLabel('身份证号码或统一社会信用代码').fill(idNumber(77));
    await dialog.getByRole('button', { name: /^登\s*记$/ }).click();
    const receipt = page.getByRole('dialog', { name: '办件回执' });
    await receipt.waitFor();
    const text = (await receipt.textContent())!;
    const caseNo = /办件编号：(BJ\d{8}-[A-Z0-9]+)/.exec(text)![1];
    const queryPassword = /查询密码：([A-Z0-9]{6})/.exec(text)![1];
    await page.screenshot({ path: `${SHOTS}/01-receipt.png` });
    await receipt.getByRole('button', { name: /确\s*定|OK/ }).click();

    await page.getByRole('button', { name: caseNo }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('办理过程').waitFor();
    await drawer.getByRole('button', { name: '补正材料（一次性告知）' }).click();
    await page.getByRole('dialog', { name: '补正材料（一次性告知）' }).getByLabel(/需要补正的全部材料/).fill('营业执照副本复印件\n法定代表人身份证明');
    await page.getByRole('dialog', { name: '补正材料（一次性告知）' }).getByRole('button', { name: /确\s*定|OK/ }).click();
    await drawer.getByRole('button', { name: '收到补正材料' }).click();
    await drawer.getByRole('button', { name: /^办\s*结$/ }).click();
    const complete = page.getByRole('dialog', { name: '办结' });
    await complete.getByRole('button', { name: /确\s*定|OK/ }).click();
    await drawer.getByText('已办结').first().waitFor({ timeout: 60_000 });
    await expect(drawer.getByText('补正材料通知书').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/02-case-detail.png` });

    // The applicant, JavaScript off: the receipt's page.
    const citizen = await newContext(env.browser, { javaScriptEnabled: false });
    const portal = await citizen.newPage();
    await portal.setViewportSize({ width: 1366, height: 900 });
    await portal.goto(`${env.server.url}/zwfw/rate?caseNo=${caseNo}`);
    await portal.getByLabel('查询密码').fill(queryPassword);
    await portal.getByLabel('不满意', { exact: true }).check();
    await portal.getByLabel('意见和建议（选填）').fill('补正材料跑了两次');
    await portal.screenshot({ path: `${SHOTS}/03-rate.png`, fullPage: true });
    await portal.getByRole('button', { name: '提交评价' }).click();
    await portal.getByRole('heading', { name: '感谢您的评价' }).waitFor();
    await portal.goto(`${env.server.url}/zwfw/items/B-LIC`);
    await portal.screenshot({ path: `${SHOTS}/04-guide.png`, fullPage: true });
    await portal.goto(`${env.server.url}/zwfw`);
    await portal.screenshot({ path: `${SHOTS}/05-list.png`, fullPage: true });

    // The rectification: verified, rectified, called back.
    await page.goto(`${env.server.url}/admin/#/service-ratings`);
    await page.getByRole('heading', { name: '好差评' }).waitFor();
    await page.getByRole('button', { name: /^核\s*实$/ }).click();
    const verify = page.getByRole('dialog', { name: new RegExp(`核实：${caseNo}`) });
    await verify.getByLabel('说明').fill('经电话核实，初审未一次性告知全部材料');
    await verify.getByRole('button', { name: /确\s*定|OK/ }).click();
    await verify.waitFor({ state: 'hidden', timeout: 60_000 });
    await page.getByRole('button', { name: '登记整改情况' }).click();
    const rectify = page.getByRole('dialog', { name: /登记整改情况/ });
    await rectify.getByLabel('说明').fill('窗口材料清单补充完整，组织业务培训');
    await rectify.getByRole('button', { name: /确\s*定|OK/ }).click();
    await rectify.waitFor({ state: 'hidden', timeout: 60_000 });
    await page.getByRole('button', { name: '回访并办结' }).click();
    const callback = page.getByRole('dialog', { name: /回访并办结/ });
    await callback.getByLabel('说明').fill('电话回访，申请人认可');
    await callback.getByRole('button', { name: /确\s*定|OK/ }).click();
    await callback.waitFor({ state: 'hidden', timeout: 60_000 });
    await page.getByText('没有需要整改的差评').waitFor({ timeout: 60_000 });
    const closed = await env.server.testApp.app.inject({ method: 'GET', url: '/api/v1/service-rectifications', headers: await env.server.testApp.auth('admin') });
    expect(closed.json().items[0]).toMatchObject({ caseNo, status: 'closed', overdue: false });

    // The other console pages, as the centre's management.
    const mgr = await newContext(env.browser);
    const m = await mgr.newPage();
    await m.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(m, env.server.url, 'bmgr', SERVICE_PASSWORD);
    for (const [hash, heading, shot] of [['service-items', '政务服务事项', '06-items'], ['service-windows', '服务中心与窗口', '07-windows'], ['service-supervision', '电子监察', '08-supervision'], ['service-ratings', '好差评', '09-ratings'], ['service-cases', '办件管理', '10-cases']] as const) {
      await m.goto(`${env.server.url}/admin/#/${hash}`);
      await m.getByRole('heading', { name: heading }).waitFor();
      await checkScreen(m, `services-${shot}`);
      await m.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
    }
    await staff.close();
    await mgr.close();
    await citizen.close();
  });

  it('the public pages pass axe', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    for (const url of ['/zwfw', '/zwfw/items/B-LIC', '/zwfw/lists/responsibility', '/zwfw/track', '/zwfw/rate', '/zwfw/ratings']) {
      await page.goto(`${env.server.url}${url}`);
      expect(seriousViolations(await axeViolations(page)), url).toEqual([]);
    }
    await context.close();
  });
});
