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
