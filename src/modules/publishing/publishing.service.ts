/**
 * 主动公开: from a clerk's draft through review, 保密审查 and approval to the public
 * catalog (条例第十九条至第二十六条), with a privacy scan that blocks approval until
 * every finding is redacted or accepted with a reason.
 */
import { createRequire } from 'node:module';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AppContext } from '../../context.js';
import { todayInChina } from '../../domain/dates.js';
import { validateDocNumber, formatIndexNo } from '../../domain/doc-number.js';
import {
  CONFIDENTIALITY_CHECKLIST, ItemStatus, STATUS_LABELS, stepFor, WITHHELD_GROUNDS,
} from '../../domain/item-workflow.js';
import { labelOf, LABELS } from '../../domain/labels.js';
import { scanText } from '../../domain/privacy-scan.js';
import { hasRole, type Actor } from '../../domain/roles.js';
import { indexItem } from '../search/search-sources.js';
import { compileQuery } from '../search/search.service.js';
import { diffWords } from '../../domain/text-diff.js';
import { AppError } from '../../http/errors.js';
import { docxToHtml, isDocx } from '../../lib/documents/docx-to-html.js';
import { MIME, sniffFileKind } from '../../lib/documents/file-types.js';
import { extractText } from '../../lib/documents/text-extraction.js';
import { recordAudit } from '../audit/audit.service.js';
import { categoriesOf, publicationLimit, sensitiveWords, topics } from '../settings/settings.service.js';
import { ancestorIds, findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds, type OrgScope } from '../orgs/orgs.policy.js';
import * as repo from './publishing.repository.js';

// xss is CommonJS and Node's ESM loader cannot see all its named exports: load it with require.
const { filterXSS, safeAttrValue } = createRequire(import.meta.url)('xss') as typeof import('xss');
import {
  canAmendPublished, canDraft, canEditDraft, canReadItem, canReschedule, canResolveFindings, canReview, itemPermissions,
} from './publishing.policy.js';

export interface ItemInput {
  orgCode?: string;
  title: string;
  bodyHtml: string;
  disclosure: 'proactive' | 'onRequest' | 'withheld';
  withheldGround?: keyof typeof WITHHELD_GROUNDS | null;
  withheldReason?: string | null;
  docKind: 'rule' | 'normative' | 'other';
  docNo?: string | null;
  category: string;
  topic: string;
  keywords?: string | null;
  writtenOn?: string | null;
  formedOn?: string | null;
  interpretsItemId?: number | null;
  /** The version the editor started from: a save over a newer version is refused, not silently lost. */
  baseVersion?: number;
}

/** Rich text as the public will see it: formatting kept, scripts and event handlers gone. */
export function sanitizeBody(htmlText: string): string {
  return filterXSS(htmlText, {
    whiteList: {
      p: [], br: [], strong: [], b: [], em: [], i: [], u: [], h2: [], h3: [], h4: [], ul: [], ol: [], li: [],
      table: [], thead: [], tbody: [], tr: [], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'],
      a: ['href', 'title'], span: [], div: [], blockquote: [],
    },
    stripIgnoreTag: true,
    stripIgnoreTagBody: ['script', 'style'],
    safeAttrValue: (tag: string, name: string, value: string, cssFilter: Parameters<typeof safeAttrValue>[3]) => (name === 'href' && !/^(https?:|\/|#|mailto:)/i.test(value.trim()) ? '' : safeAttrValue(tag, name, value, cssFilter)),
  });
}

/** The text of a sanitised body (what the scan and the search read). */
export function bodyText(htmlText: string): string {
  return htmlText.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/[ \t]+/g, ' ').trim();
}

function checkInput(input: ItemInput) {
  if (input.docNo) {
    const check = validateDocNumber(input.docNo);
    if (!check.ok) throw new AppError('DOC_NUMBER_INVALID', [{ path: 'docNo', message: check.suggestion ? `${check.message}建议：${check.suggestion}` : check.message }]);
  }
  if (input.disclosure !== 'proactive' && (!input.withheldGround || !input.withheldReason?.trim())) {
    throw new AppError('ITEM_WITHHELD_REASON', [{ path: 'withheldGround', message: '请选择不主动公开的法定理由并说明。' }]);
  }
}

function fieldsOf(input: ItemInput) {
  return {
    title: input.title.trim(), bodyHtml: sanitizeBody(input.bodyHtml), disclosure: input.disclosure,
    withheldGround: input.disclosure === 'proactive' ? null : input.withheldGround ?? null,
    withheldReason: input.disclosure === 'proactive' ? null : input.withheldReason ?? null,
    docKind: input.docKind, docNo: input.docNo?.trim() || null, category: input.category, topic: input.topic,
    keywords: input.keywords ?? null, writtenOn: input.writtenOn ?? null, formedOn: input.formedOn ?? null,
    interpretsItemId: input.interpretsItemId ?? null,
  };
}

function snapshot(item: Partial<repo.ItemRow>) {
  const { title, bodyHtml, disclosure, withheldGround, withheldReason, docKind, docNo, category, topic, keywords, writtenOn, formedOn, validity, interpretsItemId } = item;
  return { title, bodyHtml, disclosure, withheldGround, withheldReason, docKind, docNo, category, topic, keywords, writtenOn, formedOn, validity, interpretsItemId };
}

type Trx = Transaction<DB>;
type LockedItem = NonNullable<Awaited<ReturnType<typeof repo.lockItem>>>;

/**
 * Runs a change to one item with its row locked (SELECT … FOR UPDATE) for the whole
 * transaction: two people acting on the same item at once take turns, and each checks the
 * status and takes the next version number from the row as the other left it.
 */
async function withLockedItem<T>(ctx: AppContext, id: number, change: (trx: Trx, item: LockedItem) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const item = await repo.lockItem(trx, id);
    if (!item) throw new AppError('ITEM_NOT_FOUND');
    return change(trx, item);
  });
}

/**
 * What the searches read (src/modules/search): title and 发文字号, keywords, text and every attachment's
 * text, as the item now stands in this transaction — its own vector and its entry in the site index.
 */
async function indexForSearch(trx: Trx, item: { id: number }) {
  await indexItem(trx, item.id);
}

