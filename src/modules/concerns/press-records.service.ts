/**
 * 回应关切: press conferences, media interviews and 答记者问 as records of a concern — time, place, speakers,
 * the transcript (privacy-scanned), photos and attachments (checked by content). A record can be published
 * as a catalog item: a draft in the 主动公开 workflow (政策解读 or 工作动态), made by the publishing service
 * so that it goes through review, 保密审查 and approval like every item, and linked back to the record.
 */
import type { AppContext } from '../../context.js';
import { labelOf } from '../../domain/labels.js';
import { scanText } from '../../domain/privacy-scan.js';
import { hasRole, type Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { MIME, sniffFileKind } from '../../lib/documents/file-types.js';
import { recordAudit } from '../audit/audit.service.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import { publishedItemLink } from '../publishing/catalog.service.js';
import { createItem, getItem, MAX_ATTACHMENT_BYTES } from '../publishing/publishing.service.js';
import { sensitiveWords } from '../settings/settings.service.js';
import { canManageConcern, canReadConcern } from './concerns.policy.js';
import * as concernRepo from './concerns.repository.js';
import * as repo from './press-records.repository.js';

export const PRESS_RECORD_KINDS = ['pressConference', 'mediaInterview', 'pressQa'] as const;
export type PressRecordKind = (typeof PRESS_RECORD_KINDS)[number];
/** The catalog categories a press record may be published under. */
export const PRESS_ITEM_CATEGORIES = ['政策解读', '工作动态'] as const;

export interface PressRecordInput {
  kind: PressRecordKind;
  title: string;
  heldAt: string;
  place?: string;
  speakers?: string;
  transcript?: string;
}

async function reachable(ctx: AppContext, actor: Actor, concernId: number, manage: boolean) {
  const concern = await concernRepo.findConcern(ctx.db, concernId);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!concern || !canReadConcern(actor, scope, concern.orgId)) throw new AppError('CONCERN_NOT_FOUND');
  if (manage && !canManageConcern(actor, scope, concern.orgId)) throw new AppError('FORBIDDEN');
  return concern;
}

async function recordOf(ctx: AppContext, concernId: number, recordId: number) {
  const record = await repo.findRecord(ctx.db, concernId, recordId);
  if (!record) throw new AppError('CONCERN_PRESS_RECORD_NOT_FOUND');
  return record;
}

function checkHeldAt(at: string, startedAt: Date | string, now: Date) {
  const t = new Date(at);
  if (Number.isNaN(t.getTime())) throw new AppError('VALIDATION_FAILED', [{ path: 'heldAt', message: '时间格式不正确。' }]);
  if (t.getTime() > now.getTime() + 10 * 60_000) throw new AppError('VALIDATION_FAILED', [{ path: 'heldAt', message: '举行时间不能晚于现在。' }]);
  if (t.getTime() < new Date(startedAt).getTime()) throw new AppError('VALIDATION_FAILED', [{ path: 'heldAt', message: '举行时间不能早于事件发生时间。' }]);
  return t;
}

/** The records of a concern as the console shows them, with the transcript's privacy findings and the linked item. */
export async function pressRecordsOf(ctx: AppContext, actor: Actor, concernId: number) {
  const records = await repo.recordsOf(ctx.db, concernId);
  if (!records.length) return [];
  const [files, words] = await Promise.all([repo.filesOf(ctx.db, records.map((r) => r.id)), sensitiveWords(ctx)]);
  return Promise.all(records.map(async (r) => ({
    ...r,
    kindLabel: labelOf('pressRecordKind', r.kind),
    findings: scanText(r.transcript, { sensitiveWords: words }).map((f) => ({ type: f.type, typeLabel: labelOf('findingType', f.type), masked: f.masked, offset: f.offset, length: f.length })),
    files: files.filter((f) => f.recordId === r.id).map((f) => ({
      id: f.id, role: f.role, roleLabel: labelOf('pressFileRole', f.role), fileName: f.fileName, kind: f.kind, size: f.size,
      url: `/api/v1/concerns/${concernId}/press-records/${r.id}/files/${f.id}`,
    })),
    item: r.itemId ? await linkedItem(ctx, actor, r.itemId) : null,
  })));
}

/**
 * The records of published concerns as the portal lists them (回应关切 page): kind, title, time, place and
 * speakers, and the catalog item made from the record once that item is published (a draft is not linked:
 * the transcript reaches the public only after the item's review and 保密审查).
 */
