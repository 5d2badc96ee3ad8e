/**
 * The law on the handling API (条例第三十条至第三十九条; 国办函〔2020〕109号): the reply clock
 * during 补正, outcomes reachable only from the facts the law requires, explanations, the dates
 * staff enter, the remedies in a notice, and what lists and reminders cost.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/http/app.js';
import { testConfig } from '../../src/config.js';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import type { Actor } from '../../src/domain/roles.js';
import { listForStaff, reminders } from '../../src/modules/requests/handling-list.service.js';
import { createTestApp, TestApp } from '../support/app.js';
import { docxXml, pdfText } from '../support/documents.js';
import { applyOnline, makeApplication } from '../support/requests.js';

let today = '2026-03-02';
const at = (date: string) => new Date(`${date}T02:00:00Z`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => at(today) });
});
afterAll(async () => t.close());

type User = 'office' | 'clerk' | 'admin' | 'supervisor';

async function idOf(trackingNo: string): Promise<number> {
  return (await sql<{ id: number }>`select id from disclosure_requests where tracking_no = ${trackingNo}`.execute(t.db)).rows[0].id;
}

async function act(id: number, payload: Record<string, unknown>, user: User = 'office') {
  return t.app.inject({ method: 'POST', url: `/api/v1/handling/requests/${id}/actions`, headers: await t.auth(user), payload });
}

async function detail(id: number) {
  return (await t.app.inject({ url: `/api/v1/handling/requests/${id}`, headers: await t.auth('office') })).json();
}

async function applicantView(trackingNo: string) {
  return (await t.app.inject({ url: `/api/v1/requests/${trackingNo}`, headers: { 'x-query-password': 'my-secret-pw' } })).json();
}

async function listItem(trackingNo: string, query = '') {
  const res = await t.app.inject({ url: `/api/v1/handling/requests?trackingNo=${trackingNo}${query}`, headers: await t.auth('office') });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0];
}

async function reminderIds(): Promise<string[]> {
  const r = (await t.app.inject({ url: '/api/v1/handling/requests/reminders', headers: await t.auth('office') })).json();
  return [...r.overdue, ...r.due2, ...r.due5].map((x: { trackingNo: string }) => x.trackingNo);
}

/** A request received on `today` by the body `orgCode`. */
async function receivedRequest(orgCode = DEMO_COUNTY_CODE) {
  const { trackingNo } = await applyOnline(t, { orgCode });
  const id = await idOf(trackingNo);
  const res = await act(id, { action: 'confirmReceipt' });
  expect(res.statusCode, res.body).toBe(200);
  return { trackingNo, id };
}

/** The text of the request's last document of a kind (DOCX), tags removed. */
async function noticeText(id: number, kind = 'notice'): Promise<string> {
  const doc = [...(await detail(id)).documents].reverse().find((d: { kind: string }) => d.kind === kind);
  const res = await t.app.inject({ url: `/api/v1/handling/requests/${id}/documents/${doc.id}`, headers: await t.auth('office') });
  return (await docxXml(res.rawPayload)).replace(/<[^>]+>/g, '');
}