/**
 * A 政策解读 explains a policy the public can read: it may point only at a published, proactively
 * disclosed item of its own body or of a body above it (a department interprets the county's policy,
 * not another department's, and never one withheld from the public). The same answer whether the
 * item does not exist or is not eligible, so the check tells nothing about other bodies' drafts.
 */
async function checkInterpretation(ctx: AppContext, orgId: number, interpretsItemId: number | null | undefined, selfId?: number) {
  if (!interpretsItemId) return;
  const target = interpretsItemId === selfId ? undefined : await repo.findItem(ctx.db, interpretsItemId);
  const eligible = !!target && target.status === 'published' && target.disclosure === 'proactive' && (await subtreeIds(ctx.db, target.orgId)).includes(orgId);
  if (!eligible) throw new AppError('ITEM_INTERPRETS_INVALID', [{ path: 'interpretsItemId', message: '解读的政策文件须是本机关或上级机关已发布的主动公开信息，请重新选择。' }]);
}

/** Scans title, text and every attachment; offsets of body findings count in `title + "\n" + text`. */
async function rescan(trx: Trx, itemId: number, title: string, body: string, words: string[]) {
  const found = scanText(`${title}\n${bodyText(body)}`, { sensitiveWords: words }).map((f) => ({ ...f, source: 'body' }));
  for (const a of await repo.listAttachments(trx, itemId)) {
    found.push(...scanText(a.text, { sensitiveWords: words }).map((f) => ({ ...f, source: `attachment:${a.id}` })));
  }
  await repo.replaceOpenFindings(trx, itemId, found.map(({ type, offset, length, masked, source }) => ({ type, offset, length, masked, source })));
  return found.length;
}

async function scoped(ctx: AppContext, actor: Actor, id: number) {
  const item = await repo.findItem(ctx.db, id);
  const scope = await visibleOrgIds(ctx.db, actor);
  // Another body's drafts are not found: their existence is not disclosed either.
  if (!item || !canReadItem(actor, scope, item.orgId)) throw new AppError('ITEM_NOT_FOUND');
  return { item, scope };
}

export interface CreateItemOptions {
  /** Files attached to the new draft in the same transaction (checked by content as `addAttachment` does). */
  attachments?: { fileName: string; data: Buffer }[];
  /**
   * Runs inside the transaction that creates the draft, after it: another slice links its record to the
   * new item there (and may throw to roll the draft back), so no draft is left without its link.
   */
  onCreated?: (trx: Trx, itemId: number) => Promise<void>;
}

export async function createItem(ctx: AppContext, actor: Actor, input: ItemInput, options: CreateItemOptions = {}) {
  checkInput(input);
  const org = input.orgCode ? await findOrgByCode(ctx.db, input.orgCode) : { id: actor.orgId };
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '发布机构不存在。' }]);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canDraft(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  await checkTaxonomy(ctx, org.id === actor.orgId ? actor.orgCode : input.orgCode, input);
  await checkInterpretation(ctx, org.id, input.interpretsItemId);
  const words = await sensitiveWords(ctx);
  const fields = fieldsOf(input);
  const files = await Promise.all((options.attachments ?? []).map(prepareAttachment));
  const id = await ctx.db.transaction().execute(async (trx) => {
    const itemId = await repo.insertItem(trx, { ...fields, orgId: org.id, createdBy: actor.userId });
    await repo.insertVersion(trx, { itemId, version: 1, snapshot: snapshot(fields), changeNote: '创建草稿', publicNote: false, createdBy: actor.userId });
    await recordAudit(trx, { actor, orgId: org.id, action: 'item.create', targetType: 'item', targetId: itemId, summary: { after: { title: fields.title, disclosure: fields.disclosure } } });
    for (const file of files) await insertAttachment(ctx, trx, actor, { id: itemId, orgId: org.id }, file);
    await rescan(trx, itemId, fields.title, fields.bodyHtml, words);
    await options.onCreated?.(trx, itemId);
    return itemId;
  });
  return getItem(ctx, actor, id);
}

export async function updateDraft(ctx: AppContext, actor: Actor, id: number, input: ItemInput) {
  checkInput(input);
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canEditDraft(actor, scope, item.orgId, item.status as ItemStatus)) throw new AppError(item.status === 'draft' ? 'FORBIDDEN' : 'ITEM_NOT_EDITABLE');
  await checkTaxonomy(ctx, item.orgCode, input);
  await checkInterpretation(ctx, item.orgId, input.interpretsItemId, id);
  const words = await sensitiveWords(ctx);
  const fields = fieldsOf(input);
  await withLockedItem(ctx, id, async (trx, locked) => {
    if (locked.status !== 'draft') throw new AppError('ITEM_NOT_EDITABLE');
    if (input.baseVersion !== undefined && input.baseVersion !== locked.version) throw new AppError('ITEM_EDIT_CONFLICT', undefined, `此信息已被修改（当前为第${locked.version}版），请刷新后在最新版本上修改。`);
    const version = locked.version + 1;
    await repo.updateItem(trx, id, { ...fields, version });
    await repo.insertVersion(trx, { itemId: id, version, snapshot: snapshot(fields), changeNote: '修改草稿', publicNote: false, createdBy: actor.userId });
    await rescan(trx, id, fields.title, fields.bodyHtml, words);
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'item.update', targetType: 'item', targetId: id, summary: { before: { title: locked.title }, after: { title: fields.title }, version } });
  });
  return getItem(ctx, actor, id);
}

/** Open findings keep an item at its step: the clerk submits, and each reviewer approves, only once all are resolved. */
async function refuseOpenFindings(trx: Trx, id: number) {
  const open = await repo.countOpenFindings(trx, id);
  if (open > 0) throw new AppError('ITEM_FINDINGS_OPEN', undefined, `还有${open}项未处理的个人信息或敏感内容：须逐项脱敏，或说明理由后保留，方可离开本环节（条例第十五条、第十七条）。`);
}

