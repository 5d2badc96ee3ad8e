/**
 * The daily work of the 主动公开 roles, each in its own console through clicks: 信息员, 科室负责人,
 * 保密审查员, 分管领导. Data another role would have made is prepared through the API. Every main
 * screen is checked (Chinese words, no overflow at 1366 px, axe) and saved to /tmp/walk/.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { CONFIDENTIALITY_CHECKLIST } from '../../src/domain/item-workflow.js';
import { newContext, useBrowserAndServer } from '../support/browser.js';
import { itemAt, makeItem } from '../support/items.js';
import { multipartFile } from '../support/multipart.js';
import { checkScreen, consolePage, searchAndChoose } from '../support/walk.js';

const env = useBrowserAndServer();

/** A one-page PDF whose text the attachment scan reads. */
async function pdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

async function as(user: 'clerk' | 'depthead' | 'reviewer' | 'leader', method: 'GET' | 'POST', url: string, payload?: object) {
  const t = env.server.testApp;
  const res = await t.app.inject({ method, url, headers: await t.auth(user), ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

describe('信息员', () => {
  it('drafts an item with category and topic, edits it, attaches a file, submits, and fixes it when it comes back', async () => {
    const page = await consolePage(env.browser, env.server.url, 'clerk', env.server.demoPassword);
    await checkScreen(page, 'clerk-01-dashboard');

    await page.getByRole('link', { name: '信息发布' }).click();
    await page.getByRole('button', { name: '新建信息' }).click();
    await page.getByRole('heading', { name: '新建信息' }).waitFor();
    await page.getByLabel('标题', { exact: true }).fill('示例县财政局关于2026年惠民补贴资金发放的公告');
    await page.getByRole('textbox', { name: '正文' }).click();
    await page.keyboard.type('2026年惠民补贴资金已于本月发放完毕。');
    await searchAndChoose(page, '信息类别', '财政预决算与三公经费');
    await searchAndChoose(page, '主题分类', '财政、金融、审计');
    await checkScreen(page, 'clerk-02-new-item');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('未处理 0 项').waitFor();
    const id = Number(page.url().split('/').pop());
    await expect(page.locator('.ant-descriptions').innerText()).resolves.toMatch(/状态\s*草稿[\s\S]*信息类别\s*财政预决算与三公经费[\s\S]*主题分类\s*财政、金融、审计/);
    await checkScreen(page, 'clerk-03-saved-draft');

    // Reopened later: title and body changed, a file attached in the same editor.
    await page.goto(`${env.server.url}/admin/#/items`);
    await page.getByRole('link', { name: '示例县财政局关于2026年惠民补贴资金发放的公告' }).click();
    await page.getByRole('button', { name: /修改草稿/ }).click();
    await page.getByRole('heading', { name: /^修改草稿：/ }).waitFor();
    await page.getByLabel('标题', { exact: true }).fill('示例县财政局关于2026年第一批惠民补贴资金发放的公告');
    await page.getByRole('textbox', { name: '正文' }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('发放明细见附件。');
    await page.locator('#attach').setInputFiles({ name: '发放明细.pdf', mimeType: 'application/pdf', buffer: await pdf('Subsidy list 2026') });
    await page.getByText('已上传：发放明细.pdf').waitFor();
    await page.getByText(/^发放明细\.pdf（\d+ KB）/).waitFor();
    await checkScreen(page, 'clerk-04-edit-with-attachment');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('修改已保存').waitFor();
    await page.getByRole('heading', { name: '示例县财政局关于2026年第一批惠民补贴资金发放的公告' }).waitFor();
    await page.getByText(/^发放明细\.pdf（\d+ KB）/).waitFor();
    await expect(page.locator('.item-body').innerText()).resolves.toContain('发放明细见附件。');

    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.ant-tag', { hasText: '待科室负责人审核' }).waitFor();
    expect(await page.getByRole('button', { name: /修改草稿/ }).count()).toBe(0);
    await checkScreen(page, 'clerk-05-submitted');

    // The head of the department returns it (in their own console, walked below).
    await as('depthead', 'POST', `/api/v1/items/${id}/review`, { decision: 'return', comment: '请写明补贴标准和发放范围' });

    // The clerk sees it among the work on the dashboard, with the reason, and fixes it.
    await page.goto(`${env.server.url}/admin/`);
    const queue = page.locator('.ant-card', { hasText: '信息发布待办' });
    await queue.getByRole('link', { name: '示例县财政局关于2026年第一批惠民补贴资金发放的公告' }).click();
    await page.locator('.ant-timeline').getByText(/退回修改.*请写明补贴标准和发放范围/).waitFor();
    await page.locator('.ant-tag', { hasText: '草稿' }).first().waitFor();
    await checkScreen(page, 'clerk-06-returned');
    await page.getByRole('button', { name: /修改草稿/ }).click();
    await page.getByRole('textbox', { name: '正文' }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('补贴标准为每户500元，发放范围为全县低保户。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('修改已保存').waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.ant-tag', { hasText: '待科室负责人审核' }).waitFor();
    const item = await as('clerk', 'GET', `/api/v1/items/${id}`);
    expect(item).toMatchObject({ status: 'deptReview', category: '财政预决算与三公经费', topic: '财政、金融、审计', attachments: [{ fileName: '发放明细.pdf' }] });
    expect(item.bodyHtml).toContain('每户500元');
    await page.context().close();
  });
});

describe('科室负责人', () => {
  it('finds the submitted items on the dashboard, approves one and returns one with a comment', async () => {
    const t = env.server.testApp;
    const first = await itemAt(t, 'deptReview', { title: '示例县财政局关于政府采购意向公开的通知' });
    const second = await itemAt(t, 'deptReview', { title: '示例县财政局关于专项资金绩效评价结果的公告' });
    const page = await consolePage(env.browser, env.server.url, 'depthead', env.server.demoPassword);
    const queue = page.locator('.ant-card', { hasText: '信息发布待办' });
    await queue.getByRole('link', { name: first.title }).waitFor();
    await queue.getByRole('link', { name: second.title }).waitFor();
    await checkScreen(page, 'depthead-01-dashboard');

    await queue.getByRole('link', { name: first.title }).click();
    await page.getByRole('heading', { name: first.title }).waitFor();
    // Nothing of the clerk's: no editing, no submitting.
    expect(await page.getByRole('button', { name: /修改草稿|提交审核/ }).count()).toBe(0);
    await checkScreen(page, 'depthead-02-item');
    await page.getByRole('button', { name: '通过' }).click();
    await page.locator('.ant-tag', { hasText: '待保密审查' }).waitFor();
    expect(await page.getByRole('button', { name: '通过' }).count()).toBe(0);

    await page.goto(`${env.server.url}/admin/`);
    await queue.getByRole('link', { name: second.title }).click();
    await page.getByRole('heading', { name: second.title }).waitFor();
    // A return without a reason is refused in words.
    await page.getByRole('button', { name: '退回修改' }).click();
    await expect(page.locator('.ant-alert-error').innerText()).resolves.toContain('退回时须填写意见');
    await page.getByLabel('审核意见').fill('评价结果表缺少得分说明，请补充');
    await page.getByRole('button', { name: '退回修改' }).click();
    await page.locator('.ant-timeline').getByText(/科室负责人审核 · 退回修改（财政局科室负责人）：评价结果表缺少得分说明/).waitFor();
    await checkScreen(page, 'depthead-03-returned');

    expect((await as('depthead', 'GET', `/api/v1/items/${first.id}`)).status).toBe('confidentialityReview');
    expect((await as('depthead', 'GET', `/api/v1/items/${second.id}`)).status).toBe('draft');
    await page.goto(`${env.server.url}/admin/`);
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await queue.waitFor();
    expect(await queue.getByRole('link', { name: first.title }).count()).toBe(0);
    expect(await queue.getByRole('link', { name: second.title }).count()).toBe(0);
    await page.context().close();
  });
});

describe('保密审查员', () => {
  it('cannot pass an item while a privacy finding is open, redacts it, completes the checklist and passes', async () => {
    const t = env.server.testApp;
    // A mobile number found while the item is already in 保密审查 (a re-scan, a new sensitive word): the
    // draft's own finding is taken out of the table while the item moves up, then put back open.
    const draft = await as('clerk', 'POST', '/api/v1/items', makeItem({ title: '示例县财政局关于办理惠农补贴的公告', bodyHtml: '<p>咨询电话13800138000，工作日办理。</p>' }));
    const [finding] = draft.findings;
    expect(finding).toMatchObject({ type: 'mobile', status: 'open' });
    const attachment = await pdf('Farm subsidy rules');
    const upload = multipartFile('file', '补贴办理细则.pdf', attachment, 'application/pdf');
    const uploaded = await t.app.inject({ method: 'POST', url: `/api/v1/items/${draft.id}/attachments`, headers: { ...(await t.auth('clerk')), ...upload.headers }, payload: upload.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    await t.db.deleteFrom('itemFindings').where('itemId', '=', draft.id).execute();
    await as('clerk', 'POST', `/api/v1/items/${draft.id}/submit`);
    await as('depthead', 'POST', `/api/v1/items/${draft.id}/review`, { decision: 'approve' });
    await t.db.insertInto('itemFindings').values({ itemId: draft.id, type: finding.type, offset: finding.offset, length: finding.length, masked: finding.masked, source: 'body' }).execute();

    const page = await consolePage(env.browser, env.server.url, 'reviewer', env.server.demoPassword);
    await page.locator('.ant-card', { hasText: '信息发布待办' }).getByRole('link', { name: draft.title }).click();
    await page.getByRole('heading', { name: draft.title }).waitFor();
    await page.getByText('未处理 1 项').waitFor();
    await expect(page.locator('mark').first().innerText()).resolves.toBe('13800138000');
    // What is reviewed includes the attachments: the reviewer opens the file of the draft.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '补贴办理细则.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('补贴办理细则.pdf');
    expect(Buffer.compare(fs.readFileSync(await download.path()), attachment)).toBe(0);
    // Passing waits for the finding, whatever is ticked.
    for (const point of Object.values(CONFIDENTIALITY_CHECKLIST)) await page.getByLabel(point).check();
    await expect(page.getByRole('button', { name: '通过' }).isDisabled()).resolves.toBe(true);
    await checkScreen(page, 'reviewer-01-finding-open');

    // Keeping it needs a reason; the reviewer redacts it instead.
    await page.getByRole('button', { name: '保留' }).click();
    await expect(page.locator('.ant-alert-error').innerText()).resolves.toContain('须说明理由');
    await page.getByRole('button', { name: '脱敏' }).click();
    await page.getByText('未处理 0 项').waitFor();
    await expect(page.locator('.item-body').innerText()).resolves.toContain('138****8000');

    // The checklist (ticked before the redaction reloaded the item) must be complete.
    const points = Object.values(CONFIDENTIALITY_CHECKLIST);
    for (const point of points.slice(0, -1)) await page.getByLabel(point).check();
    await page.getByLabel(points.at(-1)!).uncheck();
    await page.getByRole('button', { name: '通过' }).click();
    await page.locator('.ant-alert-error').waitFor();
    expect(await page.locator('.ant-alert-error').innerText()).toMatch(/[\u4e00-\u9fa5]/);
    expect((await as('reviewer', 'GET', `/api/v1/items/${draft.id}`)).status).toBe('confidentialityReview');
    await page.getByLabel(points.at(-1)!).check();
    await checkScreen(page, 'reviewer-02-ready');
    await page.getByRole('button', { name: '通过' }).click();
    await page.locator('.ant-tag', { hasText: '待分管领导审批' }).waitFor();
    await expect(page.locator('.ant-timeline').innerText()).resolves.toMatch(/保密审查 · 通过（财政局保密审查员）/);
    await checkScreen(page, 'reviewer-03-passed');
    const item = await as('reviewer', 'GET', `/api/v1/items/${draft.id}`);
    expect(item.findings.map((f: { statusLabel: string }) => f.statusLabel)).toEqual(['已脱敏']);
    expect(item.bodyHtml).not.toContain('13800138000');
    await page.context().close();
  });
});

describe('分管领导', () => {
  it('approves one item for publication now and schedules another; the first is on the portal', async () => {
    const t = env.server.testApp;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const now = await itemAt(t, 'leaderApproval', { title: '示例县财政局关于2026年部门预算公开的说明', formedOn: today });
    const later = await itemAt(t, 'leaderApproval', { title: '示例县财政局关于2026年政府债务情况的公告', formedOn: today });
    const page = await consolePage(env.browser, env.server.url, 'leader', env.server.demoPassword);
    const queue = page.locator('.ant-card', { hasText: '信息发布待办' });
    await queue.getByRole('link', { name: now.title }).waitFor();
    await queue.getByRole('link', { name: later.title }).waitFor();
    await checkScreen(page, 'leader-01-dashboard');

    await queue.getByRole('link', { name: now.title }).click();
    await page.getByRole('heading', { name: now.title }).waitFor();
    await checkScreen(page, 'leader-02-item');
    // Publishing cannot be undone: it asks first.
    await page.getByRole('button', { name: '通过并发布' }).click();
    await page.getByText('信息将立即在门户网站公开并生成索引号').waitFor();
    await checkScreen(page, 'leader-03-confirm-publication');
    await page.locator('.ant-popconfirm-buttons').getByRole('button', { name: '发布', exact: true }).click();
    await page.locator('.ant-tag', { hasText: '已发布' }).waitFor();
    await checkScreen(page, 'leader-04-published');
    const publicPage = page.waitForEvent('popup');
    await page.getByRole('link', { name: '查看公开页面' }).click();
    const portal = await publicPage;
    await portal.getByRole('heading', { name: now.title }).waitFor();
    await expect(portal.locator('table.metadata').innerText()).resolves.toMatch(/索引号[\s\S]*发布机构[\s\S]*示例县财政局/);
    await portal.close();

    // The second one at 10:00 Beijing time tomorrow.
    await page.goto(`${env.server.url}/admin/`);
    await queue.getByRole('link', { name: later.title }).click();
    await page.getByRole('heading', { name: later.title }).waitFor();
    await page.getByLabel('定时发布', { exact: true }).check();
    const tomorrow = new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('定时发布时间').fill(`${tomorrow} 10:00`);
    await page.getByLabel('定时发布时间').press('Enter');
    await page.getByRole('button', { name: '通过并定时发布' }).click();
    await page.getByText(/^将于.*发布。/).waitFor();
    await expect(page.getByText(/^将于.*发布。/).innerText()).resolves.toContain(`将于 ${tomorrow.replace(/-/g, '/')} 10:00（北京时间）发布`);
    await checkScreen(page, 'leader-05-scheduled');
    expect((await as('leader', 'GET', `/api/v1/items/${later.id}`)).status).toBe('scheduled');

    // Not public yet; the first one is in the public catalog.
    const visitor = await (await newContext(env.browser, { javaScriptEnabled: false })).newPage();
    await visitor.goto(`${env.server.url}/xxgk/catalog`);
    await visitor.getByRole('link', { name: now.title }).waitFor();
    expect(await visitor.getByRole('link', { name: later.title }).count()).toBe(0);
    await visitor.context().close();
    await page.context().close();
  });
});
