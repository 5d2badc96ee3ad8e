/**
 * Settings kept by the disclosure office and the administrator, with the national
 * defaults where nothing was set:
 * - `topics` — the 主题分类 taxonomy (administrator);
 * - `categories` and `categories:<orgCode>` — a body's 信息类别 (条例第二十条), per body;
 * - `sensitiveWords` — words the privacy scan flags (administrator);
 * - `publicationLimit:<orgCode>` — working days to publish after formation (≤ 20, 条例第二十六条);
 * - `superiorGovernment` — the government above the county, named in replies as the 行政复议
 *   body for the county government's own decisions (administrator; default 上一级人民政府).
 */
import type { AppContext } from '../../context.js';
import { CATEGORIES, PUBLICATION_LIMIT_WORKING_DAYS, TOPICS } from '../../domain/item-workflow.js';
import { DEFAULT_SENSITIVE_WORDS } from '../../domain/privacy-scan.js';
import { DEFAULT_SUPERIOR_GOVERNMENT } from '../../domain/request-remedies.js';
import { Actor, hasRole } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds } from '../orgs/orgs.policy.js';
import * as repo from './settings.repository.js';

export async function topics(ctx: AppContext): Promise<string[]> {
  return ((await repo.get(ctx.db, 'topics')) as string[] | undefined) ?? [...TOPICS];
}

export async function categoriesOf(ctx: AppContext, orgCode?: string): Promise<string[]> {
  const own = orgCode ? ((await repo.get(ctx.db, `categories:${orgCode}`)) as string[] | undefined) : undefined;
  return own ?? ((await repo.get(ctx.db, 'categories')) as string[] | undefined) ?? [...CATEGORIES];
}

export async function sensitiveWords(ctx: AppContext): Promise<string[]> {
  return ((await repo.get(ctx.db, 'sensitiveWords')) as string[] | undefined) ?? DEFAULT_SENSITIVE_WORDS;
}

export async function publicationLimit(ctx: AppContext, orgCode: string): Promise<number> {
  return ((await repo.get(ctx.db, `publicationLimit:${orgCode}`)) as number | undefined) ?? PUBLICATION_LIMIT_WORKING_DAYS;
}

export async function superiorGovernment(ctx: AppContext): Promise<string> {
  return ((await repo.get(ctx.db, 'superiorGovernment')) as string | undefined) ?? DEFAULT_SUPERIOR_GOVERNMENT;
}

type Kind = 'topics' | 'categories' | 'sensitiveWords' | 'publicationLimit' | 'superiorGovernment';

function parseKey(key: string): { kind: Kind; orgCode?: string } {
  const [kind, orgCode] = key.split(':');
  if (!['topics', 'categories', 'sensitiveWords', 'publicationLimit', 'superiorGovernment'].includes(kind)) throw new AppError('NOT_FOUND');
  if ((kind === 'topics' || kind === 'sensitiveWords' || kind === 'superiorGovernment') && orgCode) throw new AppError('NOT_FOUND');
  if (kind === 'publicationLimit' && !orgCode) throw new AppError('NOT_FOUND');
  return { kind: kind as Kind, orgCode };
}

export async function readSetting(ctx: AppContext, key: string) {
  const { kind, orgCode } = parseKey(key);
  const value = kind === 'topics' ? await topics(ctx) : kind === 'categories' ? await categoriesOf(ctx, orgCode) : kind === 'sensitiveWords' ? await sensitiveWords(ctx)
    : kind === 'superiorGovernment' ? await superiorGovernment(ctx) : await publicationLimit(ctx, orgCode!);
  return { key, value };
}

export async function writeSetting(ctx: AppContext, actor: Actor, key: string, value: unknown) {
  const { kind, orgCode } = parseKey(key);
  let orgId: number | null = null;
  if (orgCode) {
    const org = await findOrgByCode(ctx.db, orgCode);
    if (!org) throw new AppError('ORG_NOT_FOUND');
    const scope = await visibleOrgIds(ctx.db, actor);
    if (!hasRole(actor, 'admin', 'disclosureOffice') || !inScope(scope, org.id)) throw new AppError('FORBIDDEN');
    orgId = org.id;
  } else if (!hasRole(actor, 'admin')) {
    throw new AppError('FORBIDDEN');
  }
  if (kind === 'superiorGovernment') {
    if (typeof value !== 'string' || !value.trim() || value.trim().length > 50) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'value', message: '请填写上一级人民政府的名称（不超过50字），如“示例市人民政府”。' }]);
    }
  } else if (kind === 'publicationLimit') {
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > PUBLICATION_LIMIT_WORKING_DAYS) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'value', message: '公开时限应为1至20个工作日（条例第二十六条规定不超过20个工作日）。' }]);
    }
  } else if (!Array.isArray(value) || !value.length || value.length > 200 || !value.every((v) => typeof v === 'string' && v.trim() && v.length <= 50)) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'value', message: '应为不超过200项、每项不超过50字的列表。' }]);
  }
  const clean = Array.isArray(value) ? [...new Set(value.map((v: string) => v.trim()))] : typeof value === 'string' ? value.trim() : value;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.get(trx, key);
    await repo.put(trx, key, clean, actor.userId);
    await recordAudit(trx, { actor, orgId, action: 'settings.update', targetType: 'setting', targetId: key, summary: { before: before ?? null, after: clean } });
  });
  ctx.pages.invalidate();
  return { key, value: clean };
}
