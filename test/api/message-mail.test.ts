/** Replies to messages go out by e-mail through SMTP when the sender gave an address (a real SMTP server in-process). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { solvedChallenge } from '../support/requests.js';
import { startSmtp } from '../support/smtp.js';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ now: () => new Date('2026-02-10T02:00:00Z'), config: { smtpUrl: smtp.url, mailFrom: 'noreply@gov.example' } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('replying by e-mail', () => {
  it('mails the approved reply to the sender\'s address and records it in the history', async () => {
    const sent = await t.app.inject({
      method: 'POST', url: '/api/v1/messages',
      payload: { orgCode: DEMO_COUNTY_CODE, type: 'consultation', subject: '社保卡补办', body: '社保卡丢失如何补办？', sender: { name: '周八', phone: '13700001234', email: 'zhou@example.com' }, publicReply: false, queryPassword: 'secret-123', challenge: await solvedChallenge(t) },
    });
    const { trackingNo } = sent.json();
    const id = (await t.db.selectFrom('messages').select('id').where('trackingNo', '=', trackingNo).executeTakeFirstOrThrow()).id;
    const act = async (body: object, user: 'office' | 'clerk' = 'office') => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${id}/actions`, headers: await t.auth(user), payload: body });
      expect(res.statusCode, res.body).toBe(200);
    };
    await act({ action: 'accept' });
    await act({ action: 'assign', assignedOrgCode: DEMO_FINANCE_CODE });
    await act({ action: 'draft', reply: '请携带身份证到县政务服务中心社保窗口补办。' }, 'clerk');
    await act({ action: 'approve' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['zhou@example.com']);
    expect(smtp.received[0].raw).toMatch(/^From: noreply@gov\.example/m);
    const detail = (await t.app.inject({ url: `/api/v1/handling/messages/${id}`, headers: await t.auth('office') })).json();
    expect(detail.events.map((e: { title: string }) => e.title)).toContain(`已通过电子邮件告知来信人：您的来信已答复（${trackingNo}）`);
  });
});
