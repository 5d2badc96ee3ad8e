/**
 * Versions of an item and its 办事指南, reviewed before publication: a clerk drafts the next
 * version, submits it, and the centre's management (serviceManager) approves it (it then replaces
 * the published version) or returns it. The drafter may not approve their own draft. Blank forms
 * and filled samples of the materials are files kept with the item.
 */
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/roles.js';
import { labelOf } from '../../domain/labels.js';
import { checkLimits, type ServiceItemKind } from '../../domain/services/service-items.js';
import { AppError } from '../../http/errors.js';
import { MIME, sniffFileKind } from '../../lib/documents/file-types.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.service.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import { indexGuide } from './guide-search.js';
import * as repo from './items.repository.js';
import { itemForStaff, presentItem, type ServiceGuide } from './items.service.js';
import { canKeepRegistry, canManageCentre } from './services.policy.js';

export interface ItemVersionFields {
  name: string;
  kind: ServiceItemKind;
  legalLimitDays: number;
  promisedLimitDays: number;
  deemedApproval?: boolean;
  guide?: ServiceGuide;
}

function presentVersion(v: Awaited<ReturnType<typeof repo.listVersions>>[number]) {
  return {
    version: v.version, status: v.status, statusLabel: labelOf('serviceItemStatus', v.status), data: v.data,
    reviewComment: v.reviewComment, createdAt: new Date(v.createdAt).toISOString(), reviewedAt: v.reviewedAt ? new Date(v.reviewedAt).toISOString() : null,
  };
}

export async function getItemForStaff(ctx: AppContext, actor: Actor, code: string) {
  const item = await itemForStaff(ctx, actor, code, 'code');
  const [versions, files] = await Promise.all([repo.listVersions(ctx.db, item.id), listFiles(ctx, item.id)]);
  return { ...presentItem(item), guide: item.guide, versions: versions.map(presentVersion), files };
}

/** Saves the next version as a draft (or changes the draft already open). */
export async function draftItemVersion(ctx: AppContext, actor: Actor, code: string, fields: ItemVersionFields) {
  const item = await itemForStaff(ctx, actor, code, 'code');
  const problems = checkLimits(fields.legalLimitDays, fields.promisedLimitDays);
  if (problems.length) throw new AppError('SERVICE_LIMITS_INVALID', problems);
  return ctx.db.transaction().execute((trx) => draftItemVersionIn(trx, actor, item, fields));
}

/** The inside of draftItemVersion, in the caller's transaction (the registry import puts every row in one). */
export async function draftItemVersionIn(trx: Transaction<DB>, actor: Actor, item: { id: number; code: string; orgId: number }, fields: ItemVersionFields) {
  const versions = await repo.listVersions(trx, item.id);
  const open = versions.find((v) => v.status === 'draft' || v.status === 'inReview');
  if (open?.status === 'inReview') throw new AppError('SERVICE_CASE_STEP_INVALID', [{ path: 'version', message: `第${open.version}版正在审核，审核后才能修改。` }]);
  const data = { ...fields, deemedApproval: fields.deemedApproval ?? false, guide: fields.guide ?? {} } as Record<string, unknown>;
  let version: number;
  if (open) {
    version = open.version;
    await trx.updateTable('serviceItemVersions').set({ data: JSON.stringify(data) as never, createdBy: actor.userId }).where('id', '=', open.id).execute();
  } else {
    version = (versions[0]?.version ?? 0) + 1;
    await repo.insertVersion(trx, { itemId: item.id, version, status: 'draft', data, createdBy: actor.userId });
  }
  await recordAudit(trx, { actor, orgId: item.orgId, action: 'service.item.draft', targetType: 'serviceItem', targetId: item.code, summary: { version, after: { name: fields.name, promisedLimitDays: fields.promisedLimitDays } } });
  return { code: item.code, version, status: 'draft' };
}

export async function submitItemVersion(ctx: AppContext, actor: Actor, code: string) {
  const item = await itemForStaff(ctx, actor, code, 'code');
  return ctx.db.transaction().execute(async (trx) => {
    const draft = (await repo.listVersions(trx, item.id)).find((v) => v.status === 'draft');
    if (!draft) throw new AppError('SERVICE_CASE_STEP_INVALID', [{ path: 'version', message: '没有待提交的草稿。' }]);
    await repo.setVersionStatus(trx, draft.id, { status: 'inReview' });
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'service.item.submit', targetType: 'serviceItem', targetId: item.code, summary: { version: draft.version } });
    return { code: item.code, version: draft.version, status: 'inReview' };
  });
}

