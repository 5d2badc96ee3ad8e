/**
 * The audit trail (审计日志): who did what to which record, when, from which body.
 * Every state change writes one entry in the same transaction as the change.
 * Entries are append-only (database triggers refuse UPDATE/DELETE) and hash-chained.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds } from '../orgs/orgs.policy.js';
import { canReadAudit } from './audit.policy.js';
import { redactPersonalData } from '../../lib/personal-data.js';
import { entryHash, GENESIS_HASH } from './audit-chain.js';
import * as repo from './audit.repository.js';

export interface AuditEntryInput {
  actor: Pick<Actor, 'userId' | 'username'> | null;
  /** The body the record belongs to. */
  orgId: number | null;
  /** Dotted verb, e.g. `org.create`, `request.extend`. */
  action: string;
  targetType: string;
  targetId: string | number | null;
  /** Before/after summary; personal data fields are masked automatically. */
  summary?: Record<string, unknown>;
}

export async function recordAudit(trx: Transaction<DB>, input: AuditEntryInput): Promise<void> {
  await repo.lockChain(trx);
  const last = await repo.findLastEntry(trx);
  const entry = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorUserId: input.actor?.userId ?? null,
    actorUsername: input.actor?.username ?? null,
    orgId: input.orgId,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId === null ? null : String(input.targetId),
    summary: redactPersonalData(input.summary ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await repo.insertEntry(trx, { ...entry, hash: entryHash(entry) });
}

/** Entries newest first, limited to the bodies the reader may see. */
export async function listAuditFor(
  ctx: AppContext, actor: Actor,
  query: Omit<repo.AuditQuery, 'orgIds'> & { orgCode?: string },
) {
  if (!canReadAudit(actor)) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  let orgIds = scope === 'all' ? undefined : scope;
  if (query.orgCode) {
    const org = await findOrgByCode(ctx.db, query.orgCode);
    if (!org) throw new AppError('ORG_NOT_FOUND');
    if (!inScope(scope, org.id)) throw new AppError('FORBIDDEN');
    orgIds = [org.id];
  }
  const rows = await repo.listEntries(ctx.db, { ...query, orgIds, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const next = rows.length > query.limit ? String(items[items.length - 1].seq) : undefined;
  return { items, next };
}
