/**
 * 意见征集: drafts put out for public comment, the comments received, and the published feedback on how
 * the opinions were adopted (意见采纳情况). Lifecycle: 起草 (draft) → 待审核 (review) → 征求意见中 (open) →
 * 已截止 (closed, when the period has run) → 已公布采纳情况 (feedbackPublished); every step audited.
 * The commenter's name and contact are personal data: encrypted at rest, never shown to the public, masked for staff.
 */
import type { AppContext } from '../../context.js';
import type { AdoptionDecision, CommentStatus, DraftStatus } from '../../db/tables/solicitations.js';
import { todayInChina, type IsoDate } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import type { Actor } from '../../domain/roles.js';
import { checkPeriodLength, commentPeriod, DRAFT_KINDS, type DraftKind, PERIOD_RULES, periodState } from '../../domain/solicitation-period.js';
import { percentString } from '../../domain/services/rates.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Executor } from '../audit/audit.repository.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds } from '../orgs/orgs.policy.js';
import { publishedItemLink } from '../publishing/catalog.service.js';
import { indexDocument, searchSources, type SearchDocument } from '../search/search-index.js';
import { canManageSolicitation, canReadSolicitation, canReadSolicitations } from './solicitations.policy.js';
import * as repo from './solicitations.repository.js';

export interface ArticleInput {
  heading?: string;
  text: string;
}

export interface DraftInput {
  orgCode: string;
  kind: DraftKind;
  title: string;
  explanation?: string;
  articles: ArticleInput[];
  periodLength?: number;
  shortenedReason?: string | null;
  moderated?: boolean;
}

export const draftUrl = (id: number) => `/hdjl/yjzj/${id}`;

/** What a draft shows as its status: an opened draft past its last day reads as closed even before the job marks it. */
export function effectiveStatus(d: { status: DraftStatus; opensOn: string | null; endsOn: string | null }, today: IsoDate): DraftStatus {
  if (d.status === 'open' && d.opensOn && d.endsOn && periodState({ opensOn: d.opensOn, endsOn: d.endsOn }, today) === 'closed') return 'closed';
  return d.status;
}

function presentDraft(d: repo.DraftRow, today: IsoDate) {
  const status = effectiveStatus(d, today);
  const rule = PERIOD_RULES[d.kind as DraftKind];
  return {
    id: d.id, orgCode: d.orgCode, orgName: d.orgName, kind: d.kind, kindLabel: labelOf('draftKind', d.kind), title: d.title, explanation: d.explanation,
    periodLength: d.periodLength, periodUnit: rule.unit, periodUnitLabel: labelOf('periodUnit', rule.unit), periodBasis: rule.basis,
    shortenedReason: d.shortenedReason, moderated: d.moderated, status, statusLabel: labelOf('draftStatus', status),
    opensOn: d.opensOn, endsOn: d.endsOn, periodCertain: d.periodCertain, accepting: status === 'open',
    feedbackSummary: d.feedbackSummary, feedbackPublishedOn: d.feedbackPublishedOn, finalItemId: d.finalItemId, url: draftUrl(d.id),
    updatedAt: d.updatedAt,
  };
}

function validatePeriod(kind: DraftKind, length: number, shortenedReason: string | null | undefined) {
  const problem = checkPeriodLength(kind, length, shortenedReason);
  if (problem === 'belowMinimum') {
    const rule = PERIOD_RULES[kind];
    throw new AppError('SOLICITATION_PERIOD_TOO_SHORT', [{
      path: 'periodLength', message: `${labelOf('draftKind', kind)}的征求意见期限一般不少于${rule.minimum}${labelOf('periodUnit', rule.unit)}（${rule.basis}）；确需缩短的，请填写缩短期限的理由。`,
    }]);
  }
  if (problem) throw new AppError('VALIDATION_FAILED', [{ path: 'periodLength', message: '征求意见期限应为正整数。' }]);
}

