import type { AppContext } from '../../context.js';
import type { App } from '../../http/types.js';
import { sendPlaceholder } from '../../http/views/placeholder.js';

/** Portal pages of this capability. */
export async function reportsPages(app: App, _ctx: AppContext) {
  app.get('/xxgk/reports', { config: { auth: 'public' }, schema: { hide: true } }, async (request, reply) =>
    sendPlaceholder(request, reply, '政府信息公开工作年度报告', '本栏目正在建设中。'));
}
