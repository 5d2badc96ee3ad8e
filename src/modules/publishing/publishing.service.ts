/**
 * 主动公开: from a clerk's draft through review, 保密审查 and approval to the public
 * catalog (条例第十九条至第二十六条), with a privacy scan that blocks approval until
 * every finding is redacted or accepted with a reason.
 */
import { createRequire } from 'node:module';
import type { AppContext } from '../../context.js';
import { todayInChina } from '../../domain/dates.js';
import { validateDocNumber, formatIndexNo } from '../../domain/doc-number.js';
import {
  CONFIDENTIALITY_CHECKLIST, ItemStatus, STATUS_LABELS, stepFor, WITHHELD_GROUNDS,
} from '../../domain/item-workflow.js';
import { scanText } from '../../domain/privacy-scan.js';
import type { Actor } from '../../domain/roles.js';
import { searchDocument, searchQuery } from '../../domain/search-text.js';
import { AppError } from '../../http/errors.js';
import { MIME, sniffFileKind } from '../../lib/documents/file-types.js';
import { extractText } from '../../lib/documents/text-extraction.js';
import { recordAudit } from '../audit/audit.service.js';
import { categoriesOf, publicationLimit, sensitiveWords, topics } from '../settings/settings.service.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import * as repo from './publishing.repository.js';

// xss is CommonJS and Node's ESM loader cannot see all its named exports: load it with require.
const { filterXSS, safeAttrValue } = createRequire(import.meta.url)('xss') as typeof import('xss');
import { canAmendPublished, canDraft, canEditDraft, canReadItem, canReview } from './publishing.policy.js';

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
  const { title, bodyHtml, disclosure, withheldGround, withheldReason, docKind, docNo, category, topic, keywords, writtenOn, formedOn, validity } = item;
  return { title, bodyHtml, disclosure, withheldGround, withheldReason, docKind, docNo, category, topic, keywords, writtenOn, formedOn, validity };
}

/** Scans title, text and every attachment; offsets of body findings count in `title + "\n" + text`. */
async function rescan(trx: Parameters<typeof repo.replaceOpenFindings>[0], itemId: number, title: string, body: string, words: string[]) {
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

export async function createItem(ctx: AppContext, actor: Actor, input: ItemInput) {
  checkInput(input);
  const org = input.orgCode ? await findOrgByCode(ctx.db, input.orgCode) : { id: actor.orgId };
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '发布机构不存在。' }]);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canDraft(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  await checkTaxonomy(ctx, org.id === actor.orgId ? actor.orgCode : input.orgCode, input);
  const words = await sensitiveWords(ctx);
  const fields = fieldsOf(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const itemId = await repo.insertItem(trx, { ...fields, orgId: org.id, createdBy: actor.userId });
    await repo.insertVersion(trx, { itemId, version: 1, snapshot: snapshot(fields), changeNote: '创建草稿', publicNote: false, createdBy: actor.userId });
    await rescan(trx, itemId, fields.title, fields.bodyHtml, words);
    await recordAudit(trx, { actor, orgId: org.id, action: 'item.create', targetType: 'item', targetId: itemId, summary: { after: { title: fields.title, disclosure: fields.disclosure } } });
    return itemId;
  });
  return getItem(ctx, actor, id);
}

export async function updateDraft(ctx: AppContext, actor: Actor, id: number, input: ItemInput) {
  checkInput(input);
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canEditDraft(actor, scope, item.orgId, item.status as ItemStatus)) throw new AppError(item.status === 'draft' ? 'FORBIDDEN' : 'ITEM_NOT_EDITABLE');
  await checkTaxonomy(ctx, item.orgCode, input);
  const words = await sensitiveWords(ctx);
  const fields = fieldsOf(input);
  await ctx.db.transaction().execute(async (trx) => {
    const version = item.version + 1;
    await repo.updateItem(trx, id, { ...fields, version });
    await repo.insertVersion(trx, { itemId: id, version, snapshot: snapshot(fields), changeNote: '修改草稿', publicNote: false, createdBy: actor.userId });
    await rescan(trx, id, fields.title, fields.bodyHtml, words);
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'item.update', targetType: 'item', targetId: id, summary: { before: { title: item.title }, after: { title: fields.title }, version } });
  });
  return getItem(ctx, actor, id);
}

