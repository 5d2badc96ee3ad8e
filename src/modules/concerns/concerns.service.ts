/**
 * 回应关切: the register of public concerns and emergency events, and the responses to them. For 重大 and
 * 特别重大 events the clock runs in hours (5 h to authoritative information, 24 h to a press conference,
 * 国办发〔2016〕61号); every concern is shown with its deadlines and overdue marks.
 */
import type { AppContext } from '../../context.js';
import { concernDeadlines, hasHourlyClock, type ConcernLevel, type ResponseKind } from '../../domain/concern-deadlines.js';
import { labelOf } from '../../domain/labels.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { publishedItemLink } from '../publishing/catalog.service.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import { indexDocument, removeDocument, searchSources, type SearchDocument } from '../search/search-index.js';
import type { Executor } from '../audit/audit.repository.js';
import { canManageConcern, canReadConcern, canReadConcerns } from './concerns.policy.js';
import * as repo from './concerns.repository.js';
import { pressConferenceTimes } from './press-records.repository.js';

export interface ConcernInput {
  orgCode: string;
  title: string;
  summary?: string;
  source?: string;
  level: ConcernLevel;
  startedAt: string;
  spokesperson?: string;
  published?: boolean;
}

export interface ResponseInput {
  kind: ResponseKind;
  respondedAt: string;
  title: string;
  url?: string | null;
  itemId?: number | null;
  note?: string;
}

export const concernUrl = (id: number) => `/hdjl/hygq#c${id}`;

type Response = Awaited<ReturnType<typeof repo.responsesOf>>[number];
type Conference = Awaited<ReturnType<typeof pressConferenceTimes>>[number];

/** The responses of these concerns, and the press conferences on record (which meet the 24-hour clock too). */
async function responsesAndConferences(db: Executor, ids: number[]) {
  const [responses, conferences] = await Promise.all([repo.responsesOf(db, ids), pressConferenceTimes(db, ids)]);
  return { responses, conferences };
}

function present(c: repo.ConcernRow, { responses, conferences }: { responses: Response[]; conferences: Conference[] }, now: Date) {
  const mine = responses.filter((r) => r.concernId === c.id);
  const events = [
    ...mine.map((r) => ({ kind: r.kind as ResponseKind, respondedAt: new Date(r.respondedAt) })),
    ...conferences.filter((p) => p.concernId === c.id).map((p) => ({ kind: 'pressConference' as ResponseKind, respondedAt: new Date(p.heldAt) })),
  ];
  const deadlines = concernDeadlines(c.level as ConcernLevel, new Date(c.startedAt), events, now);
  return {
    id: c.id, orgCode: c.orgCode, orgName: c.orgName, title: c.title, summary: c.summary, source: c.source, level: c.level,
    levelLabel: labelOf('concernLevel', c.level), startedAt: c.startedAt, spokesperson: c.spokesperson, published: c.published,
    hourlyClock: hasHourlyClock(c.level as ConcernLevel),
    deadlines: deadlines.map((d) => ({ ...d, label: labelOf('concernDeadline', d.kind), stateLabel: labelOf('concernDeadlineState', d.state) })),
    overdue: deadlines.some((d) => d.state === 'overdue'),
    responses: mine.map(({ concernId: _c, ...r }) => ({ ...r, kindLabel: labelOf('responseKind', r.kind) })),
    updatedAt: c.updatedAt,
  };
}

async function reachable(ctx: AppContext, actor: Actor, id: number) {
  const concern = await repo.findConcern(ctx.db, id);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!concern || !canReadConcern(actor, scope, concern.orgId)) throw new AppError('CONCERN_NOT_FOUND');
  return { concern, scope };
}

function checkTime(at: string, path: string, now: Date) {
  const t = new Date(at);
  if (Number.isNaN(t.getTime())) throw new AppError('VALIDATION_FAILED', [{ path, message: '时间格式不正确。' }]);
  // A few minutes of clock skew between the clerk's computer and the server are tolerated.
  if (t.getTime() > now.getTime() + 10 * 60_000) throw new AppError('VALIDATION_FAILED', [{ path, message: '时间不能晚于现在。' }]);
  return t;
}

export async function createConcern(ctx: AppContext, actor: Actor, input: ConcernInput) {
  const org = await findOrgByCode(ctx.db, input.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '机关不存在。' }]);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canManageConcern(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  const startedAt = checkTime(input.startedAt, 'startedAt', ctx.now());
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertConcern(trx, {
      orgId: org.id, title: input.title.trim(), summary: (input.summary ?? '').trim(), source: (input.source ?? '').trim(), level: input.level,
      startedAt, spokesperson: (input.spokesperson ?? '').trim(), published: input.published ?? false, createdBy: actor.userId,
    });
    await recordAudit(trx, { actor, orgId: org.id, action: 'concern.create', targetType: 'concern', targetId: id, summary: { title: input.title, level: input.level, startedAt: startedAt.toISOString() } });
    await syncIndex(trx, id);
    return id;
  });
  ctx.pages.invalidate();
  return getConcern(ctx, actor, id);
}

