/**
 * 便民问答 (FAQ): staff turn a good published answer into an entry — or write one — and edit and publish it on
 * its own (draft → published → withdrawn, each step audited). Published entries are in the site search (kind `faq`).
 */
import type { AppContext } from '../../context.js';
import type { FaqStatus } from '../../db/tables/faq.js';
import { todayInChina } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import { scanText } from '../../domain/privacy-scan.js';
import { type Actor, hasRole } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Executor } from '../audit/audit.repository.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds, type OrgScope } from '../orgs/orgs.policy.js';
import { indexDocument, removeDocument, searchSources, type SearchDocument } from '../search/search-index.js';
import { searchSite } from '../search/search.service.js';
import { sensitiveWords } from '../settings/settings.service.js';
import * as repo from './faq.repository.js';
import * as messagesRepo from './messages.repository.js';

export interface FaqInput { question: string; answer: string; category: string }

/** The body's 公开办 (or the administrator) manages its entries; supervisors read them. */
function canManage(actor: Actor, scope: OrgScope, orgId: number) {
  return hasRole(actor, 'disclosureOffice', 'admin') && inScope(scope, orgId);
}
function canRead(actor: Actor, scope: OrgScope, orgId: number) {
  return hasRole(actor, 'supervisor') || canManage(actor, scope, orgId);
}

export function faqUrl(id: number) {
  return `/hdjl/faq/${id}`;
}

function faqDocument(f: repo.FaqRow): SearchDocument {
  return { kind: 'faq', ref: String(f.id), url: faqUrl(f.id), title: f.question, body: f.answer, orgId: f.orgId, orgName: f.orgName, publishedOn: f.publishedOn, category: f.category || null };
}

searchSources.push({
  kinds: ['faq'],
  count: async (db) => Number((await db.selectFrom('faqEntries').where('status', '=', 'published').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  async batch(db, after, limit) {
    const ids = await db.selectFrom('faqEntries').select('id').where('status', '=', 'published').where('id', '>', after ? Number(after) : 0).orderBy('id').limit(limit).execute();
    const rows = (await Promise.all(ids.map((r) => repo.findFaq(db, r.id)))).filter((r): r is repo.FaqRow => !!r);
    return { docs: rows.map(faqDocument), next: ids.length ? String(ids[ids.length - 1].id) : null, processed: ids.length };
  },
});

function present(f: repo.FaqRow) {
  return { ...f, statusLabel: labelOf('faqStatus', f.status), url: faqUrl(f.id) };
}

function actionsFor(f: repo.FaqRow) {
  return f.status === 'published' ? ['withdraw'] : ['publish'];
}

async function loadForStaff(ctx: AppContext, actor: Actor, id: number, manage: boolean) {
  const f = await repo.findFaq(ctx.db, id);
  if (!f) throw new AppError('FAQ_NOT_FOUND');
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!(manage ? canManage(actor, scope, f.orgId) : canRead(actor, scope, f.orgId))) throw new AppError(manage && canRead(actor, scope, f.orgId) ? 'FORBIDDEN' : 'FAQ_NOT_FOUND');
  return f;
}

export async function faqForStaff(ctx: AppContext, actor: Actor, id: number) {
  const f = await loadForStaff(ctx, actor, id, false);
  const scope = await visibleOrgIds(ctx.db, actor);
  return { ...present(f), actions: canManage(actor, scope, f.orgId) ? actionsFor(f) : [] };
}

export async function listFaqForStaff(ctx: AppContext, actor: Actor, q: { status?: FaqStatus; page: number; pageSize: number }) {
  if (!hasRole(actor, 'disclosureOffice', 'admin', 'supervisor')) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  const { items, total } = await repo.listForStaff(ctx.db, scope, { status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { total, items: items.map(present) };
}

async function reindex(trx: Executor, id: number) {
  const f = (await repo.findFaq(trx, id))!;
  if (f.status === 'published') await indexDocument(trx, faqDocument(f));
  else await removeDocument(trx, 'faq', String(id));
}

/** A new entry written by staff, as a draft. */
export async function createFaq(ctx: AppContext, actor: Actor, input: FaqInput & { orgCode?: string }) {
  const org = input.orgCode ? await findOrgByCode(ctx.db, input.orgCode) : { id: actor.orgId };
  if (!org) throw new AppError('ORG_NOT_FOUND');
  if (!canManage(actor, await visibleOrgIds(ctx.db, actor), org.id)) throw new AppError('FORBIDDEN');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertFaq(trx, { orgId: org.id, question: input.question, answer: input.answer, category: input.category, createdBy: actor.userId });
    await recordAudit(trx, { actor, orgId: org.id, action: 'faq.create', targetType: 'faq', targetId: String(id), summary: { question: input.question } });
    return id;
  });
  return faqForStaff(ctx, actor, id);
}

/** 转为便民问答: a draft entry from a published message's question and answer, to be edited before it is published. */
export async function createFaqFromMessage(ctx: AppContext, actor: Actor, messageId: number, input: Partial<FaqInput>) {
  const m = await messagesRepo.findById(ctx.db, messageId);
  if (!m) throw new AppError('MESSAGE_NOT_FOUND');
  if (!canManage(actor, await visibleOrgIds(ctx.db, actor), m.orgId)) throw new AppError('FORBIDDEN');
  if (!m.published || !m.replyText) throw new AppError('FAQ_SOURCE_NOT_PUBLISHED');
  const question = (input.question ?? m.subject).slice(0, 200);
  const answer = (input.answer ?? m.replyText).slice(0, 5000);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertFaq(trx, { orgId: m.orgId, sourceMessageId: m.id, question, answer, category: input.category ?? '', createdBy: actor.userId });
    await recordAudit(trx, { actor, orgId: m.orgId, action: 'faq.fromMessage', targetType: 'faq', targetId: String(id), summary: { question, fromMessage: m.trackingNo } });
    return id;
  });
  return faqForStaff(ctx, actor, id);
}

