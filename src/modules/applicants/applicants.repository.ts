import type { Executor } from '../audit/audit.repository.js';

export async function insertAccount(db: Executor, row: { login: string; displayName: string; passwordHash: string }): Promise<number> {
  return (await db.insertInto('applicantAccounts').values(row).onConflict((oc) => oc.column('login').doNothing()).returning('id').executeTakeFirst())?.id ?? 0;
}

export async function findAccountByLogin(db: Executor, login: string) {
  return db.selectFrom('applicantAccounts').selectAll().where('login', '=', login).executeTakeFirst();
}

export async function findAccount(db: Executor, id: number) {
  return db.selectFrom('applicantAccounts').select(['id', 'login', 'displayName']).where('id', '=', id).executeTakeFirst();
}

export async function recordFailedLogin(db: Executor, id: number, failedLogins: number, lockedUntil: Date | null) {
  await db.updateTable('applicantAccounts').set({ failedLogins, lockedUntil }).where('id', '=', id).execute();
}

export async function recordSuccessfulLogin(db: Executor, id: number, at: Date) {
  await db.updateTable('applicantAccounts').set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where('id', '=', id).execute();
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
