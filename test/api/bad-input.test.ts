/**
 * Every endpoint in the OpenAPI document, fed malformed input by an anonymous
 * caller and by the administrator: the answer is always a coded 4xx (or a
 * success for harmless reads), never a 5xx. Every text field of every JSON body is
 * also fed a lone UTF-16 surrogate, which must be refused with a 400 naming the field
 * in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { fieldName } from '../../src/http/input-guards.js';
import { createTestApp, TestApp } from '../support/app.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
}

interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
}

let t: TestApp;
let doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> };
let routes: Operation[] = [];
beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject('/api/openapi.json')).json();
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => ({ method: m.toUpperCase(), path, body: op.requestBody?.content?.['application/json']?.schema })),
  );
});
afterAll(async () => t.close());

const PARAM_VALUES = ['x', '999999', 'a'.repeat(300), '%E4%B8%AD%00', '%ED%A0%80'];
const PAYLOADS: (string | object | undefined)[] = [undefined, {}, { unexpected: [1, { deep: null }] }, '"just a string"', '[1,2,3]', '{"broken":'];

function fill(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

/** The endpoints the fixed contract (shared/spec/api-contract.md) names, parameters written {…}. */
const CONTRACT = [
  'POST /api/v1/auth/token', 'GET /api/v1/orgs', 'POST /api/v1/users', 'GET /api/v1/calendar/workdays/add', 'GET /api/v1/calendar/workdays/check',
  'POST /api/v1/scan', 'GET /api/v1/catalog', 'GET /api/v1/catalog/{}', 'POST /api/v1/orgs/{}/catalog-import', 'POST /api/v1/requests',
  'GET /api/v1/requests/{}', 'GET /api/v1/handling/requests', 'POST /api/v1/handling/requests/{}/actions', 'POST /api/v1/orgs/{}/request-ledger',
  'GET /api/v1/orgs/{}/annual-reports/{}',
];

describe('the OpenAPI document', () => {
  it('lists every endpoint of the contract, and only routes the server really has', () => {
    const listed = routes.map((r) => `${r.method} ${r.path.replace(/\{[^}]+\}/g, '{}')}`);
    expect(listed).toEqual(expect.arrayContaining(CONTRACT));
    const missing = routes.filter((r) => !t.app.hasRoute({ method: r.method as 'GET', url: r.path.replace(/\{([^}]+)\}/g, ':$1') }));
    expect(missing).toEqual([]);
    // Every operation is fuzzed below: none is left out for want of a method the fuzzer knows.
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).filter((m) => m !== 'parameters').length, 0);
    expect(routes).toHaveLength(operations);
  });
});

