import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor, Role } from '../domain/roles.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/**
 * Who may call a route. Every route declares it (`config: { auth: … }`); the one
 * authorisation hook in auth.ts enforces it and refuses routes that forgot.
 * - 'public': anyone;
 * - 'staff': any signed-in staff member;
 * - Role[]: a staff member holding at least one of these roles.
 */
export type RouteAuth = 'public' | 'staff' | Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** Cookie-authenticated writes need the CSRF token unless a route opts out (sign-in itself). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}
