import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createContext } from '../../src/http/app.js';
import { testConfig } from '../../src/config.js';
import { platformJobs } from '../../src/jobs/platform-jobs.js';
import { runJobOnce } from '../../src/jobs/background-jobs.js';
import { createTestApp, type DemoUser, type TestApp } from '../support/app.js';
import { multipart } from '../support/multipart.js';
import { solvedChallenge } from '../support/requests.js';

let clock = Date.parse('2026-02-10T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(clock) });
});
afterAll(async () => t.close());

const at = (day: string) => { clock = Date.parse(`${day}T02:00:00Z`); };
const letter = (overrides: Record<string, unknown> = {}) => ({
  orgCode: DEMO_COUNTY_CODE, type: 'consultation', subject: '公交线路调整咨询', body: '请问城东公交线路何时恢复？',
  sender: { name: '王小明', phone: '13800001111' }, publicReply: true, queryPassword: 'secret-123', ...overrides,
});
async function write(overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { ...letter(overrides), challenge: await solvedChallenge(t) } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { trackingNo: string; status: string; receivedOn: string; replyDueOn: string; certain: boolean };
}
async function register(payload: Record<string, unknown>, user: DemoUser = 'office') {
  return t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: await t.auth(user), payload: letter(payload) });
}
async function idOf(trackingNo: string) {
  return (await t.db.selectFrom('messages').select('id').where('trackingNo', '=', trackingNo).executeTakeFirstOrThrow()).id;
}
async function act(trackingNo: string, body: Record<string, unknown>, user: DemoUser = 'office') {
  return t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${await idOf(trackingNo)}/actions`, headers: await t.auth(user), payload: body });
}
async function detail(trackingNo: string, user: DemoUser = 'office') {
  return t.app.inject({ url: `/api/v1/handling/messages/${await idOf(trackingNo)}`, headers: await t.auth(user) });
}
const senderView = (trackingNo: string, password = 'secret-123') =>
  t.app.inject({ url: `/api/v1/messages/${trackingNo}`, headers: { 'x-query-password': password } });
const rate = (trackingNo: string, rating: string, comment?: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/messages/${trackingNo}/rating`, headers: { 'x-query-password': 'secret-123' }, payload: { rating, ...(comment ? { comment } : {}) } });