export async function submitItem(ctx: AppContext, actor: Actor, id: number) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (item.status !== 'draft') throw new AppError('ITEM_STEP_NOT_ALLOWED');
  if (!canDraft(actor, scope, item.orgId)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (trx) => {
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
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockItem(trx, id);
    if (!locked || locked.status !== step.from) throw new AppError('ITEM_STEP_NOT_ALLOWED');
    let next: ItemStatus = input.decision === 'return' ? 'draft' : step.approveTo;
    if (input.decision === 'approve' && step.from === 'leaderApproval') {
      if ((await repo.countOpenFindings(trx, id)) > 0) throw new AppError('ITEM_FINDINGS_OPEN');
      const at = locked.disclosure === 'proactive' && input.publishAt ? new Date(input.publishAt) : null;
      if (at && at > now) {
        next = 'scheduled';
        await repo.updateItem(trx, id, { status: next, scheduledAt: at });
      } else {
        await publishNow(ctx, trx, id, now);
      }
    } else {
      await repo.updateItem(trx, id, { status: next });
    }
    await repo.insertReview(trx, { itemId: id, step: step.from, decision: input.decision, comment: input.comment ?? null, checklist: input.checklist ? (input.checklist as Record<string, boolean>) : null, actorUserId: actor.userId });
    await recordAudit(trx, { actor, orgId: item.orgId, action: `item.${input.decision}`, targetType: 'item', targetId: id, summary: { step: step.from, before: { status: step.from }, after: { status: next }, comment: input.comment ?? null } });
  });
  // After the commit: a page rendered from the old state cannot be cached under the new version.
  ctx.pages.invalidate();
  return getItem(ctx, actor, id);
}

/**
 * Assigns the 索引号 and, for 主动公开 items, makes the item public, inside the caller's transaction.
 * Approved 依申请公开 / 不予公开 items get their 索引号 too (the catalog of government information
 * covers them) but stay out of the public catalog; staff find them when answering requests.
 */
async function publishNow(ctx: AppContext, trx: Parameters<typeof repo.nextSerial>[0], id: number, now: Date) {
  const item = (await repo.findItem(trx, id))!;
  const publishedOn = todayInChina(now);
  const year = Number(publishedOn.slice(0, 4));
  const indexNo = item.indexNo ?? formatIndexNo(item.orgCode, year, await repo.nextSerial(trx, item.orgId, year));
  await repo.updateItem(trx, id, { status: 'published', indexNo, publishedOn, publishedAt: now, scheduledAt: null });
  const attachments = await repo.listAttachments(trx, id);
  await repo.setSearchText(trx, id, searchDocument(item.title, item.title, item.keywords, item.docNo, bodyText(item.bodyHtml), ...attachments.map((a) => a.text)));
}

const lastScheduledCheck = new WeakMap<AppContext, number>();
const SCHEDULE_CHECK_MS = 30_000;

/**
 * Scheduled items whose time has passed become public. Checked when the catalog is
 * read, at most every 30 seconds per instance (the catalog's hot path stays one query lighter).
 */
export async function publishDueItems(ctx: AppContext) {
  const now = ctx.now();
  const last = lastScheduledCheck.get(ctx);
  if (last !== undefined && now.getTime() - last < SCHEDULE_CHECK_MS && now.getTime() >= last) return;
  lastScheduledCheck.set(ctx, now.getTime());
  for (const { id } of await repo.dueScheduled(ctx.db, now)) {
    await ctx.db.transaction().execute(async (trx) => {
      const locked = await repo.lockItem(trx, id);
      if (locked?.status !== 'scheduled') return;
      await publishNow(ctx, trx, id, now);
      await recordAudit(trx, { actor: null, orgId: locked.orgId, action: 'item.publishScheduled', targetType: 'item', targetId: id });
    });
    ctx.pages.invalidate();
  }
}

