/**
 * Authentication and route-level authorisation in one place.
 * Staff authenticate with the console's session cookie (HttpOnly, SameSite=Lax,
 * stored server-side, 30-minute idle timeout) or an `Authorization: Bearer` token.
 * Cookie-authenticated writes must carry the session's CSRF token
 * (header `X-CSRF-Token` or form field `_csrf`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { hasRole } from '../domain/roles.js';
import { authenticateSession, authenticateToken, SESSION_COOKIE } from '../modules/auth/auth.service.js';
import { AppError } from './errors.js';
import type { App } from './types.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuth(app: App, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = request.routeOptions.config?.auth;
    // Fail closed: a route without a declared rule is not reachable.
    if (auth === undefined) {
      if (request.routeOptions.url === undefined) return; // 404 handler
      throw new AppError('FORBIDDEN');
    }
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.actor = await authenticateToken(ctx, header.slice(7).trim());
      // A token that is presented must be valid, even on public routes (it changes what the call means).
      if (!request.actor) throw new AppError('UNAUTHENTICATED', undefined, '令牌无效或已过期。');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const session = await authenticateSession(ctx, cookie);
        if (session) {
          request.actor = session.actor;
          request.sessionId = session.sessionId;
          request.csrfToken = session.csrfToken;
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
          if (auth !== 'public') throw new AppError('SESSION_EXPIRED');
        }
      }
      if (request.actor && !SAFE_METHODS.has(request.method) && request.routeOptions.config?.csrf !== false) {
        const body = request.body as Record<string, unknown> | undefined;
        const token = request.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
        if (token !== request.csrfToken) {
          // A public form (the portal's application form, say) posted from a browser that also holds
          // a console session is the public's form: it goes through anonymously, never as the staff member.
          if (auth !== 'public') throw new AppError('CSRF_INVALID');
          request.actor = null;
        }
      }
    }
    if (auth === 'public') return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    if (Array.isArray(auth) && !hasRole(request.actor, ...auth)) throw new AppError('FORBIDDEN');
  });
}

/** The signed-in staff member of a route whose `auth` is not 'public'. */
export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/**
 * A rate limit's allowList for forms that staff also use to register what reached them
 * (letters, calls): only a caller the auth hook has verified (a valid bearer token, or a console
 * session with its CSRF token) skips the public limit. Any other Authorization header counts as public.
 */
export function exemptVerifiedStaff(request: FastifyRequest): boolean {
  return request.actor !== null;
}
