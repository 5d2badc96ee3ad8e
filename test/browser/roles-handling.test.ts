/**
 * The daily work of the roles that handle 依申请公开 and run the platform, each in its own console
 * through clicks: 公开办 (receives, assigns, signs off replies, prepares the annual report),
 * the department's 信息员 (drafts the reply to what was assigned to it), 监督员 (reads everything,
 * acts on nothing) and 系统管理员 (accounts, bodies, calendar, search). Every main screen is checked
 * (Chinese words, no overflow at 1366 px, axe) and saved to /tmp/walk/.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { chooseOption, useBrowserAndServer } from '../support/browser.js';
import { applyOnline, makeApplication } from '../support/requests.js';
import { checkScreen, consolePage, settled } from '../support/walk.js';

const env = useBrowserAndServer();

async function idOf(trackingNo: string) {
  return (await sql<{ id: number }>`select id from disclosure_requests where tracking_no = ${trackingNo}`.execute(env.server.testApp.db)).rows[0].id;
}

async function statusOf(id: number) {
  const t = env.server.testApp;
  return (await t.app.inject({ url: `/api/v1/handling/requests/${id}`, headers: await t.auth('office') })).json();
}

const ok = /^确\s?定$/;

describe('公开办 and the department', () => {
  it('the office confirms and assigns a new application, the department drafts the reply, the office signs it off and records delivery', async () => {
    const t = env.server.testApp;
    const application = await applyOnline(t, {
      applicant: { ...makeApplication().applicant, name: '孙五' },
      description: '示例县2025年度城乡居民医疗救助资金发放汇总表', purpose: '核实本人所在村的救助情况',
    });
    const id = await idOf(application.trackingNo);

    // 公开办: the new application waits on the dashboard.
    const office = await consolePage(env.browser, env.server.url, 'office', env.server.demoPassword);
    await office.locator('.ant-card', { hasText: '待确认收到的申请' }).getByRole('link', { name: application.trackingNo }).waitFor();
    await checkScreen(office, 'office-01-dashboard');

    await office.getByRole('link', { name: '依申请公开' }).first().click();
    await office.getByRole('link', { name: application.trackingNo }).waitFor();
    await checkScreen(office, 'office-02-requests');

    await office.getByRole('link', { name: application.trackingNo }).click();
    await office.getByRole('heading', { name: `申请 ${application.trackingNo}` }).waitFor();
    await checkScreen(office, 'office-03-request-new');
    await office.getByRole('button', { name: '确认收到' }).click();
    await office.getByRole('dialog').getByRole('button', { name: ok }).click();
    await expect.poll(async () => (await statusOf(id)).status, { timeout: 15_000 }).toBe('processing');
    await office.getByRole('button', { name: '交办', exact: true }).waitFor();

    await office.getByRole('button', { name: '交办', exact: true }).click();
    const assign = office.getByRole('dialog');
    await chooseOption(office, assign, '承办部门', '示例县财政局');
    await assign.getByLabel('交办意见').fill('请于5个工作日内提出答复意见');
    await assign.getByRole('button', { name: ok }).click();
    await assign.waitFor({ state: 'hidden' });
    await office.locator('.ant-descriptions', { hasText: '承办部门' }).getByText('示例县财政局').first().waitFor();
    await checkScreen(office, 'office-04-request-assigned');

    // 财政局信息员: the assignment is on the dashboard; the reply is drafted in the detail.
    const clerk = await consolePage(env.browser, env.server.url, 'clerk', env.server.demoPassword);
    const assigned = clerk.locator('.ant-card', { hasText: '交办给本部门的申请' });
    await assigned.getByRole('link', { name: application.trackingNo }).waitFor();
    await checkScreen(clerk, 'department-01-dashboard');
    await assigned.getByRole('link', { name: application.trackingNo }).click();
    await clerk.getByRole('heading', { name: `申请 ${application.trackingNo}` }).waitFor();
    // The department drafts; it cannot sign off, assign or confirm receipt.
    for (const name of ['审核签发', '交办', '确认收到', '答复']) expect(await clerk.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    await clerk.getByRole('button', { name: '拟写答复' }).click();
    const draft = clerk.getByRole('dialog');
    await chooseOption(clerk, draft, '答复类型', '予以公开');
    await draft.getByLabel(/说明/).fill('所申请的汇总表已随本告知书提供。');
    await draft.getByRole('button', { name: ok }).click();
    await draft.waitFor({ state: 'hidden' });
    await clerk.locator('.ant-card', { hasText: '待审核的答复稿' }).getByText('予以公开').waitFor();
    await checkScreen(clerk, 'department-02-reply-drafted');
    await clerk.context().close();

    // 公开办: signs the draft off (not its drafter) and records how it was delivered.
    await office.reload();
    await office.locator('.ant-card', { hasText: '待审核的答复稿' }).getByText('财政局信息员', { exact: false }).waitFor();
    await checkScreen(office, 'office-05-draft-to-approve');
    await office.getByRole('button', { name: '审核签发' }).click();
    await office.getByRole('dialog').getByRole('button', { name: ok }).click();
    await expect.poll(async () => (await statusOf(id)).status, { timeout: 15_000 }).toBe('completed');
    await office.getByRole('button', { name: '登记送达' }).waitFor();
    await office.getByRole('button', { name: '登记送达' }).click();
    const delivery = office.getByRole('dialog');
    await chooseOption(office, delivery, '送达方式', '在线下载');
    await delivery.getByRole('button', { name: ok }).click();
    await delivery.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await statusOf(id)).deliveredOn ?? null, { timeout: 15_000 }).not.toBeNull();
    await settled(office);
    const history = await office.locator('.ant-card', { hasText: '办理记录' }).innerText();
    for (const step of ['已确认收到申请', '已交由示例县财政局承办', '答复已拟稿（予以公开）', '答复稿已审核签发（财政局信息员拟稿，县政务公开办审核签发）', '答复文书已送达（在线下载）']) expect(history, step).toContain(step);
    await checkScreen(office, 'office-06-request-delivered');

    // The annual report the office prepares, and the calendar its deadlines come from.
    await office.getByRole('link', { name: '年度报告' }).first().click();
    await office.getByRole('heading', { name: /年度报告/ }).first().waitFor();
    await checkScreen(office, 'office-07-annual-report');
    await office.getByRole('link', { name: '工作日历' }).first().click();
    await office.getByText('工作日计算器').waitFor();
    await checkScreen(office, 'office-08-calendar');
    // The other inboxes the office works in: letters to the mailboxes, drafts out for comment, public concerns.
    for (const [menu, heading, shot] of [
      ['互动交流', '互动交流（来信办理）', 'office-09-messages'], ['信箱设置', '信箱设置', 'office-10-mailboxes'],
      ['意见征集', '意见征集', 'office-11-solicitations'], ['回应关切', '回应关切', 'office-12-concerns'],
    ] as const) {
      await office.getByRole('link', { name: menu, exact: true }).first().click();
      await office.getByRole('heading', { name: heading, exact: true }).first().waitFor();
      await checkScreen(office, shot);
    }
    await office.context().close();
  });
});

describe('监督员', () => {
  it('reads the requests, their details and the audit trail, and is offered no step of handling', async () => {
    const t = env.server.testApp;
    const application = await applyOnline(t, { description: '示例县2025年度政府采购意向公开汇总', purpose: '监督采购' });
    const page = await consolePage(env.browser, env.server.url, 'supervisor', env.server.demoPassword);
    await checkScreen(page, 'supervisor-01-dashboard');
    await page.getByRole('link', { name: '依申请公开' }).first().click();
    await page.getByRole('link', { name: application.trackingNo }).click();
    await page.getByRole('heading', { name: `申请 ${application.trackingNo}` }).waitFor();
    await settled(page);
    expect(await page.locator('.ant-card', { hasText: '办理' }).filter({ has: page.getByRole('button', { name: '确认收到' }) }).count()).toBe(0);
    for (const name of ['确认收到', '交办', '答复', '拟写答复', '审核签发']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    await checkScreen(page, 'supervisor-02-request');
    await page.getByRole('link', { name: '审计日志' }).first().click();
    await page.getByRole('button', { name: /校验/ }).first().waitFor();
    await checkScreen(page, 'supervisor-03-audit');
    await page.context().close();
  });
});

describe('系统管理员', () => {
  it('keeps accounts, bodies, the calendar and the search thesaurus', async () => {
    const page = await consolePage(env.browser, env.server.url, 'admin', env.server.adminPassword);
    await checkScreen(page, 'admin-01-dashboard');
    await page.getByRole('link', { name: '用户与角色' }).first().click();
    await page.getByRole('cell', { name: 'clerk2', exact: true }).waitFor();
    await checkScreen(page, 'admin-02-users');
    await page.getByRole('link', { name: '组织机构' }).first().click();
    await page.getByText('机构树').waitFor();
    await page.getByText('示例县财政局').first().waitFor();
    await checkScreen(page, 'admin-03-orgs');
    await page.getByRole('link', { name: '工作日历' }).first().click();
    await page.getByText('法定节假日与调休录入').waitFor();
    await checkScreen(page, 'admin-04-calendar');
    await page.getByRole('link', { name: '全站搜索' }).first().click();
    await page.getByText('同义词与简称').waitFor();
    await page.getByText('个人所得税').first().waitFor();
    await checkScreen(page, 'admin-05-search');
    await page.context().close();
  });
});
