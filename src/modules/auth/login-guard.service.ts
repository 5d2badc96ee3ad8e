/**
 * How sign-in resists guessing without letting a stranger lock anyone out (等保 2.0 登录失败处理),
 * for staff and applicant accounts alike:
 *
 * - From one address, 5 failed attempts on an account lock that address out of that account for
 *   15 minutes (423). The owner signing in from elsewhere is not affected.
 * - From all addresses together, past 10 failed attempts within an hour each further attempt must
 *   wait longer before the next (1 s, 2 s, 4 s … at most 60 s; 429): a slow-down, not a lock-out.
 * - A user name that does not exist is counted and answered exactly like one that does, so the
 *   answers do not tell real accounts from made-up ones.
 * - Each attempt takes its slot atomically before the password is checked, so parallel guesses
 *   cannot check more passwords than the limits allow.
 * - Locks and the start of a slow-down are recorded in the audit trail and raised as security
 *   alerts for the administrator (GET /api/v1/security/alerts).
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as users from './auth.repository.js';
import * as repo from './login-guard.repository.js';

export type { AccountKind } from './login-guard.repository.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Failed attempts on one account from all addresses, within the sliding window, before the delays start. */
export const ACCOUNT_WIDE_FREE_ATTEMPTS = 10;
export const ACCOUNT_WINDOW_MINUTES = 60;
export const MAX_DELAY_SECONDS = 60;
/** A count of failures from one address is forgotten after a day without attempts. */
const FORGET_AFTER_HOURS = 24;

export interface LoginSubject {
  kind: repo.AccountKind;
  /** The user name or log-in as typed, normalised the way look-ups normalise it. */
  name: string;
  /** The client's address (request.ip, behind trusted proxies). */
  address: string;
  /** The account the name belongs to, when there is one. */
  account: { id: number; orgId: number | null; label: string } | null;
}

/** The key of a name in login_guards: a keyed hash, so the table holds no log-ins or mistyped passwords. */
function accountKey(ctx: AppContext, kind: repo.AccountKind, name: string): string {
  return ctx.crypto.keyedHash('login-guard', `${kind}|${name}`);
}

/** A made-up name as the administrator sees it: enough to recognise, not a readable mistyped password. */
function maskName(name: string): string {
  const chars = [...name];
  return `${chars.slice(0, 2).join('')}${'*'.repeat(Math.max(2, Math.min(chars.length - 2, 6)))}（不存在的账号）`;
}

const ACTIONS = {
  staff: { prefix: 'auth', targetType: 'user' },
  applicant: { prefix: 'applicant', targetType: 'applicantAccount' },
} as const;

/**
 * Runs one sign-in attempt under the guard: `checkPassword` is called only when the attempt may be
 * made, and must take as long for an unknown name as for a real one. Returns when the password is
 * right for an existing account; otherwise throws INVALID_CREDENTIALS, ACCOUNT_LOCKED or LOGIN_THROTTLED.
 */
