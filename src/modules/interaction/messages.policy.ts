/** Who may do what with a message (互动交流). Lists filter by the same rules that single reads check. */
import { Actor, hasRole } from '../../domain/roles.js';
import { inScope, type OrgScope } from '../orgs/orgs.policy.js';

export interface MessageScope {
  orgId: number;
  /** The department the 公开办 assigned it to (交办). */
  assignedOrgId: number | null;
}

/** The 公开办 of the body (or a body above it) triages, assigns, approves and publishes; so may the administrator. */
export function canTriage(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin') && inScope(scope, orgId);
}

/** Staff of the department a message was assigned to draft its reply. */
export function isAssignedHandler(actor: Actor, scope: OrgScope, m: MessageScope): boolean {
  return m.assignedOrgId !== null && hasRole(actor, 'clerk', 'deptHead', 'leader') && inScope(scope, m.assignedOrgId);
}

/** Supervisors read every message (and change nothing); the office its bodies'; a department what it was assigned. */
export function canRead(actor: Actor, scope: OrgScope, m: MessageScope): boolean {
  return hasRole(actor, 'supervisor') || canTriage(actor, scope, m.orgId) || isAssignedHandler(actor, scope, m);
}

export function canDraft(actor: Actor, scope: OrgScope, m: MessageScope): boolean {
  return canTriage(actor, scope, m.orgId) || isAssignedHandler(actor, scope, m);
}

/** The office head approves a reply before it goes out in the body's name — never the drafter. */
export function canApprove(actor: Actor, scope: OrgScope, m: MessageScope): boolean {
  return hasRole(actor, 'disclosureOffice') && inScope(scope, m.orgId);
}

export function canListMessages(actor: Actor): boolean {
  return hasRole(actor, 'disclosureOffice', 'admin', 'supervisor', 'clerk', 'deptHead', 'leader');
}

/** Department staff list only what was assigned to their department. */
export function listsAssignedOnly(actor: Actor): boolean {
  return !hasRole(actor, 'disclosureOffice', 'admin', 'supervisor');
}

/** Mailbox settings: the body's 公开办 and the administrator. */
export const canConfigureMailboxes = canTriage;