describe('replyDueOn: the 10th working day after receipt (receipt day not counted)', () => {
  // Hand-counted from the State Council's schedules: 2026 春节 15–23 Feb off, 14 and 28 Feb (Saturdays) worked;
  // 清明 4–6 April off; 国庆 1–7 October off, 10 October (Saturday) worked; 2027 has no schedule yet.
  it.each([
    { case: '春节 with both make-up Saturdays', receivedOn: '2026-02-10', replyDueOn: '2026-03-02', certain: true },
    { case: '国庆 with the make-up Saturday after it', receivedOn: '2026-09-28', replyDueOn: '2026-10-16', certain: true },
    { case: 'a letter on the Friday before 清明', receivedOn: '2026-04-03', replyDueOn: '2026-04-20', certain: true },
    { case: 'into 2027, a year without a schedule', receivedOn: '2026-12-24', replyDueOn: '2027-01-07', certain: false },
  ])('$case: received $receivedOn → due $replyDueOn', async ({ receivedOn, replyDueOn, certain }) => {
    at(receivedOn);
    expect(await write()).toMatchObject({ status: 'pending', receivedOn, replyDueOn, certain });
    at('2026-12-31');
    const res = await register({ channel: 'letter', receivedOn });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ receivedOn, replyDueOn, certain });
  });

  it('uses the mailbox limit set for the type (5 working days for complaints)', async () => {
    at('2026-02-10');
    const put = await t.app.inject({
      method: 'PUT', url: `/api/v1/mailboxes/${DEMO_COUNTY_CODE}/main`, headers: await t.auth('office'),
      payload: { name: '县长信箱', acceptedTypes: ['consultation', 'suggestion', 'query', 'complaint', 'report'], replyLimits: { complaint: 5 }, introduction: '县长信箱受理群众来信。' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().replyLimits).toMatchObject({ complaint: 5, consultation: 10 });
    expect(await write({ type: 'complaint' })).toMatchObject({ replyDueOn: '2026-02-24' });
  });

  it('lets the county 公开办 configure its own and its departments\' boxes, and nobody else', async () => {
    const boxes = (await t.app.inject({ url: '/api/v1/handling/mailboxes', headers: await t.auth('office') })).json().items;
    expect(boxes.map((b: { orgCode: string; name: string }) => `${b.orgCode}:${b.name}`)).toEqual(expect.arrayContaining([
      `${DEMO_COUNTY_CODE}:县长信箱`, `${DEMO_FINANCE_CODE}:局长信箱`, `${DEMO_EDUCATION_CODE}:局长信箱`,
    ]));
    expect((await t.app.inject({ url: '/api/v1/handling/mailboxes', headers: await t.auth('clerk') })).statusCode).toBe(403);
    const settings = { name: '局长信箱', acceptedTypes: ['consultation', 'complaint'], replyLimits: {}, introduction: '财政局局长信箱。' };
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/mailboxes/${DEMO_FINANCE_CODE}/main`, headers: await t.auth('clerk'), payload: settings })).statusCode).toBe(403);
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/mailboxes/${DEMO_FINANCE_CODE}/main`, headers: await t.auth('office'), payload: settings });
    expect(put.json()).toMatchObject({ acceptedTypes: ['consultation', 'complaint'], acceptedTypeLabels: ['咨询', '投诉'] });
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { ...letter({ orgCode: DEMO_FINANCE_CODE, type: 'suggestion' }), challenge: await solvedChallenge(t) } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'MESSAGE_TYPE_NOT_ACCEPTED', details: [{ path: 'type', message: '“局长信箱”受理咨询、投诉，不受理建议。' }] });
    await t.app.inject({ method: 'PUT', url: `/api/v1/mailboxes/${DEMO_FINANCE_CODE}/main`, headers: await t.auth('office'), payload: { ...settings, acceptedTypes: ['consultation', 'suggestion', 'query', 'complaint', 'report'] } });
  });
});

describe('POST /api/v1/messages', () => {
  it('refuses bad input with the field named in Chinese, and nothing is stored', async () => {
    const before = await t.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const noChallenge = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: letter() });
    expect(noChallenge.json().code).toBe('REQUEST_CHALLENGE_FAILED');
    const long = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { ...letter({ subject: '长'.repeat(101), body: '字'.repeat(5001) }), challenge: await solvedChallenge(t) } });
    expect(long.statusCode).toBe(400);
    expect(long.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['body', 'subject']);
    expect(long.json().details[0].message).toMatch(/标题|正文/);
    const badType = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { ...letter({ type: 'petition' }), challenge: await solvedChallenge(t) } });
    expect(badType.statusCode).toBe(400);
    const phone = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { ...letter({ channel: 'phone' }), challenge: await solvedChallenge(t) } });
    expect(phone.statusCode).toBe(400);
    const noBox = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { ...letter({ box: 'nosuch' }), challenge: await solvedChallenge(t) } });
    expect(noBox.statusCode).toBe(404);
    const after = await t.db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lets only the body\'s own 公开办 register other channels', async () => {
    expect((await register({ channel: 'phone' }, 'clerk')).statusCode).toBe(403);
    expect((await register({ orgCode: DEMO_FINANCE_CODE, channel: 'phone' })).statusCode).toBe(403);
    at('2026-03-02');
    expect((await register({ channel: 'sms', receivedOn: '2026-03-03' })).statusCode).toBe(400);
    const box = await register({ channel: 'box' });
    expect(box.json()).toMatchObject({ receivedOn: '2026-03-02' });
  });

  it('keeps the sender\'s contacts encrypted at rest', async () => {
    at('2026-02-10');
    const { trackingNo } = await write({ sender: { name: '李四', phone: '13912345678', email: 'li@example.com' } });
    const row = await t.db.selectFrom('messages').selectAll().where('trackingNo', '=', trackingNo).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('13912345678');
    expect(JSON.stringify(row)).not.toContain('li@example.com');
    const view = await senderView(trackingNo);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain('13912345678');
    expect((await senderView(trackingNo, 'wrong-pass')).statusCode).toBe(404);
    expect((await senderView('XX2026-NOSUCHNUMB')).statusCode).toBe(404);
  });
});

