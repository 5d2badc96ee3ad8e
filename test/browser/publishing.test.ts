import { describe, expect, it } from 'vitest';
import { axeViolations, newContext, seriousViolations, signInToConsole, useBrowserAndServer } from '../support/browser.js';
import { CHECKLIST, publishItem } from '../support/items.js';

const VALID_ID = '11010519491231002X';
const env = useBrowserAndServer();

describe('主动公开 from draft to catalog', () => {
  it('flags an ID number, blocks approval until redaction, then publishes, and shows a withdrawal with its reason', async () => {
    // The clerk drafts in the console.
    const clerk = await (await newContext(env.browser)).newPage();
    await signInToConsole(clerk, env.server.url, 'clerk', env.server.demoPassword);
    await clerk.getByRole('link', { name: '信息发布' }).click();
    await clerk.getByRole('button', { name: '新建信息' }).click();
    const drawer = clerk.getByRole('dialog');
    await drawer.getByLabel('标题').fill('示例县财政局关于困难群众临时救助资金发放情况的公示');
    await drawer.getByLabel('正文').fill(`经审核，以下人员符合临时救助条件：王五，身份证号${VALID_ID}，救助金额2000元。`);
    await drawer.getByRole('button', { name: '保存草稿' }).click();
    await clerk.getByText('未处理 1 项').waitFor();
    await expect(clerk.getByText('110105********002X').isVisible()).resolves.toBe(true);
    // Shown in place: the number is marked where it stands in the text.
    await expect(clerk.locator('mark').first().textContent()).resolves.toBe(VALID_ID);
    await clerk.getByRole('button', { name: '提交审核' }).click();
    await clerk.getByText('待科室负责人审核').waitFor();
    const id = Number(clerk.url().split('/').pop());

    // Department head and confidentiality reviewer through the API.
    const { app } = env.server.testApp;
    const review = async (user: 'depthead' | 'reviewer', payload: object) =>
      expect((await app.inject({ method: 'POST', url: `/api/v1/items/${id}/review`, headers: await env.server.testApp.auth(user), payload })).statusCode).toBe(200);
    await review('depthead', { decision: 'approve' });
    await review('reviewer', { decision: 'approve', checklist: CHECKLIST });

    // The leader cannot approve while the finding is open; redaction clears it.
    const leader = await (await newContext(env.browser)).newPage();
    await signInToConsole(leader, env.server.url, 'leader', env.server.demoPassword);
    await leader.goto(`${env.server.url}/admin/#/items/${id}`);
    await leader.getByRole('button', { name: '通过' }).click();
    await expect(leader.getByRole('alert').textContent()).resolves.toContain('还有未处理的个人信息');
    await leader.getByRole('button', { name: '脱敏' }).click();
    await leader.getByText('未处理 0 项').waitFor();
    await leader.getByRole('button', { name: '通过' }).click();
    await leader.locator('.ant-tag', { hasText: '已发布' }).waitFor();

    // The public, without JavaScript: catalog, search, feed.
    const visitor = await (await newContext(env.browser, { javaScriptEnabled: false })).newPage();
    await visitor.goto(`${env.server.url}/xxgk/catalog`);
    await visitor.getByRole('link', { name: '示例县财政局关于困难群众临时救助资金发放情况的公示' }).click();
    const body = await visitor.locator('main').textContent();
    expect(body).toContain('110105********002X');
    expect(body).not.toContain(VALID_ID);
    await expect(visitor.locator('table.metadata').textContent()).resolves.toMatch(/索引号.*发布机构.*示例县财政局.*发布日期/s);
    const itemUrl = visitor.url();

    await visitor.goto(`${env.server.url}/xxgk/catalog`);
    await visitor.getByLabel('关键词').fill('临时救助');
    await visitor.getByRole('button', { name: '检索' }).click();
    await expect(visitor.locator('mark').first().textContent()).resolves.toBe('临时救助');
    const feed = await visitor.request.get(`${env.server.url}/xxgk/feed.xml`);
    expect(await feed.text()).toContain('临时救助资金发放情况的公示');

    // Withdrawal keeps the entry with its reason.
    await leader.getByLabel('撤销原因').fill('公示期已满');
    await leader.getByRole('button', { name: '撤销' }).click();
    await leader.locator('.ant-tag', { hasText: '已撤销' }).waitFor();
    await visitor.goto(itemUrl);
    await expect(visitor.locator('main').textContent()).resolves.toContain('撤销原因：公示期已满');
  });

  it('catalog, item and guide pages pass axe-core', async () => {
    // Its own item, so the item page is always checked (never skipped for want of one) whatever ran before.
    const item = await publishItem(env.server.testApp, { title: '示例县财政局关于无障碍检查的通知' });
    const page = await (await newContext(env.browser)).newPage();
    const paths = ['/xxgk/catalog', '/xxgk/catalog?q=%E9%80%9A%E7%9F%A5', '/xxgk/guide', '/xxgk/guide/11990100123400151W', `/xxgk/items/${item.indexNo}`];
    for (const path of paths) {
      const res = await page.goto(`${env.server.url}${path}`);
      expect(res?.status(), path).toBe(200);
      const violations = seriousViolations(await axeViolations(page));
      expect(violations, `${path}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }
  });
});
