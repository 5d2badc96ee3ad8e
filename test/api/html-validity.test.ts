/**
 * Every public page is valid HTML by html-validate's recommended rules (the program an
 * independent review ran over the portal): no ARIA misuse, no input without a type, no
 * autocomplete token on the wrong kind of field, no duplicate ids … Any error fails the test.
 */
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { publishItem } from '../support/items.js';
import { applyOnline, makeApplication, solvedChallenge } from '../support/requests.js';
import { openSolicitation } from '../support/solicitations.js';
import { GUIDE_EXAMPLE, makeCase, makeItem, makeServiceUser } from '../support/services.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

let t: TestApp;
let itemPath = '';
let trackingNo = '';
let messageNo = '';
let applicantCookie = '';
let solicitationId = 0;
let faqId = 0;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
  const item = await publishItem(t, { title: '页面校验测试通知' });
  itemPath = `/xxgk/items/${item.indexNo}`;
  const office = await t.auth('office');
  await t.app.inject({ method: 'PUT', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/draft`, headers: office, payload: { problems: '依申请公开答复文书格式有待统一。', other: '无其他需要报告的事项。' } });
  const report = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/publish`, headers: office, payload: {} });
  if (report.statusCode !== 200) throw new Error(`report not published: ${report.body}`);
  trackingNo = (await applyOnline(t, { queryPassword: 'check-pw-2026' })).trackingNo;
  // A published message with its reply (the box's list, the message's page, the sender's view with a rating form).
  const sent = await t.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { orgCode: DEMO_COUNTY_CODE, type: 'consultation', subject: '图书馆开放时间', body: '县图书馆周末是否开放？', sender: { name: '王小明', phone: '13800001111' }, publicReply: true, queryPassword: 'secret-123', challenge: await solvedChallenge(t) } });
  messageNo = sent.json().trackingNo;
  const messageId = (await t.db.selectFrom('messages').select('id').where('trackingNo', '=', messageNo).executeTakeFirstOrThrow()).id;
  const step = async (body: object, user: 'office' | 'clerk' = 'office') => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${messageId}/actions`, headers: await t.auth(user), payload: body });
    if (res.statusCode !== 200) throw new Error(res.body);
  };
  await step({ action: 'accept' });
  await step({ action: 'assign', assignedOrgCode: DEMO_FINANCE_CODE });
  await step({ action: 'draft', reply: '县图书馆周六、周日照常开放。' }, 'clerk');
  await step({ action: 'approve' });
  await step({ action: 'publish' });
  // 便民问答 made from it and published (the list, a search and the entry's page).
  const faq = await t.app.inject({ method: 'POST', url: `/api/v1/handling/messages/${messageId}/faq`, headers: office, payload: { category: '文化旅游' } });
  faqId = faq.json().id;
  await t.app.inject({ method: 'POST', url: `/api/v1/faq/${faqId}/actions`, headers: office, payload: { action: 'publish' } });
  const account = await t.app.inject({ method: 'POST', url: '/api/v1/applicant/accounts', payload: { login: '13911112222', displayName: '校验', password: 'citizen2026', challenge: await solvedChallenge(t) } });
  if (account.statusCode !== 201) throw new Error(account.body);
  const session = await t.app.inject({ method: 'POST', url: '/api/v1/applicant/session', payload: { login: '13911112222', password: 'citizen2026' } });
  const cookie = session.cookies.find((c) => c.name === 'gk_applicant')!;
  applicantCookie = `gk_applicant=${cookie.value}`;
  const link = await t.app.inject({ method: 'POST', url: '/api/v1/applicant/requests/link', headers: { cookie: applicantCookie, 'x-csrf-token': session.json().csrfToken }, payload: { trackingNo, queryPassword: 'check-pw-2026' } });
  if (link.statusCode >= 300) throw new Error(`link: ${link.body}`);
  // 意见征集 (issue 13)
  const draft = await openSolicitation(t, { moderated: false });
  solicitationId = draft.id;
  const concern = await t.app.inject({ method: 'POST', url: '/api/v1/concerns', headers: office, payload: { orgCode: DEMO_COUNTY_CODE, title: '某镇山洪灾害', level: 'major', startedAt: '2026-03-10T06:00:00+08:00', spokesperson: '县政府副县长', published: true } });
  await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${concern.json().id}/responses`, headers: office, payload: { kind: 'authoritativeInfo', respondedAt: '2026-03-10T08:30:00+08:00', title: '关于某镇山洪灾害情况的通报', url: 'https://example.gov.cn/tb' } });
  // Its press records: one as plain text, one linked to a published catalog item (set directly: the markup is what is checked here).
  for (const payload of [
    { kind: 'pressConference', title: '某镇山洪灾害情况新闻发布会', heldAt: '2026-03-10T09:00:00+08:00', place: '县政府新闻发布厅', speakers: '县政府副县长' },
    { kind: 'mediaInterview', title: '县应急管理局接受采访', heldAt: '2026-03-10T09:30:00+08:00' },
  ]) {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/concerns/${concern.json().id}/press-records`, headers: office, payload });
    if (res.statusCode !== 201) throw new Error(`press record: ${res.body}`);
  }
  await t.db.updateTable('concernPressRecords').set({ itemId: item.id }).where('concernId', '=', concern.json().id).where('kind', '=', 'pressConference').execute();
  await t.app.inject({ method: 'POST', url: `/api/v1/solicitations/${draft.id}/comments`, payload: { articleId: draft.articleIds[0], body: '建议明确村民委员会的责任。', challenge: await solvedChallenge(t) } });
});
afterAll(async () => t.close());

// 政务服务 (issue 14): an item with a full guide, and a case to look up.
let serviceCase = { caseNo: '', queryPassword: '' };
beforeAll(async () => {
  const clerk = (await makeServiceUser(t, { username: 'svchtml', orgCode: DEMO_FINANCE_CODE })).headers;
  await makeItem(t, clerk, { orgCode: DEMO_FINANCE_CODE, code: 'HTML-1', name: '页面校验事项', guide: GUIDE_EXAMPLE });
  serviceCase = (await makeCase(t, clerk, { itemCode: 'HTML-1' })).json();
});

type PageRequest = { name: string; method?: 'GET' | 'POST'; url: () => string; form?: () => string; cookie?: boolean; status?: number };

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();

const PAGES: PageRequest[] = [
  { name: '首页', url: () => '/' },
  { name: '政府信息公开', url: () => '/xxgk' },
  { name: '公开目录', url: () => '/xxgk/catalog' },
  { name: '公开目录检索', url: () => '/xxgk/catalog?q=%E9%80%9A%E7%9F%A5' },
  { name: '信息页面', url: () => itemPath },
  { name: '公开指南列表', url: () => '/xxgk/guide' },
  { name: '公开指南', url: () => `/xxgk/guide/${DEMO_FINANCE_CODE}` },
  { name: '依申请公开', url: () => '/ysqgk' },
  { name: '在线申请', url: () => '/ysqgk/apply' },
  { name: '在线申请（有错误）', method: 'POST', url: () => '/ysqgk/apply', form: () => form({ orgCode: DEMO_COUNTY_CODE, name: '' }), status: 400 },
  { name: '查询办理进度', url: () => '/ysqgk/status' },
  { name: '办理进度', method: 'POST', url: () => '/ysqgk/status', form: () => form({ trackingNo, queryPassword: 'check-pw-2026' }) },
  { name: '申请人登录', url: () => '/ysqgk/account' },
  { name: '注册申请人账户', url: () => '/ysqgk/account/register' },
  { name: '我的申请', url: () => '/ysqgk/account', cookie: true },
  { name: '我的申请：办理进度', url: () => `/ysqgk/account/requests/${trackingNo}`, cookie: true },
  { name: '互动交流', url: () => '/hdjl' },
  { name: '互动交流：信箱', url: () => '/hdjl/xx' },
  { name: '互动交流：县长信箱', url: () => `/hdjl/xx/${DEMO_COUNTY_CODE}/main` },
  { name: '互动交流：写信（有错误）', method: 'POST', url: () => `/hdjl/xx/${DEMO_COUNTY_CODE}/main`, form: () => form({ type: 'consultation', subject: '', body: '' }), status: 400 },
  { name: '互动交流：来信', url: () => `/hdjl/xx/${DEMO_COUNTY_CODE}/main/${messageNo}` },
  { name: '互动交流：来信办理情况', url: () => `/hdjl/xx/${DEMO_COUNTY_CODE}/main/stats` },
  { name: '互动交流：来信办理情况（无来信的月份）', url: () => `/hdjl/xx/${DEMO_COUNTY_CODE}/main/stats?month=2001-01` },
  { name: '便民问答', url: () => '/hdjl/faq' },
  { name: '便民问答：搜索', url: () => `/hdjl/faq?q=${encodeURIComponent('图书馆')}` },
  { name: '便民问答：问答', url: () => `/hdjl/faq/${faqId}` },
  { name: '互动交流：来信查询', url: () => '/hdjl/cx' },
  { name: '互动交流：查询结果', method: 'POST', url: () => '/hdjl/cx', form: () => form({ trackingNo: messageNo, queryPassword: 'secret-123' }) },
  { name: '年度报告列表', url: () => '/xxgk/reports' },
  { name: '年度报告', url: () => `/xxgk/reports/${DEMO_FINANCE_CODE}/2025` },
  { name: '统计', url: () => `/xxgk/stats/${DEMO_COUNTY_CODE}/2026?rollup=1` },
  { name: '机构信息', url: () => '/orgs' },
  { name: '机构页面', url: () => `/orgs/${DEMO_FINANCE_CODE}` },
  { name: '网站地图', url: () => '/sitemap' },
  { name: '页面不存在', url: () => '/no-such-page', status: 404 },
  { name: '信息不存在', url: () => '/xxgk/items/NOPE/2026-99999', status: 404 },
  { name: '错误页面', url: () => '/xxgk/stats/x/1', status: 400 },
  { name: '全站搜索', url: () => '/search' },
  // 意见征集 (issue 13)
  { name: '意见征集', url: () => '/hdjl/yjzj' },
  { name: '意见征集（已结束）', url: () => '/hdjl/yjzj?state=closed' },
  { name: '征求意见稿', url: () => `/hdjl/yjzj/${solicitationId}` },
  { name: '回应关切', url: () => '/hdjl/hygq' },
  { name: '征求意见稿（提交有错误）', method: 'POST', url: () => `/hdjl/yjzj/${solicitationId}/comments`, form: () => form({ body: '短', challengeId: 'x', challengeAnswer: '1' }), status: 400 },
  { name: '全站搜索结果', url: () => '/search?q=%E9%80%9A%E7%9F%A5' },
  { name: '全站搜索（您是不是要找）', url: () => '/search?q=%E4%B8%89%E5%85%AC%E7%BB%8F%E5%BA%9F' },
  { name: '全站搜索（无结果）', url: () => '/search?q=%E7%81%AB%E6%98%9F%E7%A7%BB%E6%B0%91' },
  // 政务服务
  { name: '政务服务事项', url: () => `/zwfw?org=${DEMO_FINANCE_CODE}&kind=license` },
  { name: '办事指南', url: () => '/zwfw/items/HTML-1' },
  { name: '责任清单', url: () => '/zwfw/lists/responsibility' },
  { name: '权力清单', url: () => '/zwfw/lists/power' },
  { name: '办件查询', url: () => '/zwfw/track' },
  { name: '政务服务统计', url: () => `/zwfw/stats?org=${DEMO_COUNTY_CODE}&month=2025-09` },
  { name: '办件进度', method: 'POST', url: () => '/zwfw/track', form: () => form(serviceCase) },
  { name: '办件评价', url: () => `/zwfw/rate?caseNo=${serviceCase.caseNo}` },
  { name: '办件评价（未办结）', method: 'POST', url: () => '/zwfw/rate', form: () => form({ ...serviceCase, level: '5' }), status: 409 },
  { name: '好差评公示', url: () => '/zwfw/ratings' },
  { name: '办件查询（密码错误）', method: 'POST', url: () => '/zwfw/track', form: () => form({ caseNo: serviceCase.caseNo, queryPassword: 'WRONG1' }), status: 404 },
];

describe('html-validate over every public page', () => {
  it.each(PAGES)('$name has no html-validate error', async (page) => {
    const res = await t.app.inject({
      method: page.method ?? 'GET',
      url: page.url(),
      headers: {
        accept: 'text/html',
        ...(page.cookie ? { cookie: applicantCookie } : {}),
        ...(page.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(page.form ? { payload: page.form() } : {}),
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(page.status ?? 200);
    expect(res.headers['content-type']).toContain('text/html');
    const report = await validator.validateString(res.body);
    const errors = report.results.flatMap((r) => r.messages).map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message} (${m.selector ?? ''})`);
    expect(errors).toEqual([]);
  });
});