export async function guardSignIn(ctx: AppContext, subject: LoginSubject, checkPassword: () => Promise<boolean>): Promise<void> {
  const now = ctx.now();
  const key: repo.GuardKey = { kind: subject.kind, account: accountKey(ctx, subject.kind, subject.name), scope: subject.address };
  const address = await repo.claimAddressAttempt(ctx.db, key, now, new Date(now.getTime() + FORGET_AFTER_HOURS * 3600_000));
  if (address.lockedUntil && address.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED');
  if (address.attempts > MAX_FAILED_LOGINS) {
    // More attempts than allowed arrived while the fifth was being checked: refused unchecked. The lock is
    // set here too, so that it runs out even if the fifth never finishes (the fifth's outcome replaces it).
    await repo.lockAddress(ctx.db, key, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000), { onlyIfUnlocked: true });
    throw new AppError('ACCOUNT_LOCKED');
  }

  const claim = randomUUID();
  const wide = await repo.claimAccountAttempt(
    ctx.db, key, claim, now, new Date(now.getTime() + ACCOUNT_WINDOW_MINUTES * 60_000), ACCOUNT_WIDE_FREE_ATTEMPTS, MAX_DELAY_SECONDS,
  );
  if (wide.claim !== claim) {
    await repo.uncountAttempt(ctx.db, key);
    const seconds = Math.max(1, Math.ceil(((wide.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    throw new AppError('LOGIN_THROTTLED', undefined, `该账号近期登录失败次数过多，为防止密码被猜测，请${seconds}秒后再试。`);
  }

  const ok = await checkPassword();
  const { prefix, targetType } = ACTIONS[subject.kind];
  const target = subject.account;
  const shown = target?.label ?? maskName(subject.name);
  const audit = { actor: null, orgId: target?.orgId ?? null, targetType, targetId: target?.id ?? null };

  if (ok && target) {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.forgetAddress(trx, key);
      await repo.creditSuccess(trx, key);
      // 等保: resetting the failure count is itself recorded.
      if (address.attempts > 1) {
        await recordAudit(trx, { ...audit, action: `${prefix}.failuresReset`, summary: { account: shown, ip: subject.address, failures: address.attempts - 1 } });
      }
    });
    return;
  }

  const locks = address.attempts >= MAX_FAILED_LOGINS;
  // The first attempt that set a delay starts a slow-down: one alert for it, not one per attempt.
  const slowDownStarts = wide.attempts === ACCOUNT_WIDE_FREE_ATTEMPTS + 1;
  await ctx.db.transaction().execute(async (trx) => {
    const summary = { account: shown, ip: subject.address, failures: address.attempts };
    if (locks) {
      const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
      await repo.lockAddress(trx, key, until);
      // The console's user list shows the account as locked (somewhere) until the lock runs out or an administrator lifts it.
      if (subject.kind === 'staff' && target) await users.markLockedUntil(trx, target.id, until);
      await repo.insertAlert(trx, { at: now, kind: 'loginLocked', accountKind: subject.kind, subject: shown, userId: subject.kind === 'staff' ? target?.id ?? null : null, address: subject.address, attempts: address.attempts });
      await recordAudit(trx, { ...audit, action: `${prefix}.locked`, summary: { ...summary, lockedMinutes: LOCKOUT_MINUTES } });
    } else {
      await recordAudit(trx, { ...audit, action: `${prefix}.failed`, summary });
    }
    if (slowDownStarts) {
      await repo.insertAlert(trx, { at: now, kind: 'loginThrottled', accountKind: subject.kind, subject: shown, userId: subject.kind === 'staff' ? target?.id ?? null : null, address: null, attempts: wide.attempts });
      await recordAudit(trx, { ...audit, action: `${prefix}.throttled`, summary: { account: shown, failures: wide.attempts } });
    }
  });
  throw new AppError(locks ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
}

/** Lifts every lock and count on a name (an administrator's 解锁, a password reset). */
export async function forgetLoginFailures(ctx: AppContext, trx: Parameters<typeof repo.forgetAccount>[0], kind: repo.AccountKind, name: string) {
  await repo.forgetAccount(trx, kind, accountKey(ctx, kind, name));
}

export async function purgeExpiredLoginGuards(ctx: AppContext) {
  await repo.purgeExpiredGuards(ctx.db, ctx.now());
}

// ---------------------------------------------------------------- alerts for the administrator

const ACCOUNT_KIND_LABELS: Record<repo.AccountKind, string> = { staff: '工作人员账号', applicant: '申请人账户' };

function alertMessage(alert: Awaited<ReturnType<typeof repo.listAlerts>>[number]): string {
  const who = `${ACCOUNT_KIND_LABELS[alert.accountKind]}“${alert.subject}”`;
  return alert.kind === 'loginLocked'
    ? `${who}在地址 ${alert.address} 连续登录失败${alert.attempts}次，该地址已被暂停登录此账号${LOCKOUT_MINUTES}分钟。`
    : `${who}一小时内从多个地址登录失败${alert.attempts}次，已对此账号启用逐次加长的登录等待（最长${MAX_DELAY_SECONDS}秒），可能正遭受密码猜测。`;
}

export function canReadSecurityAlerts(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

export async function listSecurityAlerts(ctx: AppContext, actor: Actor, options: { openOnly: boolean; limit: number }) {
  if (!canReadSecurityAlerts(actor)) throw new AppError('FORBIDDEN');
  const rows = await repo.listAlerts(ctx.db, options);
  return {
    open: await repo.countOpenAlerts(ctx.db),
    items: rows.map((a) => ({
      id: a.id, at: new Date(a.at).toISOString(), kind: a.kind, kindLabel: a.kind === 'loginLocked' ? '地址被暂停登录' : '账号登录减速',
      accountKind: a.accountKind, accountKindLabel: ACCOUNT_KIND_LABELS[a.accountKind], subject: a.subject, address: a.address,
      attempts: a.attempts, message: alertMessage(a),
      acknowledgedAt: a.acknowledgedAt ? new Date(a.acknowledgedAt).toISOString() : null, acknowledgedByName: a.acknowledgedByName,
    })),
  };
}

export async function acknowledgeSecurityAlert(ctx: AppContext, actor: Actor, id: number) {
  if (!canReadSecurityAlerts(actor)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.acknowledgeAlert(trx, id, actor.userId, ctx.now()))) throw new AppError('NOT_FOUND', undefined, '提醒不存在或已处理。');
    await recordAudit(trx, { actor, orgId: actor.orgId, action: 'security.acknowledgeAlert', targetType: 'securityAlert', targetId: id });
  });
}
