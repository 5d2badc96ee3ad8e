/**
 * Several people acting on one item at the same moment, with real parallelism: PostgreSQL and a
 * pool of connections (PGlite runs one statement at a time, so these races cannot happen there).
 * Each change locks the item's row for its transaction; the version number and the status are read
 * under that lock, and (item, version) is unique.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestApp } from '../support/app.js';
import { CHECKLIST, itemAt, makeItem } from '../support/items.js';

let t: TestApp;
beforeAll(async () => {
  expect(process.env.TEST_DB).toBe('postgres');
  t = await createTestApp({ now: () => new Date('2026-03-10T02:00:00Z') });
});
afterAll(async () => t.close());

async function inParallel(count: number, request: (n: number) => Promise<{ statusCode: number; json(): any }>) {
  return Promise.all(Array.from({ length: count }, (_, n) => request(n)));
}

describe('concurrent changes to one item', () => {
  it('numbers ten simultaneous edits of a draft 2 to 11, each once, and keeps the last as the item', async () => {
    const item = await itemAt(t, 'draft', { title: '并发修改测试' });
    const headers = await t.auth('clerk');
    const results = await inParallel(10, (n) => t.app.inject({ method: 'PUT', url: `/api/v1/items/${item.id}`, headers, payload: makeItem({ title: `并发修改测试第${n}次` }) }));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const versions = await t.db.selectFrom('itemVersions').select(['version', 'snapshot']).where('itemId', '=', item.id).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const current = await t.db.selectFrom('infoItems').select(['version', 'title']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(current.version).toBe(11);
    // The item is the version written last, not a mixture.
    expect(current.title).toBe(versions[10].snapshot.title);
  });

  it('lets only one of several edits made from the same version through', async () => {
    const item = await itemAt(t, 'draft', { title: '同一版本并发修改测试' });
    const headers = await t.auth('clerk');
    const results = await inParallel(6, (n) => t.app.inject({ method: 'PUT', url: `/api/v1/items/${item.id}`, headers, payload: makeItem({ title: `从第1版修改${n}`, baseVersion: 1 }) }));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(Array(5).fill('ITEM_EDIT_CONFLICT'));
  });

  it('submits a draft once when it is submitted five times at once', async () => {
    const item = await itemAt(t, 'draft', { title: '并发提交测试' });
    const headers = await t.auth('clerk');
    const results = await inParallel(5, () => t.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/submit`, headers }));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const reviews = await t.db.selectFrom('itemReviews').select('decision').where('itemId', '=', item.id).execute();
    expect(reviews).toEqual([{ decision: 'submit' }]);
  });

  it('withdraws a published item once when two leaders withdraw it at once', async () => {
    const item = await itemAt(t, 'published', { title: '并发撤销测试' });
    const [leader, office] = [await t.auth('leader'), await t.auth('office')];
    const results = await inParallel(6, (n) => t.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/withdraw`, headers: n % 2 ? leader : office, payload: { reason: `撤销原因${n}` } }));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const audit = await t.db.selectFrom('auditLog').select('action').where('targetType', '=', 'item').where('targetId', '=', String(item.id)).where('action', '=', 'item.withdraw').execute();
    expect(audit).toHaveLength(1);
  });

  it('gives 50 concurrent publications 50 distinct consecutive serials', async () => {
    // Preparing 50 items through the whole workflow is the slow part: ten at a time (distinct items do not race).
    const ids: number[] = [];
    for (let batch = 0; batch < 5; batch += 1) {
      const prepared = await Promise.all(Array.from({ length: 10 }, (_, i) => itemAt(t, 'leaderApproval', { title: `并发发布测试${batch * 10 + i}` })));
      ids.push(...prepared.map((p) => p.id));
    }
    const leader = await t.auth('leader');
    const results = await Promise.all(ids.map((id) => t.app.inject({ method: 'POST', url: `/api/v1/items/${id}/review`, headers: leader, payload: { decision: 'approve' } })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    const serials = results.map((r) => Number(r.json().indexNo.split('-').pop())).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(50);
    expect(serials[49] - serials[0]).toBe(49);
  }, 120_000);

  it('approves an item once when the same reviewer approves it twice at once', async () => {
    const item = await itemAt(t, 'confidentialityReview', { title: '并发审核测试' });
    const headers = await t.auth('reviewer');
    const results = await inParallel(4, () => t.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/review`, headers, payload: { decision: 'approve', checklist: CHECKLIST } }));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
  });
});