export async function resolveFinding(ctx: AppContext, actor: Actor, id: number, findingId: number, input: { resolution: 'redact' | 'accept'; reason?: string }) {
  const { item, scope } = await scoped(ctx, actor, id);
  const allowed = canEditDraft(actor, scope, item.orgId, item.status as ItemStatus) || canReview(actor, scope, item.orgId, 'confidentialityReviewer') || canReview(actor, scope, item.orgId, 'leader');
  if (!allowed || item.status === 'published' || item.status === 'withdrawn') throw new AppError('FORBIDDEN');
  if (input.resolution === 'accept' && !input.reason?.trim()) throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: '保留该内容须说明理由。' }]);
  const words = await sensitiveWords(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const finding = (await repo.listFindings(trx, id)).find((f) => f.id === findingId && f.status === 'open');
    if (!finding) throw new AppError('FINDING_NOT_FOUND');
    if (input.resolution === 'redact' && finding.source !== 'body') {
      throw new AppError('VALIDATION_FAILED', [{ path: 'resolution', message: '附件中的内容不能在线脱敏：请修改附件后重新上传，或说明理由后保留。' }]);
    }
    if (input.resolution === 'redact') {
      // Mask the value where it stands in the body: re-scan the text to recover it, then replace it in the markup.
      const text = `${item.title}\n${bodyText(item.bodyHtml)}`;
      const value = text.slice(finding.offset, finding.offset + finding.length);
      const bodyHtml = item.bodyHtml.split(value).join(finding.masked);
      const title = item.title.split(value).join(finding.masked);
      const version = item.version + 1;
      await repo.updateItem(trx, id, { bodyHtml, title, version });
      await repo.insertVersion(trx, { itemId: id, version, snapshot: snapshot({ ...item, bodyHtml, title }), changeNote: `脱敏处理（${finding.type}）`, publicNote: false, createdBy: actor.userId });
      await repo.resolveFinding(trx, id, findingId, 'redacted', null, actor.userId);
      // Offsets of the remaining findings have moved: scan the redacted text afresh.
      await rescan(trx, id, title, bodyHtml, words);
    } else {
      await repo.resolveFinding(trx, id, findingId, 'accepted', input.reason!.trim(), actor.userId);
    }
    await recordAudit(trx, { actor, orgId: item.orgId, action: `item.finding.${input.resolution}`, targetType: 'item', targetId: id, summary: { findingType: finding.type, masked: finding.masked, reason: input.reason ?? null } });
  });
  return getItem(ctx, actor, id);
}

export async function withdrawItem(ctx: AppContext, actor: Actor, id: number, reason: string) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canAmendPublished(actor, scope, item.orgId)) throw new AppError('FORBIDDEN');
  if (item.status !== 'published') throw new AppError('ITEM_STEP_NOT_ALLOWED');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, id, { status: 'withdrawn', withdrawnOn: todayInChina(ctx.now()), withdrawnReason: reason });
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
  const title = input.title?.trim() ?? item.title;
  const bodyHtml = input.bodyHtml !== undefined ? sanitizeBody(input.bodyHtml) : item.bodyHtml;
  const findings = scanText(`${title}\n${bodyText(bodyHtml)}`, { sensitiveWords: await sensitiveWords(ctx) });
  if (findings.length && (input.title !== undefined || input.bodyHtml !== undefined)) throw new AppError('ITEM_FINDINGS_OPEN', findings.map((f) => ({ message: `${f.type}：${f.masked}` })));
  await ctx.db.transaction().execute(async (trx) => {
    const version = item.version + 1;
    const fields = {
      title, bodyHtml, version,
      ...(input.validity ? { validity: input.validity, validityChangedOn: input.validityChangedOn ?? todayInChina(ctx.now()), replacedByIndexNo: input.replacedByIndexNo ?? null } : {}),
    };
    await repo.updateItem(trx, id, fields);
    await repo.insertVersion(trx, { itemId: id, version, snapshot: snapshot({ ...item, ...fields }), changeNote: input.changeNote, publicNote: true, createdBy: actor.userId });
    await repo.setSearchText(trx, id, searchDocument(title, title, item.keywords, item.docNo, bodyText(bodyHtml)));
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'item.correct', targetType: 'item', targetId: id, summary: { version, changeNote: input.changeNote, validity: input.validity ?? null } });
  });
  ctx.pages.invalidate();
  return getItem(ctx, actor, id);
}

async function publicationDue(ctx: AppContext, item: repo.ItemRow) {
  if (!item.formedOn || item.status === 'published' || item.status === 'withdrawn') return null;
  const calendar = await ctx.calendar();
  const due = calendar.addWorkingDays(item.formedOn, await publicationLimit(ctx, item.orgCode));
  const today = todayInChina(ctx.now());
  const left = today <= due.date ? calendar.workingDaysBetween(today, due.date) : -calendar.workingDaysBetween(due.date, today);
  return { dueOn: due.date, workingDaysLeft: left, warning: left < 0 ? 'overdue' : left <= 5 ? 'dueSoon' : null, certain: due.certain };
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
  const tsquery = searchQuery(q);
  if (!tsquery) return { items: [] };
  const rows = await repo.staffSearch(ctx.db, tsquery, scope);
  return { items: rows.map((r) => ({ id: r.id, title: r.title, indexNo: r.indexNo, orgName: r.orgName, disclosure: r.disclosure, status: r.status, statusLabel: statusLabel(r), publishedOn: r.publishedOn })) };
}

