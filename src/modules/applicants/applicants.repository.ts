import type { Executor } from '../audit/audit.repository.js';

export async function insertAccount(db: Executor, row: { loginHash: string; loginEnc: string; displayName: string; passwordHash: string }): Promise<number> {
  return (await db.insertInto('applicantAccounts').values(row).onConflict((oc) => oc.column('loginHash').doNothing()).returning('id').executeTakeFirst())?.id ?? 0;
}

export async function findAccountByLoginHash(db: Executor, loginHash: string) {
  return db.selectFrom('applicantAccounts').select(['id', 'displayName', 'passwordHash', 'loginEnc']).where('loginHash', '=', loginHash).executeTakeFirst();
}

export async function findAccount(db: Executor, id: number) {
  return db.selectFrom('applicantAccounts').select(['id', 'loginEnc', 'displayName']).where('id', '=', id).executeTakeFirst();
}

export async function recordSuccessfulLogin(db: Executor, id: number, at: Date) {
  await db.updateTable('applicantAccounts').set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where('id', '=', id).execute();
}

/** Accounts whose log-in is still stored in clear (from before 0010_security). */
export async function accountsWithLegacyLogin(db: Executor, limit: number) {
  return db.selectFrom('applicantAccounts').select(['id', 'legacyLogin']).where('legacyLogin', 'is not', null).orderBy('id').limit(limit).execute();
}

export async function sealLogin(db: Executor, id: number, loginHash: string, loginEnc: string) {
  await db.updateTable('applicantAccounts').set({ loginHash, loginEnc, legacyLogin: null }).where('id', '=', id).execute();
}

export async function insertSession(db: Executor, row: { id: string; accountId: number; csrfToken: string; at: Date }) {
  await db.insertInto('applicantSessions').values({ id: row.id, accountId: row.accountId, csrfToken: row.csrfToken, createdAt: row.at, lastSeenAt: row.at }).execute();
}

export async function findSession(db: Executor, id: string) {
  return db.selectFrom('applicantSessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, at: Date) {
  await db.updateTable('applicantSessions').set({ lastSeenAt: at }).where('id', '=', id).execute();
}

export async function deleteIdleSessions(db: Executor, before: Date) {
  await db.deleteFrom('applicantSessions').where('lastSeenAt', '<', before).execute();
}

export async function deleteSession(db: Executor, id: string) {
  await db.deleteFrom('applicantSessions').where('id', '=', id).execute();
}

/** Links a request to an account unless it already belongs to another one; true when it is (now) the account's. */
export async function linkRequest(db: Executor, requestId: number, accountId: number): Promise<boolean> {
  const updated = await db
    .updateTable('disclosureRequests')
    .set({ applicantAccountId: accountId })
    .where('id', '=', requestId)
    .where((eb) => eb.or([eb('applicantAccountId', 'is', null), eb('applicantAccountId', '=', accountId)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function requestsOfAccount(db: Executor, accountId: number) {
  return db
    .selectFrom('disclosureRequests')
    .innerJoin('orgs', 'orgs.id', 'disclosureRequests.orgId')
    .select([
      'disclosureRequests.id', 'disclosureRequests.trackingNo', 'disclosureRequests.description', 'disclosureRequests.status',
      'disclosureRequests.outcome', 'disclosureRequests.submittedAt', 'disclosureRequests.completedOn', 'orgs.name as orgName',
    ])
    .where('disclosureRequests.applicantAccountId', '=', accountId)
    .orderBy('disclosureRequests.id', 'desc')
    .execute();
}
