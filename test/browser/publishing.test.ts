import { describe, expect, it } from 'vitest';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Page } from 'playwright-core';
import { CONFIDENTIALITY_CHECKLIST } from '../../src/domain/item-workflow.js';
import { axeViolations, newContext, seriousViolations, signInToConsole, useBrowserAndServer } from '../support/browser.js';
import { publishItem } from '../support/items.js';

const VALID_ID = '11010519491231002X';
const env = useBrowserAndServer();

/** Picks an option of a searchable select by typing part of it (long lists render only the options in view). */
async function searchAndChoose(page: Page, label: string, option: string) {
  const input = page.getByLabel(label, { exact: true });
  const select = page.locator('.ant-select', { has: input });
  for (let attempt = 1; ; attempt += 1) {
    await input.click();
    await input.fill(option);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: new RegExp(`^${option}$`) }).first().waitFor();
    await input.press('Enter');
    for (let i = 0; i < 30; i += 1) {
      if ((await select.textContent())?.includes(option)) return;
      await page.waitForTimeout(100);
    }
    if (attempt >= 3) throw new Error(`the select “${label}” does not show “${option}”`);
  }
}

/** A 公文 as Word saves it: a heading, a paragraph with an ID number, a table. */
async function notice(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [
    new Paragraph({ text: '示例县财政局关于困难群众临时救助资金发放情况的公示', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun('经审核，以下人员符合临时救助条件：'), new TextRun({ text: `王五，身份证号${VALID_ID}`, bold: true }), new TextRun('，救助金额2000元。')] }),
    new Table({ rows: [
      new TableRow({ children: [new TableCell({ children: [new Paragraph('乡镇')] }), new TableCell({ children: [new Paragraph('人数')] })] }),
      new TableRow({ children: [new TableCell({ children: [new Paragraph('城关镇')] }), new TableCell({ children: [new Paragraph('12')] })] }),
    ] }),
  ] }] }));
}

