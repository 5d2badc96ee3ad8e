/**
 * The audit log as staff read it: every action the code records has a Chinese label; actor,
 * target and summary are words, not codes or JSON; search, filters and sort select the right
 * entries; the export carries exactly the filtered entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { seedDemoContent } from '../../src/db/demo-content.js';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { LABELS } from '../../src/domain/labels.js';
import { createContext } from '../../src/http/app.js';
import { actionSchema } from '../../src/modules/requests/requests.schemas.js';
import { createTestApp, passwordOf, TestApp } from '../support/app.js';
import { makeApplication } from '../support/requests.js';

let t: TestApp;
let admin: { authorization: string };

interface Entry {
  seq: number; at: string; action: string; actionLabel: string; actorName: string; orgName: string | null;
  targetLabel: string; summaryText: string; hash: string;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-16T02:00:00Z') });
  // The demo county's content goes through the real services: items through review, requests through their steps, a ledger.
  await seedDemoContent(createContext(testConfig({ dataDir: t.dataDir }), t.db));
  admin = await t.auth('admin');
  const supervisor = await t.auth('supervisor');
  // A few more kinds of entry: users, calendar, settings, a failed and a reset sign-in, a message.
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'auditee', displayName: '审计测试员', orgCode: DEMO_EDUCATION_CODE, roles: ['clerk'], password: 'Shenji-Passw0rd!' } });
  await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${created.json().id}`, headers: admin, payload: { roles: ['clerk', 'deptHead'], displayName: '审计测试员甲' } });
  await t.app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2031-10-08', headers: admin, payload: { working: true, name: '国庆调休' } });
  await t.app.inject({ method: 'PUT', url: '/api/v1/settings/sensitiveWords', headers: admin, payload: { value: ['绝密', '机密文件'] } });
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'auditee', password: 'wrong-password' } });
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'auditee', password: 'Shenji-Passw0rd!' } });
  await t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: await t.auth('office'), payload: { orgCode: DEMO_COUNTY_CODE, type: 'consultation', subject: '预算公开时间', body: '部门预算一般什么时候公开？', sender: { name: '钱七', phone: '13800001111' }, publicReply: false, queryPassword: 'secret-123', channel: 'phone' } });
  // Requests handled through a few more steps.
  const office = await t.auth('office');
  for (const action of [{ action: 'extend', workingDays: 10, reason: '需要调取档案' }, { action: 'requestSupplement', items: '请说明所需信息的具体年份', periodWorkingDays: 10 }]) {
    const registered = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: office, payload: { ...makeApplication(), channel: 'inPerson' } });
    const { items } = (await t.app.inject({ url: `/api/v1/handling/requests?trackingNo=${registered.json().trackingNo}`, headers: office })).json();
    const done = await t.app.inject({ method: 'POST', url: `/api/v1/handling/requests/${items[0].id}/actions`, headers: office, payload: action });
    expect(done.statusCode, done.body).toBe(200);
  }
  // A reply drafted by the department (its draft is stored as JSON text) and sent back by the office.
  const drafted = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: office, payload: { ...makeApplication(), channel: 'inPerson' } });
  const [request] = (await t.app.inject({ url: `/api/v1/handling/requests?trackingNo=${drafted.json().trackingNo}`, headers: office })).json().items;
  for (const [user, action] of [
    ['office', { action: 'assign', orgCode: DEMO_FINANCE_CODE, note: '请提出答复意见' }],
    ['clerk', { action: 'draftReply', outcome: 'granted', note: '所需信息见附件。' }],
    ['office', { action: 'returnReply', comment: '请附上信息的具体页码' }],
  ] as const) {
    const done = await t.app.inject({ method: 'POST', url: `/api/v1/handling/requests/${request.id}/actions`, headers: await t.auth(user), payload: action });
    expect(done.statusCode, done.body).toBe(200);
  }
  expect(supervisor.authorization).toMatch(/^Bearer /);
});
afterAll(async () => t.close());

async function list(query = ''): Promise<Entry[]> {
  const res = await t.app.inject({ url: `/api/v1/audit?${query.includes('limit=') ? '' : 'limit=200'}${query}`, headers: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** Words a summary may contain besides Chinese: numbers, dates, addresses, file sizes. */
const ALLOWED_LATIN = /^(KB|MB|PDF|DOCX|XLSX|JPEG|PNG)$/;

