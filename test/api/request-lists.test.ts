/**
 * The handling list (申请办理台账): search, filters, sort, keyset paging, exports with Chinese
 * labels, bulk actions, and the dashboard's queues for the 公开办 and for departments.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { applyOnline, makeApplication } from '../support/requests.js';

let today = '2026-03-02';
const at = (date: string) => new Date(`${date}T02:00:00Z`);

let t: TestApp;
type User = 'office' | 'clerk' | 'clerk2' | 'supervisor' | 'admin';
const requests: Record<'a' | 'b' | 'c' | 'd', { trackingNo: string; id: number }> = {} as never;

async function idOf(trackingNo: string): Promise<number> {
  return (await sql<{ id: number }>`select id from disclosure_requests where tracking_no = ${trackingNo}`.execute(t.db)).rows[0].id;
}

async function act(id: number, payload: Record<string, unknown>, user: User = 'office') {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/handling/requests/${id}/actions`, headers: await t.auth(user), payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function register(payload: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: await t.auth('office'), payload: { ...makeApplication(), ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return { trackingNo: res.json().trackingNo as string, id: await idOf(res.json().trackingNo) };
}

async function list(query: string, user: User = 'office') {
  const res = await t.app.inject({ url: `/api/v1/handling/requests?${query}`, headers: await t.auth(user) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { trackingNo: string; id: number; channelLabel: string; deadline: { dueOn: string | null } | null }[]; total: number; next?: string };
}

const letters = (items: { trackingNo: string }[]) => items.map((i) => Object.entries(requests).find(([, r]) => r.trackingNo === i.trackingNo)?.[0] ?? '?');

beforeAll(async () => {
  t = await createTestApp({ now: () => at(today) });
  // a: online to the county, 张三, received 03-02 → due 03-30.
  today = '2026-03-02';
  const a = await applyOnline(t);
  requests.a = { trackingNo: a.trackingNo, id: await idOf(a.trackingNo) };
  await act(requests.a.id, { action: 'confirmReceipt' });
  // b: in person at 财政局, 李四, received 03-05 → due 04-02 (03-06 … 03-31 (18), 04-01, 04-02).
  today = '2026-03-05';
  requests.b = await register({ orgCode: DEMO_FINANCE_CODE, channel: 'inPerson', applicant: { ...makeApplication().applicant, name: '李四' }, description: '城区道路改造工程招标文件' });
  // c: a registered letter to 教育局, 王五, signed for 03-09 → due 04-07 (清明 04-04..06).
  today = '2026-03-09';
  requests.c = await register({ orgCode: DEMO_EDUCATION_CODE, channel: 'letter', registeredMail: true, receivedOn: '2026-03-09', applicant: { ...makeApplication().applicant, name: '王五' }, description: '学校食堂配餐服务招标结果' });
  // d: online, not yet confirmed.
  today = '2026-03-20';
  const d = await applyOnline(t, { applicant: { ...makeApplication().applicant, name: '赵六' }, description: '2025年度全县道路养护计划' });
  requests.d = { trackingNo: d.trackingNo, id: await idOf(d.trackingNo) };
  today = '2026-04-02';
});
afterAll(async () => t.close());

describe('search, filters and sort', () => {
  it.each([
    ['q=李四', ['b']],
    ['q=道路', ['d', 'b']],
    ['q=100%25', []],
    ['status=submitted', ['d']],
    ['status=processing,submitted', ['d', 'c', 'b', 'a']],
    ['channel=letter', ['c']],
    ['channel=online', ['d', 'a']],
    [`org=${DEMO_FINANCE_CODE}`, ['b']],
    [`org=${DEMO_COUNTY_CODE}`, ['d', 'c', 'b', 'a']],
    ['receivedFrom=2026-03-04&receivedTo=2026-03-06', ['b']],
    // On 04-02: a was due 03-30; b is due today (0 left), c on 04-07 (2 left).
    ['due=overdue', ['a']],
    ['due=dueSoon', ['c', 'b']],
    ['sort=dueOn', ['a', 'b', 'c', 'd']],
    ['sort=oldest', ['a', 'b', 'c', 'd']],
    ['sort=receivedOn', ['d', 'c', 'b', 'a']],
    ['q=道路&sort=dueOn', ['b', 'd']],
  ])('%s → %j', async (query, expected) => {
    const page = await list(query);
    expect(letters(page.items)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it('finds a request by part of its 受理编号', async () => {
    expect(letters((await list(`q=${requests.c.trackingNo.slice(-6)}`)).items)).toEqual(['c']);
  });

  it('labels what it lists and shows no due date before receipt', async () => {
    const items = (await list('sort=dueOn')).items;
    expect(items.map((i) => i.channelLabel)).toEqual(['网上申请', '当面申请', '信函申请（挂号信）', '网上申请']);
    expect(items.map((i) => i.deadline?.dueOn ?? null)).toEqual(['2026-03-30', '2026-04-02', '2026-04-07', null]);
  });

  it.each(['sort=newest', 'sort=oldest', 'sort=receivedOn', 'sort=dueOn', 'due=dueSoon&sort=receivedOn'])('pages %s by cursor without gaps or repeats', async (query) => {
    const all = letters((await list(query)).items);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(`${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...letters(page.items));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('refuses bad filters with the field named', async () => {
    for (const [query, path] of [['status=done', 'status'], ['org=NO-SUCH-BODY', 'org'], ['receivedFrom=2026-03-10&receivedTo=2026-03-01', 'receivedTo'], ['cursor=bm9wZQ', 'cursor'], ['sort=dueOn&cursor=' + Buffer.from('newest||5').toString('base64url'), 'cursor']]) {
      const res = await t.app.inject({ url: `/api/v1/handling/requests?${query}`, headers: await t.auth('office') });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().details.map((d: { path: string }) => d.path), query).toContain(path);
    }
  });

  it('lets a department search only within what was assigned to it', async () => {
    expect((await list('q=道路', 'clerk')).items).toEqual([]);
  });
});

describe('exports of the filtered list', () => {
  it('writes CSV with Chinese headers and labels, masked personal data, and no codes', async () => {
    const res = await t.app.inject({ url: '/api/v1/handling/requests/export.csv?sort=oldest', headers: await t.auth('office') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.rawPayload.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).trim().split('\r\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['受理编号', '办理机关', '申请方式', '申请人', '申请人类型', '证件号码', '联系电话', '所需信息', '载体形式', '获取方式', '收到日期', '答复期限', '状态', '办理结果', '办结日期']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([requests.a, requests.b, requests.c, requests.d].map((r) => r.trackingNo));
    expect(rows[2]).toEqual([requests.b.trackingNo, '示例县财政局', '当面申请', '李四', '自然人', '110105********002X', '138****8000', '城区道路改造工程招标文件', '电子', '网上获取', '2026-03-05', '2026-04-02', '办理中', '', '']);
    expect(rows[1][12]).toBe('办理中（逾期）');
    expect(text).not.toMatch(/\b(online|inPerson|natural|electronic|processing|submitted)\b/);
    const filtered = await t.app.inject({ url: '/api/v1/handling/requests/export.csv?channel=letter', headers: await t.auth('office') });
    expect(filtered.rawPayload.toString('utf8').trim().split('\r\n')).toHaveLength(2);
  });

  it('writes the register as XLSX with the same labels, filtered', async () => {
    const res = await t.app.inject({ url: `/api/v1/handling/requests/register.xlsx?org=${DEMO_EDUCATION_CODE}`, headers: await t.auth('supervisor') });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).values).toEqual([undefined, requests.c.trackingNo, '示例县教育局', '信函申请（挂号信）', '王五', '自然人', '110105********002X', '138****8000',
      '学校食堂配餐服务招标结果', '电子', '网上获取', '2026-03-09', '2026-04-07', '办理中', '', '']);
    expect((await t.app.inject({ url: '/api/v1/handling/requests/export.csv', headers: await t.auth('clerk') })).statusCode).toBe(403);
  });
});

describe('bulk actions and the dashboard queues', () => {
  it('shows the office what waits for 确认收到, and a department what was assigned to it', async () => {
    const queues = async (user: User) => (await t.app.inject({ url: '/api/v1/handling/requests/reminders', headers: await t.auth(user) })).json();
    expect(letters((await queues('office')).awaitingReceipt)).toEqual(['d']);
    expect((await queues('office')).assigned).toEqual([]);
    expect((await queues('clerk')).awaitingReceipt).toEqual([]);

    const bulk = await t.app.inject({ method: 'POST', url: '/api/v1/handling/requests/bulk-actions', headers: await t.auth('office'), payload: { action: 'assign', ids: [requests.a.id, requests.b.id, 999999], orgCode: DEMO_FINANCE_CODE, note: '请提供' } });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json()).toMatchObject({ succeeded: 2, failed: 1, results: [
      { id: requests.a.id, ok: true, trackingNo: requests.a.trackingNo }, { id: requests.b.id, ok: true }, { id: 999999, ok: false, code: 'REQUEST_NOT_FOUND' },
    ] });
    expect(letters((await queues('clerk')).assigned)).toEqual(['b', 'a']);
    expect((await queues('clerk2')).assigned).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/handling/requests/bulk-actions', headers: await t.auth('clerk'), payload: { action: 'assign', ids: [requests.c.id], orgCode: DEMO_FINANCE_CODE } })).statusCode).toBe(403);
  });

  it('approves several drafts at once, still refusing the approver\'s own draft', async () => {
    await act(requests.a.id, { action: 'draftReply', outcome: 'granted', note: '见附件。' }, 'clerk');
    await act(requests.c.id, { action: 'draftReply', outcome: 'partial', note: '学生个人信息不予公开，其余部分予以公开。' }, 'office');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/handling/requests/bulk-actions', headers: await t.auth('office'), payload: { action: 'approveReply', ids: [requests.a.id, requests.c.id] } });
    expect(res.json()).toMatchObject({ succeeded: 1, failed: 1, results: [
      { id: requests.a.id, ok: true, statusLabel: '已办结' },
      { id: requests.c.id, ok: false, code: 'REQUEST_SELF_APPROVAL', message: '答复稿须由拟稿人以外的政府信息公开工作机构负责人审核签发。' },
    ] });
    expect(letters((await list('status=completed')).items)).toEqual(['a']);
    expect(letters((await list('q=食堂')).items)).toEqual(['c']);
  });
});
