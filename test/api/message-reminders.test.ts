/**
 * Reminders of messages due (issue 13): 2 working days before the due day the handling body's staff get an
 * e-mail (a real SMTP server in-process), once more to the 公开办 when it is late; the console lists them as
 * 即将到期 / 已超期. The staff e-mail never carries the sender's personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createContext } from '../../src/http/app.js';
import { runJobOnce } from '../../src/jobs/background-jobs.js';
import { platformJobs } from '../../src/jobs/platform-jobs.js';
import { createTestApp, type DemoUser, type TestApp } from '../support/app.js';
import { solvedChallenge } from '../support/requests.js';
import { startSmtp } from '../support/smtp.js';

interface Mail { to: string[]; subject: string; text: string; raw: string }
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let smtpUrl: string;
let t: TestApp;
let clock = Date.parse('2026-02-10T02:00:00Z');
const at = (day: string) => { clock = Date.parse(`${day}T02:00:00Z`); };

/** Enough MIME to read what nodemailer writes: encoded-word headers, base64 or quoted-printable text. */
const mail = (m: { to: string[]; raw: string }): Mail => ({ to: [...m.to].sort(), raw: m.raw, ...parseMail(m.raw) });

function parseMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const words = (v: string) => v.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
  const subject = words(/^Subject: (.*)$/mi.exec(headers)?.[1] ?? '').trim();
  const encoding = /^Content-Transfer-Encoding: (\S+)/mi.exec(headers)?.[1]?.toLowerCase();
  const body = rest.join('\n\n');
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : encoding === 'quoted-printable' ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
      : body;
  return { subject, text };
}

