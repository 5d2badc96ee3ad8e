import type { ItemStatus } from '../../domain/item-workflow.js';
import { Actor, hasRole, Role } from '../../domain/roles.js';
import { inScope, OrgScope } from '../orgs/orgs.policy.js';

/** Staff see the items of their own body and the bodies below it; supervisors see all. */
export function canReadItem(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'supervisor') || (inScope(scope, orgId) && hasRole(actor, 'clerk', 'deptHead', 'confidentialityReviewer', 'leader', 'disclosureOffice', 'admin'));
}

/** 信息员 draft for their own body. */
export function canDraft(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'clerk') && inScope(scope, orgId);
}

export function canEditDraft(actor: Actor, scope: OrgScope, orgId: number, status: ItemStatus): boolean {
  return status === 'draft' && canDraft(actor, scope, orgId);
}

/** The role a review step needs, in the item's body tree. */
export function canReview(actor: Actor, scope: OrgScope, orgId: number, role: Role): boolean {
  return hasRole(actor, role) && inScope(scope, orgId);
}

/** Corrections and withdrawals of published items: the approving leader or the disclosure office. */
export function canAmendPublished(actor: Actor, scope: OrgScope, orgId: number): boolean {
  return hasRole(actor, 'leader', 'disclosureOffice') && inScope(scope, orgId);
}
