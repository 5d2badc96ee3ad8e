import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import { axeViolations, newContext, seriousViolations, seriousViolationsAt, useBrowserAndServer } from '../support/browser.js';
import { answerChallenge, VALID_ID_NUMBER } from '../support/requests.js';

const env = useBrowserAndServer();


describe('申请人账户 with JavaScript disabled', () => {
  it('a citizen registers, applies while signed in and finds the request under 我的申请', async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/ysqgk`);
    await page.getByRole('link', { name: '我的申请（申请人账户）' }).click();
    await page.getByRole('link', { name: '注册申请人账户' }).click();
    await page.getByLabel('姓名或名称').fill('孙七');
    await page.getByLabel('手机号码或电子邮箱（作为登录账号）').fill('13655556666');
    await page.getByLabel('密码', { exact: true }).fill('sunqi2026');
    await page.getByLabel('再次输入密码').fill('sunqi2026');
    await page.getByLabel(/验证问题/).fill(answerChallenge((await page.locator('label[for="f-challengeAnswer"]').textContent())!));
    await page.getByRole('button', { name: '注册' }).click();
    await page.getByRole('heading', { name: '我的申请' }).waitFor();
    expect(await page.getByText('账户下还没有申请。').count()).toBe(1);

    await page.getByRole('link', { name: '在线申请' }).first().click();
    expect(await page.getByLabel('姓名或名称（必填）').inputValue()).toBe('孙七');
    expect(await page.getByLabel('联系电话（必填）').inputValue()).toBe('13655556666');
    await page.getByLabel('向哪个机关申请（必填）').selectOption(DEMO_COUNTY_CODE);
    await page.getByLabel('证件号码（必填）').fill(VALID_ID_NUMBER);
    await page.getByLabel(/所需政府信息的名称/).fill('示例县2025年度义务教育阶段学校布局规划');
    await page.getByLabel('查询密码（必填）').fill('sunqi-query');
    await page.getByLabel(/验证问题/).fill(answerChallenge((await page.locator('label[for="f-challengeAnswer"]').textContent())!));
    await page.getByRole('button', { name: '提交申请' }).click();
    const trackingNo = (await page.locator('#tracking-no').textContent())!;

    await page.getByRole('link', { name: '我的申请' }).last().click();
    await page.getByRole('link', { name: trackingNo }).click();
    await expect(page.locator('#status').textContent()).resolves.toContain('已提交');

    // Signed out, the account's pages ask for the password again.
    await page.goto(`${env.server.url}/ysqgk/account`);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '申请人登录' }).waitFor();
    await page.goto(`${env.server.url}/ysqgk/account/requests/${trackingNo}`);
    await page.getByRole('heading', { name: '申请人登录' }).waitFor();
    await context.close();
  });

  it.each(['/ysqgk/account', '/ysqgk/account/register'])('%s passes axe-core without serious violations', async (path) => {
    const violations = await seriousViolationsAt(env.browser, `${env.server.url}${path}`);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });

  it('the signed-in 我的申请 page passes axe-core without serious violations', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/ysqgk/account`);
    await page.getByLabel('手机号码或电子邮箱').fill('13655556666');
    await page.getByLabel('密码').fill('sunqi2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '我的申请' }).waitFor();
    const violations = seriousViolations(await axeViolations(page));
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await context.close();
  });
});
