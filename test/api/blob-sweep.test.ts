/**
 * Files in the blob store that no row references: deleted with the transaction that rolled
 * back, and swept hourly once older than the grace period (those written just before a
 * transaction that failed). Files that rows reference, and recent ones, are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { DEMO_COUNTY_CODE } from '../../src/db/seed.js';
import { createContext } from '../../src/http/app.js';
import { blobKeyColumns } from '../../src/modules/platform/blob-sweep.repository.js';
import { BLOB_GRACE_MS, sweepOrphanBlobs } from '../../src/modules/platform/blob-sweep.service.js';
import { createTestApp, TestApp } from '../support/app.js';
import { multipart } from '../support/multipart.js';
import { solvedChallenge, VALID_ID_NUMBER } from '../support/requests.js';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100)]);

let t: TestApp;
let ctx: AppContext;
beforeAll(async () => {
  t = await createTestApp();
  // The same database and data directory as the app, as another part of the server sees them.
  ctx = createContext(testConfig({ dataDir: t.dataDir }), t.db);
});
afterAll(async () => t.close());

const blobsDir = () => path.join(t.dataDir!, 'blobs');
const exists = (key: string) => fs.existsSync(path.join(blobsDir(), key));
function age(key: string, ms: number) {
  const when = new Date(Date.now() - ms);
  fs.utimesSync(path.join(blobsDir(), key), when, when);
}
async function storedKeys() {
  const keys: string[] = [];
  for await (const b of ctx.blobs.list()) keys.push(b.key);
  return keys.sort();
}

async function applyWithIdCopy() {
  const challenge = await solvedChallenge(t);
  const body = multipart({
    orgCode: DEMO_COUNTY_CODE, applicantType: 'natural', name: '周八', idType: 'idCard', idNumber: VALID_ID_NUMBER, phone: '13700137000',
    description: '示例县2025年度农村公路建设计划', form: 'electronic', delivery: 'online', queryPassword: 'zhouba-pass', challengeId: challenge.id, challengeAnswer: challenge.answer,
  }, [{ field: 'idCopy', name: '身份证.jpg', data: JPEG }]);
  return t.app.inject({ method: 'POST', url: '/ysqgk/apply', ...body });
}

describe('files no row references', () => {
  it('finds every column that holds blob keys from the schema', async () => {
    expect(await blobKeyColumns(t.db)).toEqual(expect.arrayContaining([
      { table: 'item_attachments', column: 'blob_key' }, { table: 'request_documents', column: 'blob_key' },
    ]));
  });

  it('are deleted with a transaction that rolls back, and kept with one that commits', async () => {
    let kept = '';
    await ctx.db.transaction().execute(async () => { kept = (await ctx.blobs.put(Buffer.from('kept'))).key; });
    let discarded = '';
    await expect(ctx.db.transaction().setIsolationLevel('serializable').execute(async () => {
      discarded = (await ctx.blobs.put(Buffer.from('discarded'))).key;
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(exists(kept)).toBe(true);
    expect(exists(discarded)).toBe(false);
  });

  it('are not left behind when a service stores an upload in a transaction that then fails', async () => {
    const before = await storedKeys();
    await sql`create function refuse_documents() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(t.db);
    await sql`create trigger refuse_documents before insert on request_documents for each row execute function refuse_documents()`.execute(t.db);
    try {
      const failed = await applyWithIdCopy();
      expect(failed.statusCode).toBe(500);
    } finally {
      await sql`drop trigger refuse_documents on request_documents`.execute(t.db);
      await sql`drop function refuse_documents()`.execute(t.db);
    }
    expect(await storedKeys()).toEqual(before);
    // And when nothing fails, the upload is stored and referenced.
    expect((await applyWithIdCopy()).statusCode).toBe(200);
    expect((await storedKeys()).length).toBe(before.length + 1);
  });

  it('are swept once older than the grace period; referenced and recent files stay', async () => {
    expect((await applyWithIdCopy()).statusCode).toBe(200);
    const { rows } = await sql<{ blobKey: string }>`select blob_key from request_documents order by id desc limit 1`.execute(t.db);
    const referenced = rows[0].blobKey;
    const oldOrphan = (await ctx.blobs.put(Buffer.from('written before a transaction that failed'))).key;
    const recentOrphan = (await ctx.blobs.put(Buffer.from('its transaction may still be running'))).key;
    age(referenced, 3 * BLOB_GRACE_MS);
    age(oldOrphan, BLOB_GRACE_MS + 60_000);
    age(recentOrphan, BLOB_GRACE_MS - 60_000);

    const result = await sweepOrphanBlobs(ctx);
    expect(result.deleted).toEqual([oldOrphan]);
    expect(result.scanned).toBeGreaterThanOrEqual(3);
    expect(exists(oldOrphan)).toBe(false);
    expect(exists(referenced)).toBe(true);
    expect(exists(recentOrphan)).toBe(true);
    expect((await ctx.blobs.get(referenced)).equals(JPEG)).toBe(true);
  });
});
