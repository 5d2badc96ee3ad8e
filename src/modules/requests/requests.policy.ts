import { Actor, hasRole } from '../../domain/roles.js';
import { inScope, OrgScope } from '../orgs/orgs.policy.js';

/** The 公开办 handles requests of its body and the bodies below it; the administrator may too. */
export function canHandle(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin') && inScope(scope, orgId);
}

/** Supervisors read every request; handlers read those they may handle. */
export function canRead(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'supervisor') || canHandle(actor, scope, orgId);
}

/** 条例第三十三条: an extension is approved by the head of the disclosure office. */
export function canApproveExtension(actor: Actor): boolean {
  return hasRole(actor, 'disclosureOffice');
}

export function canListRequests(actor: Actor): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin', 'supervisor');
}
