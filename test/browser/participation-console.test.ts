/**
 * The console's 意见征集 and 回应关切 pages, as the 公开办 uses them: a draft written with its articles,
 * submitted and published; a comment moderated; a 重大 event registered with its hour clocks. axe-clean.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import { axeViolations, chooseOption, newContext, seriousViolations, signInToConsole, useBrowserAndServer } from '../support/browser.js';
import { solvedChallenge } from '../support/requests.js';
import { openSolicitation } from '../support/solicitations.js';

const SHOTS = '/tmp/shots-participation';
const env = useBrowserAndServer(async (server) => {
  const t = server.testApp;
  const draft = await openSolicitation(t);
  // A second draft whose period ran in January: ready for its 意见采纳情况.
  const ended = await openSolicitation(t, { title: '某县公共文化服务保障办法（征求意见稿）' });
  await t.app.inject({ method: 'POST', url: `/api/v1/solicitations/${ended.id}/comments`, payload: { body: '建议增加农家书屋的开放时间要求。', challenge: await solvedChallenge(t) } });
  await t.db.updateTable('solicitationDrafts').set({ opensOn: '2026-01-05', endsOn: '2026-01-14' }).where('id', '=', ended.id).execute();
  await t.app.inject({ method: 'POST', url: `/api/v1/solicitations/${draft.id}/comments`, payload: { articleId: draft.articleIds[1], body: '建议把城中村也纳入适用范围。', commenterName: '王小明', challenge: await solvedChallenge(t) } });
  // For the dashboard: a draft whose period ends today, and one that ended in November without feedback.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const endingToday = await openSolicitation(t, { title: '某县城市道路挖掘管理办法（征求意见稿）' });
  await t.db.updateTable('solicitationDrafts').set({ endsOn: today }).where('id', '=', endingToday.id).execute();
  const noFeedback = await openSolicitation(t, { title: '某县农贸市场管理规定（征求意见稿）' });
  await t.db.updateTable('solicitationDrafts').set({ opensOn: '2026-11-02', endsOn: '2026-11-10', status: 'closed' }).where('id', '=', noFeedback.id).execute();
  // A 公开办 member who is also the county's 信息员: may turn a press record into a catalog draft.
  await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: await t.auth('admin'), payload: {
    username: 'xwb', displayName: '县政务公开办信息员', orgCode: DEMO_COUNTY_CODE, roles: ['disclosureOffice', 'clerk'], password: 'Xinwen-Passw0rd!',
  } });
  const office = await t.auth('office');
  const concern = await t.app.inject({ method: 'POST', url: '/api/v1/concerns', headers: office, payload: {
    orgCode: DEMO_COUNTY_CODE, title: '某镇突发山洪灾害', level: 'major', startedAt: new Date(Date.now() - 6 * 3600_000).toISOString(), spokesperson: '县长 张某',
  } });
  await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${concern.json().id}/responses`, headers: office, payload: {
    kind: 'authoritativeInfo', respondedAt: new Date(Date.now() - 2 * 3600_000).toISOString(), title: '关于某镇山洪灾害情况的通报',
  } });
});

describe('意见征集 and 回应关切 in the console', () => {
  it('writes, submits and publishes a draft, and moderates a comment', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'office', env.server.demoPassword);
    await page.getByRole('link', { name: '意见征集' }).click();
    await page.getByRole('heading', { name: '意见征集' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/console-solicitations.png` });
    expect(seriousViolations(await axeViolations(page))).toEqual([]);

    await page.getByRole('button', { name: '起草征求意见稿' }).click();
    const drawer = page.getByRole('dialog', { name: '起草征求意见稿' });
    await drawer.getByLabel('标题').fill('某县养犬管理规定（征求意见稿）');
    await drawer.getByLabel('起草说明').fill('为规范养犬行为，起草本规定。');
    await drawer.getByLabel('条文内容').fill('为了规范养犬行为，制定本规定。');
    await page.screenshot({ path: `${SHOTS}/console-solicitation-editor.png` });
    await drawer.getByRole('button', { name: '保存' }).click();
    const detail = page.getByRole('dialog', { name: '某县养犬管理规定（征求意见稿）' });
    await detail.getByRole('button', { name: '提交审核' }).click();
    await detail.getByRole('button', { name: '发布征求意见' }).click();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await detail.getByText('征求意见中').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/console-solicitation-open.png` });
    await detail.locator('.ant-drawer-close').click().catch(() => undefined);
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: /意见审核/ }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '城中村' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('王*');
    await expect(row.textContent()).resolves.not.toContain('王小明');
    await page.screenshot({ path: `${SHOTS}/console-moderation.png` });
    await row.getByRole('button', { name: '公开', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    await context.close();
  });

  it('writes and publishes the 意见采纳情况 of a draft whose period has ended', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'office', env.server.demoPassword);
    await page.getByRole('link', { name: '意见征集' }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '某县公共文化服务保障办法' });
    await row.getByText('已截止').waitFor();
    await row.getByRole('button', { name: '办理' }).click();
    const detail = page.getByRole('dialog', { name: '某县公共文化服务保障办法（征求意见稿）' });
    await detail.getByRole('button', { name: '整理意见采纳情况' }).click();
    const editor = page.getByRole('dialog', { name: '整理意见采纳情况' });
    await editor.getByLabel('采纳情况总体说明').fill('共收到意见1条，经研究予以采纳。');
    await editor.getByRole('button', { name: '添加一组意见' }).click();
    await editor.getByLabel('意见概述').fill('建议明确农家书屋开放时间');
    await editor.getByLabel('归入本组的意见').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '农家书屋' }).click();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${SHOTS}/console-feedback-editor.png` });
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await editor.getByRole('button', { name: '保存', exact: true }).click();
    await detail.getByRole('cell', { name: '建议明确农家书屋开放时间' }).waitFor();
    await detail.getByRole('button', { name: '公布采纳情况' }).click();
    // Under load the confirmation may still be opening: wait for its button, then for the answer.
    const confirm = page.getByRole('button', { name: '公布', exact: true });
    await confirm.waitFor();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/feedback/publish') && r.request().method() === 'POST', { timeout: 60_000 }),
      confirm.click(),
    ]);
    await detail.getByText('已公布采纳情况').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/console-feedback-published.png` });
    await context.close();
  });

  it('shows the hour clocks of a 重大 event', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'office', env.server.demoPassword);
    await page.getByRole('link', { name: '回应关切' }).click();
    await page.getByRole('heading', { name: '回应关切' }).waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '某镇突发山洪灾害' });
    await row.waitFor();
    await page.screenshot({ path: `${SHOTS}/console-concerns.png` });
    await expect(row.textContent()).resolves.toContain('5小时内发布权威信息：按时完成');
    await expect(row.textContent()).resolves.toMatch(/24小时内举行新闻发布会：剩余1[78]小时/);
    await page.screenshot({ path: `${SHOTS}/console-concerns.png` });
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await row.getByRole('button', { name: '办理' }).click();
    await page.getByRole('heading', { name: '登记回应' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/console-concern-detail.png` });
    await context.close();
  });

  it('shows the office the running hour clocks and the drafts that need attention on the dashboard', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'office', env.server.demoPassword);
    const card = page.locator('.ant-card').filter({ hasText: '回应关切与意见征集提醒' });
    await card.getByText('某镇突发山洪灾害').waitFor();
    const clocks = await card.locator('.ant-tag').allTextContents();
    expect(clocks.filter((c) => c.includes('小时内'))).toEqual([expect.stringMatching(/^24小时内举行新闻发布会：剩余1[78]小时/)]);
    await expect(card.textContent()).resolves.toContain('某县城市道路挖掘管理办法（征求意见稿）');
    await expect(card.textContent()).resolves.toContain('今日截止');
    await expect(card.textContent()).resolves.toContain('某县农贸市场管理规定（征求意见稿）');
    await expect(card.textContent()).resolves.toContain('2026-11-10截止，已过');
    await card.scrollIntoViewIfNeeded();
    fs.mkdirSync('/tmp/shots-participation2', { recursive: true });
    await page.screenshot({ path: '/tmp/shots-participation2/dashboard-participation.png', fullPage: true });
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await context.close();
  });

  it('registers a press conference in the concern drawer and flags the phone number in its transcript', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'office', env.server.demoPassword);
    await page.getByRole('link', { name: '回应关切' }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '某镇突发山洪灾害' }).getByRole('button', { name: '办理' }).click();
    const drawer = page.getByRole('dialog', { name: '某镇突发山洪灾害' });
    const form = drawer.locator('.ant-card').filter({ hasText: '登记发布会或采访' });
    // An hour ago, typed as staff type it (the picker's 此刻 button sometimes missed its click under load).
    const anHourAgo = await page.evaluate(() => {
      const d = new Date(Date.now() - 3600_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    });
    await form.getByLabel('举行时间').click();
    await form.getByLabel('举行时间').fill(anHourAgo);
    await form.getByLabel('举行时间').press('Enter');
    await expect.poll(() => form.getByLabel('举行时间').inputValue()).toBe(anHourAgo);
    await form.getByLabel('地点').fill('县政府新闻发布厅');
    await form.getByLabel('标题').fill('山洪灾害抢险救援情况新闻发布会');
    await form.getByLabel('发布人').fill('县长 张某');
    await form.getByLabel('实录文字').fill('张某：救援队已全部到位。\n请拨打13812345678联系救援队。');
    await form.getByRole('button', { name: '登记记录' }).click();
    await drawer.getByText('实录中发现1处个人信息或敏感内容，公开前须脱敏').first().waitFor();
    const record = drawer.locator('.ant-card').filter({ hasText: '山洪灾害抢险救援情况新闻发布会' }).first();
    await expect(record.textContent()).resolves.toContain('手机号码：138****5678');
    await expect(record.textContent()).resolves.toContain('须由同时具有信息员角色的账号办理');
    await record.scrollIntoViewIfNeeded();
    fs.mkdirSync('/tmp/shots-participation2', { recursive: true });
    await page.screenshot({ path: '/tmp/shots-participation2/console-press-record.png' });
    expect(seriousViolations(await axeViolations(page))).toEqual([]);
    await context.close();
  });

  it('turns the press record into a draft catalog item for review', async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signInToConsole(page, env.server.url, 'xwb', 'Xinwen-Passw0rd!');
    await page.locator('.ant-layout-sider').getByRole('link', { name: '回应关切' }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '某镇突发山洪灾害' }).getByRole('button', { name: '办理' }).click();
    const record = page.getByRole('dialog', { name: '某镇突发山洪灾害' }).locator('.ant-card').filter({ hasText: '山洪灾害抢险救援情况新闻发布会' }).first();
    await chooseOption(page, record, '信息类别', '工作动态');
    await record.getByRole('button', { name: '生成公开信息' }).click();
    await record.getByRole('link', { name: '某镇突发山洪灾害新闻发布会：山洪灾害抢险救援情况新闻发布会' }).waitFor();
    await expect(record.textContent()).resolves.toContain('草稿');
    await record.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/shots-participation2/console-press-published.png' });
    await context.close();
  });
});
