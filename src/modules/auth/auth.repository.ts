import type { Executor } from '../audit/audit.repository.js';

export async function findUserForLogin(db: Executor, username: string) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.orgId')
    .select([
      'users.id', 'users.username', 'users.displayName', 'users.orgId', 'users.roles', 'users.passwordHash',
      'users.active', 'users.failedLogins', 'users.lockedUntil', 'orgs.code as orgCode', 'orgs.name as orgName',
    ])
    .where('users.username', '=', username)
    .executeTakeFirst();
}

export async function findActiveUser(db: Executor, userId: number) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.orgId')
    .select(['users.id', 'users.username', 'users.displayName', 'users.orgId', 'users.roles', 'orgs.code as orgCode', 'orgs.name as orgName'])
    .where('users.id', '=', userId)
    .where('users.active', '=', true)
    .executeTakeFirst();
}

/** Shown in the console's user list: some address is locked out of the account until then. */
export async function markLockedUntil(db: Executor, userId: number, lockedUntil: Date) {
  await db.updateTable('users').set({ lockedUntil }).where('id', '=', userId).execute();
}

export async function recordSuccessfulLogin(db: Executor, userId: number, at: Date) {
  await db.updateTable('users').set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where('id', '=', userId).execute();
}

export async function insertSession(db: Executor, row: { id: string; userId: number; csrfToken: string; at: Date }) {
  await db.insertInto('sessions').values({ id: row.id, userId: row.userId, csrfToken: row.csrfToken, createdAt: row.at, lastSeenAt: row.at }).execute();
}

export async function findSession(db: Executor, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, at: Date) {
  await db.updateTable('sessions').set({ lastSeenAt: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number) {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

export async function deleteIdleSessions(db: Executor, before: Date) {
  await db.deleteFrom('sessions').where('lastSeenAt', '<', before).execute();
}

export async function insertApiToken(db: Executor, row: { id: string; userId: number; expiresAt: Date }) {
  await db.insertInto('apiTokens').values(row).execute();
}

export async function findApiToken(db: Executor, id: string) {
  return db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchApiToken(db: Executor, id: string, at: Date) {
  await db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
}
