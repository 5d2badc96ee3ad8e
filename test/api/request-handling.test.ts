/**
 * 交办 and the two-step reply: the office assigns a request to the department holding the
 * information, the department drafts the reply, the head of the 公开办 returns or approves it
 * (never their own draft); and 条例第三十五条's reasonable later date for excessive requests.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { multipart } from '../support/multipart.js';
import { applyOnline } from '../support/requests.js';

let today = '2026-03-02';
const at = (date: string) => new Date(`${date}T02:00:00Z`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => at(today) });
});
afterAll(async () => t.close());

type User = 'office' | 'clerk' | 'clerk2' | 'depthead' | 'admin';

async function idOf(trackingNo: string): Promise<number> {
  return (await sql<{ id: number }>`select id from disclosure_requests where tracking_no = ${trackingNo}`.execute(t.db)).rows[0].id;
}

async function act(id: number, payload: Record<string, unknown>, user: User = 'office') {
  return t.app.inject({ method: 'POST', url: `/api/v1/handling/requests/${id}/actions`, headers: await t.auth(user), payload });
}

async function detail(id: number, user: User = 'office') {
  return t.app.inject({ url: `/api/v1/handling/requests/${id}`, headers: await t.auth(user) });
}

async function listed(user: User): Promise<string[]> {
  const res = await t.app.inject({ url: '/api/v1/handling/requests', headers: await t.auth(user) });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((r: { trackingNo: string }) => r.trackingNo);
}

async function applicantView(trackingNo: string) {
  return (await t.app.inject({ url: `/api/v1/requests/${trackingNo}`, headers: { 'x-query-password': 'my-secret-pw' } })).json();
}

async function receivedRequest() {
  const { trackingNo } = await applyOnline(t);
  const id = await idOf(trackingNo);
  expect((await act(id, { action: 'confirmReceipt' })).statusCode).toBe(200);
  return { trackingNo, id };
}

describe('交办 to the department that holds the information', () => {
  it('shows the request to the assigned department only, with personal data masked', async () => {
    today = '2026-03-02';
    const { trackingNo, id } = await receivedRequest();
    expect((await detail(id, 'clerk')).statusCode).toBe(404);
    expect(await listed('clerk')).not.toContain(trackingNo);

    const assigned = await act(id, { action: 'assign', orgCode: DEMO_FINANCE_CODE, note: '请财政局提供部门预算公开表' });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().assignedOrg).toMatchObject({ code: DEMO_FINANCE_CODE });

    const asClerk = await detail(id, 'clerk');
    expect(asClerk.statusCode).toBe(200);
    expect(asClerk.json().applicant.idNumber).toBe('110105********002X');
    expect(asClerk.json().permissions).toEqual({ handle: false, draftReply: true, approveReply: false, revealPersonalData: false });
    expect(await listed('clerk')).toContain(trackingNo);
    expect(await listed('depthead')).toContain(trackingNo);
    expect((await detail(id, 'clerk2')).statusCode).toBe(404);
    expect(await listed('clerk2')).not.toContain(trackingNo);
    expect((await t.app.inject({ url: `/api/v1/handling/requests/${id}/personal-data`, headers: await t.auth('clerk') })).statusCode).toBe(403);

    // The applicant does not see internal handling steps.
    expect(JSON.stringify(await applicantView(trackingNo))).not.toContain('承办');
  });

  it('refuses to assign outside the body, and the assigned department may not take the office\'s decisions', async () => {
    today = '2026-03-03';
    const { id } = await receivedRequest();
    expect((await act(id, { action: 'assign', orgCode: 'NO-SUCH-ORG' })).json().code).toBe('REQUEST_ASSIGN_INVALID');
    expect((await act(id, { action: 'assign', orgCode: DEMO_EDUCATION_CODE })).statusCode).toBe(200);
    for (const payload of [
      { action: 'reply', outcome: 'granted' },
      { action: 'extend', workingDays: 10, reason: '需要调取档案' },
      { action: 'assign', orgCode: DEMO_FINANCE_CODE },
    ]) {
      expect((await act(id, payload, 'clerk2')).statusCode).toBe(403);
    }
    expect((await act(id, { action: 'draftReply', outcome: 'granted' }, 'clerk')).statusCode).toBe(404);
  });

  it('lets the assigned department upload the information to provide', async () => {
    today = '2026-03-04';
    const { trackingNo, id } = await receivedRequest();
    const upload = () => {
      const body = multipart({ label: '提供的政府信息' }, [{ field: 'file', name: '预算表.pdf', data: Buffer.from('%PDF-1.4\n%%EOF') }]);
      return t.app.inject({ method: 'POST', url: `/api/v1/handling/requests/${id}/attachments`, headers: { ...body.headers }, payload: body.payload });
    };
    const before = await upload();
    expect(before.statusCode).toBe(401);
    await act(id, { action: 'assign', orgCode: DEMO_FINANCE_CODE });
    const body = multipart({ label: '提供的政府信息' }, [{ field: 'file', name: '预算表.pdf', data: Buffer.from('%PDF-1.4\n%%EOF') }]);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/handling/requests/${id}/attachments`, headers: { ...(await t.auth('clerk')), ...body.headers }, payload: body.payload });
    expect(res.statusCode).toBe(200);
    expect((await applicantView(trackingNo)).documents.map((d: { title: string }) => d.title)).toContain('提供的政府信息');
  });
});

describe('the two-step reply (拟稿 → 审核签发)', () => {
  it('runs draft, return, redraft and approval, and nobody approves their own draft', async () => {
    today = '2026-03-05';
    const { trackingNo, id } = await receivedRequest();
    await act(id, { action: 'assign', orgCode: DEMO_FINANCE_CODE });

    const drafted = await act(id, { action: 'draftReply', outcome: 'granted', note: '见附件预算表。' }, 'clerk');
    expect(drafted.statusCode).toBe(200);
    expect(drafted.json()).toMatchObject({ status: 'processing', replyDraft: { outcome: 'granted', outcomeLabel: '予以公开', draftedByName: '财政局信息员' } });
    expect(drafted.json().documents.map((d: { kind: string }) => d.kind)).toContain('replyDraft');
    expect((await act(id, { action: 'draftReply', outcome: 'partial', note: '预算表中的个人信息不予公开。' }, 'clerk')).json().code).toBe('REQUEST_DRAFT_PENDING');
    expect((await act(id, { action: 'approveReply' }, 'clerk')).statusCode).toBe(403);
    const reminders = async (user: User) => (await t.app.inject({ url: '/api/v1/handling/requests/reminders', headers: await t.auth(user) })).json();
    expect((await reminders('office')).awaitingApproval.map((r: { trackingNo: string }) => r.trackingNo)).toContain(trackingNo);
    expect((await reminders('clerk')).awaitingApproval.map((r: { trackingNo: string }) => r.trackingNo)).toContain(trackingNo);
    expect((await reminders('clerk2')).awaitingApproval).toEqual([]);
    // The draft and its preview are internal.
    const view = await applicantView(trackingNo);
    expect(view.status).toBe('processing');
    expect(view.documents).toEqual([]);

    const returned = await act(id, { action: 'returnReply', comment: '预算表中含有个人信息，应部分公开。' });
    expect(returned.json().replyDraft).toBeNull();
    expect((await act(id, { action: 'approveReply' })).json().code).toBe('REQUEST_NO_DRAFT');

    // The office may draft too, but then someone else must approve it.
    await act(id, { action: 'draftReply', outcome: 'partial', note: '个人信息已作区分处理。' });
    const self = await act(id, { action: 'approveReply' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('REQUEST_SELF_APPROVAL');
    await act(id, { action: 'returnReply', comment: '由承办部门拟稿。' });

    await act(id, { action: 'draftReply', outcome: 'partial', note: '预算表中的个人信息已作区分处理，其余部分予以公开。' }, 'depthead');
    expect((await detail(id)).json().permissions.approveReply).toBe(true);
    const approved = await act(id, { action: 'approveReply' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'completed', outcome: 'partial', completedOn: '2026-03-05', replyDraft: null });
    expect(approved.json().events.map((e: { title: string }) => e.title)).toContain('答复稿已审核签发（财政局科室负责人拟稿，县政务公开办审核签发）');

    const applicant = await applicantView(trackingNo);
    expect(applicant).toMatchObject({ status: 'completed', outcome: 'partial' });
    expect(applicant.documents.map((d: { kind: string }) => d.kind).filter((k: string) => !k.endsWith('Pdf'))).toEqual(['notice']);
    const audit = await t.app.inject({ url: `/api/v1/audit?action=request.approveReply&targetId=${trackingNo}`, headers: await t.auth('supervisor') });
    expect(audit.json().items).toHaveLength(1);
  });
});

describe('条例第三十五条: a reasonable later date for an excessive request', () => {
  it('needs the applicant to have been asked for reasons, and then moves the due date', async () => {
    today = '2026-03-09';
    const { trackingNo, id } = await receivedRequest();
    const statutory = (await detail(id)).json().deadline.dueOn;
    expect(statutory).toBe('2026-04-07');

    expect((await act(id, { action: 'setLaterReplyDate', dueOn: '2026-05-29', reason: '涉及五年来的全部合同' })).json().code).toBe('REQUEST_EXPLANATION_FIRST');
    const asked = await act(id, { action: 'requestExplanation', note: '您本月已提出申请三十余件，请说明申请理由。' });
    expect(asked.json().documents.map((d: { kind: string }) => d.kind)).toContain('explanationNotice');

    const tooEarly = await act(id, { action: 'setLaterReplyDate', dueOn: '2026-04-01', reason: '涉及五年来的全部合同' });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().code).toBe('REQUEST_LATER_DATE_INVALID');

    const later = await act(id, { action: 'setLaterReplyDate', dueOn: '2026-05-29', reason: '涉及五年来的全部合同，需要逐份检索' });
    expect(later.statusCode).toBe(200);
    expect(later.json().deadline).toMatchObject({ dueOn: '2026-05-29', overdue: false });
    expect(later.json().laterReplyDueOn).toBe('2026-05-29');
    const view = await applicantView(trackingNo);
    expect(view.dueOn).toBe('2026-05-29');
    expect(view.documents.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['explanationNotice', 'laterReplyNotice']));
  });
});

describe('信息处理费 by the official tiers (国办函〔2020〕109号)', () => {
  it('quotes both methods and issues a notice computed by the server', async () => {
    today = '2026-03-10';
    const { id } = await receivedRequest();
    const quote = await t.app.inject({ url: `/api/v1/handling/requests/${id}/fee-quote?pages=150`, headers: await t.auth('office') });
    expect(quote.statusCode).toBe(200);
    expect(quote.json().byPages).toEqual({ amount: 1700, basis: '按量计收：共150页，前30页不收费；第31—100页10元/页×70页=700元；第101—150页20元/页×50页=1000元；合计1700元。' });
    expect(quote.json().byCount.amount).toBe(0);
    expect((await t.app.inject({ url: `/api/v1/handling/requests/${id}/fee-quote`, headers: await t.auth('clerk') })).statusCode).toBe(403);

    const free = await act(id, { action: 'issueFeeNotice', method: 'byCount' });
    expect(free.statusCode).toBe(400);
    expect(free.json().details[0].message).toContain('不收费');
    expect((await act(id, { action: 'issueFeeNotice', method: 'byPages' })).json().details[0].path).toBe('pages');
    expect((await act(id, { action: 'issueFeeNotice' })).statusCode).toBe(400);

    const charged = await act(id, { action: 'issueFeeNotice', method: 'byPages', pages: 150 });
    expect(charged.statusCode).toBe(200);
    expect(charged.json()).toMatchObject({ status: 'paused', feeAmount: 1700 });
    expect(charged.json().pauses[0].note).toContain('合计1700元');
  });

  it('serves the outcome table with each legal basis to the console', async () => {
    const res = await t.app.inject({ url: '/api/v1/handling/reference', headers: await t.auth('clerk') });
    expect(res.statusCode).toBe(200);
    const outcomes = res.json().outcomes as { key: string; basis: string; replyable: boolean; step: string; explanationRequired: boolean; explanationHelp: string }[];
    const partial = outcomes.find((o) => o.key === 'partial')!;
    expect(partial.basis).toContain('第三十七条');
    expect(partial).toMatchObject({ explanationRequired: true, explanationHelp: expect.stringContaining('不予公开的部分及其理由') });
    // 条例第三十条、第三十五条, 国办函〔2020〕109号: reached only through their own step, never by a reply.
    expect(outcomes.filter((o) => !o.replyable).map((o) => [o.key, o.step])).toEqual([
      ['notProcessed.excessive', 'rejectExcessive'], ['otherHandling.noSupplement', 'abandonForNoSupplement'], ['otherHandling.unpaidFee', 'abandonForUnpaidFee'],
    ]);
  });
});

describe('policy scope: a department acts only on what was assigned to it', () => {
  const upload = async (id: number, user: User) => {
    const body = multipart({ label: '提供的政府信息' }, [{ field: 'file', name: '表.pdf', data: Buffer.from('%PDF-1.4\n%%EOF') }]);
    return t.app.inject({ method: 'POST', url: `/api/v1/handling/requests/${id}/attachments`, headers: { ...(await t.auth(user)), ...body.headers }, payload: body.payload });
  };
  const stored = async (id: number) =>
    (await sql<{ replyDraft: unknown; n: number }>`select reply_draft, (select count(*)::int from request_documents where request_id = ${id}) as n from disclosure_requests where id = ${id}`.execute(t.db)).rows[0];

  it("refuses a clerk drafting a reply for a request assigned to another body, and stores nothing", async () => {
    today = '2026-03-11';
    const { id } = await receivedRequest();
    await act(id, { action: 'assign', orgCode: DEMO_EDUCATION_CODE });
    const before = await stored(id);
    const drafted = await act(id, { action: 'draftReply', outcome: 'granted', note: '见附件。' }, 'clerk');
    expect(drafted.statusCode).toBe(404);
    expect((await upload(id, 'clerk')).statusCode).toBe(404);
    expect(await stored(id)).toEqual(before);
    // The body it was assigned to may.
    expect((await act(id, { action: 'draftReply', outcome: 'granted', note: '见附件。' }, 'clerk2')).statusCode).toBe(200);
  });

  it("refuses a department acting on its own body's request that was not assigned to it", async () => {
    today = '2026-03-12';
    const { trackingNo } = await applyOnline(t, { orgCode: DEMO_FINANCE_CODE });
    const id = await idOf(trackingNo);
    for (const user of ['clerk', 'depthead'] as const) {
      expect((await detail(id, user)).statusCode).toBe(404);
      expect((await act(id, { action: 'confirmReceipt' }, user)).statusCode).toBe(404);
      expect((await act(id, { action: 'draftReply', outcome: 'granted' }, user)).statusCode).toBe(404);
      expect((await upload(id, user)).statusCode).toBe(404);
      expect(await listed(user)).not.toContain(trackingNo);
    }
    expect((await detail(id, 'office')).json().status).toBe('submitted');
    // Once assigned to 财政局, its clerk drafts but still takes none of the office's decisions.
    await act(id, { action: 'confirmReceipt' });
    await act(id, { action: 'assign', orgCode: DEMO_FINANCE_CODE });
    expect((await detail(id, 'clerk')).json().actions).toEqual(['draftReply']);
    for (const payload of [{ action: 'reply', outcome: 'granted' }, { action: 'requestSupplement', items: '请补充', periodWorkingDays: 10 }, { action: 'transfer', orgCode: DEMO_EDUCATION_CODE }]) {
      expect((await act(id, payload, 'clerk')).statusCode).toBe(403);
    }
  });
});
