import type { AppContext } from '../../context.js';
import type { App } from '../../http/types.js';
import { isDatabaseReachable } from './platform.service.js';

export async function platformRoutes(app: App, ctx: AppContext) {
  app.get('/healthz', {
    config: { auth: 'public' },
    schema: { hide: true },
  }, async (_request, reply) =>
    (await isDatabaseReachable(ctx)) ? { status: 'ok' } : reply.code(503).send({ status: 'unavailable' }));
}
