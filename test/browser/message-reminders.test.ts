/**
 * Reminders in the console: the 工作台 of the department a message was assigned to lists it as 即将到期 or
 * 已超期 with a link that opens its handling drawer (#/messages/:id, the link of the reminder e-mail), and the
 * inbox filters 只看即将到期. A staff account takes a work e-mail address for the reminders.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { todayInChina, addCalendarDays } from '../../src/domain/dates.js';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { axeViolations, newContext, seriousViolations, signInToConsole, useBrowserAndServer } from '../support/browser.js';
import { solvedChallenge } from '../support/requests.js';

const SHOTS = '/tmp/inbox-shots';
const ids: Record<string, number> = {};
const env = useBrowserAndServer(async (server) => {
  const t = server.testApp;
  const office = await t.auth('office');
  const today = todayInChina(new Date());
  for (const [subject, dueOn] of [['城东路灯维修进度', today], ['小区垃圾清运时间', addCalendarDays(today, -3)], ['图书馆借阅证办理', addCalendarDays(today, 40)]] as const) {
    const sent = await t.app.inject({
      method: 'POST', url: '/api/v1/messages',
      payload: { orgCode: DEMO_COUNTY_CODE, type: 'consultation', subject, body: `${subject}？`, sender: { name: '陈七', phone: '13700007777' }, publicReply: false, queryPassword: 'secret-123', challenge: await solvedChallenge(t) },
    });
    const id = (await t.db.selectFrom('messages').select('id').where('trackingNo', '=', sent.json().trackingNo).executeTakeFirstOrThrow()).id;
    for (const body of [{ action: 'accept' }, { action: 'assign', assignedOrgCode: DEMO_FINANCE_CODE }]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${id}/actions`, headers: office, payload: body });
      if (res.statusCode !== 200) throw new Error(res.body);
    }
    // The due days set directly: a message received today is due in 10 working days.
    await t.db.updateTable('messages').set({ replyDueOn: dueOn }).where('id', '=', id).execute();
    ids[subject] = id;
  }
});

describe('reminders in the console', () => {
  it('lists due and late messages on the 工作台, opens one from its link, and filters the inbox', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const page = await (await newContext(env.browser)).newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'clerk', env.server.demoPassword);
    const card = page.locator('.ant-card', { has: page.getByText(/^来信办理提醒/) });
    await card.getByText('已超期 1').waitFor();
    await card.getByText('即将到期（2个工作日内） 1').waitFor();
    expect(await card.textContent()).not.toContain('图书馆借阅证办理');
    await page.screenshot({ path: `${SHOTS}/console-dashboard.png`, fullPage: true });
    const violations = seriousViolations(await axeViolations(page));
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await card.getByRole('link', { name: /XX\d{4}-/ }).last().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('来信：城东路灯维修进度').waitFor();
    await drawer.getByText('即将到期').first().waitFor();
    expect(new URL(page.url()).hash).toBe(`#/messages/${ids['城东路灯维修进度']}`);
    await page.screenshot({ path: `${SHOTS}/console-message-due.png` });
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => u.hash === '#/messages');

    await page.getByRole('switch', { name: '只看即将到期' }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 件').waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(rows.first().textContent()).resolves.toContain('城东路灯维修进度');
    await page.screenshot({ path: `${SHOTS}/console-inbox-due-soon.png` });
  });

  it('keeps a work e-mail address on a staff account', async () => {
    const page = await (await newContext(env.browser)).newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'admin', env.server.adminPassword);
    await page.goto(`${env.server.url}/admin/#/users`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '财政局信息员' });
    await row.getByRole('button', { name: '编辑' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('工作邮箱').fill('xinxiyuan@czj.gov.example');
    await page.screenshot({ path: `${SHOTS}/console-user-email.png` });
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByText('用户已保存').waitFor();
    const saved = await env.server.testApp.db.selectFrom('users').select('email').where('username', '=', 'clerk').executeTakeFirstOrThrow();
    expect(saved.email).toBe('xinxiyuan@czj.gov.example');
  });
});