describe('bad input on every endpoint', () => {
  it('never answers 5xx, and every error has a code and a Chinese message', async () => {
    const admin = await t.auth('admin');
    const failures: string[] = [];
    for (const route of routes) {
      if (route.path === '/api/v1/auth/logout') continue;
      for (const value of route.path.includes('{') ? PARAM_VALUES : ['']) {
        for (const payload of route.method === 'GET' || route.method === 'DELETE' ? [undefined] : PAYLOADS) {
          for (const headers of [{}, admin]) {
            const res = await t.app.inject({
              method: route.method as 'GET',
              url: `${fill(route.path, value)}${route.method === 'GET' ? '?from=bad&date=bad&days=x&year=x&cursor=%00&limit=-1&q=%ED%A0%80' : ''}`,
              headers: { ...headers, ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}) },
              payload: payload as string,
            });
            const label = `${route.method} ${route.path} [${value.slice(0, 10)}] ${JSON.stringify(payload)?.slice(0, 30)} ${'authorization' in headers ? 'admin' : 'anon'} → ${res.statusCode}`;
            if (res.statusCode >= 500) failures.push(`${label}: ${res.body.slice(0, 200)}`);
            else if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
              const body = res.json();
              if (typeof body.code !== 'string' || !/[\u4e00-\u9fa5]/.test(body.message ?? '')) failures.push(`${label}: error without code or Chinese message: ${res.body.slice(0, 200)}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

// ---------------------------------------------------------------- lone surrogates

const LONE = ['正文\ud83d', '\ude00开头', '中\udc00间'];
const PLAIN = '示例';

/** One value of each shape the schema allows (one per branch of a union), with the paths of its text leaves. */
function samples(schema: JsonSchema | undefined, path: string[] = [], depth = 0): { value: unknown; leaves: string[][] }[] {
  if (!schema || depth > 8) return [{ value: PLAIN, leaves: [path] }];
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) return branches.flatMap((b) => samples(b, path, depth + 1));
  if (schema.allOf) return samples(Object.assign({}, ...schema.allOf), path, depth + 1);
  if (schema.const !== undefined) return [{ value: schema.const, leaves: [] }];
  if (schema.enum) return [{ value: schema.enum[0], leaves: typeof schema.enum[0] === 'string' ? [path] : [] }];
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    const entries = Object.entries(schema.properties ?? {});
    if (!entries.length && typeof schema.additionalProperties === 'object') entries.push(['item', schema.additionalProperties]);
    const value: Record<string, unknown> = {};
    const leaves: string[][] = [];
    for (const [key, child] of entries) {
      const first = samples(child, [...path, key], depth + 1)[0];
      value[key] = first.value;
      leaves.push(...first.leaves);
    }
    return [{ value, leaves }];
  }
  if (type === 'array') {
    const first = samples(schema.items, [...path, '0'], depth + 1)[0];
    return [{ value: [first.value], leaves: first.leaves }];
  }
  if (type === 'integer' || type === 'number') return [{ value: 1, leaves: [] }];
  if (type === 'boolean') return [{ value: true, leaves: [] }];
  return [{ value: PLAIN, leaves: [path] }];
}

function withText(value: unknown, path: string[], text: string): unknown {
  if (!path.length) return text;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? withText(v, rest, text) : v));
  return { ...(value as Record<string, unknown>), [head]: withText((value as Record<string, unknown>)[head], rest, text) };
}

const PATH_VALUES: Record<string, string> = { code: DEMO_FINANCE_CODE, orgCode: DEMO_FINANCE_CODE, year: '2025', date: '2031-01-06', key: 'topics' };

describe('a lone UTF-16 surrogate in any text field', () => {
  it('is refused with a 400 naming the field in Chinese, on every endpoint with a JSON body', async () => {
    const admin = await t.auth('admin');
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes.filter((r) => r.body)) {
      const url = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => PATH_VALUES[name] ?? '1');
      for (const sample of samples(route.body)) {
        for (const [i, leaf] of sample.leaves.entries()) {
          const payload = withText(sample.value, leaf, LONE[i % LONE.length]);
          const res = await t.app.inject({ method: route.method as 'POST', url, headers: admin, payload: payload as object });
          checked += 1;
          const label = `${route.method} ${route.path} ${leaf.join('.') || '(body)'} → ${res.statusCode}`;
          const body = res.json();
          const name = fieldName(leaf);
          if (res.statusCode !== 400 || body.code !== 'VALIDATION_FAILED') failures.push(`${label} ${res.body.slice(0, 150)}`);
          else if (body.details?.[0]?.path !== (leaf.join('.') || undefined)) failures.push(`${label}: reported ${JSON.stringify(body.details)}`);
          else if (!/^[\u4e00-\u9fa5（）、]+$/.test(name) || name === '提交的内容') failures.push(`${label}: field without a Chinese name (${name})`);
          else if (!body.message.includes(`“${name}”`)) failures.push(`${label}: message does not name “${name}”: ${body.message}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  }, 300_000);

  // The answers that were a 500 on PGlite before the edge refused them.
  it.each([
    ['PUT', '/api/v1/calendar/overrides/2031-01-06', '名称', { working: false, name: '元旦\ud83d' }],
    ['PUT', '/api/v1/settings/topics', '设置内容', { value: ['综合政务', '\udc00'] }],
    ['PUT', `/api/v1/orgs/${DEMO_FINANCE_CODE}/guide`, '受理机构', { acceptingOffice: '县财政局办公室\ud83d' }],
    ['POST', `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/publish`, '说明', { note: '更正\ud83d' }],
    ['PUT', `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/draft`, '总体情况', { sections: { overview: '\ud83d概述' } }],
  ])('%s %s is a 400 naming “%s”', async (method, url, name, payload) => {
    const res = await t.app.inject({ method: method as 'PUT', url, headers: await t.auth('admin'), payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining(`“${name}”`) });
  });

  it('is refused in a public JSON form before anything else, and names a nested field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', payload: { applicant: { name: '张\ud83d三' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'applicant.name', message: expect.stringContaining('“申请人姓名或名称”') }]);
  });

  it('cannot arrive in query strings, form bodies or multipart fields, whose bytes are decoded as UTF-8: no 5xx', async () => {
    const cesu = '%ED%A0%BD'; // the bytes of U+D83D, which UTF-8 does not allow
    const answers = [
      await t.app.inject(`/api/v1/catalog?q=${cesu}`),
      await t.app.inject(`/xxgk/catalog?q=${cesu}`),
      await t.app.inject({ method: 'POST', url: `/hdjl/xx/${DEMO_FINANCE_CODE}/main`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `subject=${cesu}&body=${cesu}` }),
      await t.app.inject({ method: 'POST', url: '/ysqgk/account/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `login=${cesu}&password=x` }),
    ];
    const boundary = '----gongkai-bytes';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n`), Buffer.from([0xed, 0xa0, 0xbd]),
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n`), Buffer.from([0xed, 0xb8, 0x80]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    answers.push(await t.app.inject({ method: 'POST', url: '/ysqgk/apply', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload }));
    for (const res of answers) expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(500);
  });
});
