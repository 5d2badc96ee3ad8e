/**
 * Who may do what in 政务服务 (issue 14).
 * - `serviceClerk` keeps the registry of their body and the bodies below it and registers cases there;
 *   one assigned to windows sees the cases of those windows only, one at a body's level (no window)
 *   those of the body and the bodies below it.
 * - `serviceManager` (the centre's management) configures centres and windows, reads every case of
 *   its bodies and runs 电子监察.
 * - 系统管理员 and 监督员 read everything (visibleOrgIds), change nothing.
 */
import { Actor, hasRole } from '../../domain/roles.js';
import type { Executor } from '../audit/audit.repository.js';
import { inScope, OrgScope, seesOrg, visibleOrgIds } from '../orgs/orgs.policy.js';

export interface CaseScope {
  orgs: OrgScope;
  /** Windows the clerk is assigned to; null: not limited to windows. */
  windows: number[] | null;
}

export function canKeepRegistry(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'serviceClerk', 'serviceManager') && inScope(scope, orgId);
}

/** canKeepRegistry for one body without listing the actor's bodies (registering a case). */
export async function mayKeepRegistryOf(db: Executor, actor: Actor, orgId: number): Promise<boolean> {
  return hasRole(actor, 'serviceClerk', 'serviceManager') && seesOrg(db, actor, orgId);
}

export function canManageCentre(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'serviceManager') && inScope(scope, orgId);
}

export function canReadServiceCases(actor: Actor): boolean {
  return hasRole(actor, 'serviceClerk', 'serviceManager', 'admin', 'supervisor');
}

export async function caseScopeOf(db: Executor, actor: Actor): Promise<CaseScope> {
  const orgs = await visibleOrgIds(db, actor);
  if (hasRole(actor, 'serviceManager', 'admin', 'supervisor')) return { orgs, windows: null };
  const rows = await db.selectFrom('serviceWindowClerks').select('windowId').where('userId', '=', actor.userId).execute();
  return { orgs, windows: rows.length ? rows.map((r) => r.windowId) : null };
}

export function caseInScope(scope: CaseScope, c: { orgId: number; windowId: number | null }): boolean {
  if (!inScope(scope.orgs, c.orgId)) return false;
  return scope.windows === null || (c.windowId !== null && scope.windows.includes(c.windowId));
}

/** Handling a case: a clerk who sees it, or the centre's management. */
export function canHandleCase(actor: Actor, scope: CaseScope, c: { orgId: number; windowId: number | null }): boolean {
  return hasRole(actor, 'serviceClerk', 'serviceManager') && caseInScope(scope, c);
}
