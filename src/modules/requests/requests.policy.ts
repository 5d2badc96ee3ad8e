import { Actor, hasRole } from '../../domain/roles.js';
import { inScope, OrgScope } from '../orgs/orgs.policy.js';

/** What the policy needs to know of a request. */
export interface RequestScope {
  orgId: number;
  /** 交办: the department that holds the information and drafts the reply. */
  assignedOrgId: number | null;
}

/** The 公开办 handles requests of its body and the bodies below it; the administrator may too. */
export function canHandle(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin') && inScope(scope, orgId);
}

/** Staff of the department a request was assigned to (交办) prepare its reply. */
export function isAssignedHandler(actor: Actor, scope: OrgScope, request: RequestScope): boolean {
  return request.assignedOrgId !== null && hasRole(actor, 'clerk', 'deptHead') && inScope(scope, request.assignedOrgId);
}

/** Supervisors read every request; handlers read those they may handle or were assigned. */
export function canRead(actor: Actor, scope: OrgScope, request: RequestScope): boolean {
  return hasRole(actor, 'supervisor') || canHandle(actor, scope, request.orgId) || isAssignedHandler(actor, scope, request);
}

/** Drafting the reply and adding the information to provide: the office itself or the assigned department. */
export function canDraftReply(actor: Actor, scope: OrgScope, request: RequestScope): boolean {
  return canHandle(actor, scope, request.orgId) || isAssignedHandler(actor, scope, request);
}

/**
 * 条例第三十三条: an extension is approved by the head of the disclosure office; so is a reply
 * drafted by a department before it goes out in the body's name.
 */
export function canApproveExtension(actor: Actor): boolean {
  return hasRole(actor, 'disclosureOffice');
}

export const canApproveReply = canApproveExtension;

export function canListRequests(actor: Actor): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin', 'supervisor', 'clerk', 'deptHead');
}

/** Clerks and department heads list only what was assigned to their department. */
export function listsAssignedOnly(actor: Actor): boolean {
  return !hasRole(actor, 'disclosureOffice', 'admin', 'supervisor');
}