const cleanArticles = (articles: ArticleInput[]) => articles.map((a) => ({ heading: (a.heading ?? '').trim(), text: a.text.trim() }));

async function managedDraft(ctx: AppContext, db: Executor, actor: Actor, id: number) {
  const draft = await repo.findDraft(db, id);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!draft || !canReadSolicitation(actor, scope, draft.orgId)) throw new AppError('SOLICITATION_NOT_FOUND');
  if (!canManageSolicitation(actor, scope, draft.orgId)) throw new AppError('FORBIDDEN');
  return draft;
}

function requireStatus(draft: { status: DraftStatus }, ...allowed: DraftStatus[]) {
  if (!allowed.includes(draft.status)) throw new AppError('SOLICITATION_STATE');
}

export async function createDraft(ctx: AppContext, actor: Actor, input: DraftInput) {
  const org = await findOrgByCode(ctx.db, input.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '机关不存在。' }]);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canManageSolicitation(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  const periodLength = input.periodLength ?? PERIOD_RULES[input.kind].defaultLength;
  const shortenedReason = input.shortenedReason?.trim() || null;
  validatePeriod(input.kind, periodLength, shortenedReason);
  const articles = cleanArticles(input.articles);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertDraft(trx, {
      orgId: org.id, kind: input.kind, title: input.title.trim(), explanation: (input.explanation ?? '').trim(), periodLength, shortenedReason,
      moderated: input.moderated ?? true, createdBy: actor.userId,
    });
    await repo.replaceArticles(trx, id, articles);
    await recordAudit(trx, {
      actor, orgId: org.id, action: 'solicitation.create', targetType: 'solicitation', targetId: id,
      summary: { title: input.title, kind: input.kind, periodLength, articleCount: articles.length },
    });
    return id;
  });
  return getDraft(ctx, actor, id);
}

export async function updateDraft(ctx: AppContext, actor: Actor, id: number, patch: Partial<Omit<DraftInput, 'orgCode'>>) {
  const draft = await managedDraft(ctx, ctx.db, actor, id);
  requireStatus(draft, 'draft');
  const kind = (patch.kind ?? draft.kind) as DraftKind;
  const periodLength = patch.periodLength ?? (patch.kind && patch.kind !== draft.kind ? PERIOD_RULES[kind].defaultLength : draft.periodLength);
  const shortenedReason = patch.shortenedReason !== undefined ? patch.shortenedReason?.trim() || null : draft.shortenedReason;
  validatePeriod(kind, periodLength, shortenedReason);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findDraft(trx, id);
    requireStatus(current!, 'draft');
    await repo.updateDraft(trx, id, {
      kind, periodLength, shortenedReason,
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.explanation !== undefined ? { explanation: patch.explanation.trim() } : {}),
      ...(patch.moderated !== undefined ? { moderated: patch.moderated } : {}),
    });
    if (patch.articles) await repo.replaceArticles(trx, id, cleanArticles(patch.articles));
    await recordAudit(trx, {
      actor, orgId: draft.orgId, action: 'solicitation.update', targetType: 'solicitation', targetId: id,
      summary: { fields: Object.keys(patch), ...(patch.articles ? { articleCount: patch.articles.length } : {}) },
    });
  });
  return getDraft(ctx, actor, id);
}

/** One step of the lifecycle: checks the status inside the transaction, changes it and audits it. */
async function step(ctx: AppContext, actor: Actor, id: number, from: DraftStatus[], action: string,
  change: (trx: Executor, draft: repo.DraftRow) => Promise<Record<string, unknown>>) {
  await managedDraft(ctx, ctx.db, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const draft = (await repo.findDraft(trx, id))!;
    requireStatus(draft, ...from);
    const summary = await change(trx, draft);
    await recordAudit(trx, { actor, orgId: draft.orgId, action, targetType: 'solicitation', targetId: id, summary });
  });
  ctx.pages.invalidate();
  return getDraft(ctx, actor, id);
}

