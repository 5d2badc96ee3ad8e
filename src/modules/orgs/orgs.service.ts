import type { AppContext } from '../../context.js';
import type { OrgType } from '../../db/tables/foundation.js';
import { isValidCreditCode, isValidOrganizationCode } from '../../domain/id-numbers.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './orgs.repository.js';
import { canManageOrgs } from './orgs.policy.js';

export type { Org } from './orgs.repository.js';

export interface OrgInput {
  code: string;
  name: string;
  shortName?: string | null;
  type: OrgType;
  parentCode?: string | null;
  address?: string | null;
  officeHours?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  postalCode?: string | null;
  website?: string | null;
  sortOrder?: number;
}

/** 统一社会信用代码 (GB 32100, 18 characters) or the older 组织机构代码 (GB 11714, 9 characters). */
export function isValidOrgCode(code: string): boolean {
  return isValidCreditCode(code) || isValidOrganizationCode(code);
}

/** The tree is 人民政府 → 部门 / 乡镇（街道） → 科室. */
const ALLOWED_PARENTS: Record<OrgType, (OrgType | null)[]> = {
  government: [null, 'government'],
  department: ['government'],
  township: ['government'],
  office: ['department', 'township', 'government'],
};

export async function listOrgs(ctx: AppContext) {
  return repo.listOrgs(ctx.db);
}

export async function getOrg(ctx: AppContext, code: string) {
  const org = await repo.findOrgByCode(ctx.db, code);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  return org;
}

async function resolveParent(ctx: AppContext, type: OrgType, parentCode: string | null | undefined) {
  const parent = parentCode ? await repo.findOrgByCode(ctx.db, parentCode) : undefined;
  if (parentCode && !parent) throw new AppError('ORG_PARENT_INVALID', [{ path: 'parentCode', message: '上级机构不存在。' }]);
  if (!ALLOWED_PARENTS[type].includes(parent?.type ?? null)) {
    throw new AppError('ORG_PARENT_INVALID', [{ path: 'parentCode', message: '上级机构类型不符合层级要求。' }]);
  }
  return parent ?? null;
}

function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

export async function createOrg(ctx: AppContext, actor: Actor, input: OrgInput) {
  if (!canManageOrgs(actor)) throw new AppError('FORBIDDEN');
  const code = normalizeCode(input.code);
  if (!isValidOrgCode(code)) throw new AppError('ORG_CODE_INVALID', [{ path: 'code', message: '机构代码校验位不正确。' }]);
  const parent = await resolveParent(ctx, input.type, input.parentCode);
  const created = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findOrgByCode(trx, code)) throw new AppError('ORG_CODE_TAKEN', [{ path: 'code', message: '该机构代码已被使用。' }]);
    const { parentCode: _ignored, ...fields } = input;
    const id = await repo.insertOrg(trx, {
      ...nullify(fields),
      code,
      name: input.name.trim(),
      type: input.type,
      parentId: parent?.id ?? null,
      sortOrder: input.sortOrder ?? 0,
    } as repo.OrgFields);
    await recordAudit(trx, {
      actor, orgId: id, action: 'org.create', targetType: 'org', targetId: code,
      summary: { after: { code, name: input.name, type: input.type, parentCode: parent?.code ?? null } },
    });
    return (await repo.findOrgById(trx, id))!;
  });
  ctx.pages.invalidate();
  return created;
}

export async function updateOrg(ctx: AppContext, actor: Actor, code: string, patch: Partial<Omit<OrgInput, 'code'>>) {
  if (!canManageOrgs(actor)) throw new AppError('FORBIDDEN');
  const org = await getOrg(ctx, code);
  const type = patch.type ?? org.type;
  let parentId = org.parentId;
  if (patch.parentCode !== undefined || patch.type !== undefined) {
    const parent = await resolveParent(ctx, type, patch.parentCode !== undefined ? patch.parentCode : org.parentCode);
    if (parent && (await repo.subtreeIds(ctx.db, org.id)).includes(parent.id)) {
      throw new AppError('ORG_PARENT_INVALID', [{ path: 'parentCode', message: '不能把机构移到它自己的下级之下。' }]);
    }
    parentId = parent?.id ?? null;
  }
  const { parentCode: _ignored, ...fields } = patch;
  const updated = await ctx.db.transaction().execute(async (trx) => {
    await repo.updateOrg(trx, org.id, { ...nullify(fields), parentId });
    const after = (await repo.findOrgById(trx, org.id))!;
    await recordAudit(trx, {
      actor, orgId: org.id, action: 'org.update', targetType: 'org', targetId: code,
      summary: { before: pick(org, Object.keys(patch)), after: pick(after, Object.keys(patch)) },
    });
    return after;
  });
  // Names and contact details appear on public pages.
  ctx.pages.invalidate();
  return updated;
}

export async function deleteOrg(ctx: AppContext, actor: Actor, code: string) {
  if (!canManageOrgs(actor)) throw new AppError('FORBIDDEN');
  const org = await getOrg(ctx, code);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.countChildren(trx, org.id)) > 0) throw new AppError('ORG_HAS_CHILDREN');
    if ((await repo.countUsers(trx, org.id)) > 0) throw new AppError('ORG_IN_USE');
    try {
      await repo.deleteOrg(trx, org.id);
    } catch {
      // A foreign key from business data (items, requests …) still points here.
      throw new AppError('ORG_IN_USE');
    }
    await recordAudit(trx, {
      actor, orgId: null, action: 'org.delete', targetType: 'org', targetId: code,
      summary: { before: { code: org.code, name: org.name, type: org.type } },
    });
  });
  ctx.pages.invalidate();
}

function nullify<T extends Record<string, unknown>>(fields: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v;
  }
  return out as T;
}

function pick(obj: object, keys: string[]) {
  const record = obj as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]]));
}