describe('handling: triage, assignment, draft, approval, reply, rating', () => {
  it('goes from the 县长信箱 to a department and back to the sender, twice after 不满意, then closes as 不满意', async () => {
    at('2026-02-10');
    const { trackingNo } = await write({ subject: '城东路灯不亮', body: '城东路三段路灯已坏一个月。' });
    expect((await rate(trackingNo, 'satisfied')).statusCode).toBe(409);
    expect((await act(trackingNo, { action: 'accept' })).statusCode).toBe(200);
    expect((await act(trackingNo, { action: 'assign', assignedOrgCode: DEMO_FINANCE_CODE })).statusCode).toBe(200);
    // Another department neither reads nor drafts; the supervisor reads and changes nothing.
    expect((await detail(trackingNo, 'clerk2')).statusCode).toBe(404);
    expect((await act(trackingNo, { action: 'draft', reply: '越权答复' }, 'clerk2')).statusCode).toBe(404);
    expect((await detail(trackingNo, 'supervisor')).json().actions).toEqual([]);
    expect((await act(trackingNo, { action: 'draft', reply: '监督员答复' }, 'supervisor')).statusCode).toBe(403);
    const forClerk = (await detail(trackingNo, 'clerk')).json();
    expect(forClerk.actions.map((a: { action: string }) => a.action)).toEqual(['draft']);
    expect(forClerk.senderName).toBe('王**');
    expect(forClerk.senderPhoneMasked).toBe('138****1111');
    expect((await act(trackingNo, { action: 'draft', reply: '已安排维修，本周内修复。' }, 'clerk')).statusCode).toBe(200);
    expect((await act(trackingNo, { action: 'approve' }, 'clerk')).statusCode).toBe(403);
    at('2026-02-12');
    expect((await act(trackingNo, { action: 'approve' })).statusCode).toBe(200);
    const replied = (await senderView(trackingNo)).json();
    expect(replied).toMatchObject({ status: 'replied', reply: { text: '已安排维修，本周内修复。', repliedOn: '2026-02-12' } });
    expect((await detail(trackingNo)).json().events.map((e: { type: string }) => e.type)).toContain('notified');

    const first = await rate(trackingNo, 'dissatisfied', '一周后仍未修复');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ sentBack: true, status: 'assigned' });
    expect((await rate(trackingNo, 'dissatisfied')).statusCode).toBe(409);
    // The second answer is due 10 working days after the rating day: 13, 14 (Saturday, worked), 24–28 (28th a worked
    // Saturday) February, 2, 3 and 4 March.
    expect((await senderView(trackingNo)).json()).toMatchObject({ status: 'assigned', replyDueOn: '2026-03-04' });
    expect((await act(trackingNo, { action: 'draft', reply: '已更换灯杆，现已恢复照明。' }, 'clerk')).statusCode).toBe(200);
    expect((await act(trackingNo, { action: 'approve' })).statusCode).toBe(200);
    const second = await rate(trackingNo, 'dissatisfied', '仍不满意');
    expect(second.json()).toMatchObject({ sentBack: false, status: 'closed', rating: 'dissatisfied' });
    expect((await rate(trackingNo, 'satisfied')).statusCode).toBe(409);
    const supervisor = await t.app.inject({ url: '/api/v1/handling/messages?status=closed', headers: await t.auth('supervisor') });
    expect(supervisor.json().items.find((m: { trackingNo: string }) => m.trackingNo === trackingNo)).toMatchObject({ ratingLabel: '不满意', statusLabel: '已办结' });
    const audit = await t.db.selectFrom('auditLog').select('action').where('targetId', '=', trackingNo).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'message.submit', 'message.accept', 'message.assign', 'message.draft', 'message.approve', 'message.rate', 'message.draft', 'message.approve', 'message.rate',
    ]);
  });

  it('refuses approval by the drafter', async () => {
    at('2026-02-10');
    const { trackingNo } = await write();
    await act(trackingNo, { action: 'accept' });
    expect((await act(trackingNo, { action: 'draft', reply: '公开办直接答复。' })).statusCode).toBe(200);
    const self = await act(trackingNo, { action: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('MESSAGE_SELF_APPROVAL');
  });

  it('transfers keeping the history and telling the sender; refers 信访; links duplicates; closes invalid ones with a reason', async () => {
    at('2026-02-10');
    const moved = await write({ subject: '学校招生' });
    const res = await act(moved.trackingNo, { action: 'transfer', toOrgCode: DEMO_EDUCATION_CODE, reason: '属教育局职责' });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await senderView(moved.trackingNo)).json();
    expect(view).toMatchObject({ status: 'pending', orgName: '示例县教育局' });
    expect(view.events.map((e: { title: string }) => e.title).join()).toContain('转至示例县教育局');
    expect((await detail(moved.trackingNo, 'clerk2')).statusCode).toBe(404);

    const petition = await write();
    expect((await act(petition.trackingNo, { action: 'refer', reason: '反映的是征地补偿信访事项' })).json()).toMatchObject({});
    expect((await senderView(petition.trackingNo)).json().status).toBe('referred');

    const original = await write();
    const copy = await write();
    expect((await act(copy.trackingNo, { action: 'markDuplicate', duplicateOf: 'XX2026-NOSUCH' })).statusCode).toBe(400);
    expect((await act(copy.trackingNo, { action: 'markDuplicate', duplicateOf: original.trackingNo })).statusCode).toBe(200);
    expect((await detail(copy.trackingNo)).json()).toMatchObject({ status: 'duplicate', duplicateOfTrackingNo: original.trackingNo });

    const spam = await write();
    expect((await act(spam.trackingNo, { action: 'close', reason: 'x' })).statusCode).toBe(400);
    expect((await act(spam.trackingNo, { action: 'close', reason: '内容为广告' })).statusCode).toBe(200);
    expect((await detail(spam.trackingNo)).json()).toMatchObject({ status: 'invalid', closeReason: '内容为广告' });
    expect((await act(spam.trackingNo, { action: 'accept' })).statusCode).toBe(409);
  });

  it('turns a disclosure request into a request that keeps the day of receipt and the query password', async () => {
    at('2026-02-10');
    const m = await write({ subject: '申请公开预算', body: '请公开2025年县财政预算执行情况报告。' });
    at('2026-02-12');
    const res = await act(m.trackingNo, { action: 'convert' });
    expect(res.statusCode, res.body).toBe(200);
    const requestNo = res.json().requestTrackingNo as string;
    const request = await t.db.selectFrom('disclosureRequests').select(['receivedOn', 'status']).where('trackingNo', '=', requestNo).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ receivedOn: '2026-02-10', status: 'processing' });
    const asApplicant = await t.app.inject({ url: `/api/v1/requests/${requestNo}`, headers: { 'x-query-password': 'secret-123' } });
    expect(asApplicant.statusCode, asApplicant.body).toBe(200);
    expect((await senderView(m.trackingNo)).json().status).toBe('converted');
  });

  it('extends once by at most 10 working days with a reason the sender sees', async () => {
    at('2026-02-10');
    const m = await write();
    await act(m.trackingNo, { action: 'accept' });
    expect((await act(m.trackingNo, { action: 'extend', days: 11, reason: '需实地核查' })).statusCode).toBe(400);
    const ok = await act(m.trackingNo, { action: 'extend', days: 10, reason: '需实地核查' });
    expect(ok.json()).toMatchObject({ replyDueOn: '2026-03-16', certain: true });
    expect((await senderView(m.trackingNo)).json()).toMatchObject({ replyDueOn: '2026-03-16', extension: { days: 10, reason: '需实地核查' } });
    expect((await act(m.trackingNo, { action: 'extend', days: 1, reason: '再次延期' })).json().code).toBe('MESSAGE_ALREADY_EXTENDED');
  });

  it('assigns in bulk and the department lists only what it was given', async () => {
    at('2026-02-10');
    const a = await write({ subject: '批量交办一' });
    const b = await write({ subject: '批量交办二' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/handling/messages/bulk-assign', headers: await t.auth('office'), payload: { ids: [await idOf(a.trackingNo), await idOf(b.trackingNo)], assignedOrgCode: DEMO_EDUCATION_CODE } });
    expect(res.json()).toMatchObject({ assigned: 2 });
    const list = (await t.app.inject({ url: '/api/v1/handling/messages', headers: await t.auth('clerk2') })).json();
    expect(list.items.map((m: { subject: string }) => m.subject).sort()).toEqual(['批量交办一', '批量交办二']);
    expect(list.items[0]).toMatchObject({ statusLabel: '办理中', typeLabel: '咨询', channelLabel: '网上来信' });
  });

  it('reminds 2 working days ahead (27 Feb for 2 March, the Saturday 28 Feb being a working day) and flags overdue ones', async () => {
    at('2026-02-10');
    const m = await write({ subject: '提醒测试' });
    const job = platformJobs({ info: () => {}, warn: () => {}, error: () => {} } as never).find((j) => j.name === 'message-reminders')!;
    const run = async (day: string) => {
      const ctx = createContext(testConfig({ dataDir: t.dataDir }), t.db, () => new Date(`${day}T02:00:00Z`));
      await runJobOnce(ctx, job);
      return (await t.db.selectFrom('messageEvents').select('type').where('messageId', '=', await idOf(m.trackingNo)).orderBy('id').execute()).map((e) => e.type);
    };
    expect(await run('2026-02-26')).toEqual(['received']);
    expect(await run('2026-02-27')).toEqual(['received', 'reminder']);
    expect(await run('2026-02-28')).toEqual(['received', 'reminder']);
    expect(await run('2026-03-03')).toEqual(['received', 'reminder', 'overdue']);
    expect(await run('2026-03-04')).toEqual(['received', 'reminder', 'overdue']);
    at('2026-03-03');
    const overdue = (await t.app.inject({ url: '/api/v1/handling/messages?overdue=true&q=%E6%8F%90%E9%86%92', headers: await t.auth('office') })).json();
    expect(overdue.items).toHaveLength(1);
    at('2026-05-11');
    const risks = (await t.app.inject({ url: '/api/v1/handling/messages/veto-risks', headers: await t.auth('office') })).json();
    expect(risks.items.map((r: { trackingNo: string }) => r.trackingNo)).toContain(m.trackingNo);
  });
});

