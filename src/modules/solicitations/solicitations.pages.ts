/** 意见征集 on the portal (step 3). */
import type { AppContext } from '../../context.js';
import type { App } from '../../http/types.js';

export async function solicitationPages(_app: App, _ctx: AppContext) {}