describe('主动公开 from draft to catalog', () => {
  it('drafts from a Word document, edits, resolves the finding, passes every step and publishes at the time the leader chose', async () => {
    const { testApp } = env.server;
    const open = async (user: string) => {
      const page = await (await newContext(env.browser)).newPage();
      await signInToConsole(page, env.server.url, user, env.server.demoPassword);
      return page;
    };

    // The clerk imports the 公文 as the body: the title is taken from its first heading, the table kept.
    const clerk = await open('clerk');
    await clerk.getByRole('link', { name: '信息发布' }).click();
    await clerk.getByRole('button', { name: '新建信息' }).click();
    await clerk.getByLabel('从 Word 文档导入正文（.docx）').setInputFiles({ name: '公示.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await notice() });
    await clerk.getByText('已导入 Word 文档的正文').waitFor();
    await expect(clerk.getByLabel('标题', { exact: true }).inputValue()).resolves.toBe('示例县财政局关于困难群众临时救助资金发放情况的公示');
    await clerk.locator('.rich-text-body table td', { hasText: '城关镇' }).waitFor();
    await expect(clerk.getByText('导入的正文含有个人信息').isVisible()).resolves.toBe(true);
    await searchAndChoose(clerk, '信息类别', '公共服务');
    await searchAndChoose(clerk, '主题分类', '民政、扶贫、救灾');
    await clerk.getByRole('button', { name: '保存草稿' }).click();
    await clerk.getByText('未处理 1 项').waitFor();
    await expect(clerk.locator('mark').first().textContent()).resolves.toBe(VALID_ID);
    // Submitting waits for the finding to be resolved.
    await expect(clerk.getByRole('button', { name: '提交审核' }).isDisabled()).resolves.toBe(true);
    const id = Number(clerk.url().split('/').pop());

    // The clerk edits the draft in the same editor: the 信息类别 chosen is kept, and the change is in the version comparison.
    await clerk.getByRole('button', { name: /修改草稿/ }).click();
    await clerk.getByLabel('标题', { exact: true }).fill('示例县财政局关于2026年第一季度困难群众临时救助资金发放情况的公示');
    await clerk.getByRole('textbox', { name: '正文' }).click();
    await clerk.keyboard.press('Control+End');
    await clerk.keyboard.type('公示期为5个工作日。');
    await clerk.getByRole('button', { name: '保存草稿' }).click();
    await clerk.getByText('修改已保存').waitFor();
    await expect(clerk.locator('.ant-descriptions').textContent()).resolves.toMatch(/信息类别公共服务.*主题分类民政、扶贫、救灾/s);
    await clerk.locator('[data-field="title"] ins', { hasText: '2026年第一季度' }).waitFor();
    await expect(clerk.locator('[data-field="bodyHtml"] ins').first().textContent()).resolves.toContain('公示期为5个工作日');

    // The clerk redacts it in place; then the draft can be submitted.
    await clerk.getByRole('button', { name: '脱敏' }).click();
    await clerk.getByText('未处理 0 项').waitFor();
    await clerk.getByRole('button', { name: '提交审核' }).click();
    await clerk.locator('.ant-tag', { hasText: '待科室负责人审核' }).waitFor();
    // Words, not codes, in the history.
    await expect(clerk.locator('.ant-timeline').textContent()).resolves.toMatch(/起草 · 提交审核（财政局信息员）/);
    await expect(clerk.getByRole('button', { name: '修改草稿' }).count()).resolves.toBe(0);

    // 科室负责人 and 保密审查 in their own consoles.
    const depthead = await open('depthead');
    await depthead.goto(`${env.server.url}/admin/#/items/${id}`);
    await depthead.getByRole('button', { name: '通过' }).click();
    await depthead.locator('.ant-tag', { hasText: '待保密审查' }).waitFor();
    const reviewer = await open('reviewer');
    await reviewer.goto(`${env.server.url}/admin/#/items/${id}`);
    for (const point of Object.values(CONFIDENTIALITY_CHECKLIST)) await reviewer.getByLabel(point).check();
    await reviewer.getByRole('button', { name: '通过' }).click();
    await reviewer.locator('.ant-tag', { hasText: '待分管领导审批' }).waitFor();

    // The leader schedules it for tomorrow 10:00 Beijing time (whatever the browser's zone: this one runs in UTC),
    // sees the time, and then publishes at once.
    const leader = await open('leader');
    await leader.goto(`${env.server.url}/admin/#/items/${id}`);
    await leader.getByLabel('定时发布', { exact: true }).check();
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    await leader.getByLabel('定时发布时间').fill(`${tomorrow} 10:00`);
    await leader.getByLabel('定时发布时间').press('Enter');
    await leader.getByRole('button', { name: '通过并定时发布' }).click();
    await leader.locator('.ant-tag', { hasText: '定时发布' }).first().waitFor();
    await expect(leader.getByText(/^将于.*发布。/).textContent()).resolves.toContain(`将于 ${tomorrow.replace(/-/g, '/')} 10:00（北京时间）发布`);
    const api = await testApp.app.inject({ url: `/api/v1/items/${id}`, headers: await testApp.auth('leader') });
    expect(new Date(api.json().scheduledAt).toISOString()).toBe(new Date(`${tomorrow}T10:00:00+08:00`).toISOString());
    // Under load a click on the confirmation while it is still opening can be lost: until the item is
    // published, open the confirmation again if it has closed and click 发布. Publication indexes the item
    // for search and renders its pages, which on a loaded machine takes a while.
    const publishNow = leader.getByRole('button', { name: '立即发布' });
    const confirm = leader.locator('.ant-popconfirm-buttons').getByRole('button', { name: '发布', exact: true });
    const status = async () => (await testApp.app.inject({ url: `/api/v1/items/${id}`, headers: await testApp.auth('leader') })).json().status as string;
    await expect.poll(async () => {
      const now = await status();
      if (now !== 'published') {
        if (await confirm.isVisible()) await confirm.click({ timeout: 5_000 }).catch(() => {});
        else if (await publishNow.isVisible()) await publishNow.click({ timeout: 5_000 }).catch(() => {});
      }
      return now;
    }, { timeout: 90_000, interval: 2_000 }).toBe('published');
    await leader.locator('.ant-tag', { hasText: '已发布' }).waitFor();

    // The public, without JavaScript: catalog, search, feed.
    const visitor = await (await newContext(env.browser, { javaScriptEnabled: false })).newPage();
    await visitor.goto(`${env.server.url}/xxgk/catalog`);
    await visitor.getByRole('link', { name: '示例县财政局关于2026年第一季度困难群众临时救助资金发放情况的公示' }).click();
    const body = await visitor.locator('main').textContent();
    expect(body).toContain('110105********002X');
    expect(body).not.toContain(VALID_ID);
    expect(body).toContain('城关镇');
    await expect(visitor.locator('table.metadata').textContent()).resolves.toMatch(/索引号.*发布机构.*示例县财政局.*发布日期.*信息类别公共服务/s);
    const itemUrl = visitor.url();

    await visitor.goto(`${env.server.url}/xxgk/catalog`);
    await visitor.getByLabel('关键词').fill('临时救助');
    await visitor.getByRole('button', { name: '检索' }).click();
    await expect(visitor.locator('mark').first().textContent()).resolves.toBe('临时救助');
    await expect(visitor.getByRole('status').textContent()).resolves.toMatch(/共找到\d+条政府信息/);
    const feed = await visitor.request.get(`${env.server.url}/xxgk/feed.xml`);
    expect(await feed.text()).toContain('临时救助资金发放情况的公示');

    // Withdrawal keeps the entry with its reason.
    await leader.getByLabel('撤销原因').fill('公示期已满');
    await leader.getByRole('button', { name: '撤销' }).click();
    await leader.locator('.ant-popconfirm-buttons').getByRole('button', { name: '撤销', exact: true }).click();
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
