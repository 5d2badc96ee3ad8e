/** 政府信息公开指南 (条例第十二条): generated from the body's data; the body may rewrite parts. */
import type { AppContext } from '../../context.js';
import type { GuideContent } from '../../db/tables/publishing.js';
import { Actor, hasRole } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds } from '../orgs/orgs.policy.js';
import * as repo from './publishing.repository.js';

export async function getGuide(ctx: AppContext, orgCode: string) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const saved = await repo.findGuide(ctx.db, org.id);
  return { org, content: (saved?.content ?? {}) as GuideContent };
}

export async function saveGuide(ctx: AppContext, actor: Actor, orgCode: string, content: GuideContent) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!hasRole(actor, 'disclosureOffice', 'admin') || !inScope(scope, org.id)) throw new AppError('FORBIDDEN');
  const clean = Object.fromEntries(Object.entries(content).filter(([, v]) => typeof v === 'string' && v.trim()).map(([k, v]) => [k, v!.trim()]));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveGuide(trx, org.id, clean, actor.userId);
    await recordAudit(trx, { actor, orgId: org.id, action: 'guide.save', targetType: 'org', targetId: org.code, summary: { fields: Object.keys(clean) } });
  });
  return getGuide(ctx, orgCode);
}
