/**
 * Messages for input that fails validation: every one names the field in Chinese and says what
 * to do, in the API's JSON details and on the portal's forms that work without JavaScript. The
 * validator's own text ("数值过小：期望 string >=1 字符") never reaches a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { fieldLabel, issueMessage } from '../../src/http/error-handler.js';
import { createTestApp, TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
});
afterAll(async () => t.close());

/** What only a validator would write: its English type names, comparison signs, its Chinese templates. */
const VALIDATOR_TEXT = /期望|实际接收|>=|<=|\b(string|number|boolean|object|array|undefined|NaN|int)\b|无效输入|数值过/;

describe('the API names the field and says what to do', () => {
  const cases: { name: string; method: 'GET' | 'POST' | 'PUT'; url: string; user?: 'clerk' | 'office'; payload?: unknown; details: { path: string; message: string }[] }[] = [
    {
      name: 'a message with a short subject, no text, a long name and a malformed phone',
      method: 'POST', url: '/api/v1/messages',
      payload: { orgCode: DEMO_FINANCE_CODE, type: 'consultation', subject: '问', body: '   ', sender: { name: '名'.repeat(51), phone: 'abc' }, publicReply: false, queryPassword: 'secret-1' },
      details: [
        { path: 'subject', message: '标题至少需要2个字符，请补充完整。' },
        { path: 'body', message: '请填写正文。' },
        { path: 'sender.name', message: '姓名不能超过50个字符，请删减后重新提交。' },
        { path: 'sender.phone', message: '联系电话格式不正确，请填写手机或固定电话号码。' },
      ],
    },
    {
      name: 'an application with missing, blank and malformed fields',
      method: 'POST', url: '/api/v1/requests',
      payload: { orgCode: DEMO_COUNTY_CODE, applicant: { type: 'natural', name: '', idType: 'idCard', idNumber: '11010519491231002X', phone: '13800138000', email: 'not-an-address' }, description: '某文件', form: 'scroll', delivery: 'online' },
      details: [
        { path: 'applicant.name', message: '请填写申请人姓名或名称。' },
        { path: 'applicant.email', message: '电子邮箱格式不正确，请填写有效的电子邮箱地址（如 name@example.com）。' },
        { path: 'form', message: '获取信息的载体形式不在可选范围内，请从给出的选项中选择。' },
        { path: 'queryPassword', message: '请填写查询密码。' },
      ],
    },
    {
      name: 'an item without a title, with an unknown disclosure and an impossible date',
      method: 'POST', url: '/api/v1/items', user: 'clerk',
      payload: { title: '', bodyHtml: '<p>正文</p>', disclosure: 'sometimes', docKind: 'other', category: '其他', topic: '其他', writtenOn: '2026-02-30' },
      details: [
        { path: 'title', message: '请填写标题。' },
        { path: 'disclosure', message: '公开属性不在可选范围内，请从给出的选项中选择。' },
        { path: 'writtenOn', message: '成文日期：请按 YYYY-MM-DD 填写有效的日期。' },
      ],
    },
    {
      name: 'a statistics year before the first annual reports (a path parameter)',
      method: 'GET', url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/statistics/1999`, user: 'office',
      details: [{ path: 'year', message: '年度应在2008年至2026年之间，请重新填写。' }],
    },
    {
      name: 'a calendar year that is not a number (a query parameter)',
      method: 'GET', url: '/api/v1/calendar/overrides?year=abc', user: 'office',
      details: [{ path: 'year', message: '年份应为数字，请重新填写。' }],
    },
    {
      name: 'a handling action that does not exist, and an extension by half a day without a reason',
      method: 'POST', url: '/api/v1/handling/requests/1/actions', user: 'office',
      payload: { action: 'extend', workingDays: 1.5 },
      details: [
        { path: 'workingDays', message: '延长的工作日数应为整数，请重新填写。' },
        { path: 'reason', message: '请填写理由。' },
      ],
    },
    {
      name: 'a message reply that is too short and an extension of eleven working days',
      method: 'POST', url: '/api/v1/handling/messages/1/actions', user: 'office',
      payload: { action: 'extend', days: 11, reason: '需' },
      details: [
        { path: 'days', message: '延长工作日数不能大于10，请重新填写。' },
        { path: 'reason', message: '理由至少需要2个字符，请补充完整。' },
      ],
    },
  ];

  it.each(cases)('$name', async (c) => {
    const res = await t.app.inject({ method: c.method, url: c.url, ...(c.user ? { headers: await t.auth(c.user) } : {}), ...(c.payload !== undefined ? { payload: c.payload as object } : {}) });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual(c.details);
    expect(body.message).toBe(`提交的内容需要修改：${c.details.map((d) => d.message).join('')}`);
    expect(body.message).not.toMatch(VALIDATOR_TEXT);
  });

  it('phrases each kind of issue by itself (table of kinds, hand-written answers)', () => {
    const table: [Parameters<typeof issueMessage>[0], unknown, string][] = [
      [{ code: 'invalid_type', path: ['title'], expected: 'string' }, {}, '请填写标题。'],
      [{ code: 'invalid_type', path: ['publicReply'], expected: 'boolean' }, {}, '请选择是否同意公开。'],
      [{ code: 'invalid_type', path: ['pages'], expected: 'number' }, { pages: 'x' }, '页数应为数字，请重新填写。'],
      [{ code: 'too_small', path: ['title'], origin: 'string', minimum: 1 }, { title: ' ' }, '请填写标题。'],
      [{ code: 'too_small', path: ['queryPassword'], origin: 'string', minimum: 8, message: '查询密码至少8位' }, { queryPassword: 'abc' }, '查询密码至少需要8个字符，请补充完整。'],
      [{ code: 'too_big', path: ['subject'], origin: 'string', maximum: 100 }, { subject: 'x' }, '标题不能超过100个字符，请删减后重新提交。'],
      [{ code: 'too_small', path: ['workingDays'], origin: 'number', minimum: 1, inclusive: true }, { workingDays: 0 }, '延长的工作日数不能小于1，请重新填写。'],
      [{ code: 'too_big', path: ['periodWorkingDays'], origin: 'number', maximum: 30, inclusive: true }, { periodWorkingDays: 31 }, '补正期限（工作日）不能大于30，请重新填写。'],
      [{ code: 'too_small', path: ['roles'], origin: 'array', minimum: 1 }, { roles: [] }, '角色至少需要选择1项。'],
      [{ code: 'invalid_value', path: ['applicant', 'type'], values: ['natural'] }, { applicant: { type: 'x' } }, '申请人类型不在可选范围内，请从给出的选项中选择。'],
      [{ code: 'invalid_value', path: ['delivery'], values: ['post'] }, { delivery: '' }, '请选择获取信息的方式。'],
      [{ code: 'invalid_format', path: ['email'], format: 'email' }, { email: 'x' }, '电子邮箱格式不正确，请填写有效的电子邮箱地址（如 name@example.com）。'],
      [{ code: 'invalid_format', path: ['postalCode'], format: 'regex', message: '邮政编码应为6位数字' }, { postalCode: '12' }, '邮政编码应为6位数字，请检查后重新填写。'],
      [{ code: 'invalid_format', path: ['phone'], format: 'regex', message: '电话号码格式不正确' }, { phone: 'x' }, '联系电话：电话号码格式不正确，请检查后重新填写。'],
      [{ code: 'custom', path: ['receivedOn'], message: '请按 YYYY-MM-DD 填写有效的日期' }, { receivedOn: 'x' }, '收到日期：请按 YYYY-MM-DD 填写有效的日期。'],
      // Left empty, a field that must match a pattern is asked for, not called malformed.
      [{ code: 'invalid_format', path: ['applicant', 'phone'], format: 'regex', message: '联系电话格式不正确' }, { applicant: { phone: '' } }, '请填写联系电话。'],
      [{ code: 'custom', path: ['receivedOn'], message: '请按 YYYY-MM-DD 填写有效的日期' }, { receivedOn: '' }, '请填写收到日期。'],
      [{ code: 'not_multiple_of', path: ['amount'], divisor: 10 }, { amount: 3 }, '金额应为10的整数倍，请重新填写。'],
      [{ code: 'unrecognized_keys', path: ['checklist'], keys: ['extra'] }, {}, '保密审查事项中有无法识别的项目，请删除后重新提交。'],
      [{ code: 'invalid_type', path: [], expected: 'object' }, undefined, '提交的内容格式不正确，请按表单或接口说明填写后重新提交。'],
      // An entry of a keyed list is named by the list.
      [{ code: 'too_big', path: ['externalFigures', 'licensing.decisions'], origin: 'number', maximum: 1e9, inclusive: true }, {}, '手工填写的数据不能大于1000000000，请重新填写。'],
    ];
    for (const [issue, input, expected] of table) expect(issueMessage(issue, input), JSON.stringify(issue)).toBe(expected);
  });

  it('has a Chinese name for every field of every API route (body, query, path and header parameters)', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { parameters?: { name: string }[]; requestBody?: { content?: Record<string, { schema?: unknown }> } }>> };
    const fields = new Set<string>();
    const walk = (schema: unknown, path: string[]) => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      for (const [key, value] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
        fields.add([...path, key].join('.'));
        walk(value, [...path, key]);
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'allOf']) {
        const value = s[key];
        for (const v of Array.isArray(value) ? value : [value]) walk(v, path);
      }
    };
    for (const operations of Object.values(doc.paths)) {
      for (const op of Object.values(operations)) {
        for (const p of op.parameters ?? []) fields.add(p.name);
        for (const content of Object.values(op.requestBody?.content ?? {})) walk(content.schema, []);
      }
    }
    expect(fields.size).toBeGreaterThan(100);
    const unnamed = [...fields].filter((f) => !fieldLabel(f.split('.')));
    expect(unnamed).toEqual([]);
  });
});

describe('the portal forms without JavaScript show the same messages', () => {
  const form = (values: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', payload: new URLSearchParams(values).toString() });

  it('互动交流: names each field and keeps what was typed', async () => {
    const { payload, ...headers } = form({ type: 'consultation', subject: '', body: '请问预算何时公开', senderName: '', senderPhone: '13800138000', queryPassword: 'secret-1' });
    const res = await t.app.inject({ method: 'POST', url: `/hdjl/xx/${DEMO_FINANCE_CODE}/main`, headers, payload });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('提交未成功，请修改以下内容：');
    expect(res.body).toContain('<p class="error" id="e-subject">请填写标题。</p>');
    expect(res.body).toContain('<p class="error" id="e-sender-name">请填写姓名。</p>');
    expect(res.body).toMatch(/<input id="m-subject"[^>]* aria-invalid="true" aria-describedby="e-subject">/);
    expect(res.body).toContain('请问预算何时公开');
    expect(res.body).not.toMatch(VALIDATOR_TEXT);
  });

  it('在线申请: each field shows its own message beside it', async () => {
    const { payload, ...headers } = form({ orgCode: DEMO_COUNTY_CODE, applicantType: 'natural', name: '', idType: 'idCard', idNumber: '11010519491231002X', phone: '13800138000', email: 'bad', description: '', form: 'electronic', delivery: 'online', queryPassword: 'short' });
    const res = await t.app.inject({ method: 'POST', url: '/ysqgk/apply', headers, payload });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<p class="error" id="e-name">请填写申请人姓名或名称。</p>');
    expect(res.body).toContain('<p class="error" id="e-email">电子邮箱格式不正确，请填写有效的电子邮箱地址（如 name@example.com）。</p>');
    expect(res.body).toContain('<p class="error" id="e-description">请填写所需政府信息的描述。</p>');
    expect(res.body).toContain('<p class="error" id="e-queryPassword">查询密码至少需要8个字符，请补充完整。</p>');
    const visible = res.body.replace(/<[^>]+>/g, ' ');
    expect(visible).not.toMatch(VALIDATOR_TEXT);
  });

  it('an address a browser opens with a bad parameter gives an error page listing the fields', async () => {
    const res = await t.app.inject({ url: `/xxgk/stats/${DEMO_COUNTY_CODE}/1999`, headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请修改以下内容后重新提交：');
    expect(res.body).toContain('<li>年度应在2008年至2026年之间，请重新填写。</li>');
    const visible = res.body.replace(/<head>[\s\S]*<\/head>/, '').replace(/<[^>]+>/g, ' ');
    expect(visible).not.toMatch(VALIDATOR_TEXT);
    // Not the error code either: that is in the page's head, for programs.
    expect(visible).not.toContain('VALIDATION_FAILED');
    expect(res.body).toContain('<meta name="error-code" content="VALIDATION_FAILED">');
  });
});
