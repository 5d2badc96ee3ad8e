/**
 * Who may do what with 意见征集 drafts: the 公开办 (and the 系统管理员) of the body or a body above it manage
 * them; 监督员 read everything and change nothing. Lists filter by the same scope single reads check.
 */
import { Actor, hasRole } from '../../domain/roles.js';
import { inScope, type OrgScope } from '../orgs/orgs.policy.js';

export function canReadSolicitations(actor: Actor): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin', 'supervisor');
}

export function canManageSolicitation(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin') && inScope(scope, orgId);
}

export function canReadSolicitation(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return canReadSolicitations(actor) && inScope(scope, orgId);
}