export async function submitItem(ctx: AppContext, actor: Actor, id: number) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canDraft(actor, scope, item.orgId)) throw new AppError('FORBIDDEN');
  await withLockedItem(ctx, id, async (trx, locked) => {
    if (locked.status !== 'draft') throw new AppError('ITEM_STEP_NOT_ALLOWED');
    await refuseOpenFindings(trx, id);
    await repo.updateItem(trx, id, { status: 'deptReview' });
    await repo.insertReview(trx, { itemId: id, step: 'draft', decision: 'submit', comment: null, checklist: null, actorUserId: actor.userId });
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'item.submit', targetType: 'item', targetId: id, summary: { before: { status: 'draft' }, after: { status: 'deptReview' } } });
  });
  return getItem(ctx, actor, id);
}

export interface ReviewInput {
  decision: 'approve' | 'return';
  comment?: string;
  checklist?: Partial<Record<keyof typeof CONFIDENTIALITY_CHECKLIST, boolean>>;
  /** Leader approval: publish at this time instead of now. */
  publishAt?: string;
}

/** Scheduled publication must lie ahead, and not after the day the law's limit falls on (条例第二十六条). */
async function checkPublishAt(ctx: AppContext, item: repo.ItemRow, at: Date, now: Date) {
  if (at <= now) throw new AppError('ITEM_SCHEDULE_INVALID', [{ path: 'publishAt', message: '定时发布时间须晚于当前时间；要立即发布，请选择“立即发布”。' }]);
  const due = await publicationDue(ctx, item);
  if (due && todayInChina(at) > due.dueOn) {
    throw new AppError('ITEM_SCHEDULE_INVALID', [{ path: 'publishAt', message: `定时发布日期不能晚于公开期限${due.dueOn}（条例第二十六条：自形成或变更之日起20个工作日内公开）。` }]);
  }
}

export async function reviewItem(ctx: AppContext, actor: Actor, id: number, input: ReviewInput) {
  const { item, scope } = await scoped(ctx, actor, id);
  const step = stepFor(item.status as ItemStatus);
  if (!step) throw new AppError('ITEM_STEP_NOT_ALLOWED');
  if (!canReview(actor, scope, item.orgId, step.role)) throw new AppError('FORBIDDEN', undefined, `此环节（${step.label}）须由相应角色办理。`);
  if (input.decision === 'return' && !input.comment?.trim()) throw new AppError('VALIDATION_FAILED', [{ path: 'comment', message: '退回时须填写意见。' }]);
  if (input.decision === 'approve' && step.from === 'confidentialityReview') {
    const all = Object.keys(CONFIDENTIALITY_CHECKLIST).every((k) => input.checklist?.[k as keyof typeof CONFIDENTIALITY_CHECKLIST] === true);
    if (!all) throw new AppError('ITEM_CHECKLIST_INCOMPLETE');
  }
  const now = ctx.now();
  const at = input.decision === 'approve' && step.from === 'leaderApproval' && item.disclosure === 'proactive' && input.publishAt ? new Date(input.publishAt) : null;
  if (at) await checkPublishAt(ctx, item, at, now);
  await withLockedItem(ctx, id, async (trx, locked) => {
    if (locked.status !== step.from) throw new AppError('ITEM_STEP_NOT_ALLOWED');
    let next: ItemStatus = input.decision === 'return' ? 'draft' : step.approveTo;
    if (input.decision === 'approve') await refuseOpenFindings(trx, id);
    if (input.decision === 'approve' && step.from === 'leaderApproval') {
      if (at) {
        next = 'scheduled';
        await repo.updateItem(trx, id, { status: next, scheduledAt: at });
      } else {
        await publishNow(ctx, trx, id, now);
      }
    } else {
      await repo.updateItem(trx, id, { status: next });
    }
    await repo.insertReview(trx, { itemId: id, step: step.from, decision: input.decision, comment: input.comment ?? null, checklist: input.checklist ? (input.checklist as Record<string, boolean>) : null, actorUserId: actor.userId });
    await recordAudit(trx, { actor, orgId: item.orgId, action: `item.${input.decision}`, targetType: 'item', targetId: id, summary: { step: step.from, before: { status: step.from }, after: { status: next }, comment: input.comment ?? null, ...(at ? { publishAt: at.toISOString() } : {}) } });
  });
  // After the commit: a page rendered from the old state cannot be cached under the new version.
  ctx.pages.invalidate();
  return getItem(ctx, actor, id);
}

export type RescheduleInput = { action: 'change'; publishAt: string } | { action: 'cancel' } | { action: 'publishNow' };

/**
 * Before a scheduled publication happens the leader may move it, publish at once, or cancel it
 * (the item returns to 分管领导审批, to be approved again). Each change is in the item's history.
 */
export async function rescheduleItem(ctx: AppContext, actor: Actor, id: number, input: RescheduleInput) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canReschedule(actor, scope, item.orgId, item.status as ItemStatus)) throw new AppError(item.status === 'scheduled' ? 'FORBIDDEN' : 'ITEM_STEP_NOT_ALLOWED');
  const now = ctx.now();
  const at = input.action === 'change' ? new Date(input.publishAt) : null;
  if (at) await checkPublishAt(ctx, item, at, now);
  await withLockedItem(ctx, id, async (trx, locked) => {
    if (locked.status !== 'scheduled') throw new AppError('ITEM_STEP_NOT_ALLOWED');
    const before = locked.scheduledAt ? new Date(locked.scheduledAt).toISOString() : null;
    let decision: string;
    let comment: string | null = null;
    if (input.action === 'change') {
      decision = 'reschedule';
      comment = `发布时间改为${chinaDateTime(at!)}`;
      await repo.updateItem(trx, id, { scheduledAt: at });
    } else if (input.action === 'cancel') {
      decision = 'unschedule';
      await repo.updateItem(trx, id, { status: 'leaderApproval', scheduledAt: null });
    } else {
      decision = 'publishNow';
      await publishNow(ctx, trx, id, now);
    }
    await repo.insertReview(trx, { itemId: id, step: 'scheduled', decision, comment, checklist: null, actorUserId: actor.userId });
    await recordAudit(trx, { actor, orgId: item.orgId, action: `item.${decision}`, targetType: 'item', targetId: id, summary: { before: { scheduledAt: before }, after: { scheduledAt: at?.toISOString() ?? null } } });
  });
  ctx.pages.invalidate();
  return getItem(ctx, actor, id);
}