export async function submitDraft(ctx: AppContext, actor: Actor, id: number) {
  return step(ctx, actor, id, ['draft'], 'solicitation.submit', async (trx, draft) => {
    if (!(await repo.listArticles(trx, id)).length) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'articles', message: '请先录入草案条文，再提交审核。' }]);
    }
    await repo.updateDraft(trx, id, { status: 'review' });
    return { before: { status: draft.status }, after: { status: 'review' } };
  });
}

export async function returnDraft(ctx: AppContext, actor: Actor, id: number, reason: string) {
  return step(ctx, actor, id, ['review'], 'solicitation.return', async (trx) => {
    await repo.updateDraft(trx, id, { status: 'draft' });
    return { reason };
  });
}

/** 发布征求意见: the period starts today (the day itself not counted) and its end is fixed now. */
export async function openDraft(ctx: AppContext, actor: Actor, id: number) {
  const calendar = await ctx.calendar();
  const today = todayInChina(ctx.now());
  return step(ctx, actor, id, ['review'], 'solicitation.open', async (trx, draft) => {
    const period = commentPeriod(calendar, draft.kind as DraftKind, today, draft.periodLength);
    await repo.updateDraft(trx, id, { status: 'open', opensOn: period.opensOn, endsOn: period.endsOn, periodCertain: period.certain });
    await indexDocument(trx, await draftDocument(trx, { ...draft, opensOn: period.opensOn }));
    return { opensOn: period.opensOn, endsOn: period.endsOn, periodLength: draft.periodLength };
  });
}

/** Marks opened drafts whose last day has passed as closed (the background job; audited without an actor). */
export async function closeEndedDrafts(ctx: AppContext): Promise<number> {
  const today = todayInChina(ctx.now());
  const ended = await repo.listEndedOpenDrafts(ctx.db, today);
  for (const d of ended) {
    await ctx.db.transaction().execute(async (trx) => {
      const current = await repo.findDraft(trx, d.id);
      if (current?.status !== 'open') return;
      await repo.updateDraft(trx, d.id, { status: 'closed' });
      await recordAudit(trx, { actor: null, orgId: d.orgId, action: 'solicitation.close', targetType: 'solicitation', targetId: d.id, summary: { endsOn: d.endsOn } });
    });
  }
  if (ended.length) ctx.pages.invalidate();
  return ended.length;
}

// ---- comments

export interface CommentInput {
  articleId?: number | null;
  body: string;
  commenterName?: string;
  commenterContact?: string;
  channel?: 'letter' | 'email' | 'other';
  receivedOn?: IsoDate;
}

/**
 * A comment from the public (online, within the period) or registered by the 公开办 from a letter or an
 * e-mail received within the period. Shown on the page once approved when the body moderates first.
 */
