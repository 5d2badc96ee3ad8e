/**
 * 意见征集 on the portal with JavaScript off: a citizen finds the open draft, comments on an article
 * through its own form (the challenge answered), and the page says the comment awaits moderation.
 * The list, the draft page and the 回应关切 page pass axe.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import { newContext, seriousViolationsAt, useBrowserAndServer } from '../support/browser.js';
import { answerChallenge } from '../support/requests.js';
import { publishItem } from '../support/items.js';
import { openSolicitation } from '../support/solicitations.js';

let draftId = 0;
let finalItemPath = '';
const env = useBrowserAndServer(async (server) => {
  draftId = (await openSolicitation(server.testApp)).id;
  // A draft whose period ended, with its feedback published and linked to the final document.
  const t = server.testApp;
  const ended = await openSolicitation(t, { title: '某县公共文化服务保障办法（征求意见稿）' });
  await t.db.updateTable('solicitationDrafts').set({ opensOn: '2026-01-05', endsOn: '2026-01-14', status: 'closed' }).where('id', '=', ended.id).execute();
  const officeHeaders = await t.auth('office');
  await t.app.inject({ method: 'PUT', url: `/api/v1/solicitations/${ended.id}/feedback`, headers: officeHeaders, payload: { feedbackSummary: '征求意见期间未收到意见。', groups: [] } });
  const finalItem = await publishItem(t, { title: '某县公共文化服务保障办法' });
  const published = await t.app.inject({ method: 'POST', url: `/api/v1/solicitations/${ended.id}/feedback/publish`, headers: officeHeaders, payload: { finalItemId: finalItem.id } });
  if (published.statusCode !== 200) throw new Error(published.body);
  finalItemPath = `/xxgk/items/${finalItem.indexNo}`;
  // 回应关切: a published event with one response, for the public page.
  const office = await server.testApp.auth('office');
  const concern = await server.testApp.app.inject({ method: 'POST', url: '/api/v1/concerns', headers: office, payload: {
    orgCode: DEMO_COUNTY_CODE, title: '某镇突发山洪灾害', summary: '某镇突降暴雨引发山洪，县政府启动应急响应。', level: 'major',
    startedAt: new Date(Date.now() - 3 * 3600_000).toISOString(), spokesperson: '县长 张某', published: true,
  } });
  await server.testApp.app.inject({ method: 'POST', url: `/api/v1/concerns/${concern.json().id}/responses`, headers: office, payload: {
    kind: 'authoritativeInfo', respondedAt: new Date(Date.now() - 3600_000).toISOString(), title: '关于某镇山洪灾害情况的通报', url: 'https://example.gov.cn/tb/1',
  } });
  // Its press conference (its transcript published as a catalog item, linked) and a media interview.
  for (const payload of [
    { kind: 'pressConference', title: '某镇山洪灾害抢险救援情况新闻发布会', heldAt: new Date(Date.now() - 2 * 3600_000).toISOString(), place: '县政府新闻发布厅', speakers: '县长 张某；县应急管理局局长 李某' },
    { kind: 'mediaInterview', title: '县应急管理局局长接受县电视台采访', heldAt: new Date(Date.now() - 1800_000).toISOString(), speakers: '县应急管理局局长 李某' },
  ]) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${concern.json().id}/press-records`, headers: office, payload });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
  const transcript = await publishItem(t, { title: '某镇山洪灾害抢险救援情况新闻发布会实录' });
  // Linked directly: the item's own workflow is covered by test/api/concern-press-records.test.ts.
  await t.db.updateTable('concernPressRecords').set({ itemId: transcript.id }).where('kind', '=', 'pressConference').execute();
});
const SHOTS = '/tmp/shots-participation';

describe('意见征集 on the portal', () => {
  it('takes a comment on one article without JavaScript', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${env.server.url}/hdjl/yjzj`);
    await page.screenshot({ path: `${SHOTS}/yjzj-list.png`, fullPage: true });
    await page.getByRole('link', { name: '某县农村生活垃圾治理办法（征求意见稿）' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('某县农村生活垃圾治理办法（征求意见稿）');
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('征求意见截止日期');
    await page.getByText('对第一条提意见').click();
    const form = page.locator('form#f' + (await page.locator('section.article input[name="articleId"]').first().getAttribute('value')));
    await form.getByLabel('意见内容').fill('建议写明本办法的上位法依据。');
    await form.getByLabel('姓名').fill('张三');
    const question = (await form.locator('label', { hasText: '验证问题' }).textContent()) ?? '';
    await form.getByLabel(/验证问题/).fill(answerChallenge(question));
    await page.screenshot({ path: `${SHOTS}/yjzj-draft-form.png`, fullPage: true });
    await form.getByRole('button', { name: '提交意见' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('您的意见已提交');
    await expect(page.content()).resolves.not.toContain('张三');
    await page.screenshot({ path: `${SHOTS}/yjzj-draft-sent.png`, fullPage: true });
    await context.close();
  });

  it('passes axe on the list, the draft page and 回应关切', async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${env.server.url}/hdjl/hygq`);
    await page.getByRole('link', { name: '某镇山洪灾害抢险救援情况新闻发布会' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/hygq.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `${SHOTS}/hygq-375.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    // The footer's figures per body and year, and the final document linking back to its draft.
    fs.mkdirSync('/tmp/shots-participation2', { recursive: true });
    await page.goto(`${env.server.url}/hdjl/yjzj`);
    await page.getByRole('heading', { name: '意见征集情况统计' }).waitFor();
    await page.screenshot({ path: '/tmp/shots-participation2/yjzj-figures.png', fullPage: true });
    await page.goto(`${env.server.url}${finalItemPath}`);
    await page.getByRole('link', { name: '某县公共文化服务保障办法（征求意见稿）' }).waitFor();
    await page.screenshot({ path: '/tmp/shots-participation2/item-solicitation-link.png', fullPage: true });
    await context.close();
    for (const url of ['/hdjl/yjzj', '/hdjl/yjzj?state=closed', `/hdjl/yjzj/${draftId}`, '/hdjl/hygq', finalItemPath]) {
      expect(await seriousViolationsAt(env.browser, `${env.server.url}${url}`), url).toEqual([]);
    }
  });
});
