/**
 * Builds the HTTP application without listening (tests use `app.inject`).
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyEtag from '@fastify/etag';
import fastifyFormbody from '@fastify/formbody';
import helmet from 'helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from '../config.js';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import type { WorkingDayCalendar } from '../domain/calendar.js';
import { discardBlobsOnRollback, LocalBlobStore } from '../lib/blob-store.js';
import { CryptoBox } from '../lib/crypto-box.js';
import { PageCache } from '../lib/page-cache.js';
import { connectPeers, NO_PEERS, type SharedChange } from '../lib/peers.js';
import { LOG_REDACT_PATHS } from '../lib/personal-data.js';
import { adminConsoleRoutes } from '../modules/admin-console/admin-console.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { calendarRoutes } from '../modules/calendar/calendar.routes.js';
import { loadCalendar } from '../modules/calendar/calendar.service.js';
import { applicantRoutes } from '../modules/applicants/applicants.routes.js';
import { interactionRoutes } from '../modules/interaction/interaction.routes.js';
import { orgRoutes } from '../modules/orgs/orgs.routes.js';
import { platformRoutes } from '../modules/platform/platform.routes.js';
import { portalRoutes } from '../modules/portal/portal.pages.js';
import { publishingRoutes } from '../modules/publishing/publishing.routes.js';
import { reportRoutes } from '../modules/reports/reports.routes.js';
import { requestRoutes } from '../modules/requests/requests.routes.js';
import { settingsRoutes } from '../modules/settings/settings.routes.js';
import { userRoutes } from '../modules/users/users.routes.js';
import { searchPages } from '../modules/search/search.pages.js';
import { searchRoutes } from '../modules/search/search.routes.js';
// 意见征集 (issue 13)
import { solicitationRoutes } from '../modules/solicitations/solicitations.routes.js';
// 回应关切 (issue 13)
import { concernRoutes } from '../modules/concerns/concerns.routes.js';
import { serviceRoutes } from '../modules/services/services.routes.js';
import { servicePages } from '../modules/services/guides.pages.js';
import { guideRoutes } from '../modules/services/guides.routes.js';
import { centreRoutes } from '../modules/services/centres.routes.js';
import { ratingRoutes } from '../modules/services/ratings.routes.js';
import { complaintRoutes } from '../modules/services/complaints.routes.js';
import { serviceStatisticsPages } from '../modules/services/statistics.pages.js';
import { startBackgroundJobs } from '../jobs/background-jobs.js';
import { platformJobs } from '../jobs/platform-jobs.js';
import { registerAuth } from './auth.js';
import { registerErrorHandler } from './error-handler.js';
import { registerInputGuards } from './input-guards.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { renderNotFound } from './error-pages.js';
import type { App } from './types.js';

z.config(z.locales.zhCN());

export interface BuildOptions {
  config: AppConfig;
  db: Db;
  /** Fixed clock for tests. */
  now?: () => Date;
  /** Run the periodic jobs (default). Tests that count statements turn them off: a job's queries would count. */
  backgroundJobs?: boolean;
}

const CALENDAR_TTL_MS = 60_000;
const PUBLIC_DIR = path.resolve(import.meta.dirname, '../../public');
const PUBLIC_DIR_COMPILED = path.resolve(import.meta.dirname, '../../../public');

/** How each context drops a cache without telling anyone (what a peer's announcement does). */
const forgetters = new WeakMap<AppContext, Record<SharedChange, () => void>>();

export function createContext(config: AppConfig, db: Db, now: () => Date = () => new Date()): AppContext {
  const blobs = new LocalBlobStore(path.resolve(config.dataDir, 'blobs'));
  const { box: crypto } = CryptoBox.fromConfig(config.dataKey);
  let cached: { at: number; calendar: Promise<WorkingDayCalendar> } | undefined;
  const pages = new PageCache();
  const ctx: AppContext = {
    // A transaction that rolls back deletes the files written inside it.
    db: discardBlobsOnRollback(db, blobs),
    config,
    now,
    blobs,
    crypto,
    pages,
    peers: NO_PEERS,
    // Cached per process; the other processes are told of a change (src/lib/peers.ts) and the cache expires within a minute regardless.
    calendar() {
      if (!cached || Date.now() - cached.at > CALENDAR_TTL_MS) cached = { at: Date.now(), calendar: loadCalendar(db) };
      return cached.calendar;
    },
    invalidateCalendar() {
      cached = undefined;
      ctx.peers.announce('calendar');
    },
  };
  pages.onInvalidate = () => ctx.peers.announce('pages');
  forgetters.set(ctx, { pages: () => pages.clear(), calendar: () => { cached = undefined; } });
  return ctx;
}

