/**
 * 政务服务中心 and their windows: a window belongs to a body, has a 首席代表 and clerks, and holds
 * the items placed there (进驻). The centre's management (serviceManager) configures them.
 */
import type { AppContext } from '../../context.js';
import { labelOf } from '../../domain/labels.js';
import { hasRole, type Actor } from '../../domain/roles.js';
import { DEFAULT_WARNING_WORKING_DAYS } from '../../domain/services/case-deadline.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { ancestorIds, findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds } from '../orgs/orgs.policy.js';
import * as repo from './centres.repository.js';
import { findItemsByCodes } from './items.repository.js';
import { canManageCentre, canReadServiceCases } from './services.policy.js';

/**
 * The window a new case belongs to: the one named (it must hold the item and be in the clerk's
 * scope), else the clerk's own window that holds the item, else none (registered at the body).
 */
export async function windowForCase(ctx: AppContext, actor: Actor, itemId: number, windowId?: number): Promise<number | null> {
  if (windowId !== undefined) {
    const window = await repo.findWindow(ctx.db, windowId);
    if (!window) throw new AppError('SERVICE_WINDOW_NOT_FOUND', [{ path: 'windowId', message: '该窗口不存在。' }]);
    const scope = await visibleOrgIds(ctx.db, actor);
    const own = await repo.clerkWindows(ctx.db, actor.userId);
    if (!(own.includes(window.id) || (own.length === 0 && inScope(scope, window.orgId)))) throw new AppError('FORBIDDEN');
    if (!(await repo.windowHoldsItem(ctx.db, window.id, itemId))) throw new AppError('VALIDATION_FAILED', [{ path: 'windowId', message: '该事项未进驻此窗口。' }]);
    return window.id;
  }
  const own = await repo.clerkWindowsHolding(ctx.db, actor.userId, itemId);
  const holding = own.find((w) => w.holdsItem);
  if (holding) return holding.windowId;
  // A window clerk registers only what their windows hold: otherwise they could not see the case afterwards.
  if (own.length) throw new AppError('VALIDATION_FAILED', [{ path: 'itemCode', message: '该事项未进驻您所在的窗口。' }]);
  return null;
}

// ---------------------------------------------------------------- centres and windows

export interface NewCentre {
  orgCode: string;
  name: string;
  type: 'county' | 'township';
  address?: string;
  hours?: string;
  phone?: string;
  warningDays?: number;
}

async function orgInManagerScope(ctx: AppContext, actor: Actor, orgCode: string, path = 'orgCode') {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path, message: '机构不存在。' }]);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canManageCentre(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  return { org, scope };
}

export async function createCentre(ctx: AppContext, actor: Actor, input: NewCentre) {
  const { org } = await orgInManagerScope(ctx, actor, input.orgCode);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertCentre(trx, { orgId: org.id, name: input.name, type: input.type, address: input.address ?? null, hours: input.hours ?? null, phone: input.phone ?? null, warningDays: input.warningDays ?? DEFAULT_WARNING_WORKING_DAYS });
    await recordAudit(trx, { actor, orgId: org.id, action: 'service.centre.create', targetType: 'serviceCentre', targetId: id, summary: { after: { name: input.name, centreType: labelOf('centreType', input.type), orgCode: input.orgCode, warningDays: input.warningDays ?? DEFAULT_WARNING_WORKING_DAYS } } });
    return { id };
  });
}

export async function listCentresFor(ctx: AppContext, actor: Actor) {
  if (!canReadServiceCases(actor)) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  // A body below a centre's government sees the centre it sits in: the centre belongs to the government above.
  const centres = (await repo.listCentres(ctx.db, 'all')).filter((c) => scope === 'all' || scope.includes(c.orgId) || hasRole(actor, 'serviceClerk'));
  const windows = await repo.listWindows(ctx.db, centres.map((c) => c.id));
  const members = await repo.windowMembers(ctx.db, windows.map((w) => w.id));
  return {
    items: centres.map((c) => ({
      ...c, typeLabel: labelOf('centreType', c.type),
      windows: windows.filter((w) => w.centreId === c.id && (scope === 'all' || scope.includes(w.orgId) || scope.includes(c.orgId))).map((w) => ({
        id: w.id, number: w.number, name: w.name, orgCode: w.orgCode, orgName: w.orgName, chiefUserId: w.chiefUserId, chiefName: w.chiefName,
        clerks: members.clerks.filter((m) => m.windowId === w.id).map(({ windowId: _w, ...u }) => u),
        items: members.items.filter((m) => m.windowId === w.id).map(({ windowId: _w, ...i }) => i),
      })),
    })),
  };
}

export interface WindowFields {
  number?: string;
  name?: string;
  orgCode?: string;
  chiefUserId?: number | null;
  clerkUserIds?: number[];
  itemCodes?: string[];
}

