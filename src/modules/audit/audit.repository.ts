import { sql, Transaction } from 'kysely';
import type { Db } from '../../db/client.js';
import type { DB } from '../../db/schema.js';

export type Executor = Db | Transaction<DB>;

/** Any number, the same everywhere: serialises appends to the chain. */
const AUDIT_CHAIN_LOCK = 7_245_001;

export async function lockChain(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
}

export async function findLastEntry(trx: Executor) {
  return trx.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export async function insertEntry(
  trx: Executor,
  row: {
    seq: number; at: Date; actorUserId: number | null; actorUsername: string | null; orgId: number | null;
    action: string; targetType: string; targetId: string | null; summary: Record<string, unknown>;
    prevHash: string; hash: string;
  },
) {
  await trx.insertInto('auditLog').values({ ...row, summary: JSON.stringify(row.summary) }).execute();
}

export interface AuditQuery {
  afterSeq?: number;
  beforeSeq?: number;
  limit: number;
  action?: string;
  orgIds?: number[];
  targetType?: string;
  targetId?: string;
}

export async function listEntries(db: Executor, q: AuditQuery) {
  let query = db
    .selectFrom('auditLog')
    .leftJoin('orgs', 'orgs.id', 'auditLog.orgId')
    .select([
      'auditLog.seq', 'auditLog.at', 'auditLog.actorUsername', 'auditLog.action', 'auditLog.targetType',
      'auditLog.targetId', 'auditLog.summary', 'auditLog.hash', 'orgs.code as orgCode', 'orgs.name as orgName',
    ])
    .orderBy('auditLog.seq', 'desc')
    .limit(q.limit);
  if (q.beforeSeq !== undefined) query = query.where('auditLog.seq', '<', q.beforeSeq);
  if (q.action) query = query.where('auditLog.action', '=', q.action);
  if (q.orgIds) query = query.where('auditLog.orgId', 'in', q.orgIds.length ? q.orgIds : [-1]);
  if (q.targetType) query = query.where('auditLog.targetType', '=', q.targetType);
  if (q.targetId) query = query.where('auditLog.targetId', '=', q.targetId);
  return query.execute();
}

export async function readChainPage(db: Executor, afterSeq: number, limit: number) {
  return db
    .selectFrom('auditLog')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
}

export async function insertCheckpoint(db: Executor, row: { seq: number; hash: string; at: Date; mac: string }) {
  await db.insertInto('auditCheckpoints').values(row).onConflict((oc) => oc.column('seq').doNothing()).execute();
}

export async function listCheckpoints(db: Executor, limit?: number) {
  let query = db.selectFrom('auditCheckpoints').selectAll().orderBy('seq', 'desc');
  if (limit) query = query.limit(limit);
  return query.execute();
}

export async function findEntryHash(db: Executor, seq: number): Promise<string | undefined> {
  return (await db.selectFrom('auditLog').select('hash').where('seq', '=', seq).executeTakeFirst())?.hash;
}
