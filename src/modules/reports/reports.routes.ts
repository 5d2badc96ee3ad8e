import type { AppContext } from '../../context.js';
import type { App } from '../../http/types.js';

import { reportsPages } from './reports.pages.js';

/** API and portal routes of 年度报告. */
export async function reportRoutes(app: App, ctx: AppContext) {
  await reportsPages(app, ctx);
}