describe('the audit log in words', () => {
  it('has a Chinese label for every action the code records', () => {
    const literal = new Set<string>();
    const walk = (dir: string) => {
      for (const name of fs.readdirSync(dir)) {
        const file = path.join(dir, name);
        if (fs.statSync(file).isDirectory()) walk(file);
        else if (file.endsWith('.ts')) for (const m of fs.readFileSync(file, 'utf8').matchAll(/\baction: '([a-z]+\.[a-zA-Z.]+)'/g)) literal.add(m[1]);
      }
    };
    walk(path.resolve(import.meta.dirname, '../../src'));
    // Actions built from a value: request.<handling action>, item.<decision>, item.finding.<resolution>, auth|applicant.<outcome>.
    const built = [
      ...actionSchema.options.map((o) => `request.${o.shape.action.value}`),
      'item.approve', 'item.return', 'item.finding.redact', 'item.finding.accept',
      ...['auth', 'applicant'].flatMap((p) => ['failed', 'locked', 'throttled', 'failuresReset'].map((o) => `${p}.${o}`)),
    ];
    const missing = [...literal, ...built].filter((a) => !Object.prototype.hasOwnProperty.call(LABELS.auditAction, a));
    expect(literal.size).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('shows actions, actors, targets and summaries without codes or JSON', async () => {
    const entries = await list();
    expect(entries.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const e of entries) {
      const label = `#${e.seq} ${e.action}`;
      if (e.actionLabel === '其他操作' || !/[\u4e00-\u9fa5]/.test(e.actionLabel)) problems.push(`${label}: action ${e.actionLabel}`);
      if (/[{}"]|\b(undefined|null|true|false)\b/.test(e.summaryText)) problems.push(`${label}: summary ${e.summaryText}`);
      if (e.summaryText.includes('另有')) problems.push(`${label}: summary has unnamed fields: ${e.summaryText}`);
      const latin = (e.summaryText.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_LATIN.test(w));
      // The only Latin words allowed are the names people typed (user names) and file kinds.
      if (latin.some((w) => !['auditee'].includes(w))) problems.push(`${label}: summary with codes: ${e.summaryText}`);
      if (/\b[a-z]+[A-Z][a-z]+\b/.test(e.targetLabel) || !/[\u4e00-\u9fa5]/.test(e.targetLabel)) problems.push(`${label}: target ${e.targetLabel}`);
      if (/^user #|#\d/.test(e.actorName)) problems.push(`${label}: actor ${e.actorName}`);
    }
    expect(problems).toEqual([]);
  });

  it('names the actor, the target and what changed', async () => {
    const entries = await list();
    const userUpdate = entries.find((e) => e.action === 'user.update')!;
    expect(userUpdate).toMatchObject({ actionLabel: '修改用户', actorName: '系统管理员（admin）', targetLabel: '账号：审计测试员甲（auditee）' });
    expect(userUpdate.summaryText).toContain('姓名：审计测试员 → 审计测试员甲');
    expect(userUpdate.summaryText).toContain('角色：信息员 → 信息员、科室负责人');
    const calendar = entries.find((e) => e.action === 'calendar.setDay')!;
    expect(calendar).toMatchObject({ actionLabel: '设置节假日或调休', targetLabel: '工作日历：2031-10-08' });
    expect(calendar.summaryText).toContain('名称：国庆调休');
    const draft = entries.find((e) => e.action === 'request.draftReply')!;
    for (const part of ['答复稿：（', '办理结果：予以公开', '说明：所需信息见附件。', '拟稿人：财政局信息员']) expect(draft.summaryText).toContain(part);
    expect(draft.summaryText).not.toContain('拟稿人编号');
    const failed = entries.find((e) => e.action === 'auth.failed')!;
    expect(failed).toMatchObject({ actionLabel: '登录失败', actorName: '公众' });
    expect(failed.summaryText.split('，').sort()).toEqual(['失败次数：1', '网络地址：127.0.0.1', '账号：auditee']);
    expect(entries.find((e) => e.action === 'auth.failuresReset')!.summaryText).toContain('失败次数：1');
    const submitted = entries.find((e) => e.action === 'item.submit')!;
    expect(submitted.targetLabel).toMatch(/^信息：[《]?示例县.+/);
    expect(submitted.summaryText).toBe('状态：草稿 → 待科室负责人审核');
    const settings = entries.find((e) => e.action === 'settings.update')!;
    expect(settings).toMatchObject({ targetLabel: '系统设置：敏感词' });
    expect(settings.summaryText).toContain('绝密、机密文件');
    const message = entries.find((e) => e.action === 'message.register')!;
    expect(message.summaryText).toContain('渠道：电话');
    expect(message.summaryText).toContain('类型：咨询');
    expect(message.summaryText).toContain('信箱：县长信箱');
    expect(message.targetLabel).toMatch(/^来信：预算公开时间（XX2026-/);
  });
});

describe('searching, filtering and sorting', () => {
  it('finds entries by words in the action, the actor, the target or the summary', async () => {
    const byActionWord = await list(`&q=${encodeURIComponent('登录失败')}`);
    expect(byActionWord.length).toBeGreaterThan(0);
    expect(byActionWord.every((e) => e.actionLabel.includes('登录失败') || e.summaryText.includes('登录失败'))).toBe(true);
    const bySummary = await list(`&q=${encodeURIComponent('国庆调休')}`);
    expect(bySummary.map((e) => e.action)).toEqual(['calendar.setDay']);
    const byActorName = await list(`&q=${encodeURIComponent('系统管理员')}`);
    expect(byActorName.length).toBeGreaterThan(0);
    expect(byActorName.every((e) => e.actorName.startsWith('系统管理员'))).toBe(true);
  });

  it('filters by action, category, body, actor and date range, and sorts either way', async () => {
    const all = await list();
    expect((await list('&action=user.update')).map((e) => e.seq)).toEqual(all.filter((e) => e.action === 'user.update').map((e) => e.seq));
    const items = await list('&category=item');
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((e) => e.action.startsWith('item.'))).toBe(true);
    const education = await list(`&orgCode=${DEMO_EDUCATION_CODE}`);
    expect(education.length).toBeGreaterThan(0);
    expect(education.every((e) => e.orgName === '示例县教育局')).toBe(true);
    const byClerk2 = await list('&actor=clerk2');
    expect(byClerk2.length).toBeGreaterThan(0);
    expect(byClerk2.every((e) => e.actorName.endsWith('（clerk2）'))).toBe(true);
    // Everything was recorded today (real clock): a range ending yesterday finds nothing.
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    expect(await list(`&from=${today}&to=${today}`)).toHaveLength(all.length);
    expect(await list('&from=2000-01-01&to=2000-12-31')).toEqual([]);
    const oldestFirst = await list('&order=asc&limit=5');
    expect(oldestFirst.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    const newestFirst = all.map((e) => e.seq);
    expect(newestFirst).toEqual([...newestFirst].sort((a, b) => b - a));
  });

  it('pages without gaps or repeats', async () => {
    const all = await list('&order=asc');
    const seen: number[] = [];
    let cursor = '';
    for (;;) {
      const res = (await t.app.inject({ url: `/api/v1/audit?order=asc&limit=7${cursor}`, headers: admin })).json();
      seen.push(...res.items.map((e: Entry) => e.seq));
      if (!res.next) break;
      cursor = `&cursor=${res.next}`;
    }
    expect(seen).toEqual(all.map((e) => e.seq));
  });

  it('limits a 公开办 to its own bodies', async () => {
    const res = await t.app.inject({ url: `/api/v1/audit?orgCode=${DEMO_FINANCE_CODE}`, headers: await t.auth('office') });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/audit', headers: await t.auth('clerk') })).statusCode).toBe(403);
  });
});

describe('exporting the filtered log', () => {
  it('writes a CSV that spreadsheets open, with exactly the filtered entries', async () => {
    const expected = await list('&category=request');
    const res = await t.app.inject({ url: '/api/v1/audit/export?format=csv&category=request', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审计日志'));
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('序号,时间,操作人,机构,操作,对象,内容摘要,哈希');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(expected.map((e) => e.seq));
  });

  it('writes an XLSX with Chinese headers and readable rows', async () => {
    const res = await t.app.inject({ url: `/api/v1/audit/export?format=xlsx&actor=admin&order=asc`, headers: admin });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '时间', '操作人', '机构', '操作', '对象', '内容摘要', '哈希']);
    const expected = await list('&actor=admin&order=asc');
    expect(sheet.rowCount - 1).toBe(expected.length);
    expect(sheet.getRow(2).getCell(3).value).toBe('系统管理员（admin）');
    expect(sheet.getRow(2).getCell(5).value).toBe(expected[0].actionLabel);
  });
});

describe('the demo accounts', () => {
  it('still sign in after all of this', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'clerk', password: passwordOf('clerk') } })).statusCode).toBe(200);
  });
});