/** `2026-05-07 09:00`, in China time. */
function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Assigns the 索引号 and, for 主动公开 items, makes the item public, inside the caller's transaction.
 * Approved 依申请公开 / 不予公开 items get their 索引号 too (the catalog of government information
 * covers them) but stay out of the public catalog; staff find them when answering requests.
 */
async function publishNow(ctx: AppContext, trx: Trx, id: number, now: Date) {
  const item = (await repo.findItem(trx, id))!;
  const publishedOn = todayInChina(now);
  const year = Number(publishedOn.slice(0, 4));
  const indexNo = item.indexNo ?? formatIndexNo(item.orgCode, year, await repo.nextSerial(trx, item.orgId, year));
  await repo.updateItem(trx, id, { status: 'published', indexNo, publishedOn, publishedAt: now, scheduledAt: null });
  await indexForSearch(trx, item);
}

const lastScheduledCheck = new WeakMap<AppContext, number>();
const SCHEDULE_CHECK_MS = 30_000;

/**
 * Scheduled items whose time has passed become public. Checked when the catalog is
 * read, at most every 30 seconds per instance (the catalog's hot path stays one query lighter);
 * the `publish-scheduled` background job (src/jobs/platform-jobs.ts) publishes them when nobody reads.
 */
export async function publishDueItems(ctx: AppContext) {
  const now = ctx.now();
  const last = lastScheduledCheck.get(ctx);
  if (last !== undefined && now.getTime() - last < SCHEDULE_CHECK_MS && now.getTime() >= last) return;
  lastScheduledCheck.set(ctx, now.getTime());
  await publishScheduledItems(ctx);
}

/**
 * Publishes every scheduled item whose time has passed, each in its own transaction under the item's row
 * lock: a run that meets an item another run (a page read, another process) has just published skips it.
 * Answers how many it published.
 */
export async function publishScheduledItems(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  let published = 0;
  for (const { id } of await repo.dueScheduled(ctx.db, now)) {
    const done = await ctx.db.transaction().execute(async (trx) => {
      const locked = await repo.lockItem(trx, id);
      if (locked?.status !== 'scheduled') return false;
      await publishNow(ctx, trx, id, now);
      await repo.insertReview(trx, { itemId: id, step: 'scheduled', decision: 'publishScheduled', comment: null, checklist: null, actorUserId: null });
      await recordAudit(trx, { actor: null, orgId: locked.orgId, action: 'item.publishScheduled', targetType: 'item', targetId: id });
      return true;
    });
    if (done) {
      published += 1;
      ctx.pages.invalidate();
    }
  }
  return published;
}

export async function resolveFinding(ctx: AppContext, actor: Actor, id: number, findingId: number, input: { resolution: 'redact' | 'accept'; reason?: string }) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canResolveFindings(actor, scope, item.orgId, item.status as ItemStatus)) throw new AppError('FORBIDDEN', undefined, '检查结果由当前环节的办理人处理：草稿由信息员处理，送审后由该环节的审核人处理。');
  if (input.resolution === 'accept' && !input.reason?.trim()) throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: '保留该内容须说明理由。' }]);
  const words = await sensitiveWords(ctx);
  await withLockedItem(ctx, id, async (trx, locked) => {
    if (!canResolveFindings(actor, scope, locked.orgId, locked.status as ItemStatus)) throw new AppError('ITEM_STEP_NOT_ALLOWED');
    const finding = (await repo.listFindings(trx, id)).find((f) => f.id === findingId && f.status === 'open');
    if (!finding) throw new AppError('FINDING_NOT_FOUND');
    if (input.resolution === 'redact' && finding.source !== 'body') {
      throw new AppError('VALIDATION_FAILED', [{ path: 'resolution', message: '附件中的内容不能在线脱敏：请修改附件后重新上传，或说明理由后保留。' }]);
    }
    if (input.resolution === 'redact') {
      // Mask the value where it stands in the body: re-scan the text to recover it, then replace it in the markup.
      const text = `${locked.title}\n${bodyText(locked.bodyHtml)}`;
      const value = text.slice(finding.offset, finding.offset + finding.length);
      const bodyHtml = locked.bodyHtml.split(value).join(finding.masked);
      const title = locked.title.split(value).join(finding.masked);
      const version = locked.version + 1;
      await repo.updateItem(trx, id, { bodyHtml, title, version });
      await repo.insertVersion(trx, { itemId: id, version, snapshot: snapshot({ ...locked, bodyHtml, title }), changeNote: `脱敏处理（${labelOf('findingType', finding.type)}）`, publicNote: false, createdBy: actor.userId });
      await repo.resolveFinding(trx, id, findingId, 'redacted', null, actor.userId);
      // Offsets of the remaining findings have moved: scan the redacted text afresh.
      await rescan(trx, id, title, bodyHtml, words);
    } else {
      await repo.resolveFinding(trx, id, findingId, 'accepted', input.reason!.trim(), actor.userId);
    }
    await recordAudit(trx, { actor, orgId: item.orgId, action: `item.finding.${input.resolution}`, targetType: 'item', targetId: id, summary: { step: locked.status, findingType: finding.type, masked: finding.masked, reason: input.reason ?? null } });
  });
  return getItem(ctx, actor, id);
}

export async function withdrawItem(ctx: AppContext, actor: Actor, id: number, reason: string) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canAmendPublished(actor, scope, item.orgId)) throw new AppError('FORBIDDEN');
  await withLockedItem(ctx, id, async (trx, locked) => {
    if (locked.status !== 'published') throw new AppError('ITEM_STEP_NOT_ALLOWED');
    await repo.updateItem(trx, id, { status: 'withdrawn', withdrawnOn: todayInChina(ctx.now()), withdrawnReason: reason });
    await indexForSearch(trx, { id });
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'item.withdraw', targetType: 'item', targetId: id, summary: { reason } });
  });
  ctx.pages.invalidate();
  return getItem(ctx, actor, id);
}

