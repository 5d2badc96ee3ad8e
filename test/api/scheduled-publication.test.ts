/**
 * Scheduled publication as a background job: an item whose time has passed is published by the
 * `publish-scheduled` job even when nobody reads a public page, once however often the job runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createContext } from '../../src/http/app.js';
import { runJobOnce } from '../../src/jobs/background-jobs.js';
import { platformJobs } from '../../src/jobs/platform-jobs.js';
import { createTestApp, TestApp } from '../support/app.js';
import { itemAt } from '../support/items.js';

let now = new Date('2026-05-06T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => now });
});
afterAll(async () => t.close());

const silent = { info: () => {} };

describe('the publish-scheduled job', () => {
  it('runs every 30 seconds and at start', () => {
    const job = platformJobs(silent).find((j) => j.name === 'publish-scheduled');
    expect(job).toMatchObject({ everyMs: 30_000, runAtStart: true });
  });

  it('publishes a scheduled item whose time has passed, with one audit row, and only once', async () => {
    const item = await itemAt(t, 'leaderApproval', { title: '无人访问时定时发布的公告', formedOn: '2026-05-06' });
    const approved = await t.app.inject({ method: 'POST', url: `/api/v1/items/${item.id}/review`, headers: await t.auth('leader'), payload: { decision: 'approve', publishAt: '2026-05-07T09:00:00+08:00' } });
    expect(approved.json()).toMatchObject({ status: 'scheduled', scheduledAt: '2026-05-07T01:00:00.000Z' });

    const ctx = createContext(testConfig({ dataDir: t.dataDir }), t.db, () => now);
    const job = platformJobs(silent).find((j) => j.name === 'publish-scheduled')!;
    const audits = () => t.db.selectFrom('auditLog').select('seq').where('action', '=', 'item.publishScheduled').where('targetId', '=', String(item.id)).execute();
    const scheduledList = async () => (await t.app.inject({ url: '/api/v1/items?status=scheduled', headers: await t.auth('leader') })).json().items.map((i: { id: number }) => i.id);

    // Before its time the job leaves it alone.
    expect(await runJobOnce(ctx, job)).toBe(true);
    expect((await t.db.selectFrom('infoItems').select('status').where('id', '=', item.id).executeTakeFirstOrThrow()).status).toBe('scheduled');
    expect(await scheduledList()).toContain(item.id);

    // Half an hour after its time, with no public page read in between.
    now = new Date('2026-05-07T01:30:00Z');
    expect(await runJobOnce(ctx, job)).toBe(true);
    const row = await t.db.selectFrom('infoItems').select(['status', 'indexNo', 'publishedOn', 'scheduledAt']).where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'published', publishedOn: '2026-05-07', scheduledAt: null });
    expect(row.indexNo).toMatch(/\/2026-\d{5}$/);
    expect(await audits()).toHaveLength(1);
    expect(await scheduledList()).not.toContain(item.id);

    // A second run (or a page read that checks too) finds nothing left to publish.
    expect(await runJobOnce(ctx, job)).toBe(true);
    expect(await audits()).toHaveLength(1);
    const reviews = await t.db.selectFrom('itemReviews').select('decision').where('itemId', '=', item.id).where('decision', '=', 'publishScheduled').execute();
    expect(reviews).toHaveLength(1);

    // It is in the feed and the catalog search.
    expect((await t.app.inject('/xxgk/feed.xml')).body).toContain('无人访问时定时发布的公告');
    const found = (await t.app.inject(`/api/v1/catalog?q=${encodeURIComponent('无人访问时定时发布')}`)).json().items;
    expect(found.map((i: { indexNo: string }) => i.indexNo)).toEqual([row.indexNo]);
  });
});