async function eventCount(id: number): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from request_events where request_id = ${id}`.execute(t.db)).rows[0].n;
}

describe('条例第三十条: no reply deadline runs while the supplement is awaited', () => {
  it('shows no due date, no overdue and no reminder during 补正, and counts 20 working days from the supplement', async () => {
    today = '2026-03-02';
    const { trackingNo, id } = await receivedRequest(); // counted from receipt the reply would be due 03-30
    today = '2026-03-03';
    // 30 working days from 03-03: 03-04 … 03-31 (20), 04-01, 02, 03 (23), 清明 04-04..06, 04-07 … 10 (27), 13, 14, 15 (30).
    const asked = await act(id, { action: 'requestSupplement', items: '请写明预算表的年度', periodWorkingDays: 30 });
    expect(asked.json()).toMatchObject({ status: 'awaitingSupplement', supplementDueOn: '2026-04-15' });

    today = '2026-04-08'; // past 03-30
    const view = await applicantView(trackingNo);
    expect(view).toMatchObject({ status: 'awaitingSupplement', dueOn: null, supplementDueOn: '2026-04-15' });
    expect((await listItem(trackingNo)).deadline).toMatchObject({ dueOn: null, paused: true, overdue: false, certain: true, supplementDueOn: '2026-04-15' });
    expect(await reminderIds()).not.toContain(trackingNo);
    expect((await listItem(trackingNo, '&due=overdue'))).toBeUndefined();
    const page = await t.app.inject({ method: 'POST', url: '/ysqgk/status', payload: { trackingNo, queryPassword: 'my-secret-pw' } });
    expect(page.body).toContain('请于2026年4月15日前补正');

    // 04-09, 10 (2), 13 … 17 (7), 20 … 24 (12), 27 … 30 (16), 劳动节 05-01..05, 05-06, 07, 08 (19), 05-09 Sat 调休 (20).
    const received = await act(id, { action: 'receiveSupplement', receivedOn: '2026-04-08' });
    expect(received.json().deadline).toMatchObject({ awaitingSupplement: false, dueOn: '2026-05-09', overdue: false });
    expect(await applicantView(trackingNo)).toMatchObject({ status: 'processing', dueOn: '2026-05-09', supplementDueOn: null });
  });
});

describe('automatic outcomes only from their facts', () => {
  it('ends a consultation only by its answer and a fee pause only by payment or, after the payment period, 视为放弃', async () => {
    today = '2026-03-10';
    const { id } = await receivedRequest();
    expect((await act(id, { action: 'startConsultation', party: '示例科技有限公司' })).json().openPause).toMatchObject({ reason: 'consultation' });
    for (const action of ['recordFeePaid', 'abandonForUnpaidFee']) {
      const refused = await act(id, { action });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().message).toMatch(/收费|信息处理费/);
    }
    expect((await detail(id)).deadline.paused).toBe(true);
    today = '2026-03-11';
    expect((await act(id, { action: 'endConsultation', answer: '同意公开' })).json().status).toBe('processing');

    // 20 working days to pay from 03-11: 03-12, 13 (2), 16 … 20 (7), 23 … 27 (12), 30, 31, 04-01, 02, 03 (17), 清明, 04-07, 08, 09 (20).
    const charged = await act(id, { action: 'issueFeeNotice', method: 'byPages', pages: 150 });
    expect(charged.json().openPause).toMatchObject({ reason: 'fee', dueOn: '2026-04-09' });
    expect((await act(id, { action: 'endConsultation', answer: '同意' })).statusCode).toBe(409);
    expect(await noticeText(id, 'feeNotice')).toContain('请于2026年4月9日前缴纳');

    today = '2026-04-09';
    const early = await act(id, { action: 'abandonForUnpaidFee' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('缴费期限（2026年4月9日）尚未届满');
    today = '2026-04-10';
    const abandoned = await act(id, { action: 'abandonForUnpaidFee' });
    expect(abandoned.json()).toMatchObject({ status: 'completed', outcome: 'otherHandling.unpaidFee' });
    expect(await noticeText(id)).toContain('应缴金额1700元，缴费期限至2026年4月9日');
  });

  it('records a payment without touching the clock rules of consultations', async () => {
    today = '2026-03-12';
    const { id } = await receivedRequest();
    await act(id, { action: 'issueFeeNotice', method: 'byPages', pages: 40 });
    today = '2026-03-16';
    const paid = await act(id, { action: 'recordFeePaid' });
    expect(paid.json()).toMatchObject({ status: 'processing', openPause: null });
    expect(paid.json().pauses).toEqual([expect.objectContaining({ reason: 'fee', startedOn: '2026-03-12', endedOn: '2026-03-16' })]);
  });

  it.each([
    ['otherHandling.noSupplement', '逾期未补正'],
    ['otherHandling.unpaidFee', '逾期未缴费'],
    ['notProcessed.excessive', '不予处理（理由不合理）'],
  ])('refuses %s as a direct reply or draft, with the step to use, and stores nothing', async (outcome, step) => {
    today = '2026-03-13';
    const { id } = await receivedRequest();
    const events = await eventCount(id);
    for (const action of ['reply', 'draftReply']) {
      const res = await act(id, { action, outcome, note: '申请人逾期未按要求办理相关事项。' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'REQUEST_OUTCOME_OWN_STEP', message: expect.stringContaining(step) });
    }
    expect((await detail(id))).toMatchObject({ status: 'processing', replyDraft: null });
    expect(await eventCount(id)).toBe(events);
  });

  it('reaches 不予处理（大量反复申请） only after asking for reasons, and not once the reasons were accepted', async () => {
    today = '2026-03-16';
    const { id } = await receivedRequest();
    const note = '申请人本月提出申请四十余件，经要求说明理由，未在期限内说明。';
    expect((await act(id, { action: 'rejectExcessive', note })).json().code).toBe('REQUEST_EXPLANATION_FIRST');
    await act(id, { action: 'requestExplanation', note: '请说明申请理由。' });
    const short = await act(id, { action: 'rejectExcessive', note: '不合理' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'REQUEST_REASON_REQUIRED', details: [{ path: 'note' }] });
    const rejected = await act(id, { action: 'rejectExcessive', note });
    expect(rejected.json()).toMatchObject({ status: 'completed', outcome: 'notProcessed.excessive', outcomeNote: note });
    expect(await noticeText(id)).toContain(note);

    const other = await receivedRequest();
    await act(other.id, { action: 'requestExplanation', note: '请说明申请理由。' });
    expect((await act(other.id, { action: 'setLaterReplyDate', dueOn: '2026-06-30', reason: '涉及历年档案' })).statusCode).toBe(200);
    const after = await act(other.id, { action: 'rejectExcessive', note });
    expect(after.statusCode).toBe(409);
    expect(after.json().message).toContain('已认可申请理由');
  });
});

describe('reasons the law requires (条例第三十六条至第三十九条)', () => {
  it.each([
    ['reply', 'partial', undefined, '第三十七条'],
    ['reply', 'withheld.thirdPartyRights', '无', '第十五条'],
    ['draftReply', 'unable.notHeld', '', '负责公开'],
    ['reply', 'notProcessed.repeated', '重复', '受理编号和答复日期'],
    ['draftReply', 'notProcessed.publication', undefined, '获取途径'],
  ])('%s %s with the note %j is refused with what to write, storing nothing', async (action, outcome, note, help) => {
    today = '2026-03-17';
    const { id } = await receivedRequest();
    const events = await eventCount(id);
    const res = await act(id, { action, outcome, ...(note === undefined ? {} : { note }) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'REQUEST_REASON_REQUIRED', details: [{ path: 'note', message: expect.stringContaining(help) }] });
    expect(res.json().message).toContain(help);
    expect(await eventCount(id)).toBe(events);
  });

  it('names the responsible body with its contacts in a 不掌握 reply', async () => {
    today = '2026-03-18';
    const { id } = await receivedRequest();
    const payload = { action: 'reply', outcome: 'unable.notHeld', note: '经检索本机关文件档案，未制作或获取该信息。', responsibleOrgCode: DEMO_FINANCE_CODE };
    expect((await act(id, { ...payload, outcome: 'granted' })).json().details[0].path).toBe('responsibleOrgCode');
    expect((await act(id, payload)).statusCode).toBe(200);
    expect(await noticeText(id)).toContain('该政府信息由示例县财政局负责公开（地址：示例县城关镇财政路8号；联系电话：0000-1234503），您可以向该机关提出申请。');
  });
});

describe('dates staff enter', () => {
  it('refuses a receipt confirmed for the future or before the application was submitted', async () => {
    today = '2026-03-19';
    const { trackingNo } = await applyOnline(t);
    const id = await idOf(trackingNo);
    for (const receivedOn of ['2026-03-20', '2026-03-18']) {
      const res = await act(id, { action: 'confirmReceipt', receivedOn });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ path: 'receivedOn', message: expect.stringContaining('收到日期') }]);
    }
    expect(((await act(id, { action: 'confirmReceipt', receivedOn: '2026-03-19' })).json()).receivedOn).toBe('2026-03-19');
  });

  it('refuses a supplement received before it was asked for or in the future', async () => {
    today = '2026-03-19';
    const { id } = await receivedRequest();
    today = '2026-03-20';
    await act(id, { action: 'requestSupplement', items: '请写明文号', periodWorkingDays: 10 });
    today = '2026-03-23';
    const early = await act(id, { action: 'receiveSupplement', receivedOn: '2026-03-19' });
    expect(early.json().details).toEqual([{ path: 'receivedOn', message: '收到日期（2026年3月19日）不能早于发出补正通知之日（2026年3月20日）。' }]);
    expect((await act(id, { action: 'receiveSupplement', receivedOn: '2026-03-24' })).json().details[0].message).toContain('不能晚于今天');
    expect((await act(id, { action: 'receiveSupplement', receivedOn: '2026-03-20' })).json().supplementReceivedOn).toBe('2026-03-20');
  });

  it('refuses a registration received in the future', async () => {
    today = '2026-03-19';
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: await t.auth('office'), payload: { ...makeApplication(), channel: 'inPerson', receivedOn: '2026-03-20' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('receivedOn');
  });
});

describe('notices: 公文 dates and the remedies with the 行政复议 body', () => {
  const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

  it("names the county government for a department's decision, in DOCX and PDF", async () => {
    today = '2026-03-02';
    const { id } = await receivedRequest(DEMO_FINANCE_CODE);
    today = '2026-03-03';
    await act(id, { action: 'extend', workingDays: 10, reason: '需要检索的档案较多' });
    await act(id, { action: 'reply', outcome: 'partial', note: '投标报价属于商业秘密，不予公开；其余部分予以公开。' });
    const text = await noticeText(id);
    expect(text).toContain('本机关于2026年3月2日收到您的政府信息公开申请');
    expect(text).toContain('如对本答复不服，可以自收到本告知书之日起六十日内向示例县人民政府申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。');
    expect(text).toContain('2026年3月3日');
    expect(text).not.toMatch(ISO_DATE);
    expect(await noticeText(id, 'extensionNotice')).not.toMatch(ISO_DATE);
    const pdf = (await detail(id)).documents.find((d: { kind: string }) => d.kind === 'noticePdf');
    const pdfFile = await t.app.inject({ url: `/api/v1/handling/requests/${id}/documents/${pdf.id}`, headers: await t.auth('office') });
    const pdfBody = pdfText(pdfFile.rawPayload).replace(/\s+/g, '');
    expect(pdfBody).toContain('向示例县人民政府申请行政复议');
    expect(pdfBody).not.toMatch(ISO_DATE);
  });

  it("names the government above for the county government's own decision, as the administrator set it", async () => {
    today = '2026-03-04';
    const first = await receivedRequest(DEMO_COUNTY_CODE);
    await act(first.id, { action: 'reply', outcome: 'granted' });
    expect(await noticeText(first.id)).toContain('六十日内向上一级人民政府申请行政复议');

    const set = await t.app.inject({ method: 'PUT', url: '/api/v1/settings/superiorGovernment', headers: await t.auth('admin'), payload: { value: '示例市人民政府' } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/settings/superiorGovernment', headers: await t.auth('office'), payload: { value: 'x' } })).statusCode).toBe(403);
    const second = await receivedRequest(DEMO_COUNTY_CODE);
    await act(second.id, { action: 'reply', outcome: 'granted' });
    expect(await noticeText(second.id)).toContain('六十日内向示例市人民政府申请行政复议');
    const supplement = await receivedRequest(DEMO_COUNTY_CODE);
    await act(supplement.id, { action: 'requestSupplement', items: '请写明文号', periodWorkingDays: 10 });
    expect(await noticeText(supplement.id, 'supplementNotice')).toMatch(/请于2026年3月18日前补正/);
  });
});

describe('what a list costs', () => {
  it('reads a page of requests with a fixed number of queries and one decryption per row; reminders decrypt nothing', async () => {
    today = '2026-03-05';
    for (let i = 0; i < 12; i += 1) await receivedRequest();
    let queries = 0;
    let decryptions = 0;
    const counted = t.db.withPlugin({ transformQuery: (args) => { queries += 1; return args.node; }, transformResult: async (args) => args.result });
    const ctx = createContext(testConfig({ dataDir: '/tmp/unused' }), counted, () => at(today));
    const decrypt = ctx.crypto.decrypt.bind(ctx.crypto);
    ctx.crypto.decrypt = (sealed: string) => { decryptions += 1; return decrypt(sealed); };
    const user = (await sql<{ id: number; orgId: number }>`select id, org_id from users where username = 'office'`.execute(t.db)).rows[0];
    const office: Actor = { userId: user.id, username: 'office', displayName: '县政务公开办', orgId: user.orgId, orgCode: DEMO_COUNTY_CODE, roles: ['disclosureOffice'], via: 'token' };
    await ctx.calendar();

    queries = 0;
    const page = await listForStaff(ctx, office, { limit: 10, sort: 'newest' });
    expect(page.items).toHaveLength(10);
    expect(page.total).toBeGreaterThan(12);
    // scope, page, pauses of the page, count — whatever the number of rows.
    expect(queries).toBeLessThanOrEqual(4);
    expect(decryptions).toBe(10);

    queries = 0;
    decryptions = 0;
    const due = await reminders(ctx, office);
    // scope, open requests, their pauses.
    expect(queries).toBeLessThanOrEqual(3);
    expect(decryptions).toBe(0);
    expect([...due.overdue, ...due.due2, ...due.due5].every((r) => r.status !== 'completed')).toBe(true);
  });
});
