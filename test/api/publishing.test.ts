import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { CHECKLIST, itemAt, makeItem, publishItem } from '../support/items.js';

const VALID_ID = '11010519491231002X';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
});
afterAll(async () => t.close());

async function orgIdOf(code: string) {
  return (await t.db.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

let inserted = 0;

/** A published proactive item of another body, straight into the table (the demo has no clerk there). */
async function insertPublished(orgId: number, title: string) {
  inserted += 1;
  const serial = String(90_000 + inserted);
  const row = await t.db.insertInto('infoItems').values({ orgId, title, bodyHtml: `<p>${title}</p>`, status: 'published', disclosure: 'proactive', category: '政策文件', topic: '综合政务', indexNo: `X${orgId}/2026-${serial}`, publishedOn: '2026-03-01', publishedAt: new Date('2026-03-01T02:00:00Z') }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function as(user: 'clerk' | 'clerk2' | 'depthead' | 'reviewer' | 'leader' | 'office' | 'supervisor', method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: await t.auth(user), ...(payload ? { payload } : {}) });
}

describe('POST /api/v1/scan', () => {
  it('reports personal data with UTF-16 offsets and masks, and ignores wrong check digits', async () => {
    const text = `申请人张三，身份证号${VALID_ID}，电话13800138000，邮箱zhang@example.com；无效号码110105194912310021。`;
    const res = await as('clerk', 'POST', '/api/v1/scan', { text });
    expect(res.statusCode).toBe(200);
    const findings = res.json().findings as { type: string; offset: number; length: number; masked: string }[];
    expect(findings.map((f) => f.type)).toEqual(['idCard', 'mobile', 'email']);
    for (const f of findings) expect(f.masked).not.toEqual(text.slice(f.offset, f.offset + f.length));
    expect(text.slice(findings[0].offset, findings[0].offset + findings[0].length)).toBe(VALID_ID);
    expect(text.slice(findings[1].offset, findings[1].offset + findings[1].length)).toBe('13800138000');
    expect(findings[0].masked).toBe('110105********002X');
  });

  it('counts offsets in UTF-16 code units past characters outside the BMP', async () => {
    const text = `𠀀𠀀 ${VALID_ID}`;
    const { findings } = (await as('clerk', 'POST', '/api/v1/scan', { text })).json();
    expect(findings[0].offset).toBe(5);
  });

  it('finds bank card numbers only when the Luhn check passes', async () => {
    const { findings } = (await as('clerk', 'POST', '/api/v1/scan', { text: '卡号6222020200112233445，另6222020200112233446' })).json();
    expect(findings.filter((f: { type: string }) => f.type === 'bankCard')).toHaveLength(1);
  });

  it('is for staff only', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/scan', payload: { text: 'x' } })).statusCode).toBe(401);
  });
});

describe('the review workflow', () => {
  it('takes a draft with an ID number through review once the clerk has redacted it', async () => {
    const created = await as('clerk', 'POST', '/api/v1/items', makeItem({ title: '关于张三同志任职的通知', bodyHtml: `<p>张三，身份证号${VALID_ID}，任示例县财政局副局长。</p>` }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().findings.map((f: { type: string; typeLabel: string }) => [f.type, f.typeLabel])).toEqual([['idCard', '身份证号']]);

    // A clerk cannot approve; another department cannot see the draft.
    expect((await as('clerk', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await as('clerk2', 'GET', `/api/v1/items/${id}`)).statusCode).toBe(404);
    expect((await as('clerk2', 'PUT', `/api/v1/items/${id}`, makeItem())).statusCode).toBe(404);

    // The finding was found in the draft: the draft cannot leave the clerk's step until it is resolved.
    const blocked = await as('clerk', 'POST', `/api/v1/items/${id}/submit`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'ITEM_FINDINGS_OPEN' });
    expect(blocked.json().message).toContain('1项未处理的个人信息');
    const finding = created.json().findings[0];
    const redacted = await as('clerk', 'POST', `/api/v1/items/${id}/findings/${finding.id}`, { resolution: 'redact' });
    expect(redacted.json().bodyHtml).toContain('110105********002X');
    expect(redacted.json().bodyHtml).not.toContain(VALID_ID);
    expect(redacted.json().versions.at(-1).changeNote).toBe('脱敏处理（身份证号）');

    expect((await as('clerk', 'POST', `/api/v1/items/${id}/submit`)).json().status).toBe('deptReview');
    expect((await as('reviewer', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve', checklist: CHECKLIST })).statusCode).toBe(403);
    expect((await as('depthead', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve' })).json().status).toBe('confidentialityReview');
    expect((await as('reviewer', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve', checklist: { ...CHECKLIST, privacy: false } })).json().code).toBe('ITEM_CHECKLIST_INCOMPLETE');
    expect((await as('reviewer', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve', checklist: CHECKLIST })).json().status).toBe('leaderApproval');
    const published = await as('leader', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve' });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', statusLabel: '已发布', publishedOn: '2026-03-10' });
    expect(published.json().indexNo).toMatch(new RegExp(`^${DEMO_FINANCE_CODE}/2026-\\d{5}$`));

    // The history reads in words, with who acted.
    expect(published.json().reviews.map((r: { stepLabel: string; decisionLabel: string; actorName: string }) => `${r.stepLabel} ${r.decisionLabel} ${r.actorName}`)).toEqual([
      '起草 提交审核 财政局信息员', '科室负责人审核 通过 财政局科室负责人', '保密审查 通过 财政局保密审查员', '分管领导审批 通过 财政局分管领导',
    ]);
    const audit = await as('supervisor', 'GET', `/api/v1/audit?targetType=item&targetId=${id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'item.create', 'item.finding.redact', 'item.submit', 'item.approve', 'item.approve', 'item.approve',
    ]);
  });

  // Each step with an open finding (as an item already in review when a finding appears, e.g. after a
  // redaction's re-scan): neither submitting nor any approval passes, 保密审查 included, until the
  // holder of that step resolves it; the clerk may no longer resolve it once the item has left the draft.
  it.each([
    ['draft', 'clerk', 'submit'],
    ['deptReview', 'depthead', 'approve'],
    ['confidentialityReview', 'reviewer', 'approve'],
    ['leaderApproval', 'leader', 'approve'],
  ] as const)('keeps an item at %s while a finding is open, until %s resolves it', async (status, user, action) => {
    const item = await itemAt(t, status, { title: `检查结果阻止${status}环节的通知` });
    await t.db.insertInto('itemFindings').values({ itemId: item.id, type: 'mobile', offset: 0, length: 11, masked: '138****8000', source: 'body' }).execute();
    const url = action === 'submit' ? `/api/v1/items/${item.id}/submit` : `/api/v1/items/${item.id}/review`;
    const payload = status === 'confidentialityReview' ? { decision: 'approve', checklist: CHECKLIST } : { decision: 'approve' };
    const refused = await as(user, 'POST', url, payload);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ITEM_FINDINGS_OPEN');
    expect((await as(user, 'GET', `/api/v1/items/${item.id}`)).json().status).toBe(status);

    const shown = (await as(user, 'GET', `/api/v1/items/${item.id}`)).json();
    expect(shown.permissions.resolveFindings).toBe(true);
    const finding = shown.findings.find((f: { status: string }) => f.status === 'open');
    if (status !== 'draft') {
      expect((await as('clerk', 'GET', `/api/v1/items/${item.id}`)).json().permissions.resolveFindings).toBe(false);
      expect((await as('clerk', 'POST', `/api/v1/items/${item.id}/findings/${finding.id}`, { resolution: 'accept', reason: '本人同意公开' })).statusCode).toBe(403);
    }
    expect((await as(user, 'POST', `/api/v1/items/${item.id}/findings/${finding.id}`, { resolution: 'accept' })).statusCode).toBe(400);
    const kept = await as(user, 'POST', `/api/v1/items/${item.id}/findings/${finding.id}`, { resolution: 'accept', reason: '单位办公电话，依法公开' });
    expect(kept.json().findings.find((f: { id: number }) => f.id === finding.id)).toMatchObject({ status: 'accepted', statusLabel: '保留（已说明理由）', reason: '单位办公电话，依法公开' });
    const passed = await as(user, 'POST', url, payload);
    expect(passed.statusCode).toBe(200);
    expect(passed.json().status).toBe({ draft: 'deptReview', deptReview: 'confidentialityReview', confidentialityReview: 'leaderApproval', leaderApproval: 'published' }[status]);
    const audit = (await as('supervisor', 'GET', `/api/v1/audit?targetType=item&targetId=${item.id}`)).json().items;
    expect(audit.find((e: { action: string }) => e.action === 'item.finding.accept')).toBeTruthy();
  });

  // What the console shows each role: only the actions the server would accept.
  it.each([
    ['draft', { clerk: ['edit', 'attach', 'submit', 'resolveFindings'], depthead: [], reviewer: [], leader: [], office: [] }],
    ['deptReview', { clerk: [], depthead: ['review', 'resolveFindings'], reviewer: [], leader: [], office: [] }],
    ['confidentialityReview', { clerk: [], depthead: [], reviewer: ['review', 'resolveFindings'], leader: [], office: [] }],
    ['leaderApproval', { clerk: [], depthead: [], reviewer: [], leader: ['review', 'resolveFindings'], office: [] }],
    ['published', { clerk: [], depthead: [], reviewer: [], leader: ['withdraw', 'correct'], office: ['withdraw', 'correct'] }],
  ] as const)('gives each role the permissions of a %s item', async (status, expected) => {
    const item = await itemAt(t, status, { title: `权限测试：${status}` });
    for (const [user, allowed] of Object.entries(expected)) {
      const { permissions } = (await as(user as 'clerk', 'GET', `/api/v1/items/${item.id}`)).json();
      expect(Object.entries(permissions).filter(([, v]) => v).map(([k]) => k).sort(), `${user} at ${status}`).toEqual([...allowed].sort());
    }
  });

  it('returns a draft with a comment, keeps every version and shows their differences', async () => {
    const id = (await as('clerk', 'POST', '/api/v1/items', makeItem({ title: '初稿标题' }))).json().id;
    await as('clerk', 'POST', `/api/v1/items/${id}/submit`);
    expect((await as('depthead', 'POST', `/api/v1/items/${id}/review`, { decision: 'return' })).statusCode).toBe(400);
    expect((await as('depthead', 'POST', `/api/v1/items/${id}/review`, { decision: 'return', comment: '标题不规范' })).json().status).toBe('draft');
    expect((await as('clerk', 'GET', `/api/v1/items/${id}`)).json().reviews.map((r: { stepLabel: string; decisionLabel: string; comment: string | null }) => [r.stepLabel, r.decisionLabel, r.comment]))
      .toEqual([['起草', '提交审核', null], ['科室负责人审核', '退回修改', '标题不规范']]);
    await as('clerk', 'PUT', `/api/v1/items/${id}`, makeItem({ title: '修改后的标题', category: '工作动态', bodyHtml: '<p>根据预算法，现将本局2026年度部门预算公开如下。</p>' }));
    const diff = (await as('clerk', 'GET', `/api/v1/items/${id}/diff?from=1&to=2`)).json();
    expect(diff.changes.map((c: { field: string; fieldLabel: string; beforeText: string; afterText: string }) => [c.fieldLabel, c.beforeText, c.afterText])).toEqual([
      ['标题', '初稿标题', '修改后的标题'],
      ['正文', '根据预算法和政府信息公开条例，现将本局2025年度部门预算及三公经费预算情况公开如下。', '根据预算法，现将本局2026年度部门预算公开如下。'],
      ['信息类别', '财政预决算与三公经费', '工作动态'],
    ]);
    // The changed words are marked: 初稿 became 修改后的; 2025 became 2026 (a number is one word).
    expect(diff.changes[0].segments).toEqual([{ type: 'removed', text: '初稿' }, { type: 'added', text: '修改后的' }, { type: 'same', text: '标题' }]);
    expect(diff.changes[1].segments).toContainEqual({ type: 'removed', text: '2025' });
    expect(diff.changes[1].segments).toContainEqual({ type: 'added', text: '2026' });
    expect(diff.changes[1].segments).toContainEqual({ type: 'removed', text: '和政府信息公开条例' });
    // A choice from a list is replaced whole, not compared character by character.
    expect(diff.changes[2].segments).toEqual([{ type: 'removed', text: '财政预决算与三公经费' }, { type: 'added', text: '工作动态' }]);
    const missing = await as('clerk', 'GET', `/api/v1/items/${id}/diff?from=1&to=9`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().details[0].message).toBe('没有第9版，本信息共有2个版本。');
  });

  it('files an item under the 信息类别 and 主题分类 chosen, never silently under 其他', async () => {
    const { category: _c, topic: _t, ...unclassified } = makeItem();
    const res = await as('clerk', 'POST', '/api/v1/items', unclassified);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['category', 'topic']);
    const chosen = (await as('clerk', 'POST', '/api/v1/items', makeItem({ category: '重大建设项目', topic: '城乡建设、环境保护' }))).json();
    expect((await as('clerk', 'GET', `/api/v1/items/${chosen.id}`)).json()).toMatchObject({ category: '重大建设项目', topic: '城乡建设、环境保护' });
  });

  it('edits a draft with every field it was created with, and keeps the chosen 信息类别', async () => {
    const created = (await as('clerk', 'POST', '/api/v1/items', makeItem({ category: '政府采购', topic: '综合政务', docNo: '县财发〔2026〕3号' }))).json();
    expect(created).toMatchObject({ category: '政府采购', topic: '综合政务', docNo: '县财发〔2026〕3号', version: 1 });
    const edited = await as('clerk', 'PUT', `/api/v1/items/${created.id}`, makeItem({ title: '修改后的采购公告', category: '行政许可', topic: '工业、交通', docNo: '县财发〔2026〕4号', keywords: '采购', baseVersion: 1 }));
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: '修改后的采购公告', category: '行政许可', topic: '工业、交通', docNo: '县财发〔2026〕4号', keywords: '采购', version: 2 });
    // An editor that started from version 1 cannot overwrite version 2 unseen.
    const stale = await as('clerk', 'PUT', `/api/v1/items/${created.id}`, makeItem({ title: '过期的修改', baseVersion: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('ITEM_EDIT_CONFLICT');
    expect((await as('clerk', 'GET', `/api/v1/items/${created.id}`)).json().title).toBe('修改后的采购公告');
    // Once submitted, the draft is no longer editable; the console is told so.
    await as('clerk', 'POST', `/api/v1/items/${created.id}/submit`);
    const submitted = await as('clerk', 'PUT', `/api/v1/items/${created.id}`, makeItem({ baseVersion: 2 }));
    expect(submitted.statusCode).toBe(409);
    expect(submitted.json().code).toBe('ITEM_NOT_EDITABLE');
  });

  it('labels the codes of an item in Chinese', async () => {
    const item = (await as('clerk', 'POST', '/api/v1/items', makeItem({ disclosure: 'onRequest', withheldGround: 'processInformation', withheldReason: '过程性信息', docKind: 'normative' }))).json();
    expect(item).toMatchObject({ statusLabel: '草稿', disclosureLabel: '依申请公开', withheldGroundLabel: '过程性信息', docKindLabel: '行政规范性文件', validityLabel: '有效' });
    expect(item.versions[0]).toMatchObject({ version: 1, changeNote: '创建草稿', createdByName: '财政局信息员' });
  });

  it('requires a legal ground for anything not disclosed proactively, keeps it out of the public catalog, and lets staff find it', async () => {
    const missing = await as('clerk', 'POST', '/api/v1/items', makeItem({ disclosure: 'withheld' }));
    expect(missing.json().code).toBe('ITEM_WITHHELD_REASON');
    const item = await publishItem(t, { title: '示例县财政局专项资金分配会议纪要', disclosure: 'onRequest', withheldGround: 'processInformation', withheldReason: '会议纪要属于过程性信息，依申请公开' });
    expect(item).toMatchObject({ status: 'published', statusLabel: '已审批（不主动公开）' });
    expect((await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('分配会议纪要')}`)).json().items).toEqual([]);
    expect((await t.app.inject(`/api/v1/catalog/${encodeURIComponent(item.indexNo)}`)).statusCode).toBe(404);
    const staff = (await as('office', 'GET', `/api/v1/items/search?q=${encodeURIComponent('分配会议纪要')}`)).json();
    expect(staff.items.map((i: { title: string }) => i.title)).toEqual(['示例县财政局专项资金分配会议纪要']);
    expect((await as('clerk2', 'GET', `/api/v1/items/search?q=${encodeURIComponent('分配会议纪要')}`)).json().items).toEqual([]);
  });

  it('validates the 发文字号 and suggests the right form', async () => {
    const res = await as('clerk', 'POST', '/api/v1/items', makeItem({ docNo: '县财发[2026]第012号' }));
    expect(res.json().code).toBe('DOC_NUMBER_INVALID');
    expect(res.json().details[0].message).toContain('县财发〔2026〕12号');
    expect((await as('clerk', 'POST', '/api/v1/items', makeItem({ docNo: '县财发〔2026〕12号' }))).statusCode).toBe(201);
  });
});

describe('the public catalog', () => {
  it('neutralises script in titles and bodies', async () => {
    const item = await publishItem(t, { title: '<script>alert(1)</script>公告', bodyHtml: '<p onclick="steal()">正文<img src=x onerror=alert(2)><a href="javascript:alert(3)">链接</a></p><script>alert(4)</script>' });
    const page = await t.app.inject(`/xxgk/items/${item.indexNo}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/<script>alert|onerror=|onclick=|javascript:/);
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;公告');
  });

  it('answers a repeated JSON catalog query from the cache until the next publication', async () => {
    // The page cache's clock stands still: its entries cannot expire during the test, whatever the machine's speed.
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    try {
      const search = async () => (await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('古树名木')}`)).json().items.map((i: { title: string }) => i.title);
      const first = await publishItem(t, { title: '示例县古树名木保护名录', bodyHtml: '<p>全县古树名木共计126株。</p>' });
      expect(await search()).toEqual(['示例县古树名木保护名录']);
      // Changed behind the application's back: a cached answer does not see it …
      await t.db.updateTable('infoItems').set({ title: '示例县古树名木保护名录（直接修改）' }).where('id', '=', first.id).execute();
      expect(await search()).toEqual(['示例县古树名木保护名录']);
      // … until a publication drops the cache.
      await publishItem(t, { title: '示例县古树名木补充名录', bodyHtml: '<p>新增古树名木3株。</p>' });
      expect((await search()).sort()).toEqual(['示例县古树名木保护名录（直接修改）', '示例县古树名木补充名录'].sort());
    } finally {
      clock.mockRestore();
    }
  });

  it('finds items by Chinese words in title and body, with highlighted snippets', async () => {
    await publishItem(t, { title: '政府信息公开工作要点', bodyHtml: '<p>做好依申请公开答复工作。</p>', category: '工作动态', topic: '综合政务' });
    await publishItem(t, { title: '关于“三公”经费支出情况的说明', bodyHtml: '<p>本年度公务接待费下降。</p>' });
    for (const [q, title] of [['三公经费', '关于“三公”经费支出情况的说明'], ['信息公开', '政府信息公开工作要点'], ['依申请', '政府信息公开工作要点']]) {
      const res = await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((i: { title: string }) => i.title), q).toContain(title);
      expect(res.json().total, q).toBe(res.json().items.length);
    }
    expect((await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('依申请')}`)).json().items.map((i: { title: string }) => i.title)).toEqual(['政府信息公开工作要点']);
    expect((await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('城市规划')}`)).json()).toMatchObject({ items: [], total: 0 });
    const page = await t.app.inject(`/xxgk/catalog?q=${encodeURIComponent('依申请')}`);
    expect(page.body).toContain('<mark>依申请</mark>');
    expect(page.body).toContain('共找到1条政府信息。');
  });

  it('goes straight to the document for its 索引号 or 发文字号, typed as people type them', async () => {
    const item = await publishItem(t, { title: '示例县财政局关于做好国库集中支付工作的通知', docNo: '县财发〔2026〕31号' });
    const api = async (q: string) => (await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent(q)}`)).json();
    for (const q of [item.indexNo, ` ${item.indexNo.toLowerCase()} `, '县财发〔2026〕31号', '县财发[2026]31号', '县财发〔２０２６〕３１号']) {
      const found = await api(q);
      expect(found.items.map((i: { indexNo: string }) => i.indexNo), q).toEqual([item.indexNo]);
      expect(found).toMatchObject({ total: 1, exact: true });
    }
    const page = await t.app.inject(`/xxgk/catalog?q=${encodeURIComponent(item.indexNo)}`);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/xxgk/items/${item.indexNo}`);
    expect((await t.app.inject(`/xxgk/catalog?q=${encodeURIComponent('县财发[2026]31号')}`)).headers.location).toBe(`/xxgk/items/${item.indexNo}`);
    // Numbers the public may not see are not found, and say nothing about the item.
    const withheld = await publishItem(t, { title: '不主动公开的通知', docNo: '县财发〔2026〕32号', disclosure: 'onRequest', withheldGround: 'processInformation', withheldReason: '过程性信息' });
    for (const q of [withheld.indexNo, '县财发〔2026〕32号']) {
      expect((await api(q)).items, q).toEqual([]);
      expect((await t.app.inject(`/xxgk/catalog?q=${encodeURIComponent(q)}`)).statusCode, q).toBe(200);
    }
  });

  it('answers a wrong year or page with a page that says what is wrong, and numbers its pages', async () => {
    const html = { accept: 'text/html' };
    for (const [query, field, words] of [['year=20x6', 'year', '发布年份“20x6”无效'], ['year=1800', 'year', '发布年份“1800”无效'], ['page=0', 'page', '页码“0”无效'], ['page=abc', 'page', '页码“abc”无效'], ['page=501', 'page', '页码“501”无效'], ['validity=old', 'validity', '有效性只能选择']]) {
      const res = await t.app.inject({ url: `/xxgk/catalog?${query}`, headers: html });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type'], query).toContain('text/html');
      expect(res.body, query).toContain(words);
      expect(res.body, field).not.toMatch(/[a-z]+ 数值|expected|Invalid/);
    }
    for (let n = 0; n < 3; n += 1) await publishItem(t, { title: `分页测试通知第${n}号`, category: '应急管理' });
    const category = encodeURIComponent('应急管理');
    const beyond = await t.app.inject({ url: `/xxgk/catalog?category=${category}&page=2`, headers: html });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.body).toContain('页码超出范围：符合条件的信息共1页');
    const first = await t.app.inject(`/xxgk/catalog?category=${category}`);
    expect(first.body).toContain('共找到3条政府信息。');
    expect(first.body).not.toContain('下一页');
    // Twenty to a page: enough items for two pages.
    for (let n = 3; n < 22; n += 1) await publishItem(t, { title: `分页测试通知第${n}号`, category: '应急管理' });
    const one = await t.app.inject(`/xxgk/catalog?category=${category}`);
    expect(one.body).toContain('共找到22条政府信息，第1页／共2页。');
    const two = await t.app.inject(`/xxgk/catalog?category=${category}&page=2`);
    expect(two.body).toContain('第2页／共2页');
    const titles = (body: string) => [...body.matchAll(/分页测试通知第(\d+)号/g)].map((m) => Number(m[1]));
    expect([...titles(one.body), ...titles(two.body)]).toEqual(Array.from({ length: 22 }, (_, i) => 21 - i));
  });

  it('answers the contract shapes, by URL-encoded or raw 索引号, and pages by cursor without gaps or repeats', async () => {
    const published = [];
    for (let n = 0; n < 7; n += 1) published.push(await publishItem(t, { title: `游标分页测试第${n}号`, category: '建议提案办理' }));
    const category = encodeURIComponent('建议提案办理');
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const body = (await t.app.inject(`/api/v1/catalog?category=${category}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(body.total).toBe(7);
      expect(Object.keys(body.items[0])).toEqual(expect.arrayContaining(['indexNo', 'title', 'orgCode', 'publishedOn', 'url']));
      seen.push(...body.items.map((i: { indexNo: string }) => i.indexNo));
      cursor = body.next;
      pages += 1;
    } while (cursor);
    // Newest first, each item once, none missing: 3 + 3 + 1.
    expect(pages).toBe(3);
    expect(seen).toEqual(published.map((i) => i.indexNo).reverse());
    const indexNo = published[0].indexNo;
    const encoded = await t.app.inject(`/api/v1/catalog/${encodeURIComponent(indexNo)}`);
    const rawPath = await t.app.inject(`/api/v1/catalog/${indexNo}`);
    expect(encoded.json().indexNo).toBe(indexNo);
    expect(rawPath.json().indexNo).toBe(indexNo);
    expect((await t.app.inject('/api/v1/catalog/NOPE%2F2026-00001')).statusCode).toBe(404);
    expect((await t.app.inject('/xxgk/items/NOPE/2026-00001')).headers['content-type']).toContain('text/html');
  });

  it('keeps a withdrawn item in the catalog with its reason', async () => {
    const item = await publishItem(t, { title: '拟撤销的通知' });
    expect((await as('clerk', 'POST', `/api/v1/items/${item.id}/withdraw`, { reason: '内容有误' })).statusCode).toBe(403);
    const withdrawn = await as('leader', 'POST', `/api/v1/items/${item.id}/withdraw`, { reason: '该通知内容有误，已重新发布' });
    expect(withdrawn.json().status).toBe('withdrawn');
    const page = await t.app.inject(`/xxgk/items/${item.indexNo}`);
    expect(page.body).toContain('撤销原因：该通知内容有误，已重新发布');
  });

  it('publishes a correction as a new version with a public 变更说明', async () => {
    const item = await publishItem(t, { title: '示例县行政规范性文件', docKind: 'normative' });
    const corrected = await as('office', 'POST', `/api/v1/items/${item.id}/correct`, { validity: 'repealed', changeNote: '本文件已于2026年3月10日废止。' });
    expect(corrected.json()).toMatchObject({ validity: 'repealed', validityChangedOn: '2026-03-10' });
    const page = await t.app.inject(`/xxgk/items/${item.indexNo}`);
    expect(page.body).toContain('本文件已于2026年3月10日废止。');
    expect(page.body).toContain('废止（2026-03-10）');
  });

  it('lets caches revalidate public pages, and a correction changes the answer at once', async () => {
    const item = await publishItem(t, { title: '缓存测试通知' });
    const first = await t.app.inject(`/xxgk/items/${item.indexNo}`);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = first.headers.etag as string;
    expect((await t.app.inject({ url: `/xxgk/items/${item.indexNo}`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await as('office', 'POST', `/api/v1/items/${item.id}/correct`, { title: '缓存测试通知（更正）', changeNote: '更正标题' })).statusCode).toBe(200);
    const after = await t.app.inject({ url: `/xxgk/items/${item.indexNo}`, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('缓存测试通知（更正）');

    // A client that knows only the date: not modified while this rendering is current, the new page after a change.
    // HTTP dates count whole seconds: the page cache's clock is moved by hand, not waited for.
    const start = Math.floor(Date.now() / 1000) * 1000 + 10_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(start);
    try {
      expect((await as('office', 'POST', `/api/v1/items/${item.id}/correct`, { title: '缓存测试通知（第二次更正）', changeNote: '更正标题' })).statusCode).toBe(200);
      clock.mockReturnValue(start + 1100);
      const dated = await t.app.inject(`/xxgk/items/${item.indexNo}`);
      const since = dated.headers['last-modified'] as string;
      expect(Date.parse(since)).toBe(start + 2000);
      clock.mockReturnValue(start + 1500);
      expect((await t.app.inject({ url: `/xxgk/items/${item.indexNo}`, headers: { 'if-modified-since': since } })).statusCode).toBe(304);
      clock.mockReturnValue(start + 2200);
      expect((await as('office', 'POST', `/api/v1/items/${item.id}/correct`, { title: '缓存测试通知（再次更正）', changeNote: '再次更正标题' })).statusCode).toBe(200);
      const changed = await t.app.inject({ url: `/xxgk/items/${item.indexNo}`, headers: { 'if-modified-since': since } });
      expect(changed.statusCode).toBe(200);
      expect(changed.body).toContain('再次更正');
    } finally {
      clock.mockRestore();
    }
  });

  it('offers a sitemap index: the portal pages and every public item with its last change, in files of at most 50,000', async () => {
    const item = await publishItem(t, { title: '站点地图测试通知' });
    const withheld = await publishItem(t, { title: '站点地图中不应出现的信息', disclosure: 'onRequest', withheldGround: 'processInformation', withheldReason: '过程性信息' });
    const index = await t.app.inject('/sitemap.xml');
    expect(index.headers['content-type']).toContain('application/xml');
    expect(index.body).toContain('<sitemapindex');
    const files = [...index.body.matchAll(/<loc>http:\/\/localhost:3000(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(files).toEqual(['/sitemaps/pages.xml', '/sitemaps/items-0.xml']);
    expect((await t.app.inject('/sitemaps/pages.xml')).body).toContain('<loc>http://localhost:3000/xxgk/catalog</loc>');
    const items = (await t.app.inject('/sitemaps/items-0.xml')).body;
    expect(items).toMatch(new RegExp(`<url><loc>http://localhost:3000/xxgk/items/${item.indexNo}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod></url>`));
    expect(items).not.toContain(`/xxgk/items/${withheld.indexNo}<`);
    expect((await t.app.inject('/sitemaps/items-1.xml')).statusCode).toBe(404);
    expect((await t.app.inject('/sitemaps/other.xml')).statusCode).toBe(404);
  });

  // The feeds are tested in test/api/feeds-sitemap.test.ts.
  it('offers a guide per body', async () => {
    const guide = await t.app.inject(`/xxgk/guide/${DEMO_FINANCE_CODE}`);
    expect(guide.body).toContain('示例县财政局政府信息公开指南');
    expect(guide.body).toContain('示例县城关镇财政路8号');
  });
});

describe('moving a catalog in and out', () => {
  const HEADER = '索引号,标题,发文字号,成文日期,发布日期,信息类别,主题分类,有效性,正文';
  const good = [
    `${DEMO_FINANCE_CODE}/2019-00001,示例县财政局2019年部门预算,,2019-02-01,2019-02-10,财政预决算与三公经费,财政、金融、审计,有效,2019年部门预算公开。`,
    `,示例县财政局关于规范三公经费管理的通知,县财发〔2019〕5号,2019-03-01,2019-03-05,政策文件,财政、金融、审计,废止,三公经费管理要求。`,
  ];

  async function importCsv(csv: string, dryRun: boolean) {
    return t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/catalog-import?dryRun=${dryRun}`, headers: { ...(await t.auth('office')), 'content-type': 'text/csv' }, payload: csv });
  }

  it('lists every bad row in a dry run and imports nothing when any row is bad', async () => {
    const before = (await t.app.inject(`/api/v1/catalog?org=${DEMO_FINANCE_CODE}&year=2019`)).json().items.length;
    const bad = [HEADER, ...good, ',,县财发[2019]6号,2019-13-01,2019-03-05,随便,财政、金融、审计,有效,', `${DEMO_FINANCE_CODE}/2019-00001,重复索引号,,2019-02-01,2019-02-10,其他,其他,有效,`].join('\n');
    const dry = await importCsv(bad, true);
    expect(dry.statusCode).toBe(400);
    expect([...new Set(dry.json().details.map((d: { row: number }) => d.row))]).toEqual([4, 5]);
    expect(dry.json().details.map((d: { message: string }) => d.message).join('')).toMatch(/标题不能为空.*成文日期.*发文字号.*信息类别.*索引号/s);
    expect((await importCsv(bad, false)).statusCode).toBe(400);
    expect((await t.app.inject(`/api/v1/catalog?org=${DEMO_FINANCE_CODE}&year=2019`)).json().items.length).toBe(before);
  });

  it('imports a clean legacy catalog, searchable at once, and exports it again', async () => {
    const csv = [HEADER, ...good].join('\n');
    expect((await importCsv(csv, true)).json()).toEqual({ dryRun: true, valid: 2, imported: 0 });
    expect((await importCsv(csv, false)).json()).toEqual({ dryRun: false, valid: 2, imported: 2 });
    const found = (await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('三公经费管理')}`)).json().items;
    expect(found.map((i: { docNo?: string }) => i.docNo)).toContain('县财发〔2019〕5号');
    const exported = await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/catalog-export?format=csv`);
    expect(exported.body).toContain(`${DEMO_FINANCE_CODE}/2019-00001,示例县财政局2019年部门预算`);
    const xlsx = await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/catalog-export?format=xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('scheduled publication', () => {
  it('keeps an approved item out of the catalog until its time, then publishes it with its 索引号', async () => {
    let now = new Date('2026-05-06T02:00:00Z');
    const s = await createTestApp({ now: () => now });
    try {
      const item = await itemAt(s, 'leaderApproval', { title: '定时发布的公告', formedOn: '2026-05-06' });
      const approve = async (payload: object) => s.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/review`, headers: await s.auth('leader'), payload });
      // In the past, or after the 20-working-day limit of 条例第二十六条: 2026-05-06 + 20 working days, counting
      // Saturday 05-09 (a working day after 劳动节) = 2026-06-02. Refused.
      for (const [publishAt, words] of [['2026-05-06T09:00:00+08:00', '须晚于当前时间'], ['2026-06-03T09:00:00+08:00', '不能晚于公开期限2026-06-02']]) {
        const refused = await approve({ decision: 'approve', publishAt });
        expect(refused.statusCode, publishAt).toBe(400);
        expect(refused.json().details[0]).toMatchObject({ path: 'publishAt' });
        expect(refused.json().details[0].message).toContain(words);
      }
      const approved = (await approve({ decision: 'approve', publishAt: '2026-05-07T09:00:00+08:00' })).json();
      expect(approved).toMatchObject({ status: 'scheduled', statusLabel: '定时发布', indexNo: null, scheduledAt: '2026-05-07T01:00:00.000Z', permissions: { reschedule: true } });
      expect((await s.app.inject({ url: `/api/v1/items/${item.id}`, headers: await s.auth('clerk') })).json().permissions.reschedule).toBe(false);
      const search = async () => (await s.app.inject(`/api/v1/catalog?q=${encodeURIComponent('定时发布')}`)).json().items;
      expect(await search()).toEqual([]);
      now = new Date('2026-05-07T01:30:00Z');
      const found = await search();
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ publishedOn: '2026-05-07' });
      const history = (await s.app.inject({ url: `/api/v1/items/${item.id}`, headers: await s.auth('leader') })).json().reviews.slice(-2);
      expect(history.map((r: { stepLabel: string; decisionLabel: string; actorName: string }) => `${r.stepLabel} ${r.decisionLabel} ${r.actorName}`)).toEqual(['分管领导审批 通过 财政局分管领导', '定时发布 按时发布 系统']);
    } finally {
      await s.close();
    }
  });

  it('lets the leader move, cancel or bring forward a scheduled publication before it happens', async () => {
    const now = new Date('2026-05-06T02:00:00Z');
    const s = await createTestApp({ now: () => now });
    try {
      const schedule = async (id: number, body: object, user: 'leader' | 'clerk' | 'reviewer' = 'leader') =>
        s.app.inject({ method: 'POST', url: `/api/v1/items/${id}/schedule`, headers: await s.auth(user), payload: body });
      const scheduled = async (title: string) => {
        const item = await itemAt(s, 'leaderApproval', { title, formedOn: '2026-05-06' });
        const res = await s.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/review`, headers: await s.auth('leader'), payload: { decision: 'approve', publishAt: '2026-05-20T09:00:00+08:00' } });
        expect(res.json().status).toBe('scheduled');
        return item.id as number;
      };

      const moved = await scheduled('改期发布的公告');
      expect((await schedule(moved, { action: 'change', publishAt: '2026-05-08T10:30:00+08:00' }, 'clerk')).statusCode).toBe(403);
      expect((await schedule(moved, { action: 'change', publishAt: '2026-06-30T10:30:00+08:00' })).statusCode).toBe(400);
      const changed = (await schedule(moved, { action: 'change', publishAt: '2026-05-08T10:30:00+08:00' })).json();
      expect(changed).toMatchObject({ status: 'scheduled', scheduledAt: '2026-05-08T02:30:00.000Z' });
      expect(changed.reviews.at(-1)).toMatchObject({ stepLabel: '定时发布', decisionLabel: '修改发布时间', comment: '发布时间改为2026-05-08 10:30' });

      const cancelled = await scheduled('取消定时发布的公告');
      const back = (await schedule(cancelled, { action: 'cancel' })).json();
      expect(back).toMatchObject({ status: 'leaderApproval', scheduledAt: null, permissions: { review: true, reschedule: false } });
      expect(back.reviews.at(-1).decisionLabel).toBe('取消定时发布');

      const forward = await scheduled('提前发布的公告');
      const now2 = (await schedule(forward, { action: 'publishNow' })).json();
      expect(now2).toMatchObject({ status: 'published', publishedOn: '2026-05-06' });
      expect(now2.indexNo).toMatch(/\/2026-\d{5}$/);
      // Once published there is nothing left to reschedule.
      expect((await schedule(forward, { action: 'cancel' })).statusCode).toBe(409);
      const audit = (await s.app.inject({ url: `/api/v1/audit?targetType=item&targetId=${moved}`, headers: await s.auth('supervisor') })).json().items;
      expect(audit[0]).toMatchObject({ action: 'item.reschedule' });
    } finally {
      await s.close();
    }
  });
});

describe('政策解读', () => {
  it('warns when a 行政规范性文件 has no interpretation within 3 working days, and links one published in time', async () => {
    let now = new Date('2026-04-02T02:00:00Z');
    const s = await createTestApp({ now: () => now });
    try {
      const policy = await publishItem(s, { title: '示例县财政局关于印发资金管理办法的通知', docKind: 'normative', docNo: '县财发〔2026〕20号', formedOn: '2026-04-01' });
      const asLeader = async () => (await s.app.inject({ url: `/api/v1/items/${policy.id}`, headers: await s.auth('leader') })).json();
      // 2026-04-02 + 3 working days, across 清明 (04-04..06): 04-03, 04-07, 04-08.
      expect((await asLeader()).interpretationWarning).toMatchObject({ dueOn: '2026-04-08', overdue: false });
      now = new Date('2026-04-09T02:00:00Z');
      expect((await asLeader()).interpretationWarning).toMatchObject({ overdue: true });
      now = new Date('2026-04-08T02:00:00Z');
      await publishItem(s, { title: '资金管理办法政策解读', category: '政策解读', interpretsItemId: policy.id, formedOn: '2026-04-07' });
      expect((await asLeader()).interpretationWarning).toBeNull();
      const page = await s.app.inject(`/xxgk/items/${policy.indexNo}`);
      expect(page.body).toContain('资金管理办法政策解读');
    } finally {
      await s.close();
    }
  });

  it('links an interpretation only to a published proactive item of its own body or a body above it', async () => {
    const create = (interpretsItemId: number) => as('clerk', 'POST', '/api/v1/items', makeItem({ title: '政策解读链接测试', category: '政策解读', interpretsItemId }));
    const withheld = await publishItem(t, { title: '依申请公开的内部规定', disclosure: 'onRequest', withheldGround: 'internalAffairs', withheldReason: '内部事务信息' });
    const draft = (await as('clerk', 'POST', '/api/v1/items', makeItem({ title: '尚未发布的文件' }))).json();
    const education = await orgIdOf(DEMO_EDUCATION_CODE);
    const county = await orgIdOf(DEMO_COUNTY_CODE);
    const otherBody = await insertPublished(education, '教育局的规范性文件');
    const above = await insertPublished(county, '县政府的规范性文件');
    for (const [target, why] of [[withheld.id, '依申请公开'], [draft.id, '草稿'], [otherBody, '另一部门'], [999_999, '不存在']] as const) {
      const res = await create(target);
      expect(res.statusCode, why).toBe(400);
      expect(res.json(), why).toMatchObject({ code: 'ITEM_INTERPRETS_INVALID', details: [{ path: 'interpretsItemId' }] });
    }
    const own = await publishItem(t, { title: '本局的规范性文件', docKind: 'normative' });
    expect((await create(own.id)).statusCode).toBe(201);
    const linked = await create(above);
    expect(linked.statusCode).toBe(201);
    expect(linked.json().interprets).toMatchObject({ id: above, title: '县政府的规范性文件' });
    // The editor offers exactly what may be linked.
    const offered = (await as('clerk', 'GET', '/api/v1/items/interpretable?q=' + encodeURIComponent('规范性文件'))).json().items.map((i: { id: number }) => i.id);
    expect(offered).toEqual(expect.arrayContaining([own.id, above]));
    expect(offered).not.toContain(otherBody);
    expect((await as('clerk', 'GET', '/api/v1/items/interpretable?q=' + encodeURIComponent('依申请公开的内部规定'))).json().items).toEqual([]);
  });

  it('never names a withheld item on a public page, even when the link was made before it was withheld', async () => {
    const policy = await publishItem(t, { title: '后来改为不予公开的文件', docKind: 'normative' });
    const reading = await publishItem(t, { title: '关于该文件的政策解读', category: '政策解读', interpretsItemId: policy.id });
    const hiddenReading = await publishItem(t, { title: '改为依申请公开的解读', category: '政策解读', interpretsItemId: policy.id });
    // Changed after the links were made (as an import or a later decision could).
    await t.db.updateTable('infoItems').set({ disclosure: 'onRequest', withheldGround: 'internalAffairs', withheldReason: '内部事务' }).where('id', '=', hiddenReading.id).execute();
    const policyPage = await t.app.inject(`/xxgk/items/${policy.indexNo}`);
    expect(policyPage.body).toContain('关于该文件的政策解读');
    expect(policyPage.body).not.toContain('改为依申请公开的解读');
    await t.db.updateTable('infoItems').set({ disclosure: 'withheld', withheldGround: 'stateSecret', withheldReason: '定密' }).where('id', '=', policy.id).execute();
    await as('office', 'POST', `/api/v1/items/${reading.id}/correct`, { changeNote: '刷新页面缓存', validity: 'valid' });
    const readingPage = await t.app.inject(`/xxgk/items/${reading.indexNo}`);
    expect(readingPage.statusCode).toBe(200);
    expect(readingPage.body).not.toContain('后来改为不予公开的文件');
    expect(readingPage.body).not.toContain(policy.indexNo);
    expect((await t.app.inject(`/api/v1/catalog/${encodeURIComponent(reading.indexNo)}`)).json().interprets).toBeNull();
  });
});

describe('公开指南', () => {
  it('is generated from the body and lets its office rewrite parts', async () => {
    const url = `/api/v1/orgs/${DEMO_FINANCE_CODE}/guide`;
    expect((await as('clerk', 'PUT', url, { fees: 'x' })).statusCode).toBe(403);
    const saved = await as('office', 'PUT', url, { channels: '本局仅受理网上申请和信函申请，地址：示例县城关镇财政路8号。' });
    expect(saved.statusCode).toBe(200);
    const page = await t.app.inject(`/xxgk/guide/${DEMO_FINANCE_CODE}`);
    expect(page.body).toContain('本局仅受理网上申请和信函申请');
    expect(page.body).toContain('（三）办理流程');
  });
});

describe('settings', () => {
  it('lets a body configure its categories and a shorter publication limit, and the administrator the sensitive words', async () => {
    const key = `categories:${DEMO_FINANCE_CODE}`;
    expect((await as('clerk', 'PUT', `/api/v1/settings/${key}`, { value: ['预算公开'] })).statusCode).toBe(403);
    expect((await as('office', 'PUT', `/api/v1/settings/${key}`, { value: ['预算公开', '政府采购', '其他'] })).statusCode).toBe(200);
    expect((await as('clerk', 'POST', '/api/v1/items', makeItem({ category: '工作动态' }))).json().details[0].path).toBe('category');
    expect((await as('clerk', 'POST', '/api/v1/items', makeItem({ category: '预算公开' }))).statusCode).toBe(201);

    expect((await as('office', 'PUT', `/api/v1/settings/publicationLimit:${DEMO_FINANCE_CODE}`, { value: 30 })).statusCode).toBe(400);
    expect((await as('office', 'PUT', `/api/v1/settings/publicationLimit:${DEMO_FINANCE_CODE}`, { value: 5 })).statusCode).toBe(200);
    const item = (await as('clerk', 'POST', '/api/v1/items', makeItem({ category: '预算公开', formedOn: '2026-03-09' }))).json();
    // 5 working days after Monday 2026-03-09.
    expect(item.publicationDue).toMatchObject({ dueOn: '2026-03-16', workingDaysLeft: 4, warning: 'dueSoon' });

    expect((await as('office', 'PUT', '/api/v1/settings/sensitiveWords', { value: ['内部'] })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/settings/sensitiveWords', headers: await t.auth('admin'), payload: { value: ['内部资料', '征求意见稿'] } })).statusCode).toBe(200);
    const { findings } = (await as('clerk', 'POST', '/api/v1/scan', { text: '本文为征求意见稿，请勿外传。' })).json();
    expect(findings).toEqual([{ type: 'sensitiveWord', offset: 3, length: 5, masked: '*****' }]);
    // Restore the defaults for the other tests in this file.
    await as('office', 'PUT', `/api/v1/settings/${key}`, { value: ['机构职能', '政策文件', '规划计划', '工作动态', '人事信息', '财政预决算与三公经费', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '政府采购', '重大建设项目', '公共服务', '应急管理', '建议提案办理', '政策解读', '其他'] });
  });
});

describe('the rendered-page cache', () => {
  it('serves a repeated page from cache and drops it the moment a withdrawal commits', async () => {
    const item = await publishItem(t, { title: '页面缓存测试通知' });
    const url = `/xxgk/items/${item.indexNo}`;
    // The cache's clock stands still, so its few seconds' lifetime cannot end the test's cache hit.
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now());
    try {
      const first = await t.app.inject(url);
      await t.db.updateTable('infoItems').set({ title: '绕过应用直接修改的标题' }).where('id', '=', item.id).execute();
      // Served from cache: the direct database change is not visible yet …
      expect((await t.app.inject(url)).body).toBe(first.body);
      // … but a change through the application invalidates at once.
      await as('leader', 'POST', `/api/v1/items/${item.id}/withdraw`, { reason: '测试撤销' });
      const after = await t.app.inject(url);
      expect(after.body).toContain('撤销原因：测试撤销');
      expect(after.body).toContain('绕过应用直接修改的标题');
    } finally {
      clock.mockRestore();
    }
  });

  it('never dates a newer rendering the same as an older one, even when it starts exactly on a second', async () => {
    const item = await publishItem(t, { title: '整秒缓存测试通知' });
    const url = `/xxgk/items/${item.indexNo}`;
    const second = Math.floor(Date.now() / 1000) * 1000 + 5000;
    const clock = vi.spyOn(Date, 'now');
    try {
      clock.mockReturnValue(second - 600);
      const since = (await t.app.inject(url)).headers['last-modified'] as string;
      clock.mockReturnValue(second - 300);
      expect((await as('office', 'POST', `/api/v1/items/${item.id}/correct`, { title: '整秒缓存测试通知（更正）', changeNote: '更正标题' })).statusCode).toBe(200);
      clock.mockReturnValue(second);
      const after = await t.app.inject({ url, headers: { 'if-modified-since': since } });
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain('（更正）');
    } finally {
      clock.mockRestore();
    }
  });

  it('gives each of many pages requested at once its own item, and a 404 to a missing or withheld one', async () => {
    const published = [];
    for (const title of ['同时请求的第一条信息', '同时请求的第二条信息', '同时请求的第三条信息']) published.push(await publishItem(t, { title }));
    const withheld = await publishItem(t, { title: '同时请求的依申请公开信息', disclosure: 'onRequest', withheldGround: 'processInformation', withheldReason: '过程性信息' });
    const urls = [...published, ...published.slice().reverse()].map((i) => `/xxgk/items/${i.indexNo}`);
    const pages = await Promise.all([...urls, `/xxgk/items/${withheld.indexNo}`, '/xxgk/items/NOPE/2026-99999'].map((url) => t.app.inject(url)));
    const titles = [...published, ...published.slice().reverse()].map((i) => i.title);
    pages.slice(0, 6).forEach((page, n) => {
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<h1>${titles[n]}</h1>`);
    });
    expect(pages.slice(6).map((p) => p.statusCode)).toEqual([404, 404]);
    const api = await Promise.all(published.map((i) => t.app.inject(`/api/v1/catalog/${encodeURIComponent(i.indexNo)}`)));
    expect(api.map((r) => r.json().title)).toEqual(published.map((i) => i.title));
  });
});
