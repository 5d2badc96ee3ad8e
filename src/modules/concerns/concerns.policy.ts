/**
 * Who may do what with 回应关切: the 公开办 (and the 系统管理员) of the body or a body above it register concerns
 * and responses; 监督员 read everything and change nothing.
 */
import { Actor, hasRole } from '../../domain/roles.js';
import { inScope, type OrgScope } from '../orgs/orgs.policy.js';

export function canReadConcerns(actor: Actor): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin', 'supervisor');
}

export function canReadConcern(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return canReadConcerns(actor) && inScope(scope, orgId);
}

export function canManageConcern(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin') && inScope(scope, orgId);
}