export async function getItem(ctx: AppContext, actor: Actor, id: number) {
  const { item } = await scoped(ctx, actor, id);
  const { searchText: _s, ...rest } = item;
  return {
    ...rest,
    statusLabel: statusLabel(item),
    publicationDue: await publicationDue(ctx, item),
    interpretationWarning: await interpretationWarning(ctx, item),
    findings: await repo.listFindings(ctx.db, id),
    /** The text the scan read (title, a line break, the body's text): finding offsets point into it. */
    scannedText: `${item.title}\n${bodyText(item.bodyHtml)}`,
    attachments: (await repo.listAttachments(ctx.db, id)).map(({ blobKey: _b, text: _t, ...a }) => a),
    reviews: await repo.listReviews(ctx.db, id),
    versions: (await repo.listVersions(ctx.db, id)).map((v) => ({ version: v.version, changeNote: v.changeNote, publicNote: v.publicNote, createdAt: v.createdAt })),
  };
}

/** Field-level differences between two saved versions. */
export async function diffVersions(ctx: AppContext, actor: Actor, id: number, from: number, to: number) {
  await scoped(ctx, actor, id);
  const versions = await repo.listVersions(ctx.db, id);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) throw new AppError('NOT_FOUND');
  const keys = new Set([...Object.keys(a.snapshot), ...Object.keys(b.snapshot)]);
  const changes = [...keys].filter((k) => JSON.stringify(a.snapshot[k]) !== JSON.stringify(b.snapshot[k])).map((field) => ({ field, before: a.snapshot[field] ?? null, after: b.snapshot[field] ?? null }));
  return { from, to, changes };
}

/** Items of the bodies the staff member may see, newest first. */
export async function listItems(ctx: AppContext, actor: Actor, status?: ItemStatus) {
  const scope = await visibleOrgIds(ctx.db, actor);
  const rows = await repo.listForStaff(ctx.db, { orgIds: scope, statuses: status ? [status] : undefined, limit: 200 });
  return { items: rows.filter((r) => canReadItem(actor, scope, r.orgId)).map((r) => ({ id: r.id, title: r.title, status: r.status, statusLabel: STATUS_LABELS[r.status as ItemStatus], orgName: r.orgName, indexNo: r.indexNo, publishedOn: r.publishedOn, updatedAt: r.updatedAt })) };
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
  const items = [];
  for (const r of rows) items.push({ id: r.id, title: r.title, status: r.status, statusLabel: STATUS_LABELS[r.status as ItemStatus], orgName: r.orgName, updatedAt: r.updatedAt, publicationDue: await publicationDue(ctx, r) });
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

/** Attaches a file to a draft: type from its bytes (PDF, DOCX, XLSX, PNG, JPEG), text extracted for search and the scan. */
export async function addAttachment(ctx: AppContext, actor: Actor, id: number, file: { fileName: string; data: Buffer }) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canEditDraft(actor, scope, item.orgId, item.status as ItemStatus)) throw new AppError(item.status === 'draft' ? 'FORBIDDEN' : 'ITEM_NOT_EDITABLE');
  const kind = sniffFileKind(file.data, file.fileName);
  if (!kind) throw new AppError('ATTACHMENT_TYPE', [{ path: 'file', message: '只能上传 PDF、DOCX、XLSX、PNG、JPEG 文件（按文件内容判断）。' }]);
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('BODY_TOO_LARGE');
  const text = await extractText(kind, file.data);
  const words = await sensitiveWords(ctx);
  const blob = await ctx.blobs.put(file.data);
  const fileName = file.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || `附件.${kind}`;
  await ctx.db.transaction().execute(async (trx) => {
    const attachmentId = await repo.insertAttachment(trx, { itemId: id, fileName, kind, mime: MIME[kind], size: file.data.length, blobKey: blob.key, text });
    await rescan(trx, id, item.title, item.bodyHtml, words);
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'item.attach', targetType: 'item', targetId: id, summary: { attachmentId, fileName, kind, size: file.data.length } });
  });
  return getItem(ctx, actor, id);
}

export async function removeAttachment(ctx: AppContext, actor: Actor, id: number, attachmentId: number) {
  const { item, scope } = await scoped(ctx, actor, id);
  if (!canEditDraft(actor, scope, item.orgId, item.status as ItemStatus)) throw new AppError('ITEM_NOT_EDITABLE');
  const words = await sensitiveWords(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteAttachment(trx, id, attachmentId))) throw new AppError('NOT_FOUND');
    await rescan(trx, id, item.title, item.bodyHtml, words);
    await recordAudit(trx, { actor, orgId: item.orgId, action: 'item.detach', targetType: 'item', targetId: id, summary: { attachmentId } });
  });
  return getItem(ctx, actor, id);
}
