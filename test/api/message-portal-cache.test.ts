/**
 * A mailbox's published replies on the portal (/hdjl/xx/{org}/{box}) come from the page cache (ctx.pages), as the
 * catalog's lists do, and a message's page is a cached page: publishing or unpublishing a message drops them,
 * so a new reply shows at once while unchanged pages are not rebuilt for every visitor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, type DemoUser, type TestApp } from '../support/app.js';
import { solvedChallenge } from '../support/requests.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
});
afterAll(async () => t.close());

const BOX = `/hdjl/xx/${DEMO_COUNTY_CODE}/main`;
const page = async (url = BOX) => t.app.inject({ url, headers: { accept: 'text/html' } });

/** A message written online with consent to publication, answered and approved (not published yet). */
async function answered(subject: string) {
  const sent = await t.app.inject({
    method: 'POST', url: '/api/v1/messages',
    payload: { orgCode: DEMO_COUNTY_CODE, type: 'consultation', subject, body: `${subject}，请问如何办理？`, sender: { name: '李四', phone: '13800002222' }, publicReply: true, queryPassword: 'secret-123', challenge: await solvedChallenge(t) },
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const { trackingNo } = sent.json() as { trackingNo: string };
  const id = (await t.db.selectFrom('messages').select('id').where('trackingNo', '=', trackingNo).executeTakeFirstOrThrow()).id;
  for (const [body, user] of [[{ action: 'accept' }, 'office'], [{ action: 'assign', assignedOrgCode: DEMO_FINANCE_CODE }, 'office'], [{ action: 'draft', reply: `关于${subject}：请到县政务服务中心办理。` }, 'clerk'], [{ action: 'approve' }, 'office']] as const) {
    const res = await act(id, body, user);
    expect(res.statusCode, res.body).toBe(200);
  }
  return { id, trackingNo };
}
const act = async (id: number, body: object, user: DemoUser = 'office') =>
  t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${id}/actions`, headers: await t.auth(user), payload: body });

describe('published replies through the page cache', () => {
  it('shows a reply as soon as it is published, and serves the list from the cache until then', async () => {
    const first = await answered('老年人乘车卡办理');
    const quiet = await answered('社保卡补办');
    expect((await page()).body).toContain('暂无公开的来信');
    expect((await act(first.id, { action: 'publish' })).statusCode).toBe(200);
    expect((await page()).body).toContain('老年人乘车卡办理');

    // Published behind the service's back (no invalidation): the list cached a moment ago does not show it yet …
    await t.db.updateTable('messages').set({ published: true, publishedOn: '2026-03-10' }).where('id', '=', quiet.id).execute();
    expect((await page()).body).not.toContain('社保卡补办');

    // … until a publication through the service drops the cache: then both are read afresh.
    const third = await answered('居住证续签');
    expect((await act(third.id, { action: 'publish' })).statusCode).toBe(200);
    const body = (await page()).body;
    expect(body).toContain('居住证续签');
    expect(body).toContain('社保卡补办');
    expect(body).toContain('老年人乘车卡办理');
  });

  it('takes an unpublished message off the list and its own page at once', async () => {
    const m = await answered('公租房申请条件');
    expect((await act(m.id, { action: 'publish' })).statusCode).toBe(200);
    const url = `${BOX}/${m.trackingNo}`;
    const before = await page(url);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('关于公租房申请条件：请到县政务服务中心办理。');
    expect(before.body).toContain('李*');
    expect(before.body).not.toContain('13800002222');
    expect(before.headers.etag).toBeTruthy();
    expect((await page(url)).headers.etag).toBe(before.headers.etag);
    expect((await page()).body).toContain('公租房申请条件');

    expect((await act(m.id, { action: 'unpublish', reason: '来信人要求撤回' })).statusCode).toBe(200);
    expect((await page(url)).statusCode).toBe(404);
    expect((await page()).body).not.toContain('公租房申请条件');
  });

  it('gives every visitor of the box page a challenge of their own (the form is not cached)', async () => {
    const ids = await Promise.all([page(), page()].map(async (res) => /name="challengeId" value="([^"]+)"/.exec((await res).body)?.[1]));
    expect(ids[0]).toBeTruthy();
    expect(ids[0]).not.toBe(ids[1]);
  });
});
