import type { AppContext } from '../../context.js';
import type { App } from '../../http/types.js';

import { requestsPages } from './requests.pages.js';

/** API and portal routes of 依申请公开. */
export async function requestRoutes(app: App, ctx: AppContext) {
  await requestsPages(app, ctx);
}
