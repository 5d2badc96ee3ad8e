/**
 * The staff item list: search, filters, sort, paging, export and bulk approval, and the scope
 * rules that the list and every amendment share.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATION_CODE } from '../../src/db/seed.js';
import { createTestApp, passwordOf, TestApp } from '../support/app.js';
import { CHECKLIST, itemAt, makeItem, publishItem } from '../support/items.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
});
afterAll(async () => t.close());

type User = 'clerk' | 'clerk2' | 'depthead' | 'reviewer' | 'leader' | 'office' | 'supervisor' | 'admin';
async function get(user: User, url: string) {
  return t.app.inject({ url, headers: await t.auth(user) });
}
async function post(user: User, url: string, payload: object) {
  return t.app.inject({ method: 'POST', url, headers: await t.auth(user), payload });
}
const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((i) => i.title);

describe('the staff item list', () => {
  it('searches title, 索引号 and 发文字号, filters, sorts and pages with the total', async () => {
    const tag = '列表检索测试';
    const a = await publishItem(t, { title: `${tag}：预算公开`, docNo: '县财发〔2026〕41号', category: '财政预决算与三公经费', writtenOn: '2026-01-05' });
    const b = await itemAt(t, 'deptReview', { title: `${tag}：采购公告`, category: '政府采购', writtenOn: '2026-02-05' });
    const c = await itemAt(t, 'draft', { title: `${tag}：工作动态`, category: '工作动态', writtenOn: '2026-03-05' });
    const q = encodeURIComponent(tag);

    expect(titles(await get('clerk', `/api/v1/items?q=${q}&sort=writtenOn&order=asc`))).toEqual([a.title, b.title, c.title]);
    expect(titles(await get('clerk', `/api/v1/items?q=${q}&sort=writtenOn&order=desc`))).toEqual([c.title, b.title, a.title]);
    expect(titles(await get('clerk', `/api/v1/items?q=${encodeURIComponent(a.indexNo)}`))).toEqual([a.title]);
    expect(titles(await get('clerk', `/api/v1/items?q=${encodeURIComponent('〔2026〕41号')}`))).toEqual([a.title]);
    expect(titles(await get('clerk', `/api/v1/items?q=${q}&status=draft,deptReview&sort=writtenOn&order=asc`))).toEqual([b.title, c.title]);
    expect(titles(await get('clerk', `/api/v1/items?q=${q}&category=${encodeURIComponent('政府采购')}`))).toEqual([b.title]);
    expect(titles(await get('clerk', `/api/v1/items?q=${q}&dateField=written&from=2026-02-01&to=2026-02-28`))).toEqual([b.title]);
    expect(titles(await get('clerk', `/api/v1/items?q=${q}&dateField=published&from=2026-03-10&to=2026-03-10`))).toEqual([a.title]);

    // Two to a page: pages 1 and 2 hold all three, in order, once each.
    const one = (await get('clerk', `/api/v1/items?q=${q}&sort=writtenOn&order=asc&pageSize=2&page=1`)).json();
    const two = (await get('clerk', `/api/v1/items?q=${q}&sort=writtenOn&order=asc&pageSize=2&page=2`)).json();
    expect([one.total, two.total]).toEqual([3, 3]);
    expect([...one.items, ...two.items].map((i: { id: number }) => i.id)).toEqual([a.id, b.id, c.id]);
    expect(one.items[0]).toMatchObject({ statusLabel: '已发布', disclosureLabel: '主动公开' });

    // A '%' typed in the search box is a character, not a wildcard.
    expect((await get('clerk', '/api/v1/items?q=%25')).json().total).toBe(0);
    const bad = await get('clerk', `/api/v1/items?from=2026-03-01&to=2026-02-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'to', message: '结束日期不能早于开始日期。' });
    expect((await get('clerk', '/api/v1/items?status=nope')).statusCode).toBe(400);
  });

  it('lists only the bodies the staff member may see', async () => {
    const item = await itemAt(t, 'draft', { title: '只有财政局能看到的草稿' });
    const q = encodeURIComponent('只有财政局能看到的草稿');
    expect(titles(await get('clerk2', `/api/v1/items?q=${q}`))).toEqual([]);
    expect((await get('clerk2', `/api/v1/items?q=${q}`)).json().total).toBe(0);
    expect(titles(await get('office', `/api/v1/items?q=${q}`))).toEqual([item.title]);
    expect(titles(await get('supervisor', `/api/v1/items?q=${q}`))).toEqual([item.title]);
    // Asking for another body's items by code gives nothing, not that body's list.
    expect((await get('clerk', `/api/v1/items?org=${DEMO_EDUCATION_CODE}`)).json()).toMatchObject({ items: [], total: 0 });
  });

  it('exports the filtered list as CSV and XLSX with Chinese headers and words', async () => {
    const item = await itemAt(t, 'deptReview', { title: '导出测试：采购意向公开', docNo: '县财发〔2026〕42号', category: '政府采购' });
    const q = encodeURIComponent('导出测试');
    const csv = await get('clerk', `/api/v1/items/export?format=csv&q=${q}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(decodeURIComponent(String(csv.headers['content-disposition']))).toContain('信息列表-2026-03-10.csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('标题,索引号,发文字号,发布机构,状态,公开属性,信息类别,主题分类,成文日期,形成或变更日期,公开期限,发布日期,最后更新');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${item.title},,县财发〔2026〕42号,示例县财政局,待科室负责人审核,主动公开,政府采购,`);
    const xlsx = await get('clerk', `/api/v1/items/export?format=xlsx&q=${q}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('信息列表')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('标题');
    expect(sheet.getRow(2).getCell(1).value).toBe(item.title);
    expect(sheet.getRow(2).getCell(5).value).toBe('待科室负责人审核');
    expect(sheet.rowCount).toBe(2);
  });
});

describe('bulk approval', () => {
  it('approves each item of a queue on its own checks: findings, checklist and role', async () => {
    const clean = await itemAt(t, 'deptReview', { title: '批量审核：可以通过的信息' });
    const flagged = await itemAt(t, 'deptReview', { title: '批量审核：有未处理检查结果的信息' });
    await t.db.insertInto('itemFindings').values({ itemId: flagged.id, type: 'mobile', offset: 0, length: 11, masked: '138****8000', source: 'body' }).execute();
    const elsewhere = await itemAt(t, 'confidentialityReview', { title: '批量审核：不在本环节的信息' });

    const res = await post('depthead', '/api/v1/items/bulk-approve', { ids: [clean.id, flagged.id, elsewhere.id, 999_999] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ approved: 1, refused: 3 });
    expect(body.results.map((r: { id: number; ok: boolean; code?: string }) => [r.id, r.ok, r.code])).toEqual([
      [clean.id, true, undefined], [flagged.id, false, 'ITEM_FINDINGS_OPEN'], [elsewhere.id, false, 'FORBIDDEN'], [999_999, false, 'ITEM_NOT_FOUND'],
    ]);
    expect(body.results[0]).toMatchObject({ status: 'confidentialityReview', statusLabel: '待保密审查' });
    expect((await get('depthead', `/api/v1/items/${flagged.id}`)).json().status).toBe('deptReview');

    // 保密审查 in bulk still needs every point of the checklist confirmed.
    const noChecklist = (await post('reviewer', '/api/v1/items/bulk-approve', { ids: [clean.id, elsewhere.id] })).json();
    expect(noChecklist.results.map((r: { code: string }) => r.code)).toEqual(['ITEM_CHECKLIST_INCOMPLETE', 'ITEM_CHECKLIST_INCOMPLETE']);
    const checked = (await post('reviewer', '/api/v1/items/bulk-approve', { ids: [clean.id, elsewhere.id], checklist: CHECKLIST })).json();
    expect(checked).toMatchObject({ approved: 2, refused: 0 });
    expect((await post('clerk', '/api/v1/items/bulk-approve', { ids: [clean.id] })).statusCode).toBe(403);
    expect((await post('leader', '/api/v1/items/bulk-approve', { ids: [] })).statusCode).toBe(400);
  });

  it('marks in the list which rows the staff member may approve', async () => {
    const item = await itemAt(t, 'leaderApproval', { title: '列表中可审批的信息' });
    const q = encodeURIComponent('列表中可审批的信息');
    expect((await get('leader', `/api/v1/items?q=${q}`)).json().items[0].permissions).toEqual({ review: true });
    expect((await get('depthead', `/api/v1/items?q=${q}`)).json().items[0].permissions).toEqual({ review: false });
    expect((await get('leader', '/api/v1/items/queue')).json().items.map((i: { id: number }) => i.id)).toContain(item.id);
  });
});

describe('policy scope', () => {
  it('refuses a leader of another body correcting or withdrawing this body\'s published item', async () => {
    const item = await publishItem(t, { title: '他部门不能更正的信息' });
    const created = await post('admin', '/api/v1/users', { username: 'eduleader', displayName: '教育局分管领导', orgCode: DEMO_EDUCATION_CODE, roles: ['leader'], password: passwordOf('leader') });
    expect(created.statusCode).toBe(201);
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'eduleader', password: passwordOf('leader') } });
    const headers = { authorization: `Bearer ${token.json().token}` };
    const correct = await t.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/correct`, headers, payload: { title: '被他部门更正', changeNote: '越权更正' } });
    const withdraw = await t.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/withdraw`, headers, payload: { reason: '越权撤销' } });
    // Another body's item is not found at all (its existence is not disclosed either).
    expect([correct.statusCode, withdraw.statusCode]).toEqual([404, 404]);
    const after = (await get('leader', `/api/v1/items/${item.id}`)).json();
    expect(after).toMatchObject({ title: '他部门不能更正的信息', status: 'published', version: item.version });
    // The body's own leader may.
    expect((await post('leader', `/api/v1/items/${item.id}/withdraw`, { reason: '本部门撤销' })).statusCode).toBe(200);
  });

  it('refuses a clerk drafting for another body', async () => {
    const res = await post('clerk', '/api/v1/items', makeItem({ orgCode: DEMO_EDUCATION_CODE }));
    expect(res.statusCode).toBe(403);
    expect((await get('clerk2', `/api/v1/items?q=${encodeURIComponent(makeItem().title)}`)).json().total).toBe(0);
  });
});
