import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let publishedId: number;
let unpublishedId: number;

async function message(no: string, published: boolean) {
  const org = await t.db.selectFrom('orgs').select('id').where('code', '=', DEMO_COUNTY_CODE).executeTakeFirstOrThrow();
  const box = await t.db.selectFrom('mailboxes').select('id').where('orgId', '=', org.id).where('isMain', '=', true).executeTakeFirstOrThrow();
  return (await t.db.insertInto('messages').values({
    trackingNo: no, orgId: org.id, mailboxId: box.id, type: 'consultation', channel: 'online', subject: '住房公积金怎样提取', body: '请问离职后住房公积金怎样提取？',
    senderName: '王某', receivedOn: '2026-03-02', replyDueOn: '2026-03-16', status: 'closed', repliedOn: '2026-03-05',
    replyText: '离职后可凭身份证到县住房公积金管理中心窗口办理提取，也可在网上办理。', publicReply: true, published, publishedOn: published ? '2026-03-06' : null,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-04-01T02:00:00Z') });
  await t.app.inject({ url: '/api/v1/mailboxes' });
  publishedId = await message('FAQ-1', true);
  unpublishedId = await message('FAQ-2', false);
});
afterAll(async () => t?.close());

describe('便民问答', () => {
  let id: number;

  it('turns a published answer into a draft entry (转为便民问答)', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${publishedId}/faq`, headers: await t.auth('office'), payload: { category: '住房保障' } });
    expect(res.statusCode).toBe(201);
    const f = res.json();
    id = f.id;
    expect(f).toMatchObject({ question: '住房公积金怎样提取', status: 'draft', statusLabel: '草稿', category: '住房保障', actions: ['publish'] });
    expect(f.answer).toContain('住房公积金管理中心');
    const entries = (await t.app.inject({ url: `/api/v1/handling/messages/${publishedId}/faq`, headers: await t.auth('office') })).json();
    expect(entries.items).toHaveLength(1);
    // A draft is not public.
    expect((await t.app.inject({ url: `/hdjl/faq/${id}` })).statusCode).toBe(404);
  });

  it('refuses a message that is not published, other roles, and bad input — storing nothing', async () => {
    const before = Number((await t.db.selectFrom('faqEntries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const unpublished = await t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${unpublishedId}/faq`, headers: await t.auth('office'), payload: {} });
    expect(unpublished.statusCode).toBe(409);
    expect(unpublished.json().message).toContain('已公开');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${publishedId}/faq`, headers: await t.auth('clerk'), payload: {} })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/faq/${id}/actions`, headers: await t.auth('supervisor'), payload: { action: 'publish' } })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url: `/api/v1/faq/${id}`, headers: await t.auth('office'), payload: { question: '问', answer: 'x'.repeat(5001) } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { message: string }) => d.message).join()).toMatch(/问题/);
    const badAction = await t.app.inject({ method: 'POST', url: `/api/v1/faq/${id}/actions`, headers: await t.auth('office'), payload: { action: 'delete' } });
    expect(badAction.statusCode).toBe(400);
    const after = Number((await t.db.selectFrom('faqEntries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before);
    expect((await t.db.selectFrom('faqEntries').select('question').where('id', '=', id).executeTakeFirstOrThrow()).question).toBe('住房公积金怎样提取');
    // Supervisors read.
    expect((await t.app.inject({ url: `/api/v1/faq/${id}`, headers: await t.auth('supervisor') })).json().actions).toEqual([]);
  });

  it('edits, then refuses to publish personal data', async () => {
    const edited = await t.app.inject({ method: 'PUT', url: `/api/v1/faq/${id}`, headers: await t.auth('office'), payload: { question: '离职后住房公积金怎样提取？', answer: '可联系张三，电话13812345678。', category: '住房保障' } });
    expect(edited.statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/faq/${id}/actions`, headers: await t.auth('office'), payload: { action: 'publish' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details[0].path).toBe('answer');
    await t.app.inject({ method: 'PUT', url: `/api/v1/faq/${id}`, headers: await t.auth('office'), payload: { question: '离职后住房公积金怎样提取？', answer: '离职后可凭身份证到县住房公积金管理中心窗口办理提取。', category: '住房保障' } });
  });

  it('publishes: the public list, the search and the entry page show it', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/faq/${id}/actions`, headers: await t.auth('office'), payload: { action: 'publish' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', publishedOn: '2026-04-01', actions: ['withdraw'] });
    const page = await t.app.inject({ url: `/hdjl/faq/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('离职后住房公积金怎样提取？');
    const list = await t.app.inject({ url: '/hdjl/faq' });
    expect(list.body).toContain(`/hdjl/faq/${id}`);
    expect(list.body).toContain('住房保障（1）');
    const found = await t.app.inject({ url: `/hdjl/faq?q=${encodeURIComponent('公积金')}` });
    expect(found.body).toContain(`/hdjl/faq/${id}`);
    const site = (await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent('公积金')}&kind=faq` })).json();
    expect(site.results.map((r: { url: string }) => r.url)).toContain(`/hdjl/faq/${id}`);
    const nothing = await t.app.inject({ url: `/hdjl/faq?q=${encodeURIComponent('宅基地')}` });
    expect(nothing.body).toContain('没有找到相关的便民问答');
  });

  it('withdraws: gone from the portal and the search; every step audited', async () => {
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/faq/${id}/actions`, headers: await t.auth('office'), payload: { action: 'withdraw' } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/hdjl/faq/${id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/hdjl/faq?q=${encodeURIComponent('公积金')}` })).body).not.toContain(`/hdjl/faq/${id}`);
    const actions = (await t.db.selectFrom('auditLog').select('action').where('targetType', '=', 'faq').where('targetId', '=', String(id)).orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(['faq.fromMessage', 'faq.update', 'faq.update', 'faq.publish', 'faq.withdraw']);
  });

  it('lets staff write an entry of their own, scoped to their bodies', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/faq', headers: await t.auth('office'), payload: { orgCode: DEMO_FINANCE_CODE, question: '惠民补贴什么时候发放？', answer: '每季度首月发放到社保卡。' } });
    expect(created.statusCode).toBe(201);
    const list = (await t.app.inject({ url: '/api/v1/faq', headers: await t.auth('office') })).json();
    expect(list.total).toBe(2);
    expect((await t.app.inject({ url: '/api/v1/faq', headers: await t.auth('clerk') })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/hdjl/faq/abc' })).statusCode).toBe(404);
  });
});
