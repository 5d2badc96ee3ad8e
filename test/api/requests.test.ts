import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { docxXml, pdfText } from '../support/documents.js';
import { multipart } from '../support/multipart.js';
import { applyOnline, makeApplication, solvedChallenge, VALID_CREDIT_CODE, VALID_ID_NUMBER } from '../support/requests.js';

/** The clock: 10:00 in Beijing on the given day. */
let today = '2026-02-10';
const at = (date: string) => new Date(`${date}T02:00:00Z`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => at(today) });
});
afterAll(async () => t.close());

async function countRequests() {
  return (await sql<{ n: number }>`select count(*)::int as n from disclosure_requests`.execute(t.db)).rows[0].n;
}

async function idOf(trackingNo: string): Promise<number> {
  return (await sql<{ id: number }>`select id from disclosure_requests where tracking_no = ${trackingNo}`.execute(t.db)).rows[0].id;
}

async function act(id: number, payload: Record<string, unknown>, user: 'office' | 'clerk' | 'admin' = 'office') {
  return t.app.inject({ method: 'POST', url: `/api/v1/handling/requests/${id}/actions`, headers: await t.auth(user), payload });
}

async function applicantView(trackingNo: string, password = 'my-secret-pw') {
  return t.app.inject({ url: `/api/v1/requests/${trackingNo}`, headers: { 'x-query-password': password } });
}

describe('applying (条例第二十九条)', () => {
  it('accepts an online application and waits for confirmation of receipt', async () => {
    today = '2026-02-10';
    const created = await applyOnline(t);
    expect(created.trackingNo).toMatch(/^YSQ2026-[A-Z2-9]{10}$/);
    expect(created.status).toBe('submitted');
    expect(created.receivedOn).toBeUndefined();
    const view = await applicantView(created.trackingNo);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ trackingNo: created.trackingNo, status: 'submitted', receivedOn: null, dueOn: null });
    expect(view.json().steps).toHaveLength(1);
  });

  it.each([
    ['an 身份证号 with a wrong check digit', { applicant: { ...makeApplication().applicant, idNumber: '110105194912310021' } }, 'REQUEST_ID_INVALID', 'applicant.idNumber'],
    ['a 统一社会信用代码 with a wrong check character', { applicant: { ...makeApplication().applicant, type: 'commercial', idType: 'creditCode', idNumber: '91350100M000100Y44' } }, 'REQUEST_ID_INVALID', 'applicant.idNumber'],
    ['a company using an ID card', { applicant: { ...makeApplication().applicant, type: 'commercial' } }, 'VALIDATION_FAILED', 'applicant.idType'],
    ['a missing description', { description: undefined }, 'VALIDATION_FAILED', 'description'],
    ['an unknown form', { form: 'carrier-pigeon' }, 'VALIDATION_FAILED', 'form'],
    ['a short query password', { queryPassword: '123' }, 'VALIDATION_FAILED', 'queryPassword'],
    ['an unknown body', { orgCode: 'NOPE' }, 'ORG_NOT_FOUND', 'orgCode'],
  ])('refuses %s with field details and stores nothing', async (_label, overrides, code, path) => {
    const before = await countRequests();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', payload: { ...makeApplication(overrides), challenge: await solvedChallenge(t) } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().code).toBe(code);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await countRequests()).toBe(before);
  });

  it('accepts a company with a valid 统一社会信用代码', async () => {
    const created = await applyOnline(t, { applicant: { type: 'commercial', name: '示例科技有限公司', idType: 'creditCode', idNumber: VALID_CREDIT_CODE, phone: '0000-7654321' } });
    expect(created.status).toBe('submitted');
  });

  it('refuses a public application without a correct challenge answer', async () => {
    const before = await countRequests();
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/requests', payload: makeApplication() });
    expect(none.json().code).toBe('REQUEST_CHALLENGE_FAILED');
    const challenge = await solvedChallenge(t);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/requests', payload: { ...makeApplication(), challenge: { ...challenge, answer: String(Number(challenge.answer) + 1) } } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('REQUEST_CHALLENGE_FAILED');
    expect(await countRequests()).toBe(before);
  });

  it('lets staff register an application made in person, received today', async () => {
    today = '2026-02-10';
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: await t.auth('office'), payload: { ...makeApplication(), channel: 'inPerson' } });
    expect(res.statusCode).toBe(201);
    // 20 working days after 2026-02-10 across the Spring Festival (02-15..02-23 off; 02-14, 02-28 working).
    expect(res.json()).toMatchObject({ status: 'processing', receivedOn: '2026-02-10', dueOn: '2026-03-16' });
  });

  it('registers an ordinary letter as waiting for confirmation and a registered letter as received when signed for', async () => {
    today = '2026-03-02';
    const ordinary = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: await t.auth('office'), payload: { ...makeApplication(), channel: 'letter' } });
    expect(ordinary.json()).toMatchObject({ status: 'submitted' });
    const registered = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: await t.auth('office'), payload: { ...makeApplication(), channel: 'letter', registeredMail: true, receivedOn: '2026-02-27' } });
    // 2026-02-27 (Fri) + 20: 02-28 (调休上班) is the 1st, 03-26 the 20th.
    expect(registered.json()).toMatchObject({ status: 'processing', receivedOn: '2026-02-27', dueOn: '2026-03-26' });
  });
});

