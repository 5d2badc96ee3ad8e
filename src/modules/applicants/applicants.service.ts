/**
 * 申请人账户: a member of the public may open an account so that all their disclosure
 * requests are listed in one place. A request joins the account when it is submitted while
 * signed in, or later with its tracking number and query password (which prove it is theirs).
 * Accounts see only their own requests; the sign-in guard and the anti-spam challenge apply as for staff.
 * The log-in (a phone number or e-mail address, personal information) is stored as a keyed hash
 * for look-up and encrypted for showing it to its holder, never in clear.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { isAcceptableApplicantPassword } from '../../domain/password-policy.js';
import { outcomeSpec } from '../../domain/request-outcomes.js';
import { RequestStatus, STATUS_LABELS } from '../../domain/request-state.js';
import { AppError } from '../../http/errors.js';
import { maskEmail, maskPhone } from '../../domain/id-numbers.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../lib/password-hash.js';
import { recordAudit } from '../audit/audit.service.js';
import { guardSignIn } from '../auth/login-guard.service.js';
import * as requests from '../requests/requests.service.js';
import * as requestRepo from '../requests/requests.repository.js';
import * as repo from './applicants.repository.js';

export const APPLICANT_COOKIE = 'gk_applicant';
/** A citizen's session ends after an hour without activity. */
export const APPLICANT_IDLE_MINUTES = 60;
const TOUCH_INTERVAL_MS = 60_000;

export interface Applicant {
  accountId: number;
  login: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS (as for staff). */
export function cookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A mobile number or an e-mail address, in one spelling. */
export function normaliseLogin(login: string): string | null {
  const value = login.trim().toLowerCase();
  if (/^1[3-9]\d{9}$/.test(value)) return value;
  if (/^[^\s@]{1,64}@[^\s@]{1,190}\.[a-z]{2,}$/.test(value)) return value;
  return null;
}

/** The look-up key of a log-in: a keyed hash (HMAC under a key derived from DATA_KEY). */
function loginHash(ctx: AppContext, login: string): string {
  return ctx.crypto.keyedHash('applicant-login', login);
}

/** A log-in as shown to staff and in alerts: 139****5678, w***@example.com. */
function maskLogin(login: string): string {
  return login.includes('@') ? maskEmail(login) : maskPhone(login);
}

export async function registerAccount(ctx: AppContext, input: { login: string; displayName: string; password: string }) {
  const login = normaliseLogin(input.login);
  if (!login) throw new AppError('VALIDATION_FAILED', [{ path: 'login', message: '账号应为11位手机号码或电子邮箱。' }]);
  if (!isAcceptableApplicantPassword(input.password)) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'password', message: '密码至少8位，须同时包含字母和数字。' }]);
  }
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const accountId = await repo.insertAccount(trx, { loginHash: loginHash(ctx, login), loginEnc: ctx.crypto.encrypt(login), displayName: input.displayName.trim(), passwordHash });
    if (!accountId) throw new AppError('APPLICANT_LOGIN_TAKEN', [{ path: 'login', message: '该手机号码或电子邮箱已注册，请直接登录。' }]);
    await recordAudit(trx, { actor: null, orgId: null, action: 'applicant.register', targetType: 'applicantAccount', targetId: accountId });
    return accountId;
  });
  return { id, login };
}

export async function signIn(ctx: AppContext, loginInput: string, password: string, address: string) {
  const now = ctx.now();
  const login = normaliseLogin(loginInput);
  const account = login ? await repo.findAccountByLoginHash(ctx.db, loginHash(ctx, login)) : undefined;
  await guardSignIn(
    ctx,
    { kind: 'applicant', name: login ?? loginInput.trim().toLowerCase(), address, account: account && login ? { id: account.id, orgId: null, label: maskLogin(login) } : null },
    async () => verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash())),
  );
  const cookieValue = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    // Sessions that can no longer be used go as new ones come.
    await repo.deleteIdleSessions(trx, new Date(now.getTime() - APPLICANT_IDLE_MINUTES * 60_000));
    await repo.recordSuccessfulLogin(trx, account!.id, now);
    await repo.insertSession(trx, { id: sha256(cookieValue), accountId: account!.id, csrfToken, at: now });
    await recordAudit(trx, { actor: null, orgId: null, action: 'applicant.login', targetType: 'applicantAccount', targetId: account!.id });
  });
  return { cookieValue, csrfToken, displayName: account!.displayName };
}

