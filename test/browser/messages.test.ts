/**
 * 互动交流 as people do it: a citizen writes to the 县长信箱 with JavaScript off and gets a tracking number;
 * the 公开办 assigns it to a department in the console, the department drafts, the office approves; the
 * citizen reads the reply, rates it 不满意, gets a second answer; the published page masks the name.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import { axeViolations, chooseOption, newContext, seriousViolations, signInToConsole, useBrowserAndServer } from '../support/browser.js';
import { answerChallenge } from '../support/requests.js';

const env = useBrowserAndServer();
const SHOTS = '/tmp/shots-messages';

async function openInConsole(page: Page, subject: string) {
  await page.getByRole('link', { name: '互动交流' }).click();
  await page.getByRole('heading', { name: '互动交流（来信办理）' }).waitFor();
  const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: subject });
  await row.getByRole('button', { name: '办理' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('办理记录').waitFor();
  return drawer;
}

describe('a message from the portal to the department and back', () => {
  it('works without JavaScript for the citizen and step by step in the console', async () => {
    const citizen = await (await newContext(env.browser, { javaScriptEnabled: false })).newPage();
    await citizen.goto(`${env.server.url}/hdjl`);
    await citizen.getByRole('link', { name: /^写信/ }).click();
    expect(new URL(citizen.url()).pathname).toBe('/hdjl/xx');
    await citizen.getByRole('link', { name: '县长信箱' }).first().click();
    await citizen.getByLabel('来信类型（必填）').selectOption('suggestion');
    await citizen.getByLabel('标题（必填，不超过100字）').fill('建议增设城东公交站');
    await citizen.getByLabel('来信内容（必填，不超过5000字）').fill('城东新区居民较多，建议在幸福路口增设公交站点。');
    await citizen.getByLabel('姓名（必填，公开时隐去）').fill('王小明');
    await citizen.getByLabel('联系电话（必填，不公开）').fill('13800001111');
    await citizen.getByLabel('查询密码（必填，至少6位，用于查询答复）').fill('secret-123');
    await citizen.getByLabel('同意在网站公开来信和答复（隐去姓名和联系方式）').check();
    const question = (await citizen.locator('label[for="m-answer"]').textContent())!.replace('验证问题：', '');
    await citizen.getByLabel(/验证问题/).fill(answerChallenge(question));
    await citizen.screenshot({ path: `${SHOTS}/portal-box.png`, fullPage: true });
    await citizen.getByRole('button', { name: '提交来信' }).click();
    const notice = await citizen.getByRole('status').textContent();
    const trackingNo = /来信编号：(XX\d{4}-[A-Z0-9]+)/.exec(notice ?? '')![1];

    // The 公开办 accepts and assigns it to 财政局; the department drafts; the office approves.
    const office = await (await newContext(env.browser)).newPage();
    await office.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(office, env.server.url, 'office', env.server.demoPassword);
    let drawer = await openInConsole(office, '建议增设城东公交站');
    await office.screenshot({ path: `${SHOTS}/console-detail-pending.png` });
    await drawer.getByRole('button', { name: '受理', exact: true }).click();
    await drawer.getByRole('button', { name: '确认受理' }).click();
    await drawer.getByRole('button', { name: '交办承办部门' }).waitFor();
    await drawer.getByRole('button', { name: '交办承办部门' }).click();
    await chooseOption(office, drawer.locator('form[aria-label="办理操作"]'), '承办部门', '示例县财政局');
    await drawer.getByRole('button', { name: '确认交办承办部门' }).click();
    await drawer.getByText('交由示例县财政局办理').waitFor();
    const violations = seriousViolations(await axeViolations(office));
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await office.keyboard.press('Escape');
    await office.screenshot({ path: `${SHOTS}/console-inbox.png` });

    const clerk = await (await newContext(env.browser)).newPage();
    await clerk.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(clerk, env.server.url, 'clerk', env.server.demoPassword);
    const draft = async (text: string) => {
      const d = await openInConsole(clerk, '建议增设城东公交站');
      await d.getByRole('button', { name: '拟写答复' }).click();
      await d.getByLabel('答复内容').fill(text);
      await d.getByRole('button', { name: '确认拟写答复' }).click();
      await d.getByText('已拟写答复稿，待公开办审核').last().waitFor();
      await clerk.keyboard.press('Escape');
    };
    await draft('已会同交通部门研究，拟于下季度增设幸福路口公交站。');
    const approve = async () => {
      await office.reload();
      drawer = await openInConsole(office, '建议增设城东公交站');
      await drawer.getByRole('button', { name: '审核签发答复' }).click();
      await drawer.getByRole('button', { name: '确认审核签发答复' }).click();
      await drawer.getByText(/已(再次)?答复$/).last().waitFor();
    };
    await approve();
    await office.screenshot({ path: `${SHOTS}/console-detail-replied.png` });

    // The citizen reads the reply and is not satisfied; a second answer follows.
    const query = async () => {
      await citizen.goto(`${env.server.url}/hdjl/cx`);
      await citizen.getByLabel('来信编号').fill(trackingNo);
      await citizen.getByLabel('查询密码').fill('secret-123');
      await citizen.getByRole('button', { name: '查询' }).click();
    };
    await query();
    await expect(citizen.locator('main').textContent()).resolves.toContain('拟于下季度增设幸福路口公交站');
    await citizen.getByLabel('不满意').check();
    await citizen.getByLabel('评价意见（选填）').fill('希望明确时间');
    await citizen.getByRole('button', { name: '提交评价' }).click();
    await citizen.getByText('来信已退回重新办理').waitFor();
    await draft('幸福路口公交站将于2026年6月30日前建成启用。');
    await approve();
    await query();
    await expect(citizen.locator('main').textContent()).resolves.toContain('2026年6月30日前建成启用');
    await citizen.screenshot({ path: `${SHOTS}/portal-query.png`, fullPage: true });
    await citizen.getByLabel('满意', { exact: true }).check();
    await citizen.getByRole('button', { name: '提交评价' }).click();
    await citizen.getByText('来信已办结').waitFor();

    // Published with the sender's consent: the name masked, no phone.
    await office.reload();
    drawer = await openInConsole(office, '建议增设城东公交站');
    await drawer.getByRole('button', { name: '公开答复' }).click();
    await drawer.getByRole('button', { name: '确认公开答复' }).click();
    await drawer.getByText('来信及答复已在网站公开（姓名已隐去）').waitFor();
    await citizen.goto(`${env.server.url}/hdjl/xx/${DEMO_COUNTY_CODE}/main`);
    await citizen.getByRole('link', { name: '建议增设城东公交站' }).click();
    const text = await citizen.locator('main').textContent();
    expect(text).toContain('王**');
    expect(text).not.toContain('王小明');
    expect(text).not.toContain('13800001111');
    await citizen.screenshot({ path: `${SHOTS}/portal-published.png`, fullPage: true });
    for (const url of ['/hdjl/xx', `/hdjl/xx/${DEMO_COUNTY_CODE}/main`, `/hdjl/xx/${DEMO_COUNTY_CODE}/main/${trackingNo}`, '/hdjl/cx']) {
      const page = await (await newContext(env.browser)).newPage();
      await page.goto(`${env.server.url}${url}`);
      const found = seriousViolations(await axeViolations(page));
      expect(found, `${url}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
    }
  });

  it('shows the 公开办 the mailbox settings', async () => {
    const page = await (await newContext(env.browser)).newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'office', env.server.demoPassword);
    await page.getByRole('link', { name: '互动交流' }).click();
    await page.getByText(/^共 \d+ 件$/).waitFor();
    await page.screenshot({ path: `${SHOTS}/console-inbox.png` });
    await page.getByRole('link', { name: '信箱设置' }).click();
    await page.getByRole('heading', { name: '信箱设置' }).waitFor();
    await page.getByRole('button', { name: '保存' }).first().waitFor();
    await page.getByLabel('模板标题').fill('感谢建议');
    await page.getByLabel('模板内容').fill('感谢您对我县工作的关心和支持，您的建议已转相关部门研究。');
    await page.getByRole('button', { name: '新增模板' }).click();
    await page.getByText('感谢您对我县工作的关心和支持').first().waitFor();
    const violations = seriousViolations(await axeViolations(page));
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/console-mailboxes.png`, fullPage: true });
  });
});
