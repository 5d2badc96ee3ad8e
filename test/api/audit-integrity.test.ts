/**
 * The audit chain anchored outside its table: signed checkpoints of its head (table, file in
 * DATA_DIR, archive) let the verifier report a cut tail and a history rewritten with freshly
 * computed hashes, which the hash chain alone cannot notice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash, verifyChain } from '../../src/modules/audit/audit-chain.js';
import { verifyAuditArchive } from '../../src/modules/audit/audit-integrity.service.js';
import { createContext } from '../../src/http/app.js';
import { testConfig } from '../../src/config.js';
import { createTestApp, TestApp } from '../support/app.js';

let t: TestApp;
// Each test tampers with the trail: each gets a fresh database.
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

async function makeEntries(n: number) {
  const admin = await t.auth('admin');
  for (let i = 1; i <= n; i += 1) {
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/calendar/overrides/2032-01-0${i}`, headers: admin, payload: { working: false, name: '元旦' } });
    expect(res.statusCode).toBe(204);
  }
}

const lastSeq = async () => (await sql<{ seq: number }>`select max(seq)::int as seq from audit_log`.execute(t.db)).rows[0].seq;
const checkpointNow = async () => (await t.app.inject({ method: 'POST', url: '/api/v1/audit/checkpoints', headers: await t.auth('admin') })).json();
const verify = async () => (await t.app.inject({ url: '/api/v1/audit/verify', headers: await t.auth('supervisor') })).json();

/** What someone with the database's owner rights can do: switch the append-only triggers off. */
async function behindTheBack(change: () => Promise<unknown>) {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.db);
  try {
    await change();
  } finally {
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.db);
  }
}

