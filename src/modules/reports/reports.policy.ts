import { Actor, hasRole } from '../../domain/roles.js';
import { inScope, OrgScope } from '../orgs/orgs.policy.js';

/** The 公开办 compiles and publishes the reports of its body and the bodies below it. */
export function canCompile(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin') && inScope(scope, orgId);
}

/** Drafts are read by those who compile them and by supervisors. */
export function canReadDraft(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'supervisor') || canCompile(actor, scope, orgId);
}
