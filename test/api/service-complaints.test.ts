/**
 * The 政务服务 complaint register: 登记 → 调查 → 处理 → 反馈 → 归档 with the person and deadline of
 * every step, audited; a complaint from the interaction inbox linked or transferred; role scoping
 * (the centre all, a body-level clerk the body's, a window clerk and another body's clerk none).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { makeServiceUser } from '../support/services.js';

type Headers = Record<string, string>;
let t: TestApp;
// Thursday 2025-10-09; 15 working days later is 2025-10-29 (Saturday 10-11 is a make-up working day of the National Day holiday).
const now = new Date('2025-10-09T02:00:00Z');
let manager: Headers;
let bodyClerk: Headers;
let windowClerk: Headers;
let other: Headers;
let windowId = 0;
let windowClerkId = 0;
let bodyClerkId = 0;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  manager = (await makeServiceUser(t, { username: 'tmgr', orgCode: DEMO_COUNTY_CODE, roles: ['serviceManager'], displayName: '中心老周' })).headers;
  const b = await makeServiceUser(t, { username: 'tbody', orgCode: DEMO_FINANCE_CODE, displayName: '财政小赵' });
  bodyClerk = b.headers;
  bodyClerkId = b.id;
  const w = await makeServiceUser(t, { username: 'twin', orgCode: DEMO_FINANCE_CODE, displayName: '窗口小王' });
  windowClerk = w.headers;
  windowClerkId = w.id;
  other = (await makeServiceUser(t, { username: 'tother', orgCode: DEMO_EDUCATION_CODE })).headers;
  const centre = await t.app.inject({ method: 'POST', url: '/api/v1/service-centres', headers: manager, payload: { orgCode: DEMO_COUNTY_CODE, name: '示范县政务服务中心', type: 'county' } });
  const window = await t.app.inject({ method: 'POST', url: `/api/v1/service-centres/${centre.json().id}/windows`, headers: manager, payload: { number: '8', name: '财政综合窗口', orgCode: DEMO_FINANCE_CODE, clerkUserIds: [w.id] } });
  expect(window.statusCode, window.body).toBe(201);
  windowId = window.json().id;
});
afterAll(async () => t.close());

const register = (headers: Headers, payload: Record<string, unknown> = {}) => t.app.inject({
  method: 'POST', url: '/api/v1/service-complaints', headers,
  payload: { windowId, clerkUserId: windowClerkId, channel: 'phone', complainant: { name: '李四光', phone: '13900001234' }, subject: '窗口人员态度生硬', content: '10月9日上午办理时，工作人员不耐烦。', ...payload },
});
const act = (no: string, headers: Headers, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/service-complaints/${no}/actions`, headers, payload });
const list = async (headers: Headers) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/service-complaints', headers });
  return res.statusCode === 200 ? res.json().items.map((c: { complaintNo: string }) => c.complaintNo) : res.statusCode;
};

describe('the register', () => {
  let no = '';
  it('registers a complaint about a window clerk: 15 working days, the person and the step deadline, masked complainant', async () => {
    const res = await register(manager, { assigneeUserId: bodyClerkId, stepDueOn: '2025-10-13' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    no = c.complaintNo;
    expect(c).toMatchObject({
      status: 'registered', statusLabel: '已登记', receivedOn: '2025-10-09', dueOn: '2025-10-29', stepDueOn: '2025-10-13',
      assigneeName: '财政小赵', windowLabel: '8号窗口 财政综合窗口', clerkName: '窗口小王', orgCode: DEMO_FINANCE_CODE,
      complainantName: '李**', complainantPhoneMasked: expect.not.stringContaining('0000'), channelLabel: '监督投诉电话',
    });
    const stored = await t.db.selectFrom('serviceComplaints').select(['complainantNameEnc', 'complainantPhoneEnc']).where('complaintNo', '=', no).executeTakeFirstOrThrow();
    expect(stored.complainantNameEnc).not.toContain('李四光');
    expect(stored.complainantPhoneEnc).not.toContain('13900001234');
  });

  it('goes 调查 → 处理 → 反馈 → 归档, each step in the history with its person and deadline, and audited', async () => {
    expect((await act(no, manager, { action: 'handle', justified: true, finding: 'x' })).statusCode).toBe(409);
    expect((await act(no, bodyClerk, { action: 'investigate', stepDueOn: '2025-10-20', note: '调取窗口录像' })).statusCode).toBe(200);
    expect((await act(no, bodyClerk, { action: 'investigate' })).statusCode).toBe(409);
    expect((await act(no, bodyClerk, { action: 'handle', justified: true, finding: '录像显示工作人员语气生硬，投诉属实。', assigneeUserId: bodyClerkId, stepDueOn: '2025-10-24' })).statusCode).toBe(200);
    expect((await act(no, bodyClerk, { action: 'feedback', measures: '对当事人批评教育，全窗口开展服务礼仪培训。', stepDueOn: '2025-10-28' })).statusCode).toBe(200);
    const done = await act(no, manager, { action: 'archive', feedback: '10月10日电话告知投诉人处理结果，投诉人表示满意。' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'archived', statusLabel: '已归档', justified: true, archivedOn: '2025-10-09', actions: [] });
    expect(done.json().steps.map((s: { stepLabel: string; assigneeName: string | null; dueOn: string | null }) => [s.stepLabel, s.assigneeName, s.dueOn])).toEqual([
      ['登记', '财政小赵', '2025-10-13'], ['调查', '财政小赵', '2025-10-20'], ['处理', '财政小赵', '2025-10-24'], ['反馈', '财政小赵', '2025-10-28'], ['归档', null, null],
    ]);
    const audit = await t.db.selectFrom('auditLog').select('action').where('targetType', '=', 'serviceComplaint').where('targetId', '=', no).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['service.complaint.register', 'service.complaint.investigate', 'service.complaint.handle', 'service.complaint.feedback', 'service.complaint.archive']);
  });

  it('refuses bad input with field messages', async () => {
    const missing = await register(manager, { windowId: undefined, clerkUserId: undefined });
    expect(missing.statusCode).toBe(400);
    expect((await register(manager, { subject: '' })).statusCode).toBe(400);
    expect((await register(manager, { receivedOn: '2025-10-10' })).statusCode).toBe(400);
    expect((await register(manager, { stepDueOn: '2025-10-01' })).statusCode).toBe(400);
    expect((await register(manager, { assigneeUserId: 999999 })).statusCode).toBe(400);
    const notHisWindow = await register(other, { windowId, clerkUserId: undefined });
    expect(notHisWindow.statusCode).toBe(404);
  });

  it('role scoping: the centre and the body see it; the window clerk and another body do not', async () => {
    const second = (await register(bodyClerk, { orgCode: DEMO_FINANCE_CODE, windowId: undefined, clerkUserId: undefined, clerkName: '某科员' })).json().complaintNo;
    expect(await list(manager)).toContain(second);
    expect(await list(bodyClerk)).toContain(second);
    expect(await list(other)).toEqual([]);
    expect(await list(windowClerk)).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/service-complaints/${second}`, headers: other })).statusCode).toBe(404);
    expect((await act(second, other, { action: 'investigate' })).statusCode).toBe(404);
    expect((await act(second, windowClerk, { action: 'investigate' })).statusCode).toBe(404);
    expect((await register(windowClerk)).statusCode).toBe(403);
    const sup = await t.app.inject({ method: 'GET', url: `/api/v1/service-complaints/${second}`, headers: await t.auth('supervisor') });
    expect(sup.statusCode).toBe(200);
    expect(sup.json().actions).toEqual([]);
  });
});

describe('from the interaction inbox', () => {
  const letter = (type: string) => ({
    orgCode: DEMO_COUNTY_CODE, type, subject: '8号窗口推诿', body: '财政综合窗口让我跑了三次。', sender: { name: '王小明', phone: '13800001111' },
    publicReply: false, queryPassword: 'secret-123', channel: 'phone',
  });
  const message = async (type: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: await t.auth('office'), payload: letter(type) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().trackingNo as string;
  };
  const bring = async (headers: Headers, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/service-complaints/from-message', headers, payload });

  it('the 公开办 transfers a complaint to the register: the message is accepted with the complaint number', async () => {
    const trackingNo = await message('complaint');
    const res = await bring(await t.auth('office'), { trackingNo, mode: 'transfer', windowId });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ channelLabel: '互动交流来信', messageTrackingNo: trackingNo, subject: '8号窗口推诿', complainantName: '王**', orgCode: DEMO_FINANCE_CODE, status: 'registered' });
    const msg = await t.db.selectFrom('messages').select(['id', 'status']).where('trackingNo', '=', trackingNo).executeTakeFirstOrThrow();
    expect(msg.status).toBe('accepted');
    const ev = await t.db.selectFrom('messageEvents').select('note').where('messageId', '=', msg.id).where('type', '=', 'accepted').executeTakeFirstOrThrow();
    expect(ev.note).toContain(c.complaintNo);
    expect(await list(manager)).toContain(c.complaintNo);
    expect((await bring(await t.auth('office'), { trackingNo, mode: 'link', windowId })).statusCode).toBe(409);
  });

  it('links (the message goes on in the inbox); refuses other types and those who may not read the message', async () => {
    const trackingNo = await message('complaint');
    expect((await bring(manager, { trackingNo, mode: 'link', windowId })).statusCode).toBe(404);
    const linked = await bring(await t.auth('office'), { trackingNo, mode: 'link' });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().orgCode).toBe(DEMO_COUNTY_CODE);
    expect((await t.db.selectFrom('messages').select('status').where('trackingNo', '=', trackingNo).executeTakeFirstOrThrow()).status).toBe('pending');
    const consult = await message('consultation');
    expect((await bring(await t.auth('office'), { trackingNo: consult, mode: 'link' })).statusCode).toBe(422);
    expect((await bring(await t.auth('clerk'), { trackingNo: consult, mode: 'link' })).statusCode).toBe(403);
  });
});
