/**
 * Sign-in, sessions and API tokens for staff.
 * Failed sign-ins are limited per address and per account (src/modules/auth/login-guard.service.ts),
 * for the console and for API tokens alike (等保 2.0 登录失败处理).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Actor, Role } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { dummyPasswordHash, verifyPassword } from '../../lib/password-hash.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './auth.repository.js';
import { guardSignIn } from './login-guard.service.js';

export { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from './login-guard.service.js';
export const SESSION_COOKIE = 'gk_session';
export const API_TOKEN_HOURS = 24 * 7;
/** Avoid a write per request: the idle clock is refreshed at most once a minute. */
const TOUCH_INTERVAL_MS = 60_000;

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function toActor(user: NonNullable<Awaited<ReturnType<typeof repo.findActiveUser>>>, via: Actor['via']): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    orgId: user.orgId,
    orgCode: user.orgCode,
    roles: user.roles as Role[],
    via,
  };
}

/** Checks a user name and password from an address, under the sign-in guard; returns the actor. */
export async function checkCredentials(ctx: AppContext, username: string, password: string, address: string): Promise<Actor> {
  const name = username.trim().toLowerCase();
  const user = await repo.findUserForLogin(ctx.db, username.trim());
  const account = user ? { id: user.id, orgId: user.orgId, label: user.username } : null;
  // An unknown name is checked against a dummy hash: it takes as long and is counted the same.
  await guardSignIn(ctx, { kind: 'staff', name, address, account }, async () => verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash())));
  if (!user!.active) throw new AppError('ACCOUNT_DISABLED');
  await repo.recordSuccessfulLogin(ctx.db, user!.id, ctx.now());
  return toActor(user!, 'session');
}

export async function signIn(ctx: AppContext, username: string, password: string, address: string) {
  const actor = await checkCredentials(ctx, username, password, address);
  const cookieValue = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, { id: sha256(cookieValue), userId: actor.userId, csrfToken, at: ctx.now() });
    await recordAudit(trx, { actor, orgId: actor.orgId, action: 'auth.login', targetType: 'user', targetId: actor.userId });
  });
  return { actor, cookieValue, csrfToken };
}

export async function signOut(ctx: AppContext, actor: Actor, sessionId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await recordAudit(trx, { actor, orgId: actor.orgId, action: 'auth.logout', targetType: 'user', targetId: actor.userId });
  });
}

export async function issueApiToken(ctx: AppContext, username: string, password: string, address: string) {
  const actor = await checkCredentials(ctx, username, password, address);
  const token = `gk_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(ctx.now().getTime() + API_TOKEN_HOURS * 3600_000);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertApiToken(trx, { id: sha256(token), userId: actor.userId, expiresAt });
    await recordAudit(trx, { actor, orgId: actor.orgId, action: 'auth.token', targetType: 'user', targetId: actor.userId });
  });
  return { token, expiresAt };
}

export async function authenticateSession(ctx: AppContext, cookieValue: string) {
  const id = sha256(cookieValue);
  const session = await repo.findSession(ctx.db, id);
  if (!session) return null;
  const now = ctx.now();
  const idleMs = now.getTime() - new Date(session.lastSeenAt).getTime();
  if (idleMs > ctx.config.sessionIdleMinutes * 60_000) {
    await repo.deleteSession(ctx.db, id);
    return null;
  }
  const user = await repo.findActiveUser(ctx.db, session.userId);
  if (!user) return null;
  if (idleMs > TOUCH_INTERVAL_MS) await repo.touchSession(ctx.db, id, now);
  return { actor: toActor(user, 'session'), sessionId: id, csrfToken: session.csrfToken };
}

export async function authenticateToken(ctx: AppContext, token: string): Promise<Actor | null> {
  const id = sha256(token);
  const row = await repo.findApiToken(ctx.db, id);
  if (!row || new Date(row.expiresAt) <= ctx.now()) return null;
  const user = await repo.findActiveUser(ctx.db, row.userId);
  if (!user) return null;
  return toActor(user, 'token');
}

/** Removes sessions idle for longer than the timeout (they could not be used any more anyway). */
export async function purgeIdleSessions(ctx: AppContext): Promise<void> {
  await repo.deleteIdleSessions(ctx.db, new Date(ctx.now().getTime() - ctx.config.sessionIdleMinutes * 60_000));
}
