import type { AppContext } from '../../context.js';
import type { App } from '../../http/types.js';
import { sendPlaceholder } from '../../http/views/placeholder.js';

/** Portal pages of this capability. */
export async function requestsPages(app: App, _ctx: AppContext) {
  app.get('/ysqgk', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendPlaceholder(request, reply, '依申请公开', '本栏目正在建设中。'));
}
