import { Actor, hasRole } from '../../domain/roles.js';

/** Only the 系统管理员 creates accounts and assigns roles (三员分立: no one grants themselves rights). */
export function canManageUsers(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}

/** Account lists: administrators and supervisors see every body; a 公开办 sees its own tree. */
export function canListUsers(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'supervisor', 'disclosureOffice');
}