/** A correction of a published item: a new version with a public 变更说明. */
export async function correctItem(ctx: AppContext, actor: Actor, id: number, input: { title?: string; bodyHtml?: string; validity?: 'valid' | 'lapsed' | 'repealed' | 'revised'; validityChangedOn?: string; replacedByIndexNo?: string; changeNote: string }) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canAmendPublished(actor, scope, item.orgId)) throw new AppError('FORBIDDEN');
  if (item.status !== 'published') throw new AppError('ITEM_STEP_NOT_ALLOWED');
  const words = await sensitiveWords(ctx);
  await withLockedItem(ctx, id, async (trx, locked) => {
    if (locked.status !== 'published') throw new AppError('ITEM_STEP_NOT_ALLOWED');
    const title = input.title?.trim() ?? locked.title;
    const bodyHtml = input.bodyHtml !== undefined ? sanitizeBody(input.bodyHtml) : locked.bodyHtml;
    const findings = scanText(`${title}\n${bodyText(bodyHtml)}`, { sensitiveWords: words });
    if (findings.length && (input.title !== undefined || input.bodyHtml !== undefined)) {
      throw new AppError('ITEM_FINDINGS_OPEN', findings.map((f) => ({ path: input.bodyHtml !== undefined ? 'bodyHtml' : 'title', message: `${labelOf('findingType', f.type)}：${f.masked}` })), '更正后的内容含有个人信息或敏感内容，请脱敏后再发布更正。');
    }
    const version = locked.version + 1;
    const fields = {
      title, bodyHtml, version,
      ...(input.validity ? { validity: input.validity, validityChangedOn: input.validityChangedOn ?? todayInChina(ctx.now()), replacedByIndexNo: input.replacedByIndexNo ?? null } : {}),
    };
    await repo.updateItem(trx, id, fields);
    await repo.insertVersion(trx, { itemId: id, version, snapshot: snapshot({ ...locked, ...fields }), changeNote: input.changeNote, publicNote: true, createdBy: actor.userId });
    // The whole item again, attachments included: a corrected item is still found by its attachments' text.
    await indexForSearch(trx, { id });
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'item.correct', targetType: 'item', targetId: id, summary: { version, changeNote: input.changeNote, validity: input.validity ?? null } });
  });
  ctx.pages.invalidate();
  return getItem(ctx, actor, id);
}

/** Working days each body has to publish (looked up once per body in a list). */
type LimitCache = Map<string, Promise<number>>;

async function publicationDue(ctx: AppContext, item: Pick<repo.ItemRow, 'formedOn' | 'status' | 'orgCode'>, limits?: LimitCache) {
  if (!item.formedOn || item.status === 'published' || item.status === 'withdrawn') return null;
  const calendar = await ctx.calendar();
  let limit = limits?.get(item.orgCode);
  if (!limit) {
    limit = publicationLimit(ctx, item.orgCode);
    limits?.set(item.orgCode, limit);
  }
  const due = calendar.addWorkingDays(item.formedOn, await limit);
  const today = todayInChina(ctx.now());
  const left = today <= due.date ? calendar.workingDaysBetween(today, due.date) : -calendar.workingDaysBetween(due.date, today);
  const warning = left < 0 ? 'overdue' : left <= 5 ? 'dueSoon' : null;
  return { dueOn: due.date, workingDaysLeft: left, warning, warningLabel: warning === 'overdue' ? '已超期' : warning === 'dueSoon' ? '即将到期' : '', certain: due.certain };
}

/**
 * An interpretation (政策解读) of a 行政规范性文件 should be published together with it, at the
 * latest within 3 working days (the State Council's rules on policy interpretation).
 */
export const INTERPRETATION_LIMIT_WORKING_DAYS = 3;

async function interpretationWarning(ctx: AppContext, item: repo.ItemRow) {
  if (item.docKind !== 'normative' || !item.publishedOn) return null;
  const interpretations = await repo.interpretationsOf(ctx.db, item.id);
  const calendar = await ctx.calendar();
  const dueOn = calendar.addWorkingDays(item.publishedOn, INTERPRETATION_LIMIT_WORKING_DAYS).date;
  const onTime = interpretations.some((i) => i.publishedOn && i.publishedOn <= dueOn);
  if (onTime) return null;
  const today = todayInChina(ctx.now());
  return { dueOn, overdue: today > dueOn, message: today > dueOn ? `该行政规范性文件的政策解读未在发布后${INTERPRETATION_LIMIT_WORKING_DAYS}个工作日内（${dueOn}前）发布。` : `请在${dueOn}前发布该行政规范性文件的政策解读。` };
}

function statusLabel(item: { status: string; disclosure: string }) {
  return item.status === 'published' && item.disclosure !== 'proactive' ? '已审批（不主动公开）' : STATUS_LABELS[item.status as ItemStatus];
}

/** Staff search over every approved item of their bodies, 依申请公开 ones included (for answering requests). */
export async function searchForStaff(ctx: AppContext, actor: Actor, q: string) {
  const scope = await visibleOrgIds(ctx.db, actor);
  const { tsquery } = await compileQuery(ctx, q);
  if (!tsquery) return { items: [] };
  const rows = await repo.staffSearch(ctx.db, tsquery, scope);
  return { items: rows.map((r) => ({ id: r.id, title: r.title, indexNo: r.indexNo, orgName: r.orgName, disclosure: r.disclosure, disclosureLabel: labelOf('disclosure', r.disclosure), status: r.status, statusLabel: statusLabel(r), publishedOn: r.publishedOn })) };
}

/** What a 政策解读 of this staff member's body may point at: published proactive items of the body or a body above it. */
export async function interpretableItems(ctx: AppContext, actor: Actor, q: string | undefined) {
  const rows = await repo.staffList(ctx.db, { orgIds: await ancestorIds(ctx.db, actor.orgId), statuses: ['published'], disclosure: 'proactive', q, sort: 'publishedOn', order: 'desc', limit: 30 });
  return { items: rows.rows.map((r) => ({ id: r.id, title: r.title, indexNo: r.indexNo, docNo: r.docNo, orgName: r.orgName, publishedOn: r.publishedOn })) };
}

/** The words for an item's codes, beside the codes (the console and exports show these). */
function itemLabels(item: Pick<repo.ItemRow, 'disclosure' | 'docKind' | 'validity' | 'withheldGround' | 'status'>) {
  return {
    statusLabel: statusLabel(item),
    disclosureLabel: labelOf('disclosure', item.disclosure),
    docKindLabel: labelOf('docKind', item.docKind),
    validityLabel: labelOf('validity', item.validity),
    withheldGroundLabel: labelOf('withheldGround', item.withheldGround),
  };
}