export async function publicPressRecords(ctx: AppContext, concernIds: number[]) {
  const rows = await repo.publicRecordsOf(ctx.db, concernIds);
  const links = new Map(await Promise.all([...new Set(rows.map((r) => r.itemId).filter((id): id is number => id !== null))]
    .map(async (id) => [id, await publishedItemLink(ctx, id)] as const)));
  const byConcern = new Map<number, { id: number; kind: string; kindLabel: string; title: string; heldAt: Date | string; place: string; speakers: string; item: { url: string; title: string } | null }[]>();
  for (const r of rows) {
    const link = r.itemId ? links.get(r.itemId) ?? null : null;
    const list = byConcern.get(r.concernId) ?? [];
    list.push({ id: r.id, kind: r.kind, kindLabel: labelOf('pressRecordKind', r.kind), title: r.title, heldAt: r.heldAt, place: r.place, speakers: r.speakers, item: link ? { url: link.url, title: link.title } : null });
    byConcern.set(r.concernId, list);
  }
  return byConcern;
}

/** The catalog item made from a record, as far as this staff member may see it. */
async function linkedItem(ctx: AppContext, actor: Actor, itemId: number) {
  try {
    const item = await getItem(ctx, actor, itemId);
    return { id: item.id, title: item.title, status: item.status, statusLabel: item.statusLabel };
  } catch {
    return { id: itemId, title: '', status: null, statusLabel: '无权查看' };
  }
}

export async function addPressRecord(ctx: AppContext, actor: Actor, concernId: number, input: PressRecordInput) {
  const concern = await reachable(ctx, actor, concernId, true);
  const heldAt = checkHeldAt(input.heldAt, concern.startedAt, ctx.now());
  await ctx.db.transaction().execute(async (trx) => {
    const recordId = await repo.insertRecord(trx, {
      concernId, kind: input.kind, title: input.title.trim(), heldAt, place: (input.place ?? '').trim(), speakers: (input.speakers ?? '').trim(),
      transcript: (input.transcript ?? '').trim(), createdBy: actor.userId,
    });
    await recordAudit(trx, {
      actor, orgId: concern.orgId, action: 'concern.pressRecord', targetType: 'concern', targetId: concernId,
      summary: { recordId, kind: input.kind, heldAt: heldAt.toISOString(), title: input.title.trim() },
    });
  });
  // A press conference meets the concern's 24-hour clock.
  ctx.pages.invalidate();
  return pressRecordsOf(ctx, actor, concernId);
}

export async function updatePressRecord(ctx: AppContext, actor: Actor, concernId: number, recordId: number, patch: Partial<PressRecordInput>) {
  const concern = await reachable(ctx, actor, concernId, true);
  await recordOf(ctx, concernId, recordId);
  const heldAt = patch.heldAt ? checkHeldAt(patch.heldAt, concern.startedAt, ctx.now()) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRecord(trx, recordId, {
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(heldAt ? { heldAt } : {}),
      ...(patch.place !== undefined ? { place: patch.place.trim() } : {}),
      ...(patch.speakers !== undefined ? { speakers: patch.speakers.trim() } : {}),
      ...(patch.transcript !== undefined ? { transcript: patch.transcript.trim() } : {}),
    });
    await recordAudit(trx, { actor, orgId: concern.orgId, action: 'concern.pressRecordUpdate', targetType: 'concern', targetId: concernId, summary: { recordId, fields: Object.keys(patch) } });
  });
  ctx.pages.invalidate();
  return pressRecordsOf(ctx, actor, concernId);
}

/** A photo (PNG or JPEG) or an attachment (PDF, DOCX, XLSX, PNG, JPEG), its type told from its bytes. */
export async function addPressFile(ctx: AppContext, actor: Actor, concernId: number, recordId: number, role: 'photo' | 'attachment', file: { fileName: string; data: Buffer }) {
  const concern = await reachable(ctx, actor, concernId, true);
  await recordOf(ctx, concernId, recordId);
  const kind = sniffFileKind(file.data, file.fileName);
  if (!kind) throw new AppError('ATTACHMENT_TYPE', [{ path: 'file', message: '只能上传 PDF、DOCX、XLSX、PNG、JPEG 文件（按文件内容判断）。' }]);
  if (role === 'photo' && kind !== 'png' && kind !== 'jpeg') throw new AppError('ATTACHMENT_TYPE', [{ path: 'file', message: '照片只能是 PNG 或 JPEG 图片（按文件内容判断）。' }]);
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('BODY_TOO_LARGE');
  const fileName = file.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || `${role === 'photo' ? '照片' : '附件'}.${kind}`;
  await ctx.db.transaction().execute(async (trx) => {
    const blob = await ctx.blobs.put(file.data);
    const fileId = await repo.insertFile(trx, { recordId, role, fileName, kind, mime: MIME[kind], size: file.data.length, blobKey: blob.key });
    await recordAudit(trx, { actor, orgId: concern.orgId, action: 'concern.pressFile', targetType: 'concern', targetId: concernId, summary: { recordId, fileId, fileName, kind, size: file.data.length } });
  });
  return pressRecordsOf(ctx, actor, concernId);
}

