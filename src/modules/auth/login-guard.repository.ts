/**
 * Counters of sign-in attempts (login_guards). Every change is one statement that reads and
 * writes the row at once (insert … on conflict do update … returning), so attempts made in
 * parallel, by one process or many, are each counted: none overwrites another's count.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import type { Executor } from '../audit/audit.repository.js';

export type AccountKind = 'staff' | 'applicant';

export interface GuardKey {
  kind: AccountKind;
  account: string;
  scope: string;
}

/** The account as seen from every address. */
export const EVERY_ADDRESS = '*';

/**
 * Counts an attempt on an account from one address, unless that address is locked out of it.
 * A lock that has run out, or a count left alone for `forgetAt`, starts again at 1.
 */
export async function claimAddressAttempt(db: Db, key: GuardKey, now: Date, forgetAt: Date) {
  const { rows } = await sql<{ attempts: number; lockedUntil: Date | null }>`
    insert into login_guards as g (kind, account, scope, attempts, locked_until, claim, expires_at)
    values (${key.kind}, ${key.account}, ${key.scope}, 1, null, null, ${forgetAt})
    on conflict (kind, account, scope) do update set
      attempts = case
        when g.locked_until > ${now} then g.attempts
        when g.locked_until is not null or g.expires_at <= ${now} then 1
        else g.attempts + 1 end,
      locked_until = case when g.locked_until > ${now} then g.locked_until else null end,
      expires_at = case when g.locked_until > ${now} then g.expires_at else excluded.expires_at end
    returning attempts, locked_until`.execute(db);
  return { attempts: rows[0].attempts, lockedUntil: rows[0].lockedUntil ? new Date(rows[0].lockedUntil) : null };
}

/**
 * Counts an attempt on an account from anywhere, unless the account is in a delay; past
 * `threshold` attempts in the (sliding) window, each counted attempt sets a delay before the next
 * one: 1 s, 2 s, 4 s … up to `maxDelaySeconds`. The attempt was counted when the row's claim is
 * the caller's own.
 */
export async function claimAccountAttempt(
  db: Db, key: Omit<GuardKey, 'scope'>, claim: string, now: Date, windowEnd: Date, threshold: number, maxDelaySeconds: number,
) {
  const { rows } = await sql<{ attempts: number; lockedUntil: Date | null; claim: string }>`
    insert into login_guards as g (kind, account, scope, attempts, locked_until, claim, expires_at)
    values (${key.kind}, ${key.account}, ${EVERY_ADDRESS}, 1, null, ${claim}, ${windowEnd})
    on conflict (kind, account, scope) do update set
      attempts = case when g.expires_at <= ${now} then 1 when g.locked_until > ${now} then g.attempts else g.attempts + 1 end,
      locked_until = case
        when g.expires_at <= ${now} then null
        when g.locked_until > ${now} then g.locked_until
        when g.attempts + 1 > ${threshold}::integer
          then ${now}::timestamptz + make_interval(secs => least(power(2, g.attempts - ${threshold}::integer), ${maxDelaySeconds}::integer))
        else null end,
      claim = case when g.expires_at > ${now} and g.locked_until > ${now} then g.claim else excluded.claim end,
      expires_at = case when g.expires_at > ${now} and g.locked_until > ${now} then g.expires_at else excluded.expires_at end
    returning attempts, locked_until, claim`.execute(db);
  const row = rows[0];
  return { attempts: row.attempts, lockedUntil: row.lockedUntil ? new Date(row.lockedUntil) : null, claim: row.claim };
}

/** A right password: its attempt was no failure, and the owner's next attempt waits for nothing. */
export async function creditSuccess(db: Executor, key: Omit<GuardKey, 'scope'>) {
  await db.updateTable('loginGuards').set((eb) => ({ attempts: sql<number>`greatest(${eb.ref('attempts')} - 1, 0)`, lockedUntil: null }))
    .where('kind', '=', key.kind).where('account', '=', key.account).where('scope', '=', EVERY_ADDRESS).execute();
}

/** Takes back an attempt that was counted but never checked (refused for the account's delay). */
export async function uncountAttempt(db: Executor, key: GuardKey) {
  await db.updateTable('loginGuards').set((eb) => ({ attempts: sql<number>`greatest(${eb.ref('attempts')} - 1, 0)` }))
    .where('kind', '=', key.kind).where('account', '=', key.account).where('scope', '=', key.scope).execute();
}

export async function lockAddress(db: Executor, key: GuardKey, until: Date, options: { onlyIfUnlocked?: boolean } = {}) {
  let query = db.updateTable('loginGuards').set({ lockedUntil: until, expiresAt: until })
    .where('kind', '=', key.kind).where('account', '=', key.account).where('scope', '=', key.scope);
  if (options.onlyIfUnlocked) query = query.where('lockedUntil', 'is', null);
  await query.execute();
}

export async function forgetAddress(db: Executor, key: GuardKey) {
  await db.deleteFrom('loginGuards').where('kind', '=', key.kind).where('account', '=', key.account).where('scope', '=', key.scope).execute();
}

/** Every count and lock of an account (an administrator's unlock). */
export async function forgetAccount(db: Executor, kind: AccountKind, account: string) {
  await db.deleteFrom('loginGuards').where('kind', '=', kind).where('account', '=', account).execute();
}

/** Drops counters that have been forgotten and locks that have run out. */
export async function purgeExpiredGuards(db: Db, now: Date) {
  await db.deleteFrom('loginGuards').where('expiresAt', '<', now)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', now)])).execute();
}

export async function insertAlert(db: Executor, row: {
  at: Date; kind: string; accountKind: AccountKind; subject: string; userId: number | null; address: string | null; attempts: number;
}) {
  await db.insertInto('securityAlerts').values(row).execute();
}

export async function listAlerts(db: Executor, options: { openOnly: boolean; limit: number }) {
  let query = db.selectFrom('securityAlerts')
    .leftJoin('users', 'users.id', 'securityAlerts.acknowledgedBy')
    .select([
      'securityAlerts.id', 'securityAlerts.at', 'securityAlerts.kind', 'securityAlerts.accountKind', 'securityAlerts.subject',
      'securityAlerts.address', 'securityAlerts.attempts', 'securityAlerts.acknowledgedAt', 'users.displayName as acknowledgedByName',
    ])
    .orderBy('securityAlerts.id', 'desc')
    .limit(options.limit);
  if (options.openOnly) query = query.where('securityAlerts.acknowledgedAt', 'is', null);
  return query.execute();
}

export async function countOpenAlerts(db: Executor): Promise<number> {
  const row = await db.selectFrom('securityAlerts').select((eb) => eb.fn.countAll<number>().as('n')).where('acknowledgedAt', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function acknowledgeAlert(db: Executor, id: number, by: number, at: Date): Promise<boolean> {
  const result = await db.updateTable('securityAlerts').set({ acknowledgedAt: at, acknowledgedBy: by })
    .where('id', '=', id).where('acknowledgedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
