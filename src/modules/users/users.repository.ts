import type { Executor } from '../audit/audit.repository.js';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  orgId: number;
  orgCode: string;
  orgName: string;
  roles: string[];
  active: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
}

function userColumns(db: Executor) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.orgId')
    .select([
      'users.id', 'users.username', 'users.displayName', 'users.email', 'users.orgId', 'orgs.code as orgCode', 'orgs.name as orgName',
      'users.roles', 'users.active', 'users.lockedUntil', 'users.lastLoginAt',
    ]);
}

export async function listUsers(db: Executor, orgIds: number[] | 'all'): Promise<UserRow[]> {
  let q = userColumns(db).orderBy('users.orgId').orderBy('users.id');
  if (orgIds !== 'all') q = q.where('users.orgId', 'in', orgIds.length ? orgIds : [-1]);
  return q.execute();
}

export async function findUser(db: Executor, id: number): Promise<UserRow | undefined> {
  return userColumns(db).where('users.id', '=', id).executeTakeFirst();
}

export async function findPasswordHash(db: Executor, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('passwordHash').where('id', '=', id).executeTakeFirst();
  return row?.passwordHash;
}

export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst());
}

export async function insertUser(db: Executor, row: { username: string; displayName: string; email?: string | null; orgId: number; roles: string[]; passwordHash: string }) {
  const r = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateUser(
  db: Executor, id: number,
  fields: Partial<{ displayName: string; email: string | null; orgId: number; roles: string[]; active: boolean; passwordHash: string; passwordChangedAt: Date; failedLogins: number; lockedUntil: Date | null }>,
) {
  await db.updateTable('users').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function findOrgName(db: Executor, orgId: number): Promise<string> {
  const row = await db.selectFrom('orgs').select('name').where('id', '=', orgId).executeTakeFirst();
  return row?.name ?? '';
}

/** Active accounts of the bodies that have a work e-mail address (for reminders). */
export async function listMailableUsers(db: Executor, orgIds: number[]) {
  if (!orgIds.length) return [];
  return db.selectFrom('users').select(['id', 'orgId', 'roles', 'email'])
    .where('orgId', 'in', orgIds).where('active', '=', true).where('email', 'is not', null).where('email', '<>', '')
    .orderBy('id').execute() as Promise<{ id: number; orgId: number; roles: string[]; email: string }[]>;
}
