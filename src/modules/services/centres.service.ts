/**
 * 政务服务中心 and their windows: a window belongs to a body, has a 首席代表 and clerks, and holds
 * the items placed there (进驻). The centre's management (serviceManager) configures them.
 */
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { inScope, visibleOrgIds } from '../orgs/orgs.policy.js';
import * as repo from './centres.repository.js';

/**
 * The window a new case belongs to: the one named (it must hold the item and be in the clerk's
 * scope), else the clerk's own window that holds the item, else none (registered at the body).
 */
export async function windowForCase(ctx: AppContext, actor: Actor, itemId: number, windowId?: number): Promise<number | null> {
  if (windowId !== undefined) {
    const window = await repo.findWindow(ctx.db, windowId);
    if (!window) throw new AppError('SERVICE_WINDOW_NOT_FOUND', [{ path: 'windowId', message: '该窗口不存在。' }]);
    const scope = await visibleOrgIds(ctx.db, actor);
    const own = await repo.clerkWindows(ctx.db, actor.userId);
    if (!(own.includes(window.id) || (own.length === 0 && inScope(scope, window.orgId)))) throw new AppError('FORBIDDEN');
    if (!(await repo.windowHoldsItem(ctx.db, window.id, itemId))) throw new AppError('VALIDATION_FAILED', [{ path: 'windowId', message: '该事项未进驻此窗口。' }]);
    return window.id;
  }
  const windows = await repo.clerkWindowsForItem(ctx.db, actor.userId, itemId);
  if (windows.length) return windows[0];
  const own = await repo.clerkWindows(ctx.db, actor.userId);
  // A window clerk registers only what their windows hold: otherwise they could not see the case afterwards.
  if (own.length) throw new AppError('VALIDATION_FAILED', [{ path: 'itemCode', message: '该事项未进驻您所在的窗口。' }]);
  return null;
}
