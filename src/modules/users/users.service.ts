import type { AppContext } from '../../context.js';
import { isStrongPassword } from '../../domain/password-policy.js';
import { Actor, ROLES, Role } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { hashPassword, verifyPassword } from '../../lib/password-hash.js';
import { deleteSessionsOfUser } from '../auth/auth.repository.js';
import { forgetLoginFailures } from '../auth/login-guard.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds } from '../orgs/orgs.policy.js';
import * as repo from './users.repository.js';
import { canListUsers, canManageUsers } from './users.policy.js';

export interface NewUser {
  username: string;
  displayName: string;
  /** Work address for reminders; optional. */
  email?: string | null;
  orgCode: string;
  roles: Role[];
  password: string;
}

function present(u: repo.UserRow) {
  const { orgId: _orgId, ...rest } = u;
  return { ...rest, roleNames: u.roles.map((r) => ROLES[r as Role] ?? r) };
}

export async function getProfile(ctx: AppContext, actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    orgCode: actor.orgCode,
    orgName: await repo.findOrgName(ctx.db, actor.orgId),
    roles: actor.roles,
    roleNames: actor.roles.map((r) => ROLES[r]),
  };
}

export async function listUsers(ctx: AppContext, actor: Actor, orgCode?: string) {
  if (!canListUsers(actor)) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  let ids = scope;
  if (orgCode) {
    const org = await findOrgByCode(ctx.db, orgCode);
    if (!org) throw new AppError('ORG_NOT_FOUND');
    if (!inScope(scope, org.id)) throw new AppError('FORBIDDEN');
    ids = [org.id];
  }
  return (await repo.listUsers(ctx.db, ids)).map(present);
}

export async function createUser(ctx: AppContext, actor: Actor, input: NewUser) {
  if (!canManageUsers(actor)) throw new AppError('FORBIDDEN');
  if (!isStrongPassword(input.password, input.username)) throw new AppError('WEAK_PASSWORD', [{ path: 'password', message: '密码强度不足。' }]);
  const org = await findOrgByCode(ctx.db, input.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '机构不存在。' }]);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.usernameExists(trx, input.username)) throw new AppError('USERNAME_TAKEN', [{ path: 'username', message: '用户名已被使用。' }]);
    const roles = [...new Set(input.roles)];
    const id = await repo.insertUser(trx, { username: input.username, displayName: input.displayName, email: input.email || null, orgId: org.id, roles, passwordHash });
    await recordAudit(trx, {
      actor, orgId: org.id, action: 'user.create', targetType: 'user', targetId: id,
      summary: { after: { username: input.username, orgCode: org.code, roles, email: input.email || null } },
    });
    return present((await repo.findUser(trx, id))!);
  });
}

export async function updateUser(
  ctx: AppContext, actor: Actor, id: number,
  patch: { displayName?: string; email?: string | null; orgCode?: string; roles?: Role[]; active?: boolean },
) {
  if (!canManageUsers(actor)) throw new AppError('FORBIDDEN');
  const user = await repo.findUser(ctx.db, id);
  if (!user) throw new AppError('USER_NOT_FOUND');
  if (id === actor.userId && (patch.active === false || (patch.roles && !patch.roles.includes('admin')))) {
    throw new AppError('CANNOT_DEMOTE_SELF');
  }
  let orgId: number | undefined;
  if (patch.orgCode) {
    const org = await findOrgByCode(ctx.db, patch.orgCode);
    if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '机构不存在。' }]);
    orgId = org.id;
  }
  return ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, {
      displayName: patch.displayName, email: patch.email === undefined ? undefined : patch.email || null, orgId, roles: patch.roles ? [...new Set(patch.roles)] : undefined, active: patch.active,
    });
    // A changed role or a disabled account takes effect now, not at the next idle timeout.
    if (patch.roles || patch.active === false || orgId) await deleteSessionsOfUser(trx, id);
    const after = (await repo.findUser(trx, id))!;
    await recordAudit(trx, {
      actor, orgId: after.orgId, action: 'user.update', targetType: 'user', targetId: id,
      summary: {
        before: { displayName: user.displayName, email: user.email, orgCode: user.orgCode, roles: user.roles, active: user.active },
        after: { displayName: after.displayName, email: after.email, orgCode: after.orgCode, roles: after.roles, active: after.active },
      },
    });
    return present(after);
  });
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: number, password: string) {
  if (!canManageUsers(actor)) throw new AppError('FORBIDDEN');
  const user = await repo.findUser(ctx.db, id);
  if (!user) throw new AppError('USER_NOT_FOUND');
  if (!isStrongPassword(password, user.username)) throw new AppError('WEAK_PASSWORD', [{ path: 'password', message: '密码强度不足。' }]);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, { passwordHash, passwordChangedAt: ctx.now(), failedLogins: 0, lockedUntil: null });
    await forgetLoginFailures(ctx, trx, 'staff', user.username.toLowerCase());
    await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, { actor, orgId: user.orgId, action: 'user.resetPassword', targetType: 'user', targetId: id });
  });
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: number) {
  if (!canManageUsers(actor)) throw new AppError('FORBIDDEN');
  const user = await repo.findUser(ctx.db, id);
  if (!user) throw new AppError('USER_NOT_FOUND');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, id, { failedLogins: 0, lockedUntil: null });
    await forgetLoginFailures(ctx, trx, 'staff', user.username.toLowerCase());
    await recordAudit(trx, { actor, orgId: user.orgId, action: 'user.unlock', targetType: 'user', targetId: id, summary: { username: user.username } });
  });
}

export async function changeOwnPassword(ctx: AppContext, actor: Actor, currentPassword: string, newPassword: string) {
  const stored = await repo.findPasswordHash(ctx.db, actor.userId);
  if (!stored || !(await verifyPassword(currentPassword, stored))) throw new AppError('WRONG_PASSWORD', [{ path: 'currentPassword', message: '当前密码不正确。' }]);
  if (!isStrongPassword(newPassword, actor.username)) throw new AppError('WEAK_PASSWORD', [{ path: 'newPassword', message: '密码强度不足。' }]);
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, actor.userId, { passwordHash, passwordChangedAt: ctx.now() });
    await recordAudit(trx, { actor, orgId: actor.orgId, action: 'user.changePassword', targetType: 'user', targetId: actor.userId });
  });
}

/**
 * Work addresses of a body's active staff holding one of `roles` (other slices' reminders call this; an
 * account without an address is simply not mailed, the console still shows the reminder).
 */
export async function staffEmails(ctx: AppContext, orgId: number, roles: readonly Role[]): Promise<string[]> {
  const users = await repo.listMailableUsers(ctx.db, [orgId]);
  return users.filter((u) => u.roles.some((r) => roles.includes(r as Role))).map((u) => u.email);
}
