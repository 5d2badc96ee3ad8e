/**
 * 政务服务 registry and guides: public 办事指南 pages with the flow chart, the filterable list, the three
 * lists, versions reviewed before publication, blank forms and samples, XLSX export and import.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { multipart } from '../support/multipart.js';
import { GUIDE_EXAMPLE, makeItem, makeServiceUser } from '../support/services.js';

let t: TestApp;
let clerk: Record<string, string>;
let manager: Record<string, string>;
let managerId = 0;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2025-10-15T02:00:00Z') });
  clerk = (await makeServiceUser(t, { username: 'gclerk', orgCode: DEMO_FINANCE_CODE })).headers;
  const m = await makeServiceUser(t, { username: 'gmanager', orgCode: DEMO_COUNTY_CODE, roles: ['serviceManager'] });
  manager = m.headers;
  managerId = m.id;
  await makeItem(t, clerk, { orgCode: DEMO_FINANCE_CODE, code: 'G-LIC', name: '政府采购代理机构登记', guide: GUIDE_EXAMPLE });
  await makeItem(t, clerk, { orgCode: DEMO_FINANCE_CODE, code: 'G-PUB', name: '会计政策咨询', kind: 'publicService', legalLimitDays: 0, promisedLimitDays: 0, guide: { lifeEvents: ['education'] } });
});
afterAll(async () => t.close());

const page = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

describe('public guide pages', () => {
  it('the 办事指南 lists every field and draws the flow chart from the steps, without scripts', async () => {
    const res = await page('/zwfw/items/G-LIC');
    expect(res.statusCode).toBe(200);
    for (const text of ['政府采购代理机构登记', '《中华人民共和国政府采购法》第十九条', '登记申请表', '营业执照副本', '5个工作日', '20个工作日', '0999-12345', '可网上办理', '工作日 上午9:00']) {
      expect(res.body).toContain(text);
    }
    expect(res.body).toMatch(/<svg class="flow-chart"[^>]*role="img"/);
    expect(res.body).toContain('<title id="flow-title">政府采购代理机构登记办理流程图</title>');
    expect(res.body).toContain('3. 审查');
    expect(res.body).toContain('/static/services.css');
    expect(res.body).not.toContain('<script');
  });

  it('a 即办件 says so', async () => {
    expect((await page('/zwfw/items/G-PUB')).body).toContain('即办件（受理当日办结）');
  });

  it('the list filters by body, kind, life event and business stage', async () => {
    const byStage = await page('/zwfw?businessStage=founding');
    expect(byStage.body).toContain('政府采购代理机构登记');
    expect(byStage.body).not.toContain('会计政策咨询');
    const byLife = await page('/zwfw?lifeEvent=education');
    expect(byLife.body).toContain('会计政策咨询');
    expect(byLife.body).not.toContain('>政府采购代理机构登记<');
    const byKind = await page(`/zwfw?org=${DEMO_FINANCE_CODE}&kind=payment`);
    expect(byKind.body).toContain('没有符合条件的事项');
    const otherBody = await page(`/zwfw?org=${DEMO_EDUCATION_CODE}`);
    expect(otherBody.body).toContain('共0项');
  });

  it('the three lists come from the registry', async () => {
    const power = await page('/zwfw/lists/power');
    expect(power.body).toContain('政府采购代理机构登记');
    expect(power.body).not.toContain('会计政策咨询');
    const duty = await page('/zwfw/lists/responsibility');
    expect(duty.body).toContain('0999-12345');
    const services = await page('/zwfw/lists/publicService');
    expect(services.body).toContain('会计政策咨询');
    expect(services.body).not.toContain('政府采购代理机构登记');
    expect((await page('/zwfw/lists/other')).statusCode).toBe(400);
    expect((await page('/zwfw/items/NOPE')).statusCode).toBe(404);
  });
});

describe('the site search', () => {
  it('finds the 办事指南 of a published item', async () => {
    const res = await t.app.inject(`/api/v1/search?q=${encodeURIComponent('政府采购代理机构')}`);
    expect(res.statusCode).toBe(200);
    expect(JSON.stringify(res.json())).toContain('/zwfw/items/G-LIC');
  });
});

describe('versions reviewed before publication', () => {
  const draft = (headers: Record<string, string>, promisedLimitDays: number) => t.app.inject({
    method: 'PUT', url: '/api/v1/service-items/G-LIC/draft', headers,
    payload: { name: '政府采购代理机构名录登记', kind: 'license', legalLimitDays: 20, promisedLimitDays, guide: GUIDE_EXAMPLE },
  });

  it('a draft is not published until the centre approves it', async () => {
    expect((await draft(clerk, 25)).statusCode).toBe(422);
    const saved = await draft(clerk, 3);
    expect(saved.json()).toEqual({ code: 'G-LIC', version: 2, status: 'draft' });
    expect((await page('/zwfw/items/G-LIC')).body).toContain('>政府采购代理机构登记<');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/service-items/G-LIC/draft/review', headers: manager, payload: { decision: 'approve' } })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/service-items/G-LIC/draft/submit', headers: clerk })).json().status).toBe('inReview');
    expect((await draft(clerk, 4)).statusCode).toBe(409);
    const returned = await t.app.inject({ method: 'POST', url: '/api/v1/service-items/G-LIC/draft/review', headers: manager, payload: { decision: 'return' } });
    expect(returned.statusCode).toBe(400);
    expect(returned.json().details[0].path).toBe('comment');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/service-items/G-LIC/draft/review', headers: clerk, payload: { decision: 'approve' } })).statusCode).toBe(403);
    const approved = await t.app.inject({ method: 'POST', url: '/api/v1/service-items/G-LIC/draft/review', headers: manager, payload: { decision: 'approve', comment: '同意发布' } });
    expect(approved.json()).toEqual({ code: 'G-LIC', version: 2, status: 'published' });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/service-items?org=${DEMO_FINANCE_CODE}` });
    expect(list.json().items.find((i: { code: string }) => i.code === 'G-LIC')).toMatchObject({ name: '政府采购代理机构名录登记', promisedLimitDays: 3, version: 2 });
    const detail = await t.app.inject({ method: 'GET', url: '/api/v1/service-items/G-LIC', headers: clerk });
    expect(detail.json().versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'superseded']]);
    expect((await page('/zwfw/items/G-LIC')).body).toContain('第2版');
  });

  it('the drafter cannot approve their own version', async () => {
    await draft(manager, 2);
    await t.app.inject({ method: 'POST', url: '/api/v1/service-items/G-LIC/draft/submit', headers: manager });
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/service-items/G-LIC/draft/review', headers: manager, payload: { decision: 'approve' } });
    expect(own.statusCode).toBe(403);
    expect(managerId).toBeGreaterThan(0);
  });
});

describe('blank forms and samples', () => {
  it('are uploaded per material and downloaded from the guide', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% blank form\n');
    const up = await t.app.inject({ method: 'POST', url: '/api/v1/service-items/G-LIC/materials/form/files', ...merge(multipart({ kind: 'blank' }, [{ field: 'file', name: '登记申请表.pdf', data: pdf }])) });
    expect(up.statusCode).toBe(201);
    const guide = await page('/zwfw/items/G-LIC');
    expect(guide.body).toContain('href="/zwfw/items/G-LIC/materials/form/blank"');
    const file = await t.app.inject({ method: 'GET', url: '/zwfw/items/G-LIC/materials/form/blank' });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const exe = await t.app.inject({ method: 'POST', url: '/api/v1/service-items/G-LIC/materials/form/files', ...merge(multipart({ kind: 'sample' }, [{ field: 'file', name: 'x.pdf', data: Buffer.from('MZ....') }])) });
    expect(exe.statusCode).toBe(415);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/service-items/G-LIC/materials/nope/files', ...merge(multipart({ kind: 'sample' }, [{ field: 'file', name: 'x.pdf', data: pdf }])) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].path).toBe('materialKey');
  });
});

function merge(body: { payload: Buffer; headers: Record<string, string> }) {
  return { payload: body.payload, headers: { ...clerk, ...body.headers } };
}

describe('XLSX export and import', () => {
  async function workbook(rows: (string | number)[][]) {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('事项');
    sheet.addRow(['事项编码', '事项名称', '实施机关代码', '事项类型', '法定时限（工作日）', '承诺时限（工作日）', '设定依据']);
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = async (data: Buffer, headers = clerk) => t.app.inject({
    method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/service-items/import`,
    headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: data,
  });

  it('exports the registry with Chinese headers and words', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/service-items.xlsx`, headers: clerk });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('事项编码');
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.find((r) => r[0] === 'G-PUB')).toEqual(expect.arrayContaining(['会计政策咨询', '公共服务', 0]));
  });

  it('refuses a file with a bad row and stores nothing, then imports it fixed', async () => {
    const bad = await upload(await workbook([
      ['X-1', '新事项一', DEMO_FINANCE_CODE, '行政许可', 20, 10, '某法第三条'],
      ['X-2', '新事项二', DEMO_FINANCE_CODE, '行政许可', 5, 10, ''],
      ['X-3', '新事项三', DEMO_EDUCATION_CODE, '公共服务', 5, 1, ''],
    ]));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.map((d: { row: number }) => d.row)).toEqual([3, 4]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/service-items?org=${DEMO_FINANCE_CODE}` })).json().items.map((i: { code: string }) => i.code)).not.toContain('X-1');
    const good = await upload(await workbook([
      ['X-1', '新事项一', DEMO_FINANCE_CODE, '行政许可', 20, 10, '某法第三条'],
      ['G-PUB', '会计政策咨询（修订）', DEMO_FINANCE_CODE, '公共服务', 0, 0, ''],
    ]));
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ created: 1, drafted: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/service-items/G-PUB', headers: clerk })).json().versions[0]).toMatchObject({ version: 2, status: 'draft' });
    expect((await upload(Buffer.from('not a workbook'))).statusCode).toBe(422);
  });

  it('saves the whole sheet in one transaction: a database failure on a late row leaves nothing stored', async () => {
    // A constraint only the database knows about: the checks before saving pass, the fourth row fails on insert.
    await sql`ALTER TABLE service_items ADD CONSTRAINT test_no_boom CHECK (name <> '会失败的事项')`.execute(t.db);
    try {
      const auditsBefore = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(t.db);
      const res = await upload(await workbook([
        ['Y-1', '整表事项一', DEMO_FINANCE_CODE, '行政许可', 20, 10, ''],
        ['Y-2', '整表事项二', DEMO_FINANCE_CODE, '公共服务', 5, 1, ''],
        ['G-PUB', '会计政策咨询（第三版）', DEMO_FINANCE_CODE, '公共服务', 0, 0, ''],
        ['Y-4', '会失败的事项', DEMO_FINANCE_CODE, '公共服务', 5, 1, ''],
      ]));
      expect(res.statusCode).toBe(422);
      expect(res.json().details).toEqual([expect.objectContaining({ row: 5 })]);
      const stored = await sql<{ code: string }>`SELECT code FROM service_items WHERE code LIKE 'Y-%'`.execute(t.db);
      expect(stored.rows).toEqual([]);
      const gpub = (await t.app.inject({ method: 'GET', url: '/api/v1/service-items/G-PUB', headers: clerk })).json();
      expect(gpub.versions[0]).toMatchObject({ version: 2, status: 'draft' });
      expect(gpub.versions[0].data.name).toBe('会计政策咨询（修订）');
      const auditsAfter = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(t.db);
      expect(auditsAfter.rows[0].n).toBe(auditsBefore.rows[0].n);
    } finally {
      await sql`ALTER TABLE service_items DROP CONSTRAINT test_no_boom`.execute(t.db);
    }
  });
});