describe("the applicant's view", () => {
  it('answers a wrong password and a guessed number with the same 404', async () => {
    today = '2026-02-10';
    const { trackingNo } = await applyOnline(t);
    const wrongPassword = await applicantView(trackingNo, 'not-my-password');
    const guessed = await applicantView('YSQ2026-AAAAAAAAAA');
    const noPassword = await t.app.inject(`/api/v1/requests/${trackingNo}`);
    for (const res of [wrongPassword, guessed, noPassword]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 'REQUEST_NOT_FOUND', message: wrongPassword.json().message });
    }
  });
});

describe('handling with statutory deadlines', () => {
  it('runs supplement, consultation, extension and a 部分公开 reply with the clock stopped and restarted precisely', async () => {
    today = '2026-02-10';
    const { trackingNo } = await applyOnline(t);
    const id = await idOf(trackingNo);

    let res = await act(id, { action: 'confirmReceipt' });
    expect(res.statusCode).toBe(200);
    expect(res.json().deadline.dueOn).toBe('2026-03-16');

    today = '2026-02-11';
    res = await act(id, { action: 'requestSupplement', items: '请写明所需预算表的年度和名称', periodWorkingDays: 10 });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('awaitingSupplement');
    expect((await act(id, { action: 'requestSupplement', items: '再补一次', periodWorkingDays: 10 })).statusCode).toBe(409);

    today = '2026-02-24';
    res = await act(id, { action: 'receiveSupplement' });
    // The period restarts from the supplement's receipt: 20 working days after 2026-02-24.
    expect(res.json().deadline.dueOn).toBe('2026-03-23');
    expect((await act(id, { action: 'requestSupplement', items: 'x', periodWorkingDays: 10 })).json().code).toBe('REQUEST_SUPPLEMENT_ONCE');

    today = '2026-03-02';
    res = await act(id, { action: 'startConsultation', party: '示例科技有限公司' });
    expect(res.json().status).toBe('paused');
    expect((await applicantView(trackingNo)).json().deadline.paused).toBe(true);

    today = '2026-03-09';
    res = await act(id, { action: 'endConsultation', answer: '不同意公开报价明细' });
    // Working days 03-03..03-06 and 03-09 (five) do not count.
    expect(res.json().deadline).toMatchObject({ dueOn: '2026-03-30', pausedWorkingDays: 5, paused: false });

    today = '2026-03-10';
    res = await act(id, { action: 'extend', workingDays: 20, reason: '需要检索的档案较多' });
    // Twenty more working days, across 清明 (04-04..04-06).
    expect(res.json().deadline.dueOn).toBe('2026-04-28');
    expect((await act(id, { action: 'extend', workingDays: 5, reason: '再延' })).json().code).toBe('DEADLINE_ALREADY_EXTENDED');

    today = '2026-03-20';
    res = await act(id, { action: 'reply', outcome: 'partial', note: '报价明细涉及商业秘密，已作区分处理。' });
    expect(res.json()).toMatchObject({ status: 'completed', outcome: 'partial', completedOn: '2026-03-20' });

    const view = (await applicantView(trackingNo)).json();
    expect(view.status).toBe('completed');
    expect(view.steps.map((s: { type: string }) => s.type)).toEqual([
      'submitted', 'received', 'supplementRequested', 'supplementReceived', 'consultationStarted', 'consultationEnded', 'extended', 'completed',
    ]);
    // The consultation letter to the third party is not shown to the applicant; the notices are.
    expect(view.documents.map((d: { kind: string }) => d.kind)).toEqual(['supplementNotice', 'supplementNoticePdf', 'extensionNotice', 'extensionNoticePdf', 'notice', 'noticePdf']);
    const pdfNotice = view.documents.find((d: { kind: string }) => d.kind === 'noticePdf');
    const pdf = await t.app.inject({ url: `/api/v1/requests/${trackingNo}/documents/${pdfNotice.id}`, headers: { 'x-query-password': 'my-secret-pw' } });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const notice = view.documents.find((d: { kind: string }) => d.kind === 'notice');
    const file = await t.app.inject({ url: `/api/v1/requests/${trackingNo}/documents/${notice.id}`, headers: { 'x-query-password': 'my-secret-pw' } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wrong = await t.app.inject({ url: `/api/v1/requests/${trackingNo}/documents/${notice.id}`, headers: { 'x-query-password': 'guess-guess' } });
    expect(wrong.statusCode).toBe(404);
  });

  it('refuses a supplement notice after the 7th working day from receipt', async () => {
    today = '2026-03-02';
    const { trackingNo } = await applyOnline(t);
    const id = await idOf(trackingNo);
    await act(id, { action: 'confirmReceipt' });
    today = '2026-03-12'; // 03-11 was the 7th working day after 03-02, this is the 8th
    const res = await act(id, { action: 'requestSupplement', items: '不明确', periodWorkingDays: 10 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('REQUEST_SUPPLEMENT_TOO_LATE');
  });

  it('treats an unanswered supplement as abandoned only after its period', async () => {
    today = '2026-03-02';
    const { trackingNo } = await applyOnline(t);
    const id = await idOf(trackingNo);
    await act(id, { action: 'confirmReceipt' });
    await act(id, { action: 'requestSupplement', items: '请写明文号', periodWorkingDays: 5 });
    today = '2026-03-09'; // due 2026-03-09: not yet past
    expect((await act(id, { action: 'abandonForNoSupplement' })).statusCode).toBe(409);
    today = '2026-03-10';
    const res = await act(id, { action: 'abandonForNoSupplement' });
    expect(res.json()).toMatchObject({ status: 'completed', outcome: 'otherHandling.noSupplement' });
  });

  it('lets only the 公开办 approve an extension, and refuses actions out of order', async () => {
    today = '2026-03-02';
    const { trackingNo } = await applyOnline(t);
    const id = await idOf(trackingNo);
    expect((await act(id, { action: 'reply', outcome: 'granted' })).json().code).toBe('REQUEST_ACTION_NOT_ALLOWED');
    await act(id, { action: 'confirmReceipt' });
    expect((await act(id, { action: 'extend', workingDays: 10, reason: '复杂' }, 'admin')).statusCode).toBe(403);
    expect((await act(id, { action: 'reply', outcome: 'no-such-outcome' })).statusCode).toBe(400);
  });
});

describe('who sees a request', () => {
  it('hides a request from a clerk of another department and masks personal data in lists', async () => {
    today = '2026-03-02';
    const { trackingNo } = await applyOnline(t);
    const id = await idOf(trackingNo);
    const asClerk = await t.app.inject({ url: `/api/v1/handling/requests/${id}`, headers: await t.auth('clerk2') });
    expect(asClerk.statusCode).toBe(404);
    // A clerk sees only what was assigned to their department (交办): nothing here, not even that it exists.
    expect((await act(id, { action: 'confirmReceipt' }, 'clerk')).statusCode).toBe(404);
    const clerkList = await t.app.inject({ url: '/api/v1/handling/requests', headers: await t.auth('clerk2') });
    expect(clerkList.statusCode).toBe(200);
    expect(clerkList.json().items).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/handling/requests', headers: await t.auth('reviewer') })).statusCode).toBe(403);

    // Lists show the name and the masked phone only; the detail shows the rest masked.
    const list = await t.app.inject({ url: '/api/v1/handling/requests', headers: await t.auth('office') });
    const item = list.json().items.find((r: { trackingNo: string }) => r.trackingNo === trackingNo);
    expect(item.applicant).toEqual({ name: '张三', type: 'natural', typeLabel: '自然人', phone: '138****8000' });
    expect(JSON.stringify(list.json())).not.toContain(VALID_ID_NUMBER);
    const detail = (await t.app.inject({ url: `/api/v1/handling/requests/${id}`, headers: await t.auth('office') })).json();
    expect(detail.applicant).toMatchObject({ idNumber: '110105********002X', phone: '138****8000', email: 'z***@example.com' });

    const clear = await t.app.inject({ url: `/api/v1/handling/requests/${id}/personal-data`, headers: await t.auth('office') });
    expect(clear.json()).toMatchObject({ idNumber: VALID_ID_NUMBER, phone: '13800138000' });
    const audit = await t.app.inject({ url: `/api/v1/audit?action=request.revealPersonalData&targetId=${trackingNo}`, headers: await t.auth('supervisor') });
    expect(audit.json().items).toHaveLength(1);
  });

  it('keeps personal data encrypted at rest and out of the audit trail', async () => {
    const rows = await sql<{ idNumberEnc: string }>`select id_number_enc from disclosure_requests`.execute(t.db);
    expect(rows.rows.length).toBeGreaterThan(5);
    for (const row of rows.rows) expect(row.idNumberEnc).not.toContain(VALID_ID_NUMBER);
    const audit = await sql<{ summary: unknown }>`select summary from audit_log where action = 'request.submit'`.execute(t.db);
    expect(JSON.stringify(audit.rows)).not.toContain(VALID_ID_NUMBER);
    expect(JSON.stringify(audit.rows)).not.toContain('13800138000');
  });

  it('transfers a request to another body, keeping its history', async () => {
    today = '2026-03-02';
    const { trackingNo } = await applyOnline(t, { orgCode: DEMO_COUNTY_CODE });
    const id = await idOf(trackingNo);
    await act(id, { action: 'confirmReceipt' });
    const res = await act(id, { action: 'transfer', orgCode: '11990100123400151W', note: '信息由县财政局掌握' });
    expect(res.json().orgName).toBe('示例县财政局');
    const view = (await applicantView(trackingNo)).json();
    expect(view.steps.map((s: { type: string }) => s.type)).toEqual(['submitted', 'received', 'transferred']);
  });
});

describe('registration checks, reminders, delivery and the register', () => {
  it('flags a repeated request of the same applicant and petition-like wording, with the 按件 tier', async () => {
    today = '2026-04-01';
    // An applicant of their own, so that the count per calendar month is known: 王五 applies for the first time in April.
    const applicant = { ...makeApplication().applicant, name: '王五', idNumber: '110105198001010016' };
    const checksOf = async (trackingNo: string) =>
      (await t.app.inject({ url: `/api/v1/handling/requests/${await idOf(trackingNo)}`, headers: await t.auth('office') })).json().checks;
    const first = await applyOnline(t, { applicant, description: '示例县2025年度城区道路维修资金使用情况' });
    const firstId = await idOf(first.trackingNo);
    await act(firstId, { action: 'confirmReceipt' });
    await act(firstId, { action: 'reply', outcome: 'granted' });
    const again = await applyOnline(t, { applicant, description: '示例县2025年度城区道路维修资金使用情况' });
    expect(await checksOf(again.trackingNo)).toMatchObject({ answeredSameDescription: [first.trackingNo], earlierRequests: 1, applicationsThisMonth: 2, feeByCount: 0 });
    const petition = await applyOnline(t, { description: '我要投诉某单位工作人员态度恶劣' });
    expect((await checksOf(petition.trackingNo)).petitionLike).toBe(true);

    // 按件 (国办函〔2020〕109号): applications 1–10 of a month are free, the 11th costs 100元.
    for (let n = 3; n <= 9; n += 1) await applyOnline(t, { applicant, description: `示例县2025年度第${n}号政府采购合同` });
    const tenth = await applyOnline(t, { applicant, description: '示例县2025年度第10号政府采购合同' });
    expect(await checksOf(tenth.trackingNo)).toMatchObject({ applicationsThisMonth: 10, feeByCount: 0 });
    const eleventh = await applyOnline(t, { applicant, description: '示例县2025年度第11号政府采购合同' });
    expect(await checksOf(eleventh.trackingNo)).toMatchObject({ earlierRequests: 10, applicationsThisMonth: 11, feeByCount: 100 });
    // A new calendar month counts from one again.
    today = '2026-05-06';
    const may = await applyOnline(t, { applicant, description: '示例县2025年度第12号政府采购合同' });
    expect(await checksOf(may.trackingNo)).toMatchObject({ earlierRequests: 11, applicationsThisMonth: 1, feeByCount: 0 });
  });

  it('lists requests due within 5 and 2 working days and overdue ones', async () => {
    today = '2026-04-01';
    const { trackingNo } = await applyOnline(t);
    await act(await idOf(trackingNo), { action: 'confirmReceipt' }); // due 2026-04-30 (20 working days, 清明 04-04..06 off)
    today = '2026-04-24';
    let r = (await t.app.inject({ url: '/api/v1/handling/requests/reminders', headers: await t.auth('office') })).json();
    expect(r.due5.map((x: { trackingNo: string }) => x.trackingNo)).toContain(trackingNo);
    today = '2026-05-06';
    r = (await t.app.inject({ url: '/api/v1/handling/requests/reminders', headers: await t.auth('office') })).json();
    expect(r.overdue.map((x: { trackingNo: string }) => x.trackingNo)).toContain(trackingNo);
  });

  it('records delivery and archiving after the reply, and a public-interest notice to the third party', async () => {
    today = '2026-04-01';
    const { trackingNo } = await applyOnline(t);
    const id = await idOf(trackingNo);
    await act(id, { action: 'confirmReceipt' });
    expect((await act(id, { action: 'recordDelivery', method: '邮寄' })).statusCode).toBe(409);
    const replied = await act(id, { action: 'reply', outcome: 'granted', note: '涉及企业的环评数据关系公众健康', thirdPartyNotice: true });
    expect(replied.json().documents.map((d: { kind: string }) => d.kind)).toEqual(['thirdPartyNotice', 'notice', 'noticePdf']);
    expect((await applicantView(trackingNo)).json().documents.map((d: { kind: string }) => d.kind)).toEqual(['notice', 'noticePdf']);
    expect((await act(id, { action: 'recordDelivery', method: '电子邮件' })).json().deliveredOn).toBe('2026-04-01');
    expect((await act(id, { action: 'archive' })).json().archivedOn).toBe('2026-04-01');
  });

  it('exports the register as XLSX with personal data masked', async () => {
    const res = await t.app.inject({ url: '/api/v1/handling/requests/register.xlsx', headers: await t.auth('office') });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('受理编号');
    const ids: string[] = [];
    sheet.eachRow((row, n) => n > 1 && ids.push(String(row.getCell(6).value)));
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.every((v) => !v.includes(VALID_ID_NUMBER))).toBe(true);
    expect(ids).toContain('110105********002X');
    expect((await t.app.inject({ url: '/api/v1/handling/requests/register.xlsx', headers: await t.auth('clerk') })).statusCode).toBe(403);
  });
});

describe('uploaded material', () => {
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]);
  const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);

  async function portalFields() {
    const challenge = await solvedChallenge(t);
    return {
      orgCode: DEMO_COUNTY_CODE, applicantType: 'natural', name: '周八', idType: 'idCard', idNumber: VALID_ID_NUMBER, phone: '13700137000',
      description: '示例县2025年度农村公路建设计划', form: 'electronic', delivery: 'online', queryPassword: 'zhouba-pass', challengeId: challenge.id, challengeAnswer: challenge.answer,
    };
  }

  it('refuses a disguised upload on the portal form and stores nothing', async () => {
    const before = await countRequests();
    const body = multipart(await portalFields(), [{ field: 'idCopy', name: '身份证.jpg', data: EXE }]);
    const res = await t.app.inject({ method: 'POST', url: '/ysqgk/apply', ...body });
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('不是 PDF、JPEG、PNG 或 DOCX 文件');
    expect(await countRequests()).toBe(before);
  });

  it('stores an ID copy sent with the portal form, shown to the applicant', async () => {
    const body = multipart(await portalFields(), [{ field: 'idCopy', name: '身份证.jpg', data: JPEG }]);
    const res = await t.app.inject({ method: 'POST', url: '/ysqgk/apply', ...body });
    expect(res.statusCode).toBe(200);
    const trackingNo = /id="tracking-no">([^<]+)</.exec(res.body)![1];
    const view = (await applicantView(trackingNo, 'zhouba-pass')).json();
    expect(view.documents).toEqual([expect.objectContaining({ kind: 'attachment', title: '身份证件或营业执照复印件', fileName: '身份证.jpg' })]);
  });

  it('lets staff add a scanned original and the applicant a missing document, refusing disguised files', async () => {
    today = '2026-04-01';
    const { trackingNo } = await applyOnline(t);
    const id = await idOf(trackingNo);
    const pdf = Buffer.from('%PDF-1.4\n%%EOF');
    const staff = multipart({ label: '原件扫描件' }, [{ field: 'file', name: 'scan.pdf', data: pdf }]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/handling/requests/${id}/attachments`, headers: { ...(await t.auth('office')), ...staff.headers }, payload: staff.payload })).statusCode).toBe(200);
    const disguised = multipart({ label: '授权委托书' }, [{ field: 'file', name: 'letter.pdf', data: EXE }]);
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${trackingNo}/attachments`, headers: { 'x-query-password': 'my-secret-pw', ...disguised.headers }, payload: disguised.payload });
    expect(refused.statusCode).toBe(415);
    const wrongPassword = multipart({ label: '授权委托书' }, [{ field: 'file', name: 'a.jpg', data: JPEG }]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/requests/${trackingNo}/attachments`, headers: { 'x-query-password': 'nope-nope', ...wrongPassword.headers }, payload: wrongPassword.payload })).statusCode).toBe(404);
    const ok = multipart({ label: '授权委托书' }, [{ field: 'file', name: 'a.jpg', data: JPEG }]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/requests/${trackingNo}/attachments`, headers: { 'x-query-password': 'my-secret-pw', ...ok.headers }, payload: ok.payload })).statusCode).toBe(200);
    const view = (await applicantView(trackingNo)).json();
    expect(view.documents.map((d: { title: string }) => d.title)).toEqual(['原件扫描件', '授权委托书']);
  });
});

describe('the blank application form for letters and walk-ins', () => {
  it('downloads as DOCX and as PDF with every field of 条例第二十九条', async () => {
    const docx = await t.app.inject('/ysqgk/form.docx');
    expect(docx.statusCode).toBe(200);
    const pdf = await t.app.inject('/ysqgk/form.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const texts = [(await docxXml(docx.rawPayload)).replace(/<[^>]+>/g, ''), pdfText(pdf.rawPayload).replace(/\s+/g, '')];
    for (const text of texts) {
      for (const field of ['政府信息公开申请表', '姓名或名称', '证件名称及号码', '所需政府信息的名称、文号或者便于查询的其他特征性描述', '获取信息的方式']) {
        expect(text).toContain(field);
      }
    }
  });
});
