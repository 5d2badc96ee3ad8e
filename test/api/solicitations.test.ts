/**
 * 意见征集 through the API: a 规章 draft opened on 2026-09-01 for the statutory 30 days, whose last day
 * (10-01) falls in 国庆 and is carried to 10-08; comments from the public (challenge, moderation) and from
 * letters; the period enforced; the feedback (意见采纳情况) saved after the period and published.
 */
import { HtmlValidate } from 'html-validate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeEndedDrafts } from '../../src/modules/solicitations/solicitations.service.js';
import { testConfig } from '../../src/config.js';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE } from '../../src/db/seed.js';
import { createContext } from '../../src/http/app.js';
import { createTestApp, TestApp } from '../support/app.js';
import { publishItem } from '../support/items.js';
import { solvedChallenge } from '../support/requests.js';

let clock = Date.parse('2026-09-01T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(clock) });
});
afterAll(async () => t.close());

const draft = {
  orgCode: DEMO_COUNTY_CODE, kind: 'rule', title: '某县城市绿化管理办法（征求意见稿）', explanation: '为加强城市绿化管理，起草本办法。',
  articles: [{ heading: '第一条', text: '为了促进城市绿化事业的发展，制定本办法。' }, { heading: '第二条', text: '本办法适用于本县城市规划区内的绿化工作。' }],
};

async function post(url: string, payload: unknown, user: 'office' | 'clerk' | 'supervisor' | 'admin' | null = 'office', method: 'POST' | 'PUT' | 'PATCH' = 'POST') {
  return t.app.inject({ method, url, payload: payload as object, headers: user ? await t.auth(user) : {} });
}

/** The catalog page of the final document, which links back to the draft. */
let finalDocumentPath = '';

