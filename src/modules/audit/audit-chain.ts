/**
 * The audit trail's hash chain: each entry's hash covers its content and the
 * previous entry's hash, so changing or removing any entry breaks every later link.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEntry {
  seq: number;
  at: Date;
  actorUserId: number | null;
  actorUsername: string | null;
  orgId: number | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  prevHash: string;
}

export function entryHash(entry: ChainedEntry): string {
  const content = canonicalJson([
    entry.seq,
    entry.at.toISOString(),
    entry.actorUserId,
    entry.actorUsername,
    entry.orgId,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.summary,
    entry.prevHash,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

/**
 * A signed copy of the chain's head (审计日志检查点). Kept outside the audit table (a file in
 * DATA_DIR, its own table, the log, exported archives), it lets the verifier notice a tail that
 * was cut off or a history rewritten with freshly computed hashes: neither can forge the MAC,
 * whose key is derived from DATA_KEY.
 */
export interface Checkpoint {
  seq: number;
  hash: string;
  /** ISO 8601 instant. */
  at: string;
  mac: string;
}

export function checkpointMessage(checkpoint: Pick<Checkpoint, 'seq' | 'hash' | 'at'>): string {
  return `audit-checkpoint|${checkpoint.seq}|${checkpoint.hash}|${checkpoint.at}`;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The last entry found. */
  lastSeq: number;
  firstBrokenSeq?: number;
  /** The chain ends before the latest authentic checkpoint. */
  truncated?: boolean;
  /** The latest authentic checkpoint. */
  checkpoint?: { seq: number; at: string };
  checkpoints: number;
  forgedCheckpoints: number;
  message: string;
}

const when = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });

/**
 * Walks the entries in order and checks every link, then holds the chain against the checkpoints
 * (`authentic` tells a checkpoint whose MAC holds). Reports the first problem found.
 */
export async function verifyChain(
  entries: AsyncIterable<ChainedEntry & { hash: string }>,
  checkpoints: Checkpoint[],
  authentic: (checkpoint: Checkpoint) => boolean,
): Promise<ChainVerification> {
  const genuine = checkpoints.filter(authentic).sort((a, b) => a.seq - b.seq);
  const forgedCheckpoints = checkpoints.length - genuine.length;
  const bySeq = new Map<number, Checkpoint[]>();
  for (const c of genuine) bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c]);
  const latest = genuine.at(-1);
  const base = { checkpoints: genuine.length, forgedCheckpoints, ...(latest ? { checkpoint: { seq: latest.seq, at: latest.at } } : {}) };

  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for await (const row of entries) {
    if (row.seq !== expectedSeq || row.prevHash !== prevHash || row.hash !== entryHash(row)) {
      const seq = row.seq !== expectedSeq ? expectedSeq : row.seq;
      return { ok: false, checked, lastSeq: expectedSeq - 1, firstBrokenSeq: seq, ...base, message: `审计日志第 ${seq} 条记录的哈希链校验失败，该条或其之前的记录可能被篡改或删除。` };
    }
    const differing = bySeq.get(row.seq)?.find((c) => c.hash !== row.hash);
    if (differing) {
      return {
        ok: false, checked, lastSeq: row.seq, firstBrokenSeq: row.seq, ...base,
        message: `审计日志第 ${row.seq} 条记录与 ${when(differing.at)} 的签名检查点不一致：该条或其之前的记录已被改写（哈希链被重新计算）。`,
      };
    }
    prevHash = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  const lastSeq = expectedSeq - 1;
  if (latest && latest.seq > lastSeq) {
    return {
      ok: false, checked, lastSeq, firstBrokenSeq: lastSeq + 1, truncated: true, ...base,
      message: `审计日志只到第 ${lastSeq} 条，而 ${when(latest.at)} 的签名检查点已记录到第 ${latest.seq} 条：末尾至少 ${latest.seq - lastSeq} 条记录被删除。`,
    };
  }
  if (forgedCheckpoints) {
    return { ok: false, checked, lastSeq, ...base, message: `哈希链本身完整（${checked} 条），但发现 ${forgedCheckpoints} 个签名无效的检查点：检查点文件或检查点表可能被篡改。` };
  }
  const anchored = latest ? `，与 ${genuine.length} 个签名检查点一致（最新检查点：第 ${latest.seq} 条，${when(latest.at)}）` : '，尚无签名检查点';
  return { ok: true, checked, lastSeq, ...base, message: `哈希链完整，共校验 ${checked} 条记录${anchored}。` };
}
