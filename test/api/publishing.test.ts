import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { CHECKLIST, makeItem, publishItem } from '../support/items.js';

const VALID_ID = '11010519491231002X';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
});
afterAll(async () => t.close());

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
  it('takes a draft with an ID number through review; the leader cannot approve until it is redacted', async () => {
    const created = await as('clerk', 'POST', '/api/v1/items', makeItem({ title: '关于张三同志任职的通知', bodyHtml: `<p>张三，身份证号${VALID_ID}，任示例县财政局副局长。</p>` }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json().findings.map((f: { type: string }) => f.type)).toEqual(['idCard']);

    // A clerk cannot approve; another department cannot see the draft.
    expect((await as('clerk', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await as('clerk2', 'GET', `/api/v1/items/${id}`)).statusCode).toBe(404);
    expect((await as('clerk2', 'PUT', `/api/v1/items/${id}`, makeItem())).statusCode).toBe(404);

    expect((await as('clerk', 'POST', `/api/v1/items/${id}/submit`)).json().status).toBe('deptReview');
    expect((await as('reviewer', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve', checklist: CHECKLIST })).statusCode).toBe(403);
    expect((await as('depthead', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve' })).json().status).toBe('confidentialityReview');
    expect((await as('reviewer', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve', checklist: { ...CHECKLIST, privacy: false } })).json().code).toBe('ITEM_CHECKLIST_INCOMPLETE');
    expect((await as('reviewer', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve', checklist: CHECKLIST })).json().status).toBe('leaderApproval');

    const blocked = await as('leader', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('ITEM_FINDINGS_OPEN');

    const item = (await as('leader', 'GET', `/api/v1/items/${id}`)).json();
    const finding = item.findings.find((f: { status: string }) => f.status === 'open');
    const redacted = await as('leader', 'POST', `/api/v1/items/${id}/findings/${finding.id}`, { resolution: 'redact' });
    expect(redacted.json().bodyHtml).toContain('110105********002X');
    expect(redacted.json().bodyHtml).not.toContain(VALID_ID);

    const published = await as('leader', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve' });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedOn: '2026-03-10' });
    expect(published.json().indexNo).toMatch(new RegExp(`^${DEMO_FINANCE_CODE}/2026-\\d{5}$`));

    const audit = await as('supervisor', 'GET', `/api/v1/audit?targetType=item&targetId=${id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'item.create', 'item.submit', 'item.approve', 'item.approve', 'item.finding.redact', 'item.approve',
    ]);
  });

  it('returns a draft with a comment, keeps every version and shows their differences', async () => {
    const id = (await as('clerk', 'POST', '/api/v1/items', makeItem({ title: '初稿标题' }))).json().id;
    await as('clerk', 'POST', `/api/v1/items/${id}/submit`);
    expect((await as('depthead', 'POST', `/api/v1/items/${id}/review`, { decision: 'return' })).statusCode).toBe(400);
    expect((await as('depthead', 'POST', `/api/v1/items/${id}/review`, { decision: 'return', comment: '标题不规范' })).json().status).toBe('draft');
    await as('clerk', 'PUT', `/api/v1/items/${id}`, makeItem({ title: '修改后的标题' }));
    const diff = (await as('clerk', 'GET', `/api/v1/items/${id}/diff?from=1&to=2`)).json();
    expect(diff.changes).toEqual([{ field: 'title', before: '初稿标题', after: '修改后的标题' }]);
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

  it('gives 50 concurrent publications 50 distinct consecutive serials', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const id = (await as('clerk', 'POST', '/api/v1/items', makeItem({ title: `并发发布测试${i}` }))).json().id;
      await as('clerk', 'POST', `/api/v1/items/${id}/submit`);
      await as('depthead', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve' });
      await as('reviewer', 'POST', `/api/v1/items/${id}/review`, { decision: 'approve', checklist: CHECKLIST });
      ids.push(id);
    }
    const leader = await t.auth('leader');
    const results = await Promise.all(ids.map((id) => t.app.inject({ method: 'POST', url: `/api/v1/items/${id}/review`, headers: leader, payload: { decision: 'approve' } })));
    const serials = results.map((r) => Number(r.json().indexNo.split('-').pop())).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(50);
    expect(serials[49] - serials[0]).toBe(49);
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
    const search = async () => (await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('古树名木')}`)).json().items.map((i: { title: string }) => i.title);
    expect(await search()).toEqual([]);
    await publishItem(t, { title: '示例县古树名木保护名录', bodyHtml: '<p>全县古树名木共计126株。</p>' });
    expect(await search()).toEqual(['示例县古树名木保护名录']);
  });

  it('finds items by Chinese words in title and body, with highlighted snippets', async () => {
    await publishItem(t, { title: '政府信息公开工作要点', bodyHtml: '<p>做好依申请公开答复工作。</p>', category: '工作动态', topic: '综合政务' });
    for (const q of ['三公经费', '信息公开', '依申请']) {
      const res = await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length, q).toBeGreaterThan(0);
    }
    expect((await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('依申请')}`)).json().items.map((i: { title: string }) => i.title)).toEqual(['政府信息公开工作要点']);
    expect((await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('城市规划')}`)).json().items).toEqual([]);
    const page = await t.app.inject(`/xxgk/catalog?q=${encodeURIComponent('依申请')}`);
    expect(page.body).toContain('<mark>依申请</mark>');
  });

  it('answers the contract shapes, by URL-encoded or raw 索引号, with keyset pages', async () => {
    const list = await t.app.inject('/api/v1/catalog?limit=5');
    const body = list.json();
    expect(body.items).toHaveLength(5);
    expect(Object.keys(body.items[0])).toEqual(expect.arrayContaining(['indexNo', 'title', 'orgCode', 'publishedOn', 'url']));
    const second = (await t.app.inject(`/api/v1/catalog?limit=5&cursor=${body.next}`)).json();
    expect(second.items.map((i: { indexNo: string }) => i.indexNo)).not.toContain(body.items[0].indexNo);
    const indexNo = body.items[0].indexNo;
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
    await new Promise((r) => setTimeout(r, 1100)); // HTTP dates count whole seconds
    expect((await as('office', 'POST', `/api/v1/items/${item.id}/correct`, { title: '缓存测试通知（第二次更正）', changeNote: '更正标题' })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const dated = await t.app.inject(`/xxgk/items/${item.indexNo}`);
    const since = dated.headers['last-modified'] as string;
    expect(Date.parse(since)).toBeGreaterThan(Date.now() - 5000);
    expect((await t.app.inject({ url: `/xxgk/items/${item.indexNo}`, headers: { 'if-modified-since': since } })).statusCode).toBe(304);
    expect((await as('office', 'POST', `/api/v1/items/${item.id}/correct`, { title: '缓存测试通知（再次更正）', changeNote: '再次更正标题' })).statusCode).toBe(200);
    const changed = await t.app.inject({ url: `/xxgk/items/${item.indexNo}`, headers: { 'if-modified-since': since } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('再次更正');
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
      const inject = async (user: 'clerk' | 'depthead' | 'reviewer' | 'leader', url: string, payload: object) =>
        (await s.app.inject({ method: 'POST', url, headers: await s.auth(user), payload })).json();
      const id = (await inject('clerk', '/api/v1/items', makeItem({ title: '定时发布的公告' }))).id;
      await inject('clerk', `/api/v1/items/${id}/submit`, {});
      await inject('depthead', `/api/v1/items/${id}/review`, { decision: 'approve' });
      await inject('reviewer', `/api/v1/items/${id}/review`, { decision: 'approve', checklist: CHECKLIST });
      const approved = await inject('leader', `/api/v1/items/${id}/review`, { decision: 'approve', publishAt: '2026-05-07T09:00:00+08:00' });
      expect(approved).toMatchObject({ status: 'scheduled', indexNo: null });
      const search = async () => (await s.app.inject(`/api/v1/catalog?q=${encodeURIComponent('定时发布')}`)).json().items;
      expect(await search()).toEqual([]);
      now = new Date('2026-05-07T01:30:00Z');
      const found = await search();
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ publishedOn: '2026-05-07' });
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
      const policy = await publishItem(s, { title: '示例县财政局关于印发资金管理办法的通知', docKind: 'normative', docNo: '县财发〔2026〕20号' });
      const asLeader = async () => (await s.app.inject({ url: `/api/v1/items/${policy.id}`, headers: await s.auth('leader') })).json();
      // 2026-04-02 + 3 working days, across 清明 (04-04..06): 04-03, 04-07, 04-08.
      expect((await asLeader()).interpretationWarning).toMatchObject({ dueOn: '2026-04-08', overdue: false });
      now = new Date('2026-04-09T02:00:00Z');
      expect((await asLeader()).interpretationWarning).toMatchObject({ overdue: true });
      now = new Date('2026-04-08T02:00:00Z');
      await publishItem(s, { title: '资金管理办法政策解读', category: '政策解读', interpretsItemId: policy.id });
      expect((await asLeader()).interpretationWarning).toBeNull();
      const page = await s.app.inject(`/xxgk/items/${policy.indexNo}`);
      expect(page.body).toContain('资金管理办法政策解读');
    } finally {
      await s.close();
    }
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
    const first = await t.app.inject(url);
    await t.db.updateTable('infoItems').set({ title: '绕过应用直接修改的标题' }).where('id', '=', item.id).execute();
    // Served from cache: the direct database change is not visible yet …
    expect((await t.app.inject(url)).body).toBe(first.body);
    // … but a change through the application invalidates at once.
    await as('leader', 'POST', `/api/v1/items/${item.id}/withdraw`, { reason: '测试撤销' });
    const after = await t.app.inject(url);
    expect(after.body).toContain('撤销原因：测试撤销');
    expect(after.body).toContain('绕过应用直接修改的标题');
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