export async function pressFile(ctx: AppContext, actor: Actor, concernId: number, recordId: number, fileId: number) {
  await reachable(ctx, actor, concernId, false);
  await recordOf(ctx, concernId, recordId);
  const file = (await repo.filesOf(ctx.db, [recordId])).find((f) => f.id === fileId);
  if (!file) throw new AppError('NOT_FOUND');
  return { fileName: file.fileName, mime: file.mime, data: await ctx.blobs.get(file.blobKey) };
}

export async function removePressFile(ctx: AppContext, actor: Actor, concernId: number, recordId: number, fileId: number) {
  const concern = await reachable(ctx, actor, concernId, true);
  await recordOf(ctx, concernId, recordId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteFile(trx, recordId, fileId))) throw new AppError('NOT_FOUND');
    await recordAudit(trx, { actor, orgId: concern.orgId, action: 'concern.pressFileRemove', targetType: 'concern', targetId: concernId, summary: { recordId, fileId } });
  });
  return pressRecordsOf(ctx, actor, concernId);
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function chinaTime(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The item's text: when, where and who, then the transcript paragraph by paragraph. */
function itemBody(r: repo.PressRecordRow): string {
  const facts = [`时间：${chinaTime(r.heldAt)}`, r.place ? `地点：${r.place}` : '', r.speakers ? `发布人：${r.speakers}` : ''].filter(Boolean);
  const paragraphs = r.transcript.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  return [...facts, ...paragraphs].map((p) => `<p>${escapeText(p)}</p>`).join('\n');
}

/** Thrown inside the transaction when another request linked a draft first: rolls this one's draft back. */
class AlreadyLinked extends Error {}

/**
 * "生成公开信息": a draft item of the concern's body in the 主动公开 workflow with the record's text and
 * files, linked back to the record — the draft, its attachments, the link and the audit entries in one
 * transaction, so a double click never leaves a draft without its record. Drafting an item is the 信息员's
 * step (createItem checks it), so the account needs that role as well as the right to manage the concern.
 * A second call (or a request that lost the race) makes nothing and returns the draft already made; the
 * item then goes through review like every other, and the record shows its status.
 */
export async function publishPressRecord(ctx: AppContext, actor: Actor, concernId: number, recordId: number, input: { category: (typeof PRESS_ITEM_CATEGORIES)[number]; topic: string }) {
  const concern = await reachable(ctx, actor, concernId, true);
  const record = await recordOf(ctx, concernId, recordId);
  const existing = async () => ({ items: await pressRecordsOf(ctx, actor, concernId), created: false });
  if (record.itemId) return existing();
  if (!hasRole(actor, 'clerk')) throw new AppError('FORBIDDEN', undefined, '生成公开信息草稿须具有信息员角色。');
  if (!record.transcript) throw new AppError('VALIDATION_FAILED', [{ path: 'transcript', message: '请先填写实录文字，再生成公开信息。' }]);
  const title = `${concern.title}${labelOf('pressRecordKind', record.kind)}：${record.title}`.slice(0, 200);
  const files = await Promise.all((await repo.filesOf(ctx.db, [recordId])).map(async (f) => ({ fileName: f.fileName, data: await ctx.blobs.get(f.blobKey) })));
  try {
    await createItem(ctx, actor, {
      orgCode: concern.orgCode, title, bodyHtml: itemBody(record), disclosure: 'proactive', docKind: 'other', category: input.category, topic: input.topic,
      keywords: `回应关切 ${labelOf('pressRecordKind', record.kind)}`,
    }, {
      attachments: files,
      onCreated: async (trx, itemId) => {
        // The UPDATE locks the record's row: of two requests at once, the second waits here, then finds the link.
        if (!(await repo.linkItem(trx, recordId, itemId))) throw new AlreadyLinked();
        await recordAudit(trx, { actor, orgId: concern.orgId, action: 'concern.pressPublish', targetType: 'concern', targetId: concernId, summary: { recordId, itemId, category: input.category } });
      },
    });
  } catch (error) {
    if (error instanceof AlreadyLinked) return existing();
    throw error;
  }
  return { items: await pressRecordsOf(ctx, actor, concernId), created: true };
}
