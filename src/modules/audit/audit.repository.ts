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
  /** Paging: entries after (oldest first) or before (newest first) this sequence number. */
  cursor?: number;
  limit: number;
  order: 'asc' | 'desc';
  action?: string;
  /** Actions starting with this (`item.`, `auth.` …). */
  actionPrefix?: string;
  /** Actions whose Chinese label matched the search text. */
  searchActions?: string[];
  orgIds?: number[];
  targetType?: string;
  targetId?: string;
  /** A staff member's user name. */
  actor?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  q?: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listEntries(db: Executor, q: AuditQuery) {
  let query = db
    .selectFrom('auditLog')
    .leftJoin('orgs', 'orgs.id', 'auditLog.orgId')
    .leftJoin('users', 'users.id', 'auditLog.actorUserId')
    .select([
      'auditLog.seq', 'auditLog.at', 'auditLog.actorUserId', 'auditLog.actorUsername', 'auditLog.orgId', 'auditLog.action', 'auditLog.targetType',
      'auditLog.targetId', 'auditLog.summary', 'auditLog.prevHash', 'auditLog.hash', 'orgs.code as orgCode', 'orgs.name as orgName',
    ])
    .orderBy('auditLog.seq', q.order)
    .limit(q.limit);
  if (q.cursor !== undefined) query = query.where('auditLog.seq', q.order === 'desc' ? '<' : '>', q.cursor);
  if (q.action) query = query.where('auditLog.action', '=', q.action);
  if (q.actionPrefix) query = query.where('auditLog.action', 'like', `${escapeLike(q.actionPrefix)}%`);
  if (q.orgIds) query = query.where('auditLog.orgId', 'in', q.orgIds.length ? q.orgIds : [-1]);
  if (q.targetType) query = query.where('auditLog.targetType', '=', q.targetType);
  if (q.targetId) query = query.where('auditLog.targetId', '=', q.targetId);
  if (q.actor) query = query.where('auditLog.actorUsername', '=', q.actor);
  if (q.from) query = query.where('auditLog.at', '>=', q.from);
  if (q.to) query = query.where('auditLog.at', '<', q.to);
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    query = query.where((eb) => eb.or([
      eb('auditLog.actorUsername', 'ilike', pattern),
      eb('users.displayName', 'ilike', pattern),
      eb('auditLog.targetId', 'ilike', pattern),
      eb(sql`${eb.ref('auditLog.summary')}::text`, 'ilike', pattern),
      ...(q.searchActions?.length ? [eb('auditLog.action', 'in', q.searchActions)] : []),
    ]));
  }
  return query.execute();
}

/** Names for showing entries: every body, and the users, items and messages the entries name. */
export async function namesFor(db: Executor, ids: { users: number[]; items: number[]; messages: string[] }) {
  const [orgs, users, items, messages] = await Promise.all([
    db.selectFrom('orgs').select(['id', 'code', 'name']).execute(),
    ids.users.length ? db.selectFrom('users').select(['id', 'username', 'displayName']).where('id', 'in', ids.users).execute() : [],
    ids.items.length ? db.selectFrom('infoItems').select(['id', 'title']).where('id', 'in', ids.items).execute() : [],
    // Messages by tracking number; entries from before the migration name the consultation's id.
    ids.messages.length ? db.selectFrom('messages').select(['trackingNo', 'subject', 'legacyConsultationId']).where((eb) => eb.or([
      eb('trackingNo', 'in', ids.messages), eb('legacyConsultationId', 'in', ids.messages.filter((i) => /^\d+$/.test(i)).map(Number).concat(-1)),
    ])).execute() : [],
  ]);
  return { orgs, users, items, messages };
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