export async function getItem(ctx: AppContext, actor: Actor, id: number) {
  const { item, scope } = await scoped(ctx, actor, id);
  const { searchText: _s, ...rest } = item;
  const attachments = await repo.listAttachments(ctx.db, id);
  const fileNames = new Map(attachments.map((a) => [`attachment:${a.id}`, a.fileName]));
  const interprets = item.interpretsItemId ? await repo.findItem(ctx.db, item.interpretsItemId) : undefined;
  return {
    ...rest,
    ...itemLabels(item),
    // What this staff member may do now; the console shows only these actions.
    permissions: itemPermissions(actor, scope, item),
    publicationDue: await publicationDue(ctx, item),
    interpretationWarning: await interpretationWarning(ctx, item),
    interprets: interprets ? { id: interprets.id, title: interprets.title, indexNo: interprets.indexNo } : null,
    findings: (await repo.listFindings(ctx.db, id)).map((f) => ({
      ...f,
      typeLabel: labelOf('findingType', f.type),
      statusLabel: labelOf('findingStatus', f.status),
      sourceLabel: f.source === 'body' ? LABELS.findingSource.body : `${LABELS.findingSource.attachment}：${fileNames.get(f.source) ?? '已删除的附件'}`,
    })),
    /** The text the scan read (title, a line break, the body's text): finding offsets point into it. */
    scannedText: `${item.title}\n${bodyText(item.bodyHtml)}`,
    attachments: attachments.map(({ blobKey: _b, text: _t, ...a }) => a),
    reviews: (await repo.listReviews(ctx.db, id)).map((r) => ({
      ...r,
      actorName: r.actorName ?? (r.actorUserId === null ? '系统' : ''),
      stepLabel: labelOf('reviewStep', r.step),
      decisionLabel: labelOf('reviewDecision', r.decision),
    })),
    versions: (await repo.listVersions(ctx.db, id)).map((v) => ({ version: v.version, changeNote: v.changeNote, publicNote: v.publicNote, createdAt: v.createdAt, createdByName: v.createdByName ?? '' })),
  };
}

/** How a field of a saved version reads to a person (codes as words, the body as its text). */
async function fieldText(ctx: AppContext, field: string, value: unknown): Promise<string> {
  if (value === null || value === undefined || value === '') return '';
  switch (field) {
    case 'bodyHtml': return bodyText(String(value));
    case 'disclosure': return labelOf('disclosure', String(value));
    case 'docKind': return labelOf('docKind', String(value));
    case 'validity': return labelOf('validity', String(value));
    case 'withheldGround': return labelOf('withheldGround', String(value));
    case 'interpretsItemId': {
      const target = await repo.findItem(ctx.db, Number(value));
      return target ? `${target.title}${target.indexNo ? `（${target.indexNo}）` : ''}` : '';
    }
    default: return String(value);
  }
}

const WORD_DIFFED = new Set(['title', 'bodyHtml', 'withheldReason', 'keywords', 'docNo']);

/** The fields in the order a person reads an item. */
const DIFF_ORDER = Object.keys(LABELS.itemField);

/**
 * Differences between two saved versions, field by field with the field's Chinese name; each
 * change also comes as segments with the changed words marked (the body compared as text).
 */
export async function diffVersions(ctx: AppContext, actor: Actor, id: number, from: number, to: number) {
  await scoped(ctx, actor, id);
  const versions = await repo.listVersions(ctx.db, id);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) throw new AppError('ITEM_VERSION_NOT_FOUND', [{ path: !a ? 'from' : 'to', message: `没有第${!a ? from : to}版，本信息共有${versions.length}个版本。` }]);
  const keys = [...new Set([...Object.keys(a.snapshot), ...Object.keys(b.snapshot)])]
    .filter((k) => JSON.stringify(a.snapshot[k] ?? null) !== JSON.stringify(b.snapshot[k] ?? null))
    .sort((x, y) => DIFF_ORDER.indexOf(x) - DIFF_ORDER.indexOf(y));
  const changes = [];
  for (const field of keys) {
    const [beforeText, afterText] = await Promise.all([fieldText(ctx, field, a.snapshot[field]), fieldText(ctx, field, b.snapshot[field])]);
    // Texts are compared word by word; a choice from a list (类别, 属性, 日期 …) is replaced whole.
    const segments = WORD_DIFFED.has(field) ? diffWords(beforeText, afterText)
      : [...(beforeText ? [{ type: 'removed' as const, text: beforeText }] : []), ...(afterText ? [{ type: 'added' as const, text: afterText }] : [])];
    changes.push({ field, fieldLabel: labelOf('itemField', field), before: a.snapshot[field] ?? null, after: b.snapshot[field] ?? null, beforeText, afterText, segments });
  }
  const describe = (v: typeof a) => ({ version: v.version, changeNote: v.changeNote, createdAt: v.createdAt, createdByName: v.createdByName ?? '' });
  return { from, to, fromVersion: describe(a), toVersion: describe(b), changes };
}

export interface ItemListFilters {
  q?: string;
  status?: ItemStatus[];
  org?: string;
  category?: string;
  topic?: string;
  disclosure?: 'proactive' | 'onRequest' | 'withheld';
  dateField?: repo.StaffDateField;
  from?: string;
  to?: string;
  sort?: repo.StaffSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** The item list's filters as the repository takes them; null when nothing can match. */
async function staffQuery(ctx: AppContext, actor: Actor, filters: ItemListFilters, limit: number, offset: number): Promise<repo.StaffListQuery | null> {
  // Only the staff roles that read items see a list (the same rule as a single read, canReadItem).
  if (!hasRole(actor, 'supervisor', 'clerk', 'deptHead', 'confidentialityReviewer', 'leader', 'disclosureOffice', 'admin')) return null;
  const scope = await visibleOrgIds(ctx.db, actor);
  let onlyOrgIds: number[] | undefined;
  if (filters.org) {
    const org = await findOrgByCode(ctx.db, filters.org);
    if (!org || !inScope(scope, org.id)) return null;
    onlyOrgIds = await subtreeIds(ctx.db, org.id);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '结束日期不能早于开始日期。' }]);
  }
  return {
    orgIds: hasRole(actor, 'supervisor') ? 'all' : scope, onlyOrgIds, statuses: filters.status, q: filters.q, category: filters.category, topic: filters.topic,
    disclosure: filters.disclosure, dateField: filters.dateField, from: filters.from, to: filters.to, sort: filters.sort, order: filters.order, limit, offset,
  };
}