export async function updateConcern(ctx: AppContext, actor: Actor, id: number, patch: Partial<Omit<ConcernInput, 'orgCode'>>) {
  const { concern, scope } = await reachable(ctx, actor, id);
  if (!canManageConcern(actor, scope, concern.orgId)) throw new AppError('FORBIDDEN');
  const startedAt = patch.startedAt ? checkTime(patch.startedAt, 'startedAt', ctx.now()) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateConcern(trx, id, {
      ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
      ...(patch.summary !== undefined ? { summary: patch.summary.trim() } : {}),
      ...(patch.source !== undefined ? { source: patch.source.trim() } : {}),
      ...(patch.level !== undefined ? { level: patch.level } : {}),
      ...(startedAt ? { startedAt } : {}),
      ...(patch.spokesperson !== undefined ? { spokesperson: patch.spokesperson.trim() } : {}),
      ...(patch.published !== undefined ? { published: patch.published } : {}),
    });
    await recordAudit(trx, {
      actor, orgId: concern.orgId, action: 'concern.update', targetType: 'concern', targetId: id,
      summary: { fields: Object.keys(patch), ...(patch.published !== undefined ? { published: patch.published } : {}), ...(patch.level ? { level: patch.level } : {}) },
    });
    await syncIndex(trx, id);
  });
  ctx.pages.invalidate();
  return getConcern(ctx, actor, id);
}

/** Registers a response (a 权威信息发布, 新闻发布会 …) with its time; a catalog item it links to must be published. */
export async function addResponse(ctx: AppContext, actor: Actor, id: number, input: ResponseInput) {
  const { concern, scope } = await reachable(ctx, actor, id);
  if (!canManageConcern(actor, scope, concern.orgId)) throw new AppError('FORBIDDEN');
  const respondedAt = checkTime(input.respondedAt, 'respondedAt', ctx.now());
  if (respondedAt.getTime() < new Date(concern.startedAt).getTime()) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'respondedAt', message: '回应时间不能早于事件发生时间。' }]);
  }
  let url = input.url?.trim() || null;
  if (input.itemId) {
    url = (await publishedItemLink(ctx, input.itemId))?.url ?? null;
    if (!url) throw new AppError('VALIDATION_FAILED', [{ path: 'itemId', message: '所选信息不存在或尚未主动公开。' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const responseId = await repo.insertResponse(trx, {
      concernId: id, kind: input.kind, respondedAt, title: input.title.trim(), url, itemId: input.itemId ?? null, note: (input.note ?? '').trim(), createdBy: actor.userId,
    });
    await recordAudit(trx, {
      actor, orgId: concern.orgId, action: 'concern.respond', targetType: 'concern', targetId: id,
      summary: { responseId, kind: input.kind, respondedAt: respondedAt.toISOString(), title: input.title },
    });
    await syncIndex(trx, id);
  });
  ctx.pages.invalidate();
  return getConcern(ctx, actor, id);
}

export async function getConcern(ctx: AppContext, actor: Actor, id: number) {
  const { concern, scope } = await reachable(ctx, actor, id);
  return { ...present(concern, await responsesAndConferences(ctx.db, [id]), ctx.now()), canManage: canManageConcern(actor, scope, concern.orgId) };
}

export async function listConcerns(ctx: AppContext, actor: Actor) {
  if (!canReadConcerns(actor)) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  const rows = await repo.listConcerns(ctx.db, scope, { limit: 500 });
  const responses = await responsesAndConferences(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => present(r, responses, ctx.now())) };
}

/** How far back the dashboard looks for hour clocks still running or overdue. */
export const REMINDER_WINDOW_DAYS = 30;

/**
 * The 公开办's dashboard: 重大 and 特别重大 concerns of the last 30 days whose 5-hour or 24-hour clock is
 * still running or has passed without the response, with only those deadlines.
 */
export async function concernReminders(ctx: AppContext, actor: Actor) {
  if (!canReadConcerns(actor)) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  const now = ctx.now();
  const rows = await repo.listHourlyConcernsSince(ctx.db, scope, new Date(now.getTime() - REMINDER_WINDOW_DAYS * 86_400_000));
  const responses = await responsesAndConferences(ctx.db, rows.map((r) => r.id));
  const items = rows.map((r) => present(r, responses, now))
    .map((c) => ({ id: c.id, title: c.title, orgName: c.orgName, levelLabel: c.levelLabel, startedAt: c.startedAt, deadlines: c.deadlines.filter((d) => d.state === 'running' || d.state === 'overdue') }))
    .filter((c) => c.deadlines.length > 0);
  return { overdue: items.filter((c) => c.deadlines.some((d) => d.state === 'overdue')), running: items.filter((c) => c.deadlines.every((d) => d.state === 'running')) };
}

/** The public page: published concerns with their responses, newest first. */
export async function listPublicConcerns(ctx: AppContext, page: number, pageSize = 20) {
  const [rows, total] = await Promise.all([repo.listConcerns(ctx.db, null, { publishedOnly: true, limit: pageSize, offset: (page - 1) * pageSize }), repo.countPublished(ctx.db)]);
  const responses = await responsesAndConferences(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => present(r, responses, ctx.now())), total, page, pageSize };
}

// ---- site search: a published concern with its responses

async function concernDocument(db: Executor, c: repo.ConcernRow): Promise<SearchDocument> {
  const responses = await repo.responsesOf(db, [c.id]);
  return {
    kind: 'concern', ref: String(c.id), url: concernUrl(c.id), title: c.title, body: c.summary,
    extraText: responses.map((r) => `${labelOf('responseKind', r.kind)} ${r.title} ${r.note}`), keywords: ['回应关切'],
    orgId: c.orgId, orgName: c.orgName, publishedOn: new Date(new Date(c.startedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10),
  };
}

async function syncIndex(db: Executor, id: number) {
  const c = await repo.findConcern(db, id);
  if (c?.published) await indexDocument(db, await concernDocument(db, c));
  else await removeDocument(db, 'concern', String(id));
}

searchSources.push({
  kinds: ['concern'],
  count: (db) => repo.countPublished(db),
  async batch(db, after, limit) {
    const rows = await repo.listPublishedAfter(db, Number(after ?? 0), limit);
    return { docs: await Promise.all(rows.map((r) => concernDocument(db, r))), next: rows.length ? String(rows[rows.length - 1].id) : null, processed: rows.length };
  },
});