export async function signOut(ctx: AppContext, applicant: Applicant) {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, applicant.sessionId);
    await recordAudit(trx, { actor: null, orgId: null, action: 'applicant.logout', targetType: 'applicantAccount', targetId: applicant.accountId });
  });
}

/**
 * Converts log-ins stored in clear before 0010_security into a keyed hash and ciphertext.
 * Run at start-up after the migrations (it needs DATA_KEY); does nothing once all are converted.
 */
export async function sealLegacyLogins(ctx: AppContext): Promise<number> {
  let converted = 0;
  for (;;) {
    const rows = await repo.accountsWithLegacyLogin(ctx.db, 500);
    if (!rows.length) return converted;
    await ctx.db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const login = normaliseLogin(row.legacyLogin!) ?? row.legacyLogin!.trim().toLowerCase();
        await repo.sealLogin(trx, row.id, loginHash(ctx, login), ctx.crypto.encrypt(login));
      }
    });
    converted += rows.length;
  }
}

/** The signed-in applicant of a session cookie, or null (unknown or idle too long). */
export async function authenticate(ctx: AppContext, cookieValue: string | undefined): Promise<Applicant | null> {
  if (!cookieValue) return null;
  const id = sha256(cookieValue);
  const session = await repo.findSession(ctx.db, id);
  if (!session) return null;
  const now = ctx.now();
  const idleMs = now.getTime() - new Date(session.lastSeenAt).getTime();
  if (idleMs > APPLICANT_IDLE_MINUTES * 60_000) {
    await repo.deleteSession(ctx.db, id);
    return null;
  }
  const account = await repo.findAccount(ctx.db, session.accountId);
  if (!account?.loginEnc) return null;
  if (idleMs > TOUCH_INTERVAL_MS) await repo.touchSession(ctx.db, id, now);
  return { accountId: account.id, login: ctx.crypto.decrypt(account.loginEnc), displayName: account.displayName, sessionId: id, csrfToken: session.csrfToken };
}

/** Every request of the account, newest first. */
export async function listMyRequests(ctx: AppContext, applicant: Applicant) {
  const rows = await repo.requestsOfAccount(ctx.db, applicant.accountId);
  return {
    items: rows.map((r) => ({
      trackingNo: r.trackingNo, orgName: r.orgName, description: r.description, status: r.status,
      statusLabel: STATUS_LABELS[r.status as RequestStatus], outcomeLabel: r.outcome ? outcomeSpec(r.outcome)?.label ?? null : null,
      submittedAt: new Date(r.submittedAt).toISOString(), completedOn: r.completedOn,
    })),
  };
}

/** One request of the account, as on the status page; another's is not found. */
export async function viewMyRequest(ctx: AppContext, applicant: Applicant, trackingNo: string) {
  const request = await requestRepo.findByTrackingNo(ctx.db, trackingNo.trim().toUpperCase());
  if (!request || request.applicantAccountId !== applicant.accountId) throw new AppError('REQUEST_NOT_FOUND');
  const view = await requests.presentToApplicant(ctx, request);
  return { ...view, documents: view.documents.map((d) => ({ ...d, url: requests.documentLink(ctx, view.trackingNo, d.id) })) };
}

/** Adds a request made before the account existed (or without signing in), proven by its query password. */
export async function linkRequest(ctx: AppContext, applicant: Applicant, trackingNo: string, queryPassword: string) {
  const request = await requests.authenticateApplicant(ctx, trackingNo, queryPassword);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.linkRequest(trx, request.id, applicant.accountId))) throw new AppError('APPLICANT_REQUEST_LINKED');
    await recordAudit(trx, { actor: null, orgId: request.orgId, action: 'applicant.linkRequest', targetType: 'request', targetId: request.trackingNo, summary: { accountId: applicant.accountId } });
  });
  return { trackingNo: request.trackingNo };
}