export async function updateFaq(ctx: AppContext, actor: Actor, id: number, input: FaqInput) {
  const f = await loadForStaff(ctx, actor, id, true);
  if (f.status === 'published') await checkPrivacy(ctx, input);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockFaq(trx, id);
    await repo.updateFaq(trx, id, { question: input.question, answer: input.answer, category: input.category });
    await recordAudit(trx, { actor, orgId: f.orgId, action: 'faq.update', targetType: 'faq', targetId: String(id), summary: { before: { question: f.question, category: f.category }, after: { question: input.question, category: input.category } } });
    await reindex(trx, id);
  });
  if (f.status === 'published') ctx.pages.invalidate();
  return faqForStaff(ctx, actor, id);
}

/** Nothing personal or sensitive on the public page: the same scan as before a message is published. */
async function checkPrivacy(ctx: AppContext, f: { question: string; answer: string }) {
  const words = await sensitiveWords(ctx);
  const findings = [
    ...scanText(f.question, { sensitiveWords: words }).map((x) => ({ ...x, field: 'question' })),
    ...scanText(f.answer, { sensitiveWords: words }).map((x) => ({ ...x, field: 'answer' })),
  ];
  if (findings.length) {
    throw new AppError('FAQ_PRIVACY_FINDINGS', findings.map((x) => ({ path: x.field, message: `${x.field === 'answer' ? '解答' : '问题'}中含有${labelOf('findingType', x.type)}（${x.masked}），请修改后再发布。` })));
  }
}

export async function changeFaqStatus(ctx: AppContext, actor: Actor, id: number, action: 'publish' | 'withdraw') {
  const f = await loadForStaff(ctx, actor, id, true);
  if (!actionsFor(f).includes(action)) throw new AppError('FAQ_ACTION_NOT_ALLOWED');
  if (action === 'publish') await checkPrivacy(ctx, f);
  const status: FaqStatus = action === 'publish' ? 'published' : 'withdrawn';
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockFaq(trx, id);
    await repo.updateFaq(trx, id, { status, ...(action === 'publish' ? { publishedOn: todayInChina(ctx.now()) } : {}) });
    await recordAudit(trx, { actor, orgId: f.orgId, action: `faq.${action}`, targetType: 'faq', targetId: String(id), summary: { question: f.question, status } });
    await reindex(trx, id);
  });
  ctx.pages.invalidate();
  return faqForStaff(ctx, actor, id);
}

/** For the message detail in the console: the entries made from it. */
export async function faqEntriesOfMessage(ctx: AppContext, messageId: number) {
  return (await repo.fromMessage(ctx.db, messageId)).map((f) => ({ ...f, statusLabel: labelOf('faqStatus', f.status) }));
}

// ---------------------------------------------------------------- public

export async function publishedFaq(ctx: AppContext, id: number) {
  const f = await repo.findFaq(ctx.db, id);
  if (!f || f.status !== 'published') throw new AppError('FAQ_NOT_FOUND');
  return present(f);
}

/** The public list: newest first, by category; with words, the site search restricted to 便民问答. */
export async function publicFaqList(ctx: AppContext, q: { q?: string; category?: string; page: number; pageSize: number }) {
  const categories = (await repo.publishedCategories(ctx.db)).map((c) => ({ category: c.category, count: Number(c.n) }));
  const words = q.q?.trim();
  if (words) {
    const found = await searchSite(ctx, { q: words, kind: 'faq', category: q.category, page: q.page, limit: q.pageSize });
    if ('exact' in found && found.exact) return { categories, total: 1, pages: 1, items: [{ url: found.exact.url, question: found.exact.title, excerpt: '' }] };
    const results = 'results' in found ? found.results ?? [] : [];
    return { categories, total: 'total' in found ? Number(found.total) : 0, pages: 'pages' in found ? Number(found.pages) : 0, items: results.map((r) => ({ url: r.url, question: r.title, excerpt: r.snippet })) };
  }
  const { items, total } = await repo.listPublished(ctx.db, { category: q.category, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { categories, total, pages: Math.ceil(total / q.pageSize), items: items.map((f) => ({ url: faqUrl(f.id), question: f.question, excerpt: f.answer.slice(0, 120), category: f.category, orgName: f.orgName, publishedOn: f.publishedOn })) };
}