export async function reviewItemVersion(ctx: AppContext, actor: Actor, code: string, input: { decision: 'approve' | 'return'; comment?: string }) {
  const item = await repo.findItemByCode(ctx.db, code);
  if (!item) throw new AppError('SERVICE_ITEM_NOT_FOUND');
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canManageCentre(actor, scope, item.orgId)) throw new AppError('FORBIDDEN');
  if (input.decision === 'return' && !input.comment?.trim()) throw new AppError('VALIDATION_FAILED', [{ path: 'comment', message: '退回修改的，请写明意见。' }]);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const versions = await repo.listVersions(trx, item.id);
    const pending = versions.find((v) => v.status === 'inReview');
    if (!pending) throw new AppError('SERVICE_CASE_STEP_INVALID', [{ path: 'decision', message: '没有待审核的版本。' }]);
    if (pending.createdBy === actor.userId) throw new AppError('FORBIDDEN', [{ path: 'decision', message: '不能审核自己起草的版本。' }]);
    if (input.decision === 'return') {
      await repo.setVersionStatus(trx, pending.id, { status: 'draft', reviewedBy: actor.userId, reviewComment: input.comment!.trim() });
    } else {
      for (const v of versions.filter((x) => x.status === 'published')) await repo.setVersionStatus(trx, v.id, { status: 'superseded' });
      await repo.setVersionStatus(trx, pending.id, { status: 'published', reviewedBy: actor.userId, reviewComment: input.comment?.trim() || null });
      const d = pending.data as unknown as ItemVersionFields;
      await repo.updateItem(trx, item.id, { name: d.name, kind: d.kind, legalLimitDays: d.legalLimitDays, promisedLimitDays: d.promisedLimitDays, deemedApproval: d.deemedApproval ?? false, guide: (d.guide ?? {}) as Record<string, unknown>, version: pending.version, published: true });
    }
    if (input.decision === 'approve') await indexGuide(trx, item.code);
    await recordAudit(trx, { actor, orgId: item.orgId, action: input.decision === 'approve' ? 'service.item.publish' : 'service.item.return', targetType: 'serviceItem', targetId: item.code, summary: { version: pending.version, comment: input.comment ?? null } });
    return { code: item.code, version: pending.version, status: input.decision === 'approve' ? 'published' : 'draft' };
  });
  ctx.pages.invalidate();
  return result;
}

// ---------------------------------------------------------------- blank forms and samples

const FILE_KINDS = new Set(['pdf', 'docx', 'xlsx', 'png', 'jpeg']);
export const MATERIAL_FILE_KINDS = { blank: '空白表格', sample: '填写样本' } as const;
export type MaterialFileKind = keyof typeof MATERIAL_FILE_KINDS;

async function listFiles(ctx: AppContext, itemId: number) {
  const rows = await ctx.db.selectFrom('serviceItemFiles').select(['materialKey', 'kind', 'fileName', 'mime']).where('itemId', '=', itemId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, kindLabel: MATERIAL_FILE_KINDS[r.kind as MaterialFileKind] ?? '附件' }));
}

export async function publicMaterialFiles(ctx: AppContext, itemId: number) {
  return listFiles(ctx, itemId);
}

/** Puts (or replaces) the blank form or the sample of one material. */
export async function attachMaterialFile(ctx: AppContext, actor: Actor, code: string, materialKey: string, kind: MaterialFileKind, file: { fileName: string; data: Buffer }) {
  const item = await itemForStaff(ctx, actor, code, 'code');
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canKeepRegistry(actor, scope, item.orgId)) throw new AppError('FORBIDDEN');
  const materials = (item.guide as ServiceGuide).materials ?? [];
  if (!materials.some((m) => m.key === materialKey)) throw new AppError('VALIDATION_FAILED', [{ path: 'materialKey', message: '办事指南中没有这项材料。' }]);
  const sniffed = sniffFileKind(file.data, file.fileName);
  if (!sniffed || !FILE_KINDS.has(sniffed)) throw new AppError('ATTACHMENT_TYPE', [{ path: 'file', message: `“${file.fileName}”不是 PDF、DOCX、XLSX、PNG 或 JPEG 文件（按文件内容判断）。` }]);
  await ctx.db.transaction().execute(async (trx) => {
    const blob = await ctx.blobs.put(file.data);
    await trx.deleteFrom('serviceItemFiles').where('itemId', '=', item.id).where('materialKey', '=', materialKey).where('kind', '=', kind).execute();
    await trx.insertInto('serviceItemFiles').values({ itemId: item.id, materialKey, kind, fileName: file.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200), mime: MIME[sniffed], blobKey: blob.key }).execute();
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'service.item.attach', targetType: 'serviceItem', targetId: item.code, summary: { material: materials.find((m) => m.key === materialKey)!.name, fileKind: MATERIAL_FILE_KINDS[kind] } });
  });
  ctx.pages.invalidate();
  return { code: item.code, materialKey, kind };
}

export async function materialFile(ctx: AppContext, code: string, materialKey: string, kind: string) {
  const item = await repo.findItemByCode(ctx.db, code);
  if (!item?.published) throw new AppError('SERVICE_ITEM_NOT_FOUND');
  const row = await ctx.db.selectFrom('serviceItemFiles').select(['fileName', 'mime', 'blobKey']).where('itemId', '=', item.id).where('materialKey', '=', materialKey).where('kind', '=', kind).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return { fileName: row.fileName, mime: row.mime, data: await ctx.blobs.get(row.blobKey) };
}

/** Items with a version waiting for review, in the reviewer's bodies. */
export async function listPendingReviews(ctx: AppContext, actor: Actor) {
  const scope = await visibleOrgIds(ctx.db, actor);
  let q = ctx.db.selectFrom('serviceItemVersions')
    .innerJoin('serviceItems', 'serviceItems.id', 'serviceItemVersions.itemId')
    .innerJoin('orgs', 'orgs.id', 'serviceItems.orgId')
    .leftJoin('users', 'users.id', 'serviceItemVersions.createdBy')
    .select(['serviceItems.code', 'serviceItems.name', 'orgs.name as orgName', 'serviceItemVersions.version', 'serviceItemVersions.status', 'users.displayName as drafterName', 'serviceItemVersions.createdAt'])
    .where('serviceItemVersions.status', 'in', ['draft', 'inReview']);
  if (scope !== 'all') q = scope.length ? q.where('serviceItems.orgId', 'in', scope) : q.where('serviceItems.id', '=', -1);
  const rows = await q.orderBy('serviceItemVersions.id', 'desc').limit(500).execute();
  return { items: rows.map((r) => ({ ...r, statusLabel: labelOf('serviceItemStatus', r.status), createdAt: new Date(r.createdAt).toISOString() })) };
}