export async function submitComment(ctx: AppContext, actor: Actor | null, draftId: number, input: CommentInput) {
  const draft = await repo.findDraft(ctx.db, draftId);
  const today = todayInChina(ctx.now());
  const visible = draft && draft.opensOn && draft.opensOn <= today && ['open', 'closed', 'feedbackPublished'].includes(draft.status);
  if (!draft || (!actor && !visible)) throw new AppError('SOLICITATION_NOT_FOUND');
  let receivedOn = today;
  let channel: 'online' | 'letter' | 'email' | 'other' = 'online';
  if (actor) {
    const scope = await visibleOrgIds(ctx.db, actor);
    if (!canReadSolicitation(actor, scope, draft.orgId)) throw new AppError('SOLICITATION_NOT_FOUND');
    if (!canManageSolicitation(actor, scope, draft.orgId)) throw new AppError('FORBIDDEN');
    channel = input.channel ?? 'letter';
    receivedOn = input.receivedOn ?? today;
    if (receivedOn > today) throw new AppError('VALIDATION_FAILED', [{ path: 'receivedOn', message: '收到日期不能晚于今天。' }]);
  }
  // Online: only while the draft is open today. Registered by staff: received within the period, before the feedback is published.
  const withinPeriod = !!draft.opensOn && !!draft.endsOn && periodState({ opensOn: draft.opensOn, endsOn: draft.endsOn }, receivedOn) === 'open';
  if (!withinPeriod || (actor ? !['open', 'closed'].includes(draft.status) : draft.status !== 'open')) {
    throw new AppError('SOLICITATION_NOT_OPEN', draft.endsOn
      ? [{ path: actor ? 'receivedOn' : 'body', message: `征求意见期为${draft.opensOn}至${draft.endsOn}，期外收到的意见不能${actor ? '登记' : '提交'}。` }]
      : undefined);
  }
  if (input.articleId != null) {
    const articles = await repo.listArticles(ctx.db, draftId);
    if (!articles.some((a) => a.id === input.articleId)) throw new AppError('VALIDATION_FAILED', [{ path: 'articleId', message: '所选条文不属于该草案。' }]);
  }
  const status: CommentStatus = draft.moderated ? 'pending' : 'approved';
  const name = input.commenterName?.trim();
  const contact = input.commenterContact?.trim();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertComment(trx, {
      draftId, articleId: input.articleId ?? null, channel, body: input.body.trim(), receivedOn, status, registeredBy: actor?.userId ?? null, createdAt: ctx.now(),
      nameEnc: name ? ctx.crypto.encrypt(name) : null, contactEnc: contact ? ctx.crypto.encrypt(contact) : null,
    });
    await recordAudit(trx, {
      actor, orgId: draft.orgId, action: 'solicitation.comment', targetType: 'solicitationComment', targetId: id,
      summary: { draftId, articleId: input.articleId ?? null, channel, receivedOn },
    });
    return id;
  });
  if (status === 'approved') ctx.pages.invalidate();
  return { id, status, statusLabel: labelOf('commentStatus', status), receivedOn };
}

export async function listCommentsForStaff(ctx: AppContext, actor: Actor, filters: repo.CommentFilters) {
  if (!canReadSolicitations(actor)) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  if (filters.draftId) {
    const draft = await repo.findDraft(ctx.db, filters.draftId);
    if (!draft || !canReadSolicitation(actor, scope, draft.orgId)) throw new AppError('SOLICITATION_NOT_FOUND');
  }
  const rows = await repo.listComments(ctx.db, scope, filters, 1000);
  return {
    items: rows.map(({ nameEnc, orgId: _o, ...c }) => ({
      ...c,
      // Staff recognise the commenter by a masked name; the contact is never shown.
      commenterMasked: nameEnc ? maskName(ctx.crypto.decrypt(nameEnc)) : null,
      channelLabel: labelOf('commentChannel', c.channel), statusLabel: labelOf('commentStatus', c.status),
      articleLabel: c.articleId ? articleLabel({ seq: c.articleSeq ?? 0, heading: c.articleHeading ?? '' }) : '总体意见',
    })),
  };
}

/** 王小明 → 王*: the surname is enough to recognise a commenter in the queue. */
const maskName = (name: string) => `${[...name][0] ?? ''}*`;

export const articleLabel = (a: { seq: number; heading: string }) => a.heading || `第${a.seq}条`;