describe('signed checkpoints of the audit chain', () => {
  it('are written to their table and to the file in DATA_DIR, once per new head', async () => {
    await makeEntries(2);
    const first = await checkpointNow();
    expect(first).toMatchObject({ written: true, checkpoint: { seq: await lastSeq(), hash: expect.stringMatching(/^[0-9a-f]{64}$/), mac: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    // The head has not moved (writing a checkpoint is not itself an audited change).
    expect(await checkpointNow()).toMatchObject({ written: false });
    const lines = fs.readFileSync(path.join(t.dataDir!, 'audit-checkpoints.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([first.checkpoint]);
    const listed = (await t.app.inject({ url: '/api/v1/audit/checkpoints', headers: await t.auth('supervisor') })).json();
    expect(listed.items).toEqual([{ seq: first.checkpoint.seq, at: first.checkpoint.at, hash: first.checkpoint.hash, valid: true, inFile: true }]);
    expect((await verify())).toMatchObject({ ok: true, checkpoint: { seq: first.checkpoint.seq }, message: expect.stringContaining('与 1 个签名检查点一致') });
  });

  it('let the verifier report a cut tail, even when the checkpoint table was emptied too', async () => {
    await makeEntries(4);
    await t.auth('supervisor'); // signed in before the cut: signing in is itself audited
    const { checkpoint } = await checkpointNow();
    await behindTheBack(() => sql`delete from audit_log where seq > ${checkpoint.seq - 2}`.execute(t.db));
    const cut = await verify();
    expect(cut).toMatchObject({ ok: false, truncated: true, lastSeq: checkpoint.seq - 2, firstBrokenSeq: checkpoint.seq - 1 });
    expect(cut.message).toContain(`只到第 ${checkpoint.seq - 2} 条`);
    expect(cut.message).toContain('末尾至少 2 条记录被删除');
    await sql`delete from audit_checkpoints`.execute(t.db);
    expect(await verify()).toMatchObject({ ok: false, truncated: true });
    // A new checkpoint never anchors the shortened chain.
    expect(await checkpointNow()).toMatchObject({ written: false });
  });

  it('let the verifier report a history rewritten with freshly computed hashes', async () => {
    await makeEntries(3);
    const { checkpoint } = await checkpointNow();
    const target = checkpoint.seq - 2;
    // Rewrite one entry and recompute every hash after it, as an attacker who knows the chain's rules would.
    await behindTheBack(async () => {
      const { rows } = await sql<{ seq: number; at: Date; actorUserId: number | null; actorUsername: string | null; orgId: number | null; action: string; targetType: string; targetId: string | null; summary: Record<string, unknown>; prevHash: string }>`
        select seq::int as seq, at, actor_user_id, actor_username, org_id, action, target_type, target_id, summary, prev_hash from audit_log where seq >= ${target} order by seq`.execute(t.db);
      let prevHash = rows[0].prevHash;
      for (const row of rows) {
        const entry = { ...row, at: new Date(row.at), prevHash, summary: row.seq === target ? { forged: true } : row.summary };
        const hash = entryHash(entry);
        await sql`update audit_log set summary = ${JSON.stringify(entry.summary)}::jsonb, prev_hash = ${prevHash}, hash = ${hash} where seq = ${row.seq}`.execute(t.db);
        prevHash = hash;
      }
    });
    const rewritten = await verify();
    expect(rewritten).toMatchObject({ ok: false, firstBrokenSeq: checkpoint.seq });
    expect(rewritten.message).toContain('改写');
    expect(rewritten.truncated).toBeUndefined();
    // Later entries do not get the rewritten history signed.
    await makeEntries(1);
    expect(await checkpointNow()).toMatchObject({ written: false });
  });

  it('are not forged by writing rows or lines without the key', async () => {
    await makeEntries(1);
    const seq = await lastSeq();
    await sql`insert into audit_checkpoints (seq, hash, at, mac) values (${seq + 50}, ${'0'.repeat(64)}, now(), ${'f'.repeat(64)})`.execute(t.db);
    fs.appendFileSync(path.join(t.dataDir!, 'audit-checkpoints.jsonl'), `${JSON.stringify({ seq: seq + 60, hash: '1'.repeat(64), at: new Date().toISOString(), mac: 'x' })}\n{torn`);
    const res = await verify();
    // A forged checkpoint is neither believed (no truncation is claimed) nor ignored.
    expect(res).toMatchObject({ ok: false, forgedCheckpoints: 2, message: expect.stringContaining('2 个签名无效的检查点') });
    expect(res.truncated).toBeUndefined();
  });

  it('go into the archive exported with backups, which the verifier checks on its own', async () => {
    await makeEntries(3);
    await checkpointNow();
    const res = await t.app.inject({ url: '/api/v1/audit/archive', headers: await t.auth('admin') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="audit-archive-\d{4}-\d{2}-\d{2}\.jsonl"/);
    const lines = res.body.trim().split('\n');
    const records = lines.map((l) => JSON.parse(l));
    expect(records[0]).toMatchObject({ type: 'header', format: 'gongkai-audit-archive' });
    expect(records.filter((r) => r.type === 'entry')).toHaveLength(await lastSeq());
    expect(records.filter((r) => r.type === 'checkpoint')).toHaveLength(1);

    const ctx = createContext(testConfig({ dataDir: t.dataDir }), t.db);
    const from = async function* (values: string[]) { yield* values; };
    expect(await verifyAuditArchive(ctx, from(lines))).toMatchObject({ ok: true });
    // The same archive with its last entries cut off is reported as truncated.
    const entries = lines.filter((l) => l.includes('"type":"entry"'));
    const cut = lines.filter((l) => !entries.slice(-2).includes(l));
    expect(await verifyAuditArchive(ctx, from(cut))).toMatchObject({ ok: false, truncated: true });
  });

  it('are for the supervisor and the administrator only', async () => {
    for (const url of ['/api/v1/audit/verify', '/api/v1/audit/checkpoints', '/api/v1/audit/archive']) {
      expect((await t.app.inject({ url, headers: await t.auth('clerk') })).statusCode).toBe(403);
      expect((await t.app.inject({ url, headers: await t.auth('office') })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/audit/checkpoints', headers: await t.auth('clerk') })).statusCode).toBe(403);
  });
});

describe('verifyChain without checkpoints', () => {
  it('cannot tell a cut tail, which is why the checkpoints exist', async () => {
    const none = async function* () {};
    expect(await verifyChain(none(), [], () => true)).toMatchObject({ ok: true, checked: 0, message: expect.stringContaining('尚无签名检查点') });
  });
});
