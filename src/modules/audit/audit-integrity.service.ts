/**
 * Keeping the audit trail whole (等保 2.0 审计记录保护): signed checkpoints of the chain's head,
 * written periodically to their own table, to a file in DATA_DIR and to the log; verification
 * that holds the chain against them (a cut tail, a rewritten history); and the archive that
 * carries entries and checkpoints into backups.
 */
import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { canVerifyAudit } from './audit.policy.js';
import { ChainVerification, Checkpoint, checkpointMessage, verifyChain } from './audit-chain.js';
import * as repo from './audit.repository.js';
import { appendCheckpoint, checkpointFile, readCheckpointFile } from './checkpoint-file.js';

/** How often each server process signs the chain's head (when it has moved). */
export const CHECKPOINT_INTERVAL_MS = 5 * 60_000;

const MAC_PURPOSE = 'audit-checkpoint';

function sign(ctx: AppContext, checkpoint: Pick<Checkpoint, 'seq' | 'hash' | 'at'>): string {
  return ctx.crypto.keyedHash(MAC_PURPOSE, checkpointMessage(checkpoint));
}

function isAuthentic(ctx: AppContext, checkpoint: Checkpoint): boolean {
  const expected = Buffer.from(sign(ctx, checkpoint));
  const given = Buffer.from(checkpoint.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const fromRow = (row: Awaited<ReturnType<typeof repo.listCheckpoints>>[number]): Checkpoint => ({
  seq: Number(row.seq), hash: row.hash, at: new Date(row.at).toISOString(), mac: row.mac,
});

/**
 * Signs the chain's current head and stores the checkpoint in the table, the file and (through
 * `log`) the server log. Does nothing when the head has not moved past the latest checkpoint
 * (nor when the chain is shorter than it: a cut tail is never anchored).
 */
export async function writeAuditCheckpoint(ctx: AppContext, log?: (checkpoint: Checkpoint) => void): Promise<Checkpoint | null> {
  const head = await repo.findLastEntry(ctx.db);
  if (!head) return null;
  // The latest genuine checkpoint from the table or the file (an emptied table must not hide one).
  const latest = (await knownCheckpoints(ctx)).filter((c) => isAuthentic(ctx, c)).sort((a, b) => b.seq - a.seq)[0];
  if (latest && latest.seq >= Number(head.seq)) return null;
  // Nor is a history anchored whose entry at the latest checkpoint no longer matches it.
  if (latest && (await repo.findEntryHash(ctx.db, latest.seq)) !== latest.hash) return null;
  const unsigned = { seq: Number(head.seq), hash: head.hash, at: ctx.now().toISOString() };
  const checkpoint = { ...unsigned, mac: sign(ctx, unsigned) };
  await repo.insertCheckpoint(ctx.db, { ...checkpoint, at: new Date(checkpoint.at) });
  await appendCheckpoint(checkpointFile(ctx.config.dataDir), checkpoint);
  log?.(checkpoint);
  return checkpoint;
}

/** Every checkpoint known here: the table's and the file's (the same one twice counts once). */
async function knownCheckpoints(ctx: AppContext, extra: Checkpoint[] = []): Promise<Checkpoint[]> {
  const all = [...(await repo.listCheckpoints(ctx.db)).map(fromRow), ...(await readCheckpointFile(checkpointFile(ctx.config.dataDir))), ...extra];
  const seen = new Map<string, Checkpoint>();
  for (const c of all) seen.set(`${c.seq}|${c.hash}|${c.at}|${c.mac}`, c);
  return [...seen.values()];
}

async function* entriesOf(ctx: AppContext) {
  let after = 0;
  for (;;) {
    const page = await repo.readChainPage(ctx.db, after, 1000);
    if (!page.length) return;
    for (const row of page) yield { ...row, seq: Number(row.seq), at: new Date(row.at) };
    after = Number(page[page.length - 1].seq);
  }
}

/** Walks the whole chain and holds it against every checkpoint; reports the first problem. */
export async function verifyAuditIntegrity(ctx: AppContext): Promise<ChainVerification> {
  return verifyChain(entriesOf(ctx), await knownCheckpoints(ctx), (c) => isAuthentic(ctx, c));
}

/** The same check on an exported archive (its checkpoints together with those known here). */
export async function verifyAuditArchive(ctx: AppContext, lines: AsyncIterable<string>): Promise<ChainVerification> {
  const checkpoints: Checkpoint[] = [];
  const entries: (Parameters<typeof verifyChain>[0] extends AsyncIterable<infer E> ? E : never)[] = [];
  for await (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    if (record.type === 'checkpoint') checkpoints.push(record as unknown as Checkpoint);
    if (record.type === 'entry') entries.push({ ...(record as unknown as (typeof entries)[number]), at: new Date(record.at as string) });
  }
  async function* inOrder() { yield* entries; }
  return verifyChain(inOrder(), await knownCheckpoints(ctx, checkpoints), (c) => isAuthentic(ctx, c));
}

export async function verifyAuditFor(ctx: AppContext, actor: Actor) {
  if (!canVerifyAudit(actor)) throw new AppError('FORBIDDEN');
  return verifyAuditIntegrity(ctx);
}

/** The latest checkpoints, for the console: when the head was last signed, and whether each signature holds. */
export async function listCheckpointsFor(ctx: AppContext, actor: Actor, limit: number) {
  if (!canVerifyAudit(actor)) throw new AppError('FORBIDDEN');
  const inTable = (await repo.listCheckpoints(ctx.db, limit)).map(fromRow);
  const inFile = await readCheckpointFile(checkpointFile(ctx.config.dataDir));
  const fileKeys = new Set(inFile.map((c) => `${c.seq}|${c.mac}`));
  return {
    items: inTable.map((c) => ({ seq: c.seq, at: c.at, hash: c.hash, valid: isAuthentic(ctx, c), inFile: fileKeys.has(`${c.seq}|${c.mac}`) })),
    file: { count: inFile.length },
  };
}

export async function checkpointNowFor(ctx: AppContext, actor: Actor, log?: (checkpoint: Checkpoint) => void) {
  if (!canVerifyAudit(actor)) throw new AppError('FORBIDDEN');
  const written = await writeAuditCheckpoint(ctx, log);
  return { written: !!written, checkpoint: written };
}

/**
 * The audit trail as JSON Lines, for backups: a header, every entry in order, then every
 * checkpoint. `npm run audit:verify -- --archive FILE` checks such a file.
 */
export async function* auditArchive(ctx: AppContext): AsyncGenerator<string> {
  yield `${JSON.stringify({ type: 'header', format: 'gongkai-audit-archive', version: 1, exportedAt: ctx.now().toISOString() })}\n`;
  for await (const entry of entriesOf(ctx)) yield `${JSON.stringify({ type: 'entry', ...entry, at: entry.at.toISOString() })}\n`;
  for (const checkpoint of (await knownCheckpoints(ctx)).sort((a, b) => a.seq - b.seq)) yield `${JSON.stringify({ type: 'checkpoint', ...checkpoint })}\n`;
}

export function auditArchiveFor(ctx: AppContext, actor: Actor) {
  if (!canVerifyAudit(actor)) throw new AppError('FORBIDDEN');
  return auditArchive(ctx);
}