/** Checks the people and items of a window: clerks and the 首席代表 are service staff of the window's body (or above it), items belong to that body or below. */
async function checkMembers(ctx: AppContext, windowOrgId: number, fields: WindowFields) {
  const ids = [...new Set([...(fields.clerkUserIds ?? []), ...(fields.chiefUserId ? [fields.chiefUserId] : [])])];
  const users = await repo.usersByIds(ctx.db, ids);
  const related = new Set([...(await subtreeIds(ctx.db, windowOrgId)), ...(await ancestorIds(ctx.db, windowOrgId))]);
  for (const id of ids) {
    const u = users.find((x) => x.id === id);
    const path = id === fields.chiefUserId && !(fields.clerkUserIds ?? []).includes(id) ? 'chiefUserId' : 'clerkUserIds';
    if (!u) throw new AppError('USER_NOT_FOUND', [{ path, message: `用户（编号${id}）不存在。` }]);
    if (!u.roles.includes('serviceClerk') && !u.roles.includes('serviceManager')) throw new AppError('VALIDATION_FAILED', [{ path, message: `${u.displayName}不是政务服务工作人员。` }]);
    if (!related.has(u.orgId)) throw new AppError('VALIDATION_FAILED', [{ path, message: `${u.displayName}不属于该窗口的机关。` }]);
  }
  const codes = fields.itemCodes ?? [];
  const items = await findItemsByCodes(ctx.db, codes);
  const below = new Set(await subtreeIds(ctx.db, windowOrgId));
  for (const code of codes) {
    const item = items.find((i) => i.code === code);
    if (!item) throw new AppError('SERVICE_ITEM_NOT_FOUND', [{ path: 'itemCodes', message: `事项编码“${code}”不存在。` }]);
    if (!below.has(item.orgId)) throw new AppError('VALIDATION_FAILED', [{ path: 'itemCodes', message: `事项“${item.name}”不属于该窗口的机关。` }]);
  }
  return { itemIds: items.map((i) => i.id), itemNames: items.map((i) => i.name), people: users.filter((u) => (fields.clerkUserIds ?? []).includes(u.id)).map((u) => u.displayName), chiefName: users.find((u) => u.id === fields.chiefUserId)?.displayName };
}

export async function createWindow(ctx: AppContext, actor: Actor, centreId: number, fields: WindowFields & { number: string; name: string; orgCode: string }) {
  const centre = await repo.findCentre(ctx.db, centreId);
  if (!centre) throw new AppError('SERVICE_CENTRE_NOT_FOUND');
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canManageCentre(actor, scope, centre.orgId)) throw new AppError('FORBIDDEN');
  const org = await findOrgByCode(ctx.db, fields.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '窗口所属机关不存在。' }]);
  if (!(await subtreeIds(ctx.db, centre.orgId)).includes(org.id)) throw new AppError('VALIDATION_FAILED', [{ path: 'orgCode', message: `${org.name}不是${centre.orgName}或其下级机关。` }]);
  const { itemIds, itemNames, people, chiefName } = await checkMembers(ctx, org.id, fields);
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('serviceWindows').select('id').where('centreId', '=', centre.id).where('number', '=', fields.number).executeTakeFirst();
    if (taken) throw new AppError('VALIDATION_FAILED', [{ path: 'number', message: `${fields.number}号窗口已存在。` }]);
    const id = await repo.insertWindow(trx, { centreId: centre.id, orgId: org.id, number: fields.number, name: fields.name, chiefUserId: fields.chiefUserId ?? null });
    await repo.setWindowClerks(trx, id, fields.clerkUserIds ?? []);
    await repo.setWindowItems(trx, id, itemIds);
    await recordAudit(trx, { actor, orgId: org.id, action: 'service.window.create', targetType: 'serviceWindow', targetId: id, summary: { after: { name: fields.name, number: fields.number, orgCode: fields.orgCode, chiefName: chiefName ?? null, people, itemNames } } });
    return { id };
  });
}

export async function updateWindow(ctx: AppContext, actor: Actor, windowId: number, fields: WindowFields) {
  const window = await repo.findWindow(ctx.db, windowId);
  if (!window) throw new AppError('SERVICE_WINDOW_NOT_FOUND');
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canManageCentre(actor, scope, window.centreOrgId)) throw new AppError('FORBIDDEN');
  const { itemIds, itemNames, people, chiefName } = await checkMembers(ctx, window.orgId, fields);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateWindow(trx, window.id, { ...(fields.name ? { name: fields.name } : {}), ...(fields.chiefUserId !== undefined ? { chiefUserId: fields.chiefUserId } : {}) });
    if (fields.clerkUserIds) await repo.setWindowClerks(trx, window.id, fields.clerkUserIds);
    if (fields.itemCodes) await repo.setWindowItems(trx, window.id, itemIds);
    await recordAudit(trx, { actor, orgId: window.orgId, action: 'service.window.update', targetType: 'serviceWindow', targetId: window.id, summary: { after: { ...(fields.name ? { name: fields.name } : {}), ...(fields.chiefUserId !== undefined ? { chiefName: chiefName ?? null } : {}), ...(fields.clerkUserIds ? { people } : {}), ...(fields.itemCodes ? { itemNames } : {}) } } });
  });
  return { id: window.id };
}

/** 首席代表: the window's chief decides (准予 / 不予批准); the centre's management may too. */
export async function mayDecideAtWindow(ctx: AppContext, actor: Actor, windowId: number | null): Promise<boolean> {
  if (windowId === null || hasRole(actor, 'serviceManager')) return true;
  const window = await repo.findWindow(ctx.db, windowId);
  return !window?.chiefUserId || window.chiefUserId === actor.userId;
}

/** Service staff (政务服务工作人员 and centre management) of the bodies the actor manages, for choosing clerks and 首席代表. */
export async function listServiceStaff(ctx: AppContext, actor: Actor) {
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!hasRole(actor, 'serviceManager', 'admin')) throw new AppError('FORBIDDEN');
  const rows = await ctx.db.selectFrom('users').innerJoin('orgs', 'orgs.id', 'users.orgId')
    .select(['users.id', 'users.username', 'users.displayName', 'users.roles', 'users.orgId', 'orgs.name as orgName'])
    .where('users.active', '=', true).orderBy('users.id').execute();
  return {
    items: rows.filter((u) => inScope(scope, u.orgId) && (u.roles.includes('serviceClerk') || u.roles.includes('serviceManager')))
      .map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, orgName: u.orgName, roleNames: u.roles.map((r) => labelOf('role', r)) })),
  };
}