export async function moderateComment(ctx: AppContext, actor: Actor, id: number, input: { decision: 'approve' | 'reject'; reason?: string }) {
  const comment = await repo.findComment(ctx.db, id);
  if (!comment) throw new AppError('SOLICITATION_COMMENT_NOT_FOUND');
  const draft = await repo.findDraft(ctx.db, comment.draftId);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!draft || !canReadSolicitation(actor, scope, draft.orgId)) throw new AppError('SOLICITATION_COMMENT_NOT_FOUND');
  if (!canManageSolicitation(actor, scope, draft.orgId)) throw new AppError('FORBIDDEN');
  if (input.decision === 'reject' && !input.reason?.trim()) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: '不予公开的，请填写理由。' }]);
  }
  const status: CommentStatus = input.decision === 'approve' ? 'approved' : 'rejected';
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findComment(trx, id);
    if (current?.status !== 'pending') throw new AppError('SOLICITATION_STATE');
    await repo.updateComment(trx, id, { status, rejectReason: status === 'rejected' ? input.reason!.trim() : null, moderatedBy: actor.userId, moderatedAt: ctx.now() });
    await recordAudit(trx, {
      actor, orgId: draft.orgId, action: 'solicitation.moderate', targetType: 'solicitationComment', targetId: id,
      summary: { decision: input.decision, ...(input.reason ? { reason: input.reason } : {}) },
    });
  });
  ctx.pages.invalidate();
  return { id, status, statusLabel: labelOf('commentStatus', status) };
}

// ---- feedback (意见采纳情况)

export interface FeedbackInput {
  feedbackSummary?: string;
  groups: { summary: string; articleId?: number | null; decision: AdoptionDecision; reason?: string; commentIds: number[] }[];
}

/** Saves the feedback once the period has run: opinions grouped, each group adopted / partly / not adopted with the reason. */
export async function saveFeedback(ctx: AppContext, actor: Actor, id: number, input: FeedbackInput) {
  const draft = await managedDraft(ctx, ctx.db, actor, id);
  const today = todayInChina(ctx.now());
  const status = effectiveStatus(draft, today);
  if (status === 'open') throw new AppError('SOLICITATION_NOT_ENDED');
  if (status !== 'closed') throw new AppError('SOLICITATION_STATE');
  const details: { path: string; message: string }[] = [];
  const articleIds = new Set((await repo.listArticles(ctx.db, id)).map((a) => a.id));
  const commentIds = new Set(await repo.commentIdsOf(ctx.db, id));
  const seen = new Set<number>();
  input.groups.forEach((g, i) => {
    if (g.decision !== 'adopted' && !g.reason?.trim()) details.push({ path: `groups.${i}.reason`, message: `第${i + 1}组意见${labelOf('adoptionDecision', g.decision)}，请说明理由。` });
    if (g.articleId != null && !articleIds.has(g.articleId)) details.push({ path: `groups.${i}.articleId`, message: `第${i + 1}组所选条文不属于该草案。` });
    for (const c of g.commentIds) {
      if (!commentIds.has(c)) details.push({ path: `groups.${i}.commentIds`, message: `第${i + 1}组包含不属于该草案的意见。` });
      else if (seen.has(c)) details.push({ path: `groups.${i}.commentIds`, message: `第${i + 1}组的意见已归入其他组，每条意见只能归入一组。` });
      seen.add(c);
    }
  });
  if (details.length) throw new AppError('VALIDATION_FAILED', details);
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await repo.findDraft(trx, id))!;
    if (effectiveStatus(current, today) !== 'closed') throw new AppError('SOLICITATION_STATE');
    await repo.updateDraft(trx, id, { status: 'closed', feedbackSummary: (input.feedbackSummary ?? '').trim() });
    await repo.replaceGroups(trx, id, input.groups.map((g) => ({ summary: g.summary.trim(), articleId: g.articleId ?? null, decision: g.decision, reason: (g.reason ?? '').trim(), commentIds: g.commentIds })));
    await recordAudit(trx, {
      actor, orgId: draft.orgId, action: 'solicitation.saveFeedback', targetType: 'solicitation', targetId: id,
      summary: { groupCount: input.groups.length, commentCount: seen.size },
    });
  });
  return getDraft(ctx, actor, id);
}

