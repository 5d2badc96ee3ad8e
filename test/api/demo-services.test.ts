/** The demo county's 政务服务: a centre with windows, items with guides, and cases at different steps. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { seedDemoContent } from '../../src/db/demo-content.js';
import { DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createContext } from '../../src/http/app.js';
import { createTestApp, passwordOf, TestApp } from '../support/app.js';

let t: TestApp;
const now = () => new Date('2026-03-02T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ now });
  await seedDemoContent(createContext(testConfig(), t.db, now));
});
afterAll(async () => t.close());

async function auth(username: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username, password: passwordOf(username) } });
  return { authorization: `Bearer ${res.json().token}` };
}

describe('the demo county\'s 政务服务', () => {
  it('publishes four items with guides and the county centre with two windows', async () => {
    const items = (await t.app.inject('/api/v1/service-items')).json().items;
    expect(items.map((i: { code: string }) => i.code).sort()).toEqual(['CZ-QR-0001', 'CZ-XK-0001', 'JY-GG-0001', 'JY-XK-0001']);
    const guide = await t.app.inject({ url: '/zwfw/items/CZ-XK-0001', headers: { accept: 'text/html' } });
    expect(guide.body).toContain('flow-chart');
    const centres = (await t.app.inject({ url: '/api/v1/service-centres', headers: await auth('svcmanager') })).json().items;
    expect(centres[0].windows.map((w: { number: string; chiefName: string | null }) => [w.number, w.chiefName])).toEqual([['12', null], ['8', '财政窗口工作人员']]);
  });

  it('has cases open, waiting for a supplement, closed and rated, and overdue', async () => {
    const cases = (await t.app.inject({ url: '/api/v1/service-cases', headers: await auth('svcclerk') })).json().items;
    expect(cases.map((c: { status: string }) => c.status).sort()).toEqual(['accepted', 'awaitingSupplement', 'completed', 'processing']);
    const board = (await t.app.inject({ url: '/api/v1/service-supervision?from=2026-01-01', headers: await auth('svcmanager') })).json();
    expect(board.counts.overdue).toBe(1);
    const stats = (await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/service-statistics?from=2026-01-01&to=2026-03-02`)).json();
    expect(stats).toMatchObject({ accepted: 4, completed: 1, completionRate: '25.00', ratings: { count: 1, satisfactionRate: '100.00' } });
  });
});
