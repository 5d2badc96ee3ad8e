import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { percent } from '../../src/modules/interaction/message-statistics.service.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;

interface Row { no: string; org: string; channel: string; receivedOn: string; replyDueOn: string; repliedOn?: string; rating?: string }

// Figures by hand, 2025 calendar: 国庆 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked.
const rows: Row[] = [
  // (09-26, 10-11]: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11 = 6 working days; on time.
  { no: 'S-A', org: DEMO_COUNTY_CODE, channel: 'online', receivedOn: '2025-09-26', replyDueOn: '2025-10-15', repliedOn: '2025-10-11', rating: 'satisfied' },
  // (09-01, 09-15]: 09-02…09-05, 09-08…09-12, 09-15 = 10 working days; late (due 09-12).
  { no: 'S-B', org: DEMO_COUNTY_CODE, channel: 'letter', receivedOn: '2025-09-01', replyDueOn: '2025-09-12', repliedOn: '2025-09-15', rating: 'dissatisfied' },
  // (09-10, 09-11]: 1 working day; on time.
  { no: 'S-C', org: DEMO_COUNTY_CODE, channel: 'readingRoom', receivedOn: '2025-09-10', replyDueOn: '2025-09-24', repliedOn: '2025-09-11', rating: 'basicallySatisfied' },
  // Not answered yet.
  { no: 'S-D', org: DEMO_COUNTY_CODE, channel: 'phone', receivedOn: '2025-09-20', replyDueOn: '2025-10-13' },
  // August: outside the month.
  { no: 'S-E', org: DEMO_COUNTY_CODE, channel: 'online', receivedOn: '2025-08-29', replyDueOn: '2025-09-12', repliedOn: '2025-09-30', rating: 'satisfied' },
  // The finance bureau (below the county): (09-05 Fri, 09-08 Mon] = 1 working day; on time; not rated.
  { no: 'S-F', org: DEMO_FINANCE_CODE, channel: 'online', receivedOn: '2025-09-05', replyDueOn: '2025-09-19', repliedOn: '2025-09-08' },
];

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2025-12-01T02:00:00Z') });
  await t.app.inject({ url: '/api/v1/mailboxes' }); // every body gets its main mailbox
  for (const r of rows) {
    const org = await t.db.selectFrom('orgs').select('id').where('code', '=', r.org).executeTakeFirstOrThrow();
    const box = await t.db.selectFrom('mailboxes').select('id').where('orgId', '=', org.id).where('isMain', '=', true).executeTakeFirstOrThrow();
    await t.db.insertInto('messages').values({
      trackingNo: r.no, orgId: org.id, mailboxId: box.id, type: 'consultation', channel: r.channel as never, subject: `统计用来信${r.no}`, body: '内容',
      senderName: '王某', receivedOn: r.receivedOn, replyDueOn: r.replyDueOn, status: r.repliedOn ? (r.rating ? 'closed' : 'replied') : 'accepted',
      repliedOn: r.repliedOn ?? null, replyText: r.repliedOn ? '答复' : null, rating: (r.rating ?? null) as never,
    }).execute();
  }
});
afterAll(async () => t?.close());

describe('percent', () => {
  it.each([[2, 3, '66.67'], [1, 8, '12.50'], [1, 800, '0.13'], [3, 4, '75.00'], [0, 0, '0.00'], [5, 5, '100.00']])('%i of %i is %s', (part, whole, expected) => {
    expect(percent(part, whole)).toBe(expected);
  });
});

describe('message-reply-statistics', () => {
  it('gives the county main mailbox figures of September 2025 in working days', async () => {
    const res = await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/message-reply-statistics?from=2025-09-01&to=2025-09-30&box=main` });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.totals).toEqual({
      received: 4, replied: 3, onTime: 2, onTimeRate: '66.67', averageReplyDays: 5.7, longestReplyDays: 10,
      rated: 3, satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, satisfactionRate: '66.67',
    });
    expect(s.byChannel).toMatchObject({ online: 1, letter: 1, readingRoom: 1, phone: 1, sms: 0, box: 0 });
  });

  it('rolls up the bodies below and lists each body and mailbox', async () => {
    const s = (await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/message-reply-statistics?from=2025-09-01&to=2025-09-30&rollup=true` })).json();
    // (6 + 10 + 1 + 1) ÷ 4 = 4.5 working days; on time: A, C, F of 4 replies.
    expect(s.totals).toMatchObject({ received: 5, replied: 4, onTime: 3, onTimeRate: '75.00', averageReplyDays: 4.5, longestReplyDays: 10, rated: 3, satisfactionRate: '66.67' });
    expect(s.byChannel.online).toBe(2);
    const finance = s.byOrg.find((o: { orgCode: string }) => o.orgCode === DEMO_FINANCE_CODE);
    expect(finance).toMatchObject({ received: 1, replied: 1, averageReplyDays: 1, longestReplyDays: 1, onTimeRate: '100.00', rated: 0, satisfactionRate: '0.00' });
    expect(s.byMailbox.map((b: { orgCode: string; box: string }) => `${b.orgCode}/${b.box}`).sort()).toEqual([`${DEMO_COUNTY_CODE}/main`, `${DEMO_FINANCE_CODE}/main`].sort());
    // Without rollup only the county's own messages.
    const own = (await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/message-reply-statistics?from=2025-09-01&to=2025-09-30` })).json();
    expect(own.totals.received).toBe(4);
    // The contract's figures stay as they are.
    const contract = (await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/message-statistics?from=2025-09-01&to=2025-09-30&rollup=true` })).json();
    expect(Object.keys(contract).sort()).toEqual(['byChannel', 'byType', 'overdue', 'pending', 'received', 'replied', 'satisfaction']);
    expect(contract.received).toBe(5);
  });

  it('refuses bad input with Chinese messages', async () => {
    const backwards = await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/message-reply-statistics?from=2025-09-30&to=2025-09-01` });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/message-reply-statistics?from=2025-13-01&to=2025-09-01` })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/message-reply-statistics?from=2025-09-01&to=2025-09-30&box=nobox` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/orgs/NOPE/message-reply-statistics?from=2025-09-01&to=2025-09-30' })).statusCode).toBe(404);
  });
});

describe('the monthly page 来信办理情况', () => {
  it('shows charts as SVG with the figures as tables', async () => {
    const res = await t.app.inject({ url: `/hdjl/xx/${DEMO_COUNTY_CODE}/main/stats?month=2025-09` });
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain('2025年9月来信办理情况');
    expect(page).toContain('<svg');
    expect(page).toMatch(/平均答复时间<\/th><td>5\.7个工作日/);
    expect(page).toMatch(/最长答复时间<\/th><td>10个工作日/);
    expect(page).toMatch(/按期答复率<\/th><td>66\.67%/);
    expect(page).toMatch(/公共查阅室<\/th><td>1</);
    expect(page).not.toMatch(/readingRoom|basicallySatisfied/);
  });

  it('says so instead of drawing empty charts, and refuses a bad month or box', async () => {
    const empty = await t.app.inject({ url: `/hdjl/xx/${DEMO_COUNTY_CODE}/main/stats?month=2024-02` });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).not.toContain('<svg');
    expect(empty.body).toContain('本月没有收到来信');
    const bad = await t.app.inject({ url: `/hdjl/xx/${DEMO_COUNTY_CODE}/main/stats?month=2025-9` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('月份应为');
    expect((await t.app.inject({ url: `/hdjl/xx/${DEMO_COUNTY_CODE}/nobox/stats` })).statusCode).toBe(404);
  });
});