/** 公布意见采纳情况: the feedback goes on the draft's page and into site search; optionally linked to the final document. */
export async function publishFeedback(ctx: AppContext, actor: Actor, id: number, input: { finalItemId?: number | null }) {
  const draft = await managedDraft(ctx, ctx.db, actor, id);
  if (effectiveStatus(draft, todayInChina(ctx.now())) === 'open') throw new AppError('SOLICITATION_NOT_ENDED');
  if (input.finalItemId) {
    // The final document is linked once it is public in the catalog (the draft page links to it).
    const item = await publishedItemLink(ctx, input.finalItemId);
    const scope = await visibleOrgIds(ctx.db, actor);
    if (!item || !inScope(scope, item.orgId)) throw new AppError('VALIDATION_FAILED', [{ path: 'finalItemId', message: '所选正式文件不存在或尚未主动公开。' }]);
  }
  return step(ctx, actor, id, ['closed'], 'solicitation.publishFeedback', async (trx, current) => {
    const groups = await repo.listGroups(trx, id);
    if (!groups.length && !current.feedbackSummary) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'groups', message: '请先整理意见采纳情况（至少一组意见或一段总体说明），再公布。' }]);
    }
    const publishedOn = todayInChina(ctx.now());
    await repo.updateDraft(trx, id, { status: 'feedbackPublished', feedbackPublishedOn: publishedOn, ...(input.finalItemId !== undefined ? { finalItemId: input.finalItemId } : {}) });
    await indexDocument(trx, await draftDocument(trx, { ...current, feedbackPublishedOn: publishedOn, status: 'feedbackPublished' }));
    return { groupCount: groups.length, finalItemId: input.finalItemId ?? null };
  });
}

// ---- reading

async function statisticsOf(db: Executor, draftId: number) {
  const rows = await repo.commentCounts(db, draftId);
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((n, r) => n + Number(r.n), 0);
  return {
    received: sum(() => true),
    approved: sum((r) => r.status === 'approved'),
    pending: sum((r) => r.status === 'pending'),
    rejected: sum((r) => r.status === 'rejected'),
    overall: sum((r) => r.articleId === null),
    adopted: sum((r) => r.decision === 'adopted'),
    partlyAdopted: sum((r) => r.decision === 'partlyAdopted'),
    notAdopted: sum((r) => r.decision === 'notAdopted'),
    byArticle: Object.fromEntries(rows.filter((r) => r.articleId !== null).reduce((m, r) => m.set(r.articleId!, (m.get(r.articleId!) ?? 0) + Number(r.n)), new Map<number, number>())),
  };
}

async function feedbackOf(db: Executor, draftId: number) {
  const [groups, members] = await Promise.all([repo.listGroups(db, draftId), repo.groupMembers(db, draftId)]);
  return groups.map((g) => ({ ...g, decisionLabel: labelOf('adoptionDecision', g.decision), commentIds: members.filter((m) => m.groupId === g.id).map((m) => m.id) }));
}

export async function getDraft(ctx: AppContext, actor: Actor, id: number) {
  const draft = await repo.findDraft(ctx.db, id);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!draft || !canReadSolicitation(actor, scope, draft.orgId)) throw new AppError('SOLICITATION_NOT_FOUND');
  const [articles, statistics, feedback] = await Promise.all([repo.listArticles(ctx.db, id), statisticsOf(ctx.db, id), feedbackOf(ctx.db, id)]);
  return { ...presentDraft(draft, todayInChina(ctx.now())), articles, statistics, feedback, canManage: canManageSolicitation(actor, scope, draft.orgId) };
}

export async function listDrafts(ctx: AppContext, actor: Actor, filters: repo.DraftFilters) {
  if (!canReadSolicitations(actor)) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  const today = todayInChina(ctx.now());
  const rows = await repo.listDrafts(ctx.db, scope, filters, 500);
  return { items: rows.map((r) => ({ ...presentDraft(r, today), commentCount: Number(r.commentCount ?? 0), pendingCount: Number(r.pendingCount ?? 0) })) };
}

