/**
 * Every endpoint in the OpenAPI document, fed malformed input by an anonymous
 * caller and by the administrator: the answer is always a coded 4xx (or a
 * success for harmless reads), never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestApp } from '../support/app.js';

let t: TestApp;
let routes: { method: string; path: string }[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(async () => t.close());

const PARAM_VALUES = ['x', '999999', 'a'.repeat(300), '%E4%B8%AD%00'];
const PAYLOADS: (string | object | undefined)[] = [undefined, {}, { unexpected: [1, { deep: null }] }, '"just a string"', '[1,2,3]', '{"broken":'];

function fill(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

describe('bad input on every endpoint', () => {
  it('the document lists the endpoints', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

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
              url: `${fill(route.path, value)}${route.method === 'GET' ? '?from=bad&date=bad&days=x&year=x&cursor=%00&limit=-1' : ''}`,
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
