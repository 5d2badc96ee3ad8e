import { Actor, hasRole } from '../../domain/roles.js';

/** The audit trail is read by 监督员 and 系统管理员 across bodies, and by a 公开办 for its own tree. */
export function canReadAudit(actor: Actor): boolean {
  return hasRole(actor, 'supervisor', 'admin', 'disclosureOffice');
}

export function canVerifyAudit(actor: Actor): boolean {
  return hasRole(actor, 'supervisor', 'admin');
}