function listRow(actor: Actor, scope: OrgScope, r: repo.ItemRow, due: Awaited<ReturnType<typeof publicationDue>>) {
  const step = stepFor(r.status as ItemStatus);
  return {
    id: r.id, title: r.title, status: r.status, orgName: r.orgName, orgCode: r.orgCode, indexNo: r.indexNo, docNo: r.docNo,
    disclosure: r.disclosure, category: r.category, topic: r.topic, writtenOn: r.writtenOn, formedOn: r.formedOn,
    publishedOn: r.publishedOn, scheduledAt: r.scheduledAt, createdAt: r.createdAt, updatedAt: r.updatedAt, ...itemLabels(r), publicationDue: due,
    permissions: { review: !!step && canReview(actor, scope, r.orgId, step.role) },
  };
}

/** Items of the bodies the staff member may see, searched, filtered, sorted and paged, with the total. */
export async function listItems(ctx: AppContext, actor: Actor, filters: ItemListFilters = {}) {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const query = await staffQuery(ctx, actor, filters, pageSize, (page - 1) * pageSize);
  if (!query) return { items: [], total: 0, page, pageSize };
  const scope = await visibleOrgIds(ctx.db, actor);
  const { rows, total } = await repo.staffList(ctx.db, query);
  const limits: LimitCache = new Map();
  const items = [];
  for (const r of rows) items.push(listRow(actor, scope, r, await publicationDue(ctx, r, limits)));
  return { items, total, page, pageSize };
}

/** The most rows an export of the item list holds. */
export const MAX_EXPORT_ROWS = 10_000;

const EXPORT_COLUMNS: [string, (r: ReturnType<typeof listRow>) => string][] = [
  ['标题', (r) => r.title], ['索引号', (r) => r.indexNo ?? ''], ['发文字号', (r) => r.docNo ?? ''], ['发布机构', (r) => r.orgName],
  ['状态', (r) => r.statusLabel], ['公开属性', (r) => r.disclosureLabel], ['信息类别', (r) => r.category], ['主题分类', (r) => r.topic],
  ['成文日期', (r) => r.writtenOn ?? ''], ['形成或变更日期', (r) => r.formedOn ?? ''], ['公开期限', (r) => (r.publicationDue ? `${r.publicationDue.dueOn}${r.publicationDue.warningLabel ? `（${r.publicationDue.warningLabel}）` : ''}` : '')],
  ['发布日期', (r) => r.publishedOn ?? ''], ['最后更新', (r) => chinaDateTime(new Date(r.updatedAt))],
];