/** The public list: drafts accepting comments now, or those whose period has ended. */
export async function listPublicDrafts(ctx: AppContext, open: boolean, page: number, pageSize = 20) {
  const today = todayInChina(ctx.now());
  const [rows, total] = await Promise.all([repo.listPublicDrafts(ctx.db, today, open, pageSize, (page - 1) * pageSize), repo.countPublicDrafts(ctx.db, today, open)]);
  return { items: rows.map((r) => presentDraft(r, today)), total, page, pageSize };
}

/** A draft's public page: its text, the approved comments (never the commenter), and the feedback once published. */
export async function getPublicDraft(ctx: AppContext, id: number) {
  const draft = await repo.findDraft(ctx.db, id);
  const today = todayInChina(ctx.now());
  if (!draft || !draft.opensOn || draft.opensOn > today || !['open', 'closed', 'feedbackPublished'].includes(draft.status)) throw new AppError('SOLICITATION_NOT_FOUND');
  const [articles, comments, statistics] = await Promise.all([repo.listArticles(ctx.db, id), repo.listApprovedComments(ctx.db, id), statisticsOf(ctx.db, id)]);
  const feedback = draft.status === 'feedbackPublished' ? await feedbackOf(ctx.db, id) : null;
  const finalDocument = draft.finalItemId ? await publishedItemLink(ctx, draft.finalItemId) : null;
  const { pending: _p, rejected: _r, ...publicStatistics } = statistics;
  return { ...presentDraft(draft, today), finalDocument: finalDocument && { url: finalDocument.url, title: finalDocument.title }, articles, comments, statistics: publicStatistics, feedback: feedback?.map(({ commentIds, ...g }) => ({ ...g, commentCount: commentIds.length })) ?? null };
}

/**
 * "本文件征求意见情况" on a catalog item's page: the 意见征集 draft whose published feedback names the item as
 * its final document, so the two pages link both ways. Null when none does.
 */
export async function solicitationOfFinalItem(ctx: AppContext, itemId: number): Promise<{ url: string; title: string; feedbackPublishedOn: string | null; comments: number } | null> {
  const draft = await repo.findDraftByFinalItem(ctx.db, itemId);
  if (!draft) return null;
  const statistics = await statisticsOf(ctx.db, draft.id);
  return { url: draftUrl(draft.id), title: draft.title, feedbackPublishedOn: draft.feedbackPublishedOn, comments: statistics.received };
}

// ---- site search

async function draftDocument(db: Executor, d: repo.DraftRow): Promise<SearchDocument> {
  const articles = await repo.listArticles(db, d.id);
  const extraText = articles.map((a) => `${a.heading} ${a.text}`);
  if (d.status === 'feedbackPublished') {
    extraText.push(d.feedbackSummary, ...(await repo.listGroups(db, d.id)).map((g) => `${g.summary} ${g.reason}`));
  }
  return {
    kind: 'solicitation', ref: String(d.id), url: draftUrl(d.id), title: d.title, body: d.explanation || articles.map((a) => a.text).join(' '),
    extraText, keywords: [labelOf('draftKind', d.kind), '意见征集'], orgId: d.orgId, orgName: d.orgName, publishedOn: d.opensOn,
  };
}

searchSources.push({
  kinds: ['solicitation'],
  count: (db) => repo.countIndexableDrafts(db),
  async batch(db, after, limit) {
    const rows = await repo.listIndexableDrafts(db, after ? Number(after) : 0, limit);
    const docs = await Promise.all(rows.map((r) => draftDocument(db, r)));
    return { docs, next: rows.length ? String(rows[rows.length - 1].id) : null, processed: rows.length };
  },
});

/**
 * 意见征集 of a body (and, rolled up, the bodies below it) for drafts opened in [from, to]: drafts by kind,
 * comments received and how they were adopted. Public: the annual report and the assessment quote these figures.
 */