describe('意见征集', () => {
  let id: number;
  let articleIds: number[];
  const commentIds: number[] = [];

  it('refuses a 规章 period below 30 days without a reason, and proposes 30 days by default', async () => {
    const short = await post('/api/v1/solicitations', { ...draft, periodLength: 20 });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'SOLICITATION_PERIOD_TOO_SHORT', details: [{ path: 'periodLength' }] });
    expect(short.json().details[0].message).toContain('不少于30日');

    const res = await post('/api/v1/solicitations', draft);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'draft', statusLabel: '起草中', kindLabel: '规章', periodLength: 30, periodUnit: 'days', moderated: true });
    id = res.json().id;
    articleIds = res.json().articles.map((a: { id: number }) => a.id);
    expect(articleIds).toHaveLength(2);
  });

  it('lets only the 公开办 manage drafts; the 监督员 reads and changes nothing', async () => {
    expect((await post('/api/v1/solicitations', draft, 'clerk')).statusCode).toBe(403);
    expect((await post('/api/v1/solicitations', draft, 'supervisor')).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/solicitations/${id}`, headers: await t.auth('supervisor') })).statusCode).toBe(200);
    expect((await post(`/api/v1/solicitations/${id}/submit`, {}, 'supervisor')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/solicitations', headers: await t.auth('clerk') })).statusCode).toBe(403);
  });

  it("keeps a department's 公开办 out of the county's drafts", async () => {
    const created = await post('/api/v1/users', { username: 'edu-office', displayName: '教育局公开办', orgCode: DEMO_EDUCATION_CODE, roles: ['disclosureOffice'], password: 'Qz7#lvmR2026x' }, 'admin');
    expect(created.statusCode, created.body).toBe(201);
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'edu-office', password: 'Qz7#lvmR2026x' } })).json().token;
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: `/api/v1/solicitations/${id}`, headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/solicitations', headers })).json().items).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/solicitations/${id}/submit`, headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/solicitations', headers, payload: draft })).statusCode).toBe(403);
  });

  it('takes no comments before it is opened', async () => {
    const res = await post(`/api/v1/solicitations/${id}/comments`, { body: '建议增加古树名木保护的条款。', challenge: await solvedChallenge(t) }, null);
    expect(res.statusCode).toBe(404);
  });

  it('goes draft → review → open, the end date fixed on opening and carried past 国庆', async () => {
    expect((await post(`/api/v1/solicitations/${id}/open`, {})).json().code).toBe('SOLICITATION_STATE');
    expect((await post(`/api/v1/solicitations/${id}/submit`, {})).json().status).toBe('review');
    expect((await post(`/api/v1/solicitations/${id}/return`, { reason: '请补充起草依据' })).json().status).toBe('draft');
    expect((await post(`/api/v1/solicitations/${id}`, { explanation: '依据《城市绿化条例》起草。' }, 'office', 'PATCH')).statusCode).toBe(200);
    await post(`/api/v1/solicitations/${id}/submit`, {});
    const opened = await post(`/api/v1/solicitations/${id}/open`, {});
    expect(opened.json()).toMatchObject({ status: 'open', statusLabel: '征求意见中', opensOn: '2026-09-01', endsOn: '2026-10-08', accepting: true });
    expect((await post(`/api/v1/solicitations/${id}`, { title: '改标题' }, 'office', 'PATCH')).json().code).toBe('SOLICITATION_STATE');
    const { rows } = await sql<{ action: string }>`select action from audit_log where target_type = 'solicitation' and target_id = ${String(id)} order by seq`.execute(t.db);
    expect(rows.map((r) => r.action)).toEqual([
      'solicitation.create', 'solicitation.submit', 'solicitation.return', 'solicitation.update', 'solicitation.submit', 'solicitation.open',
    ]);
    const indexed = await t.db.selectFrom('searchDocuments').select(['url', 'title']).where('kind', '=', 'solicitation').where('ref', '=', String(id)).executeTakeFirst();
    expect(indexed).toEqual({ url: `/hdjl/yjzj/${id}`, title: draft.title });
  });

  it('takes public comments with the challenge, encrypts the commenter and holds them for moderation', async () => {
    expect((await post(`/api/v1/solicitations/${id}/comments`, { body: '建议增加古树名木保护的条款。' }, null)).statusCode).toBe(400);
    const res = await post(`/api/v1/solicitations/${id}/comments`, {
      articleId: articleIds[1], body: '建议把乡镇集镇区也纳入适用范围。', commenterName: '王小明', commenterContact: '13900001111', challenge: await solvedChallenge(t),
    }, null);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', statusLabel: '待审核', receivedOn: '2026-09-01' });
    commentIds.push(res.json().id);
    const row = await t.db.selectFrom('solicitationComments').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.nameEnc).not.toContain('王小明');
    expect(row.contactEnc).not.toContain('13900001111');
    const overall = await post(`/api/v1/solicitations/${id}/comments`, { body: '总体赞成，建议尽快出台。', challenge: await solvedChallenge(t) }, null);
    commentIds.push(overall.json().id);
    const foreign = await post(`/api/v1/solicitations/${id}/comments`, { articleId: 999999, body: '针对不存在的条文。', challenge: await solvedChallenge(t) }, null);
    expect(foreign.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'articleId' }] });
  });

  it('registers a letter received within the period, and refuses one dated outside it', async () => {
    clock = Date.parse('2026-09-15T02:00:00Z');
    const letter = await post(`/api/v1/solicitations/${id}/comments`, { articleId: articleIds[0], body: '第一条应写明上位法依据。', channel: 'letter', receivedOn: '2026-09-10', commenterName: '李四' });
    expect(letter.statusCode).toBe(201);
    commentIds.push(letter.json().id);
    const early = await post(`/api/v1/solicitations/${id}/comments`, { body: '征求意见开始前寄出的信。', channel: 'letter', receivedOn: '2026-08-31' });
    expect(early.json()).toMatchObject({ code: 'SOLICITATION_NOT_OPEN', details: [{ path: 'receivedOn' }] });
  });

  it('shows the moderation queue with masked names, and publishes only approved comments', async () => {
    const queue = await t.app.inject({ url: `/api/v1/solicitation-comments?status=pending&draftId=${id}`, headers: await t.auth('office') });
    expect(queue.json().items).toHaveLength(3);
    expect(queue.body).not.toContain('王小明');
    expect(queue.body).not.toContain('13900001111');
    expect(queue.json().items[0]).toMatchObject({ commenterMasked: '王*', articleLabel: '第二条', channelLabel: '网上提交' });
    expect((await post(`/api/v1/solicitation-comments/${commentIds[1]}/moderation`, { decision: 'reject' })).json()).toMatchObject({ details: [{ path: 'reason' }] });
    for (const c of [commentIds[0], commentIds[2]]) expect((await post(`/api/v1/solicitation-comments/${c}/moderation`, { decision: 'approve' })).json().status).toBe('approved');
    expect((await post(`/api/v1/solicitation-comments/${commentIds[1]}/moderation`, { decision: 'reject', reason: '与草案无关' })).json().status).toBe('rejected');
    expect((await post(`/api/v1/solicitation-comments/${commentIds[0]}/moderation`, { decision: 'reject', reason: '再审' })).json().code).toBe('SOLICITATION_STATE');
  });

  it('refuses the feedback while the period runs; accepts comments on the last day, not the day after', async () => {
    expect((await post(`/api/v1/solicitations/${id}/feedback`, { groups: [] }, 'office', 'PUT')).json().code).toBe('SOLICITATION_NOT_ENDED');
    clock = Date.parse('2026-10-08T08:00:00Z');
    const last = await post(`/api/v1/solicitations/${id}/comments`, { body: '最后一天提交的意见。', challenge: await solvedChallenge(t) }, null);
    expect(last.statusCode).toBe(201);
    commentIds.push(last.json().id);
    clock = Date.parse('2026-10-09T01:00:00Z');
    const late = await post(`/api/v1/solicitations/${id}/comments`, { body: '截止后提交的意见。', challenge: await solvedChallenge(t) }, null);
    expect(late.json().code).toBe('SOLICITATION_NOT_OPEN');
    expect((await t.app.inject({ url: `/api/v1/solicitations/${id}`, headers: await t.auth('office') })).json()).toMatchObject({ status: 'closed', statusLabel: '已截止', accepting: false });
    expect(await closeEndedDrafts(createContext(testConfig({ dataDir: t.dataDir }), t.db, () => new Date(clock)))).toBe(1);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'solicitation.close' and actor_user_id is null`.execute(t.db);
    expect(rows[0].n).toBe(1);
  });

  it('saves the feedback by group, with reasons where an opinion is not adopted, and publishes it', async () => {
    const noReason = await post(`/api/v1/solicitations/${id}/feedback`, { groups: [{ summary: '扩大适用范围', decision: 'notAdopted', commentIds: [commentIds[0]] }] }, 'office', 'PUT');
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'groups.0.reason' }] });
    const twice = await post(`/api/v1/solicitations/${id}/feedback`, { groups: [
      { summary: 'a组', decision: 'adopted', commentIds: [commentIds[0]] }, { summary: 'b组', decision: 'adopted', commentIds: [commentIds[0]] },
    ] }, 'office', 'PUT');
    expect(twice.json().details[0].path).toBe('groups.1.commentIds');
    const saved = await post(`/api/v1/solicitations/${id}/feedback`, {
      feedbackSummary: '共收到意见4条，经研究采纳1条，部分采纳1条。',
      groups: [
        { summary: '建议写明上位法依据', articleId: articleIds[0], decision: 'adopted', commentIds: [commentIds[2]] },
        { summary: '建议扩大适用范围至乡镇集镇区', articleId: articleIds[1], decision: 'partlyAdopted', reason: '集镇区的绿化由乡镇另行规定，本办法仅作衔接。', commentIds: [commentIds[0]] },
        { summary: '其他意见', decision: 'notAdopted', reason: '与本办法调整范围无关。', commentIds: [commentIds[3]] },
      ],
    }, 'office', 'PUT');
    expect(saved.statusCode).toBe(200);
    expect(saved.json().statistics).toMatchObject({ received: 4, approved: 2, rejected: 1, pending: 1, overall: 2, adopted: 1, partlyAdopted: 1, notAdopted: 1 });
    expect(saved.json().feedback.map((g: { decisionLabel: string }) => g.decisionLabel)).toEqual(['采纳', '部分采纳', '不予采纳']);
    expect((await post(`/api/v1/solicitations/${id}/feedback/publish`, { finalItemId: 999999 })).json().details[0].path).toBe('finalItemId');
    const finalDocument = await publishItem(t, { title: '某县城市绿化管理办法' });
    finalDocumentPath = `/xxgk/items/${finalDocument.indexNo}`;
    const published = await post(`/api/v1/solicitations/${id}/feedback/publish`, { finalItemId: finalDocument.id });
    expect(published.json()).toMatchObject({ status: 'feedbackPublished', statusLabel: '已公布采纳情况', feedbackPublishedOn: '2026-10-09', finalItemId: finalDocument.id });
    expect((await post(`/api/v1/solicitations/${id}/feedback`, { groups: [] }, 'office', 'PUT')).json().code).toBe('SOLICITATION_STATE');
    const page = await t.app.inject(`/hdjl/yjzj/${id}`);
    expect(page.body).toContain(`<a href="/xxgk/items/${finalDocument.indexNo}">某县城市绿化管理办法</a>`);
    // … and the final document's catalog page links back to the draft (本文件征求意见情况).
    const itemPage = await t.app.inject(`/xxgk/items/${finalDocument.indexNo}`);
    expect(itemPage.body).toContain('<h2 id="item-solicitation-h">本文件征求意见情况</h2>');
    expect(itemPage.body).toContain(`共收到意见4条：<a href="/hdjl/yjzj/${id}">`);
    expect(itemPage.body).toContain('（意见采纳情况于2026年10月9日公布）');
    expect((await t.app.inject(`/xxgk/items/${(await publishItem(t, { title: '与征求意见无关的通知' })).indexNo}`)).body).not.toContain('本文件征求意见情况');
    expect(page.body).toContain('集镇区的绿化由乡镇另行规定，本办法仅作衔接。');
    expect(page.body).toContain('建议把乡镇集镇区也纳入适用范围。');
    expect(page.body).not.toContain('王小明');
    expect(page.body).not.toContain('与草案无关');
    const search = await t.app.inject({ url: '/api/v1/search?q=' + encodeURIComponent('集镇区') });
    expect(search.json().results.some((r: { url: string }) => r.url === `/hdjl/yjzj/${id}`)).toBe(true);
  });

  it('counts drafts and comments per body for a period, rolled up to the county', async () => {
    const own = await t.app.inject(`/api/v1/orgs/${DEMO_COUNTY_CODE}/solicitation-statistics?from=2026-01-01&to=2026-12-31`);
    expect(own.json()).toEqual({
      drafts: 1, byKind: { rule: 1, normative: 0, majorDecision: 0, other: 0 }, feedbackPublished: 1, comments: 4, adopted: 1, partlyAdopted: 1, notAdopted: 1,
    });
    const before = await t.app.inject(`/api/v1/orgs/${DEMO_COUNTY_CODE}/solicitation-statistics?from=2026-01-01&to=2026-08-31&rollup=true`);
    expect(before.json()).toMatchObject({ drafts: 0, comments: 0 });
    const reversed = await t.app.inject(`/api/v1/orgs/${DEMO_COUNTY_CODE}/solicitation-statistics?from=2026-12-31&to=2026-01-01`);
    expect(reversed.json().details[0].path).toBe('to');
  });

  it('renders the ended list and the page with its feedback as valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const url of ['/hdjl/yjzj?state=closed', `/hdjl/yjzj/${id}`, finalDocumentPath]) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(200);
      const report = await validator.validateString(res.body);
      expect(report.results.flatMap((r) => r.messages).map((m) => `${url} ${m.ruleId} ${m.message}`)).toEqual([]);
    }
    const closed = await t.app.inject('/hdjl/yjzj?state=closed');
    expect(closed.body).toContain(draft.title);
    expect(closed.body).toContain('已公布采纳情况');
    expect((await t.app.inject('/hdjl/yjzj')).body).toContain('目前没有正在征求意见的草案。');
  });
});
