import type { AppContext } from '../../context.js';
import type { App } from '../../http/types.js';

import { publishingPages } from './publishing.pages.js';

/** API and portal routes of 主动公开. */
export async function publishingRoutes(app: App, ctx: AppContext) {
  await publishingPages(app, ctx);
}