/** The filtered item list as a file (CSV with a BOM for Excel, or XLSX), headers in Chinese. */
export async function exportItems(ctx: AppContext, actor: Actor, filters: ItemListFilters, format: 'csv' | 'xlsx') {
  const query = await staffQuery(ctx, actor, filters, MAX_EXPORT_ROWS, 0);
  const scope = await visibleOrgIds(ctx.db, actor);
  const { rows } = query ? await repo.staffList(ctx.db, query) : { rows: [] };
  const limits: LimitCache = new Map();
  const lines: string[][] = [];
  for (const r of rows) {
    const row = listRow(actor, scope, r, await publicationDue(ctx, r, limits));
    lines.push(EXPORT_COLUMNS.map(([, value]) => value(row)));
  }
  const header = EXPORT_COLUMNS.map(([name]) => name);
  const name = `信息列表-${todayInChina(ctx.now())}`;
  if (format === 'csv') {
    const Papa = (await import('papaparse')).default;
    return { name: `${name}.csv`, mime: 'text/csv; charset=utf-8', data: Buffer.from(`\uFEFF${Papa.unparse([header, ...lines])}`) };
  }
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('信息列表');
  sheet.addRow(header).font = { bold: true };
  lines.forEach((l) => sheet.addRow(l));
  sheet.columns.forEach((c, i) => { c.width = i === 0 ? 60 : 18; });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return { name: `${name}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

export interface BulkReviewInput {
  ids: number[];
  comment?: string;
  checklist?: ReviewInput['checklist'];
}

/**
 * Approves several items of a reviewer's queue: each one as if approved alone (its own
 * transaction, step, role, findings and 保密审查 checklist checked), so one refusal stops only that item.
 */
export async function bulkApprove(ctx: AppContext, actor: Actor, input: BulkReviewInput) {
  const results = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      const item = await reviewItem(ctx, actor, id, { decision: 'approve', comment: input.comment, checklist: input.checklist });
      results.push({ id, ok: true as const, title: item.title, status: item.status, statusLabel: item.statusLabel });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false as const, code: e.code, message: e.message });
    }
  }
  return { approved: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, results };
}

/** Each role's queue: what is waiting for this person. */
export async function myQueue(ctx: AppContext, actor: Actor) {
  const scope = await visibleOrgIds(ctx.db, actor);
  const statuses: ItemStatus[] = [];
  if (actor.roles.includes('clerk')) statuses.push('draft');
  if (actor.roles.includes('deptHead')) statuses.push('deptReview');
  if (actor.roles.includes('confidentialityReviewer')) statuses.push('confidentialityReview');
  if (actor.roles.includes('leader')) statuses.push('leaderApproval');
  if (!statuses.length) return { items: [] };
  const rows = await repo.listForStaff(ctx.db, { orgIds: scope, statuses, limit: 200 });
  const limits: LimitCache = new Map();
  const items = [];
  for (const r of rows) items.push(listRow(actor, scope, r, await publicationDue(ctx, r, limits)));
  return { items };
}

/** The contract's staff scanner (POST /api/v1/scan). */
export async function scan(ctx: AppContext, text: string) {
  return { findings: scanText(text, { sensitiveWords: await sensitiveWords(ctx) }).map(({ type, offset, length, masked }) => ({ type, offset, length, masked })) };
}

/** 信息类别 and 主题分类 come from the configured taxonomies (national defaults). */
async function checkTaxonomy(ctx: AppContext, orgCode: string | undefined, input: ItemInput) {
  const [categories, topicList] = await Promise.all([categoriesOf(ctx, orgCode), topics(ctx)]);
  const details = [];
  if (!categories.includes(input.category)) details.push({ path: 'category', message: `信息类别“${input.category}”不在本机关目录类别中。` });
  if (!topicList.includes(input.topic)) details.push({ path: 'topic', message: `主题分类“${input.topic}”不在主题分类表中。` });
  if (details.length) throw new AppError('VALIDATION_FAILED', details);
}

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

type PreparedAttachment = Awaited<ReturnType<typeof prepareAttachment>>;

/** A file checked by its bytes (PDF, DOCX, XLSX, PNG, JPEG) with its text extracted, before any transaction. */
async function prepareAttachment(file: { fileName: string; data: Buffer }) {
  const kind = sniffFileKind(file.data, file.fileName);
  if (!kind) throw new AppError('ATTACHMENT_TYPE', [{ path: 'file', message: '只能上传 PDF、DOCX、XLSX、PNG、JPEG 文件（按文件内容判断）。' }]);
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('BODY_TOO_LARGE');
  const text = await extractText(kind, file.data);
  const fileName = file.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || `附件.${kind}`;
  return { kind, text, fileName, data: file.data };
}

/** Stores the file and its row with the audit entry (the caller rescans the item afterwards). */
async function insertAttachment(ctx: AppContext, trx: Trx, actor: Actor, item: { id: number; orgId: number }, file: PreparedAttachment) {
  // Put inside the transaction: the file is deleted again if the transaction rolls back (src/lib/blob-store.ts).
  const blob = await ctx.blobs.put(file.data);
  const attachmentId = await repo.insertAttachment(trx, { itemId: item.id, fileName: file.fileName, kind: file.kind, mime: MIME[file.kind], size: file.data.length, blobKey: blob.key, text: file.text });
  await recordAudit(trx, { actor, orgId: item.orgId, action: 'item.attach', targetType: 'item', targetId: item.id, summary: { attachmentId, fileName: file.fileName, kind: file.kind, size: file.data.length } });
}

/** Attaches a file to a draft: type from its bytes (PDF, DOCX, XLSX, PNG, JPEG), text extracted for search and the scan. */
export async function addAttachment(ctx: AppContext, actor: Actor, id: number, file: { fileName: string; data: Buffer }) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canEditDraft(actor, scope, item.orgId, item.status as ItemStatus)) throw new AppError(item.status === 'draft' ? 'FORBIDDEN' : 'ITEM_NOT_EDITABLE');
  const prepared = await prepareAttachment(file);
  const words = await sensitiveWords(ctx);
  await withLockedItem(ctx, id, async (trx, locked) => {
    if (locked.status !== 'draft') throw new AppError('ITEM_NOT_EDITABLE');
    await insertAttachment(ctx, trx, actor, { id, orgId: item.orgId }, prepared);
    await rescan(trx, id, locked.title, locked.bodyHtml, words);
  });
  return getItem(ctx, actor, id);
}

/**
 * An attachment's file for staff who can read the item (the reviewers of each step read what they
 * approve, drafts included); the portal serves only those of published, proactive items.
 */
export async function attachmentFile(ctx: AppContext, actor: Actor, id: number, attachmentId: number) {
  await scoped(ctx, actor, id);
  const attachment = (await repo.listAttachments(ctx.db, id)).find((a) => a.id === attachmentId);
  if (!attachment) throw new AppError('NOT_FOUND');
  return { fileName: attachment.fileName, mime: attachment.mime, data: await ctx.blobs.get(attachment.blobKey) };
}

export async function removeAttachment(ctx: AppContext, actor: Actor, id: number, attachmentId: number) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canEditDraft(actor, scope, item.orgId, item.status as ItemStatus)) throw new AppError('ITEM_NOT_EDITABLE');
  const words = await sensitiveWords(ctx);
  await withLockedItem(ctx, id, async (trx, locked) => {
    if (locked.status !== 'draft') throw new AppError('ITEM_NOT_EDITABLE');
    if (!(await repo.deleteAttachment(trx, id, attachmentId))) throw new AppError('NOT_FOUND');
    await rescan(trx, id, locked.title, locked.bodyHtml, words);
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'item.detach', targetType: 'item', targetId: id, summary: { attachmentId } });
  });
  return getItem(ctx, actor, id);
}

/**
 * A Word document (.docx, as Word and WPS save a 公文) as an item's body: its text, headings,
 * lists and tables as sanitised HTML, for the editor to show before the clerk saves. Refused by
 * content when the bytes are not a Word document, whatever the file is called. Nothing is stored.
 */
export async function importDocxBody(ctx: AppContext, actor: Actor, file: { fileName: string; data: Buffer }) {
  if (!hasRole(actor, 'clerk')) throw new AppError('FORBIDDEN');
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('BODY_TOO_LARGE');
  if (!(await isDocx(file.data))) throw new AppError('DOCX_REQUIRED');
  let converted;
  try {
    converted = await docxToHtml(file.data);
  } catch {
    throw new AppError('DOCX_UNREADABLE');
  }
  const bodyHtml = sanitizeBody(converted.html);
  const notes = [];
  if (converted.images) notes.push(`文档中的${converted.images}张图片未导入正文，如需公开请作为附件上传。`);
  if (!bodyText(bodyHtml)) notes.push('文档中没有可导入的文字。');
  const words = await sensitiveWords(ctx);
  const title = firstLine(bodyHtml);
  return { bodyHtml, suggestedTitle: title, notes, findings: scanText(bodyText(bodyHtml), { sensitiveWords: words }).map((f) => ({ type: f.type, typeLabel: labelOf('findingType', f.type), masked: f.masked })) };
}

/** A 公文's title is its first heading or paragraph (often with the issuing body's name). */
function firstLine(bodyHtml: string): string {
  const first = /<(h[2-4]|p)>([\s\S]*?)<\/\1>/.exec(bodyHtml);
  const text = first ? bodyText(first[2]) : '';
  return text.length >= 2 && text.length <= 100 ? text : '';
}