beforeAll(async () => {
  smtp = await startSmtp();
  smtpUrl = smtp.url;
  // The test runs the reminder job itself, on the days it sets: the app's own run at start must not mail too.
  t = await createTestApp({ now: () => new Date(clock), config: { smtpUrl, mailFrom: 'noreply@gov.example', publicBaseUrl: 'https://gk.example.gov.cn' }, backgroundJobs: false });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const userId = async (username: string) => (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
async function setEmail(username: string, email: string) {
  const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${await userId(username)}`, headers: await t.auth('admin'), payload: { email } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function write(subject: string) {
  const res = await t.app.inject({
    method: 'POST', url: '/api/v1/messages',
    payload: {
      orgCode: DEMO_COUNTY_CODE, type: 'consultation', subject, body: '我家住城东幸福小区3栋，想问补贴何时发放。',
      sender: { name: '周小八', phone: '13700001234', email: 'zhou.xiaoba@example.com' }, publicReply: false, queryPassword: 'secret-123', challenge: await solvedChallenge(t),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const { trackingNo } = res.json() as { trackingNo: string };
  return { trackingNo, id: (await t.db.selectFrom('messages').select('id').where('trackingNo', '=', trackingNo).executeTakeFirstOrThrow()).id };
}
async function act(id: number, body: object, user: DemoUser = 'office') {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${id}/actions`, headers: await t.auth(user), payload: body });
  expect(res.statusCode, res.body).toBe(200);
}
const job = platformJobs({ info: () => {}, warn: () => {}, error: () => {} } as never).find((j) => j.name === 'message-reminders')!;
async function runOn(day: string) {
  at(day);
  const ctx = createContext(testConfig({ dataDir: t.dataDir, smtpUrl, mailFrom: 'noreply@gov.example', publicBaseUrl: 'https://gk.example.gov.cn' }), t.db, () => new Date(clock));
  const before = smtp.received.length;
  await runJobOnce(ctx, job);
  return smtp.received.slice(before).map(mail);
}
const list = async (query: string, user: DemoUser) => (await t.app.inject({ url: `/api/v1/handling/messages?${query}`, headers: await t.auth(user) })).json() as { total: number; items: { id: number; dueSoon: boolean; overdue: boolean }[] };

describe('reminders of messages due', () => {
  let assigned: { trackingNo: string; id: number };
  let unassigned: { trackingNo: string; id: number };

  beforeAll(async () => {
    at('2026-02-10'); // due 2 March: the 10th working day, 春节 15–23 Feb off, Saturday 28 Feb worked
    await setEmail('office', 'gongkaiban@county.gov.example');
    await setEmail('clerk', 'xinxiyuan@czj.gov.example');
    await setEmail('depthead', 'kezhang@czj.gov.example');
    await setEmail('clerk2', 'xinxiyuan@jyj.gov.example');
    assigned = await write('城东补贴发放时间');
    await act(assigned.id, { action: 'accept' });
    await act(assigned.id, { action: 'assign', assignedOrgCode: DEMO_FINANCE_CODE });
    unassigned = await write('老旧小区改造进度');
  });

  it('keeps a staff e-mail address on the account and refuses a malformed one in Chinese', async () => {
    const users = (await t.app.inject({ url: '/api/v1/users', headers: await t.auth('admin') })).json().items as { username: string; email: string | null }[];
    expect(users.find((u) => u.username === 'clerk')?.email).toBe('xinxiyuan@czj.gov.example');
    const bad = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${await userId('clerk')}`, headers: await t.auth('admin'), payload: { email: 'not-an-address' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/电子邮箱/);
  });

  it('sends nothing before the reminder day (26 Feb for a reply due 2 March)', async () => {
    expect(await runOn('2026-02-26')).toEqual([]);
    expect((await list('dueSoon=true', 'office')).total).toBe(0);
  });

  it('mails the assigned department\'s handlers, or the 公开办 while unassigned, 2 working days ahead', async () => {
    const mails = await runOn('2026-02-27');
    expect(mails).toHaveLength(2);
    const toDept = mails.find((m) => m.text.includes(assigned.trackingNo))!;
    const toOffice = mails.find((m) => m.text.includes(unassigned.trackingNo))!;
    expect(toDept.to).toEqual(['kezhang@czj.gov.example', 'xinxiyuan@czj.gov.example']);
    expect(toOffice.to).toEqual(['gongkaiban@county.gov.example']);
    expect(toDept.subject).toBe(`来信即将到期（${assigned.trackingNo}，2026年3月2日前答复）`);
    expect(toDept.text).toContain('标题：城东补贴发放时间');
    expect(toDept.text).toContain('答复期限：2026年3月2日');
    expect(toDept.text).toContain(`https://gk.example.gov.cn/admin/#/messages/${assigned.id}`);
    expect(toDept.raw).toMatch(/^From: noreply@gov\.example/m);
  });

  it('never puts the sender\'s name, contacts or letter text in a staff e-mail', async () => {
    expect(smtp.received.length).toBeGreaterThan(0);
    for (const m of smtp.received.map(mail)) {
      for (const secret of ['周小八', '13700001234', 'zhou.xiaoba', '幸福小区']) {
        expect(m.subject + m.text).not.toContain(secret);
        expect(m.raw).not.toContain(secret);
      }
    }
  });

  it('lists them as 即将到期 in the console, each to whom it concerns', async () => {
    const office = await list('dueSoon=true', 'office');
    expect(office.items.map((m) => m.id).sort()).toEqual([assigned.id, unassigned.id].sort());
    expect(office.items.every((m) => m.dueSoon && !m.overdue)).toBe(true);
    expect((await list('dueSoon=true', 'clerk')).items.map((m) => m.id)).toEqual([assigned.id]);
    expect((await list('dueSoon=true', 'clerk2')).total).toBe(0);
    const detail = (await t.app.inject({ url: `/api/v1/handling/messages/${assigned.id}`, headers: await t.auth('clerk') })).json();
    expect(detail.dueSoon).toBe(true);
    expect(detail.events.map((e: { title: string }) => e.title)).toContain('已发送到期提醒邮件给2位工作人员');
  });

  it('does not mail twice for the same reminder', async () => {
    expect(await runOn('2026-02-28')).toEqual([]);
  });

  it('when late, mails the handlers and the receiving body\'s 公开办, and lists it as 已超期', async () => {
    const mails = await runOn('2026-03-03');
    expect(mails).toHaveLength(2);
    const late = mails.find((m) => m.text.includes(assigned.trackingNo))!;
    expect(late.to).toEqual(['gongkaiban@county.gov.example', 'kezhang@czj.gov.example', 'xinxiyuan@czj.gov.example']);
    expect(late.subject).toBe(`来信已超过答复期限（${assigned.trackingNo}）`);
    expect(mails.find((m) => m.text.includes(unassigned.trackingNo))!.to).toEqual(['gongkaiban@county.gov.example']);
    expect(await runOn('2026-03-04')).toEqual([]);
    const overdue = await list('overdue=true', 'office');
    expect(overdue.items.map((m) => m.id).sort()).toEqual([assigned.id, unassigned.id].sort());
    expect((await list('dueSoon=true', 'office')).total).toBe(0);
  });

  it('a department without addresses still gets the console flag, and nobody else is mailed', async () => {
    at('2026-03-04');
    const m = await write('学校食堂价格');
    await act(m.id, { action: 'accept' });
    await act(m.id, { action: 'assign', assignedOrgCode: DEMO_FINANCE_CODE });
    await setEmail('clerk', '');
    await setEmail('depthead', '');
    const due = (await t.db.selectFrom('messages').select('replyDueOn').where('id', '=', m.id).executeTakeFirstOrThrow()).replyDueOn;
    expect(due).toBe('2026-03-18'); // 10 working days after Wednesday 4 March
    // Its reminder day (Monday 16 March) comes; nobody in 财政局 has an address, the 公开办 is not told before it is late.
    expect(await runOn('2026-03-16')).toEqual([]);
    expect((await list('dueSoon=true', 'office')).items.map((i) => i.id)).toEqual([m.id]);
  });
});
