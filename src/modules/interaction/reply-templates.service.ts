/** 互动交流: templates for common replies, kept per body by its 公开办 and offered when drafting. */
import type { AppContext } from '../../context.js';
import { type Actor, hasRole } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import * as policy from './messages.policy.js';
import * as repo from './messages.repository.js';

export async function listTemplates(ctx: AppContext, actor: Actor) {
  if (!policy.canListMessages(actor)) throw new AppError('FORBIDDEN');
  return repo.listTemplates(ctx.db, await visibleOrgIds(ctx.db, actor));
}

export async function saveTemplate(ctx: AppContext, actor: Actor, input: { templateTitle: string; templateText: string }) {
  if (!hasRole(actor, 'disclosureOffice', 'admin')) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertTemplate(trx, { orgId: actor.orgId, title: input.templateTitle, text: input.templateText });
    await recordAudit(trx, { actor, orgId: actor.orgId, action: 'message.template', targetType: 'mailbox', targetId: id, summary: { templateTitle: input.templateTitle } });
    return { id };
  });
}