/** On PostgreSQL, listens for the other server processes' cache changes (same machine or not). */
async function joinPeers(app: App, ctx: AppContext) {
  if (!ctx.config.databaseUrl) return;
  ctx.peers = await connectPeers(ctx.config.databaseUrl, forgetters.get(ctx)!, app.log);
  app.addHook('onClose', async () => ctx.peers.close());
}

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config } = options;
  const ctx = createContext(config, options.db, options.now);
  const app = Fastify({
    logger: { level: config.logLevel, redact: LOG_REDACT_PATHS },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 500 },
    // Errors raised before routing (malformed URL, over-long parameter) get the same coded answer.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      reply.code(400).type('application/json; charset=utf-8').send({ code: 'VALIDATION_FAILED', message: `请求地址格式不正确（${error.code ?? 'URL'}）。` });
    },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await joinPeers(app, ctx);

  // Routes registered by plugins (static files, API reference) are public.
  app.addHook('onRoute', (route) => {
    if (route.config?.auth) return;
    if (/^\/(admin|static|api\/docs)(\/|$)/.test(route.url ?? '')) route.config = { ...(route.config ?? {}), auth: 'public' } as typeof route.config;
  });

  await app.register(fastifyCookie);
  // Strong ETags from the body: a cached public page revalidates cheaply and changes the moment its content does.
  await app.register(fastifyEtag);
  await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  // Spreadsheet uploads (ledgers, legacy catalogs) as the raw body.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 10, fields: 50, parts: 60 } });
  // Limits are counted after authentication (the auth hook is an application-wide preValidation hook,
  // and a route's own hooks run after those), so a route may exempt verified staff (exemptVerifiedStaff)
  // and a made-up Authorization header exempts nobody. Bodies that fail validation are still counted.
  await app.register(fastifyRateLimit, { global: false, hook: 'preValidation', store: databaseRateLimitStore(ctx.db), errorResponseBuilder: (_req, c) => ({ statusCode: 429, code: 'RATE_LIMITED', message: `操作过于频繁，请${Math.ceil(c.ttl / 1000)}秒后再试。` }) });
  // Security headers (CSP, frame, referrer, nosniff …) from helmet, built once: @fastify/helmet
  // rebuilds the middleware, CSP parsing included, on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects component styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.secureCookies ? undefined : false,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Gongkai 政务公开平台 API', version: '1.0.0', description: '政府信息公开平台开放接口。错误统一返回 { code, message, details? }。' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'POST /api/v1/auth/token 签发的令牌' },
          session: { type: 'apiKey', in: 'cookie', name: 'gk_session', description: '控制台会话；写操作需 X-CSRF-Token 请求头' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  registerInputGuards(app);
  registerAuth(app, ctx);

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyStatic, {
    root: fs.existsSync(PUBLIC_DIR) ? PUBLIC_DIR : PUBLIC_DIR_COMPILED,
    prefix: '/static/',
    maxAge: '1d',
  });

  await platformRoutes(app, ctx);
  await authRoutes(app, ctx);
  await orgRoutes(app, ctx);
  await userRoutes(app, ctx);
  await calendarRoutes(app, ctx);
  await auditRoutes(app, ctx);
  await publishingRoutes(app, ctx);
  await requestRoutes(app, ctx);
  await applicantRoutes(app, ctx);
  await reportRoutes(app, ctx);
  await interactionRoutes(app, ctx);
  await settingsRoutes(app, ctx);
  await portalRoutes(app, ctx);
  await searchRoutes(app, ctx);
  await searchPages(app, ctx);
  // 意见征集 (issue 13)
  await solicitationRoutes(app, ctx);
  // 回应关切 (issue 13)
  await concernRoutes(app, ctx);
  await serviceRoutes(app, ctx);
  await servicePages(app, ctx);
  await guideRoutes(app, ctx);
  await centreRoutes(app, ctx);
  await ratingRoutes(app, ctx);
  await complaintRoutes(app, ctx);
  await serviceStatisticsPages(app, ctx);
  await adminConsoleRoutes(app);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.code(404).send({ code: 'NOT_FOUND', message: '请求的资源不存在。' });
    }
    return reply.code(404).type('text/html; charset=utf-8').send(renderNotFound(request));
  });

  // Periodic work (src/jobs/background-jobs.ts): each capability adds its jobs to PLATFORM_JOBS.
  if (options.backgroundJobs ?? true) {
    const stopJobs = startBackgroundJobs(ctx, platformJobs(app.log), app.log);
    app.addHook('onClose', async () => stopJobs());
  }

  return app;
}
