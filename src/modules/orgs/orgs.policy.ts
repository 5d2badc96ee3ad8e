/**
 * Which bodies a staff member may see and act for.
 * 系统管理员 and 监督员 see every body; everyone else sees their own body and the bodies below it
 * (the 公开办 of a government handles its departments and townships).
 */
import { Actor, hasRole } from '../../domain/roles.js';
import type { Executor } from '../audit/audit.repository.js';
import { ancestorIds, subtreeIds } from './orgs.repository.js';

export type OrgScope = 'all' | number[];

export async function visibleOrgIds(db: Executor, actor: Actor): Promise<OrgScope> {
  if (hasRole(actor, 'admin', 'supervisor')) return 'all';
  return subtreeIds(db, actor.orgId);
}

/**
 * inScope(visibleOrgIds(actor), orgId) for one body, by walking up from it (a few rows) rather than
 * listing the actor's whole subtree (a county's is hundreds): for checks on a hot path.
 */
export async function seesOrg(db: Executor, actor: Actor, orgId: number): Promise<boolean> {
  if (hasRole(actor, 'admin', 'supervisor')) return true;
  return (await ancestorIds(db, orgId)).includes(actor.orgId);
}

export function inScope(scope: OrgScope, orgId: number): boolean {
  return scope === 'all' || scope.includes(orgId);
}

export function canManageOrgs(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}
