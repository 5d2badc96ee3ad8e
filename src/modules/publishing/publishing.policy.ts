import { type ItemStatus, stepFor } from '../../domain/item-workflow.js';
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

/** Who may resolve privacy findings: whoever holds the item at its current step (the clerk while it is a draft). */
export function canResolveFindings(actor: Actor, scope: OrgScope, orgId: number, status: ItemStatus): boolean {
  if (status === 'draft') return canDraft(actor, scope, orgId);
  const step = stepFor(status);
  return !!step && canReview(actor, scope, orgId, step.role);
}

/** A scheduled publication is changed, cancelled or brought forward by a leader of the item's body tree. */
export function canReschedule(actor: Actor, scope: OrgScope, orgId: number, status: ItemStatus): boolean {
  return status === 'scheduled' && canReview(actor, scope, orgId, 'leader');
}

/**
 * What the console offers this staff member on an item (the server checks again on every action),
 * as the requests API does: a button that would answer 403 or 409 is not shown.
 */
export function itemPermissions(actor: Actor, scope: OrgScope, item: { orgId: number; status: string }) {
  const status = item.status as ItemStatus;
  const step = stepFor(status);
  return {
    edit: canEditDraft(actor, scope, item.orgId, status),
    attach: canEditDraft(actor, scope, item.orgId, status),
    submit: canEditDraft(actor, scope, item.orgId, status),
    review: !!step && canReview(actor, scope, item.orgId, step.role),
    resolveFindings: canResolveFindings(actor, scope, item.orgId, status),
    reschedule: canReschedule(actor, scope, item.orgId, status),
    withdraw: status === 'published' && canAmendPublished(actor, scope, item.orgId),
    correct: status === 'published' && canAmendPublished(actor, scope, item.orgId),
  };
}

export type ItemPermissions = ReturnType<typeof itemPermissions>;