describe('the scanned original of a registered letter', () => {
  it('is checked by its content, not its name, and only the handlers download it', async () => {
    at('2026-02-10');
    const res = await register({ channel: 'letter', receivedOn: '2026-02-09' });
    const id = await idOf(res.json().trackingNo);
    const upload = async (name: string, data: Buffer) => {
      const body = multipart({ label: '来信原件扫描件' }, [{ field: 'file', name, data }]);
      return t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${id}/attachments`, headers: { ...(await t.auth('office')), ...body.headers }, payload: body.payload });
    };
    expect((await upload('来信.jpg', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]))).statusCode).toBe(415);
    const ok = await upload('来信.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]));
    expect(ok.statusCode, ok.body).toBe(200);
    const file = await t.app.inject({ url: `/api/v1/handling/messages/${id}/attachments/${ok.json().id}`, headers: await t.auth('office') });
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect((await t.app.inject({ url: `/api/v1/handling/messages/${id}/attachments/${ok.json().id}`, headers: await t.auth('clerk2') })).statusCode).toBe(404);
    expect((await detail(res.json().trackingNo)).json().documents).toEqual([expect.objectContaining({ title: '来信原件扫描件', fileName: '来信.jpg' })]);
  });
});

describe('publication', () => {
  it('needs consent and a clean privacy scan, masks the name and is found by the site search', async () => {
    at('2026-02-10');
    const secret = await write({ publicReply: false, subject: '不公开的来信' });
    const leaky = await write({ subject: '含号码的来信', body: '我的电话是13912345678，请回电。' });
    const clean = await write({ subject: '图书馆开放时间', body: '县图书馆周末是否开放？', sender: { name: '王小明', phone: '13800001111' } });
    for (const m of [secret, leaky, clean]) {
      await act(m.trackingNo, { action: 'accept' });
      await act(m.trackingNo, { action: 'assign', assignedOrgCode: DEMO_FINANCE_CODE });
      await act(m.trackingNo, { action: 'draft', reply: '县图书馆周六、周日照常开放。' }, 'clerk');
      await act(m.trackingNo, { action: 'approve' });
    }
    expect((await act(secret.trackingNo, { action: 'publish' })).json().code).toBe('MESSAGE_NO_CONSENT');
    const findings = await act(leaky.trackingNo, { action: 'publish' });
    expect(findings.json().code).toBe('MESSAGE_PRIVACY_FINDINGS');
    expect(findings.json().details[0].message).toContain('手机号码');
    expect((await act(clean.trackingNo, { action: 'publish' })).statusCode).toBe(200);

    const box = await t.app.inject(`/hdjl/xx/${DEMO_COUNTY_CODE}/main`);
    expect(box.body).toContain('图书馆开放时间');
    expect(box.body).toContain('王**');
    expect(box.body).not.toContain('王小明');
    expect(box.body).not.toContain('不公开的来信');
    const page = await t.app.inject(`/hdjl/xx/${DEMO_COUNTY_CODE}/main/${clean.trackingNo}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('13800001111');
    const search = await t.app.inject(`/search?q=${encodeURIComponent('图书馆')}`);
    expect(search.body).toContain(`/hdjl/xx/${DEMO_COUNTY_CODE}/main/${clean.trackingNo}`);
    // A full reindex finds published messages again.
    await t.db.deleteFrom('searchDocuments').where('kind', '=', 'message').execute();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/search/reindex', headers: await t.auth('admin') })).statusCode).toBeLessThan(300);
    const reindex = platformJobs({ info: () => {}, warn: () => {}, error: () => {} } as never).find((j) => j.name === 'search-reindex')!;
    await runJobOnce(createContext(testConfig({ dataDir: t.dataDir }), t.db, () => new Date(clock)), reindex);
    expect((await t.app.inject(`/search?q=${encodeURIComponent('图书馆')}`)).body).toContain(clean.trackingNo);
    expect((await act(clean.trackingNo, { action: 'unpublish' })).statusCode).toBe(200);
    expect((await t.app.inject(`/search?q=${encodeURIComponent('图书馆')}`)).body).not.toContain(clean.trackingNo);
  });
});

describe('GET /api/v1/orgs/{orgCode}/message-statistics', () => {
  it('counts the education bureau\'s messages of March by hand: every key present', async () => {
    // Education bureau, March 2026: 3 messages (2 online consultations, 1 phone complaint); one replied and rated 满意.
    at('2026-03-02');
    const a = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { ...letter({ orgCode: DEMO_EDUCATION_CODE }), challenge: await solvedChallenge(t) } });
    await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { ...letter({ orgCode: DEMO_EDUCATION_CODE }), challenge: await solvedChallenge(t) } });
    await t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: await t.auth('admin'), payload: letter({ orgCode: DEMO_EDUCATION_CODE, type: 'complaint', channel: 'phone' }) });
    const no = a.json().trackingNo;
    await act(no, { action: 'accept' });
    await act(no, { action: 'draft', reply: '已答复。' }, 'admin');
    await act(no, { action: 'approve' });
    await rate(no, 'satisfied');
    at('2026-03-20'); // the two others were due on 16 March: overdue
    const res = await t.app.inject(`/api/v1/orgs/${DEMO_EDUCATION_CODE}/message-statistics?from=2026-03-01&to=2026-03-31`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      received: 3, replied: 1, pending: 2, overdue: 2,
      byType: { consultation: 2, suggestion: 0, query: 0, complaint: 1, report: 0 },
      byChannel: { online: 2, phone: 1, sms: 0, letter: 0, inPerson: 0, box: 0, email: 0, readingRoom: 0 },
      satisfaction: { rated: 1, satisfied: 1, basicallySatisfied: 0, dissatisfied: 0 },
    });
    const county = (await t.app.inject(`/api/v1/orgs/${DEMO_COUNTY_CODE}/message-statistics?from=2026-03-01&to=2026-03-31&rollup=true`)).json();
    expect(county.received).toBeGreaterThanOrEqual(4);
    expect((await t.app.inject(`/api/v1/orgs/${DEMO_COUNTY_CODE}/message-statistics?from=2026-03-31&to=2026-03-01`)).statusCode).toBe(400);
    expect((await t.app.inject(`/api/v1/orgs/${DEMO_COUNTY_CODE}/message-statistics?from=x&to=2026-03-01`)).statusCode).toBe(400);
  });
});