export async function solicitationStatistics(ctx: AppContext, orgCode: string, range: { from: IsoDate; to: IsoDate; rollup?: boolean }) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  if (range.to < range.from) throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '截止日期不能早于起始日期，请重新选择。' }]);
  const orgIds = range.rollup ? await subtreeIds(ctx.db, org.id) : [org.id];
  const [drafts, comments] = await Promise.all([
    repo.draftCountsInPeriod(ctx.db, orgIds, range.from, range.to), repo.commentCountsInPeriod(ctx.db, orgIds, range.from, range.to),
  ]);
  const byKind = Object.fromEntries(DRAFT_KINDS.map((k) => [k, drafts.filter((d) => d.kind === k).reduce((n, d) => n + Number(d.n), 0)]));
  const commentsWith = (decision: AdoptionDecision | null) => comments.filter((c) => c.decision === decision).reduce((n, c) => n + Number(c.n), 0);
  return {
    drafts: drafts.reduce((n, d) => n + Number(d.n), 0), byKind,
    feedbackPublished: drafts.filter((d) => d.status === 'feedbackPublished').reduce((n, d) => n + Number(d.n), 0),
    comments: comments.reduce((n, c) => n + Number(c.n), 0),
    adopted: commentsWith('adopted'), partlyAdopted: commentsWith('partlyAdopted'), notAdopted: commentsWith('notAdopted'),
  };
}

/**
 * 意见征集 per body and year, for the annual report's narrative and the public (the /hdjl/yjzj footer):
 * drafts opened in the year, comments received on them, comments adopted or partly adopted (from
 * published feedback only), and the adopted rate = (采纳 + 部分采纳) ÷ 收到意见 × 100, two decimals,
 * rounded half up ("0.00" without comments). Years from `years - 1` years before this one; newest first,
 * bodies in the order of their names.
 */
export async function solicitationYearlyFigures(ctx: AppContext, years = 5) {
  const today = todayInChina(ctx.now());
  const fromYear = Number(today.slice(0, 4)) - years + 1;
  const [drafts, comments] = await Promise.all([repo.draftsPerOrgYear(ctx.db, fromYear, today), repo.commentsPerOrgYear(ctx.db, fromYear, today)]);
  return drafts.map((d) => {
    const mine = comments.filter((c) => c.orgId === d.orgId && Number(c.year) === Number(d.year));
    const count = (decision?: AdoptionDecision) => mine.filter((c) => decision === undefined || c.decision === decision).reduce((n, c) => n + Number(c.n), 0);
    const received = count();
    const adopted = count('adopted');
    const partlyAdopted = count('partlyAdopted');
    return {
      year: Number(d.year), orgCode: d.orgCode, orgName: d.orgName, drafts: Number(d.n), comments: received, adopted, partlyAdopted,
      notAdopted: count('notAdopted'), adoptedRate: percentString(adopted + partlyAdopted, received),
    };
  }).sort((a, b) => b.year - a.year || a.orgName.localeCompare(b.orgName, 'zh-Hans-CN') || a.orgCode.localeCompare(b.orgCode));
}

/**
 * The 公开办's dashboard: drafts whose comment period ends within 3 working days (so the office can remind
 * the drafting body or extend the notice), and drafts whose period has ended while their feedback
 * (意见采纳情况) is not yet published.
 */
export async function solicitationReminders(ctx: AppContext, actor: Actor) {
  if (!canReadSolicitations(actor)) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  const today = todayInChina(ctx.now());
  const calendar = await ctx.calendar();
  const rows = await repo.draftsEndingBy(ctx.db, scope, calendar.addWorkingDays(today, 3).date);
  const drafts = rows.map((r) => ({ ...presentDraft(r, today), commentCount: Number(r.commentCount ?? 0) }));
  return {
    endingSoon: drafts.filter((d) => d.status === 'open').map((d) => ({ ...d, workingDaysLeft: calendar.workingDaysBetween(today, d.endsOn!) })),
    awaitingFeedback: drafts.filter((d) => d.status === 'closed').map((d) => ({ ...d, workingDaysSinceEnd: calendar.workingDaysBetween(d.endsOn!, today) })),
  };
}
