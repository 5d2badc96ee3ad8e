import { sql, type Insertable, type Updateable } from 'kysely';
import type {
  CommentStatus, SolicitationCommentsTable, SolicitationDraftsTable, SolicitationFeedbackGroupsTable,
} from '../../db/tables/solicitations.js';
import type { Executor } from '../audit/audit.repository.js';
import type { OrgScope } from '../orgs/orgs.policy.js';

const draftColumns = [
  'd.id', 'd.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'd.kind', 'd.title', 'd.explanation', 'd.periodLength', 'd.shortenedReason',
  'd.moderated', 'd.status', 'd.opensOn', 'd.endsOn', 'd.periodCertain', 'd.feedbackSummary', 'd.feedbackPublishedOn', 'd.finalItemId',
  'd.createdAt', 'd.updatedAt',
] as const;

export type DraftRow = Awaited<ReturnType<typeof findDraft>> & object;

export async function findDraft(db: Executor, id: number) {
  return db.selectFrom('solicitationDrafts as d').innerJoin('orgs', 'orgs.id', 'd.orgId').select(draftColumns).where('d.id', '=', id).executeTakeFirst();
}

export async function insertDraft(db: Executor, row: Insertable<SolicitationDraftsTable>) {
  return (await db.insertInto('solicitationDrafts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateDraft(db: Executor, id: number, fields: Updateable<SolicitationDraftsTable>) {
  await db.updateTable('solicitationDrafts').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function replaceArticles(db: Executor, draftId: number, articles: { heading: string; text: string }[]) {
  await db.deleteFrom('solicitationArticles').where('draftId', '=', draftId).execute();
  if (articles.length) {
    await db.insertInto('solicitationArticles').values(articles.map((a, i) => ({ draftId, seq: i + 1, heading: a.heading, text: a.text }))).execute();
  }
}

export async function listArticles(db: Executor, draftId: number) {
  return db.selectFrom('solicitationArticles').select(['id', 'seq', 'heading', 'text']).where('draftId', '=', draftId).orderBy('seq').execute();
}

export interface DraftFilters {
  status?: string;
  q?: string;
}

export async function listDrafts(db: Executor, scope: OrgScope, filters: DraftFilters, limit: number) {
  let q = db.selectFrom('solicitationDrafts as d').innerJoin('orgs', 'orgs.id', 'd.orgId').select(draftColumns)
    .select((eb) => [
      eb.selectFrom('solicitationComments as c').whereRef('c.draftId', '=', 'd.id').select(eb.fn.countAll<number>().as('n')).as('commentCount'),
      eb.selectFrom('solicitationComments as c').whereRef('c.draftId', '=', 'd.id').where('c.status', '=', 'pending').select(eb.fn.countAll<number>().as('n')).as('pendingCount'),
    ]);
  if (scope !== 'all') q = q.where('d.orgId', 'in', scope.length ? scope : [-1]);
  if (filters.status) q = q.where('d.status', '=', filters.status as never);
  if (filters.q) q = q.where('d.title', 'ilike', `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q.orderBy('d.updatedAt', 'desc').orderBy('d.id', 'desc').limit(limit).execute();
}

/** Drafts the public sees: opened, newest first. `open` true: still accepting comments on `today`. */
export async function listPublicDrafts(db: Executor, today: string, open: boolean, limit: number, offset: number) {
  let q = db.selectFrom('solicitationDrafts as d').innerJoin('orgs', 'orgs.id', 'd.orgId').select(draftColumns)
    .where('d.status', 'in', ['open', 'closed', 'feedbackPublished']).where('d.opensOn', '<=', today);
  q = open
    ? q.where('d.status', '=', 'open').where('d.endsOn', '>=', today)
    : q.where((eb) => eb.or([eb('d.status', '!=', 'open'), eb('d.endsOn', '<', today)]));
  return q.orderBy('d.opensOn', 'desc').orderBy('d.id', 'desc').limit(limit).offset(offset).execute();
}

export async function countPublicDrafts(db: Executor, today: string, open: boolean) {
  let q = db.selectFrom('solicitationDrafts as d').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('d.status', 'in', ['open', 'closed', 'feedbackPublished']).where('d.opensOn', '<=', today);
  q = open
    ? q.where('d.status', '=', 'open').where('d.endsOn', '>=', today)
    : q.where((eb) => eb.or([eb('d.status', '!=', 'open'), eb('d.endsOn', '<', today)]));
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Opened drafts whose last day is before `today`: the job closes them. */
export async function listEndedOpenDrafts(db: Executor, today: string) {
  return db.selectFrom('solicitationDrafts').select(['id', 'orgId', 'endsOn']).where('status', '=', 'open').where('endsOn', '<', today).execute();
}

export async function insertComment(db: Executor, row: Insertable<SolicitationCommentsTable>) {
  return (await db.insertInto('solicitationComments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findComment(db: Executor, id: number) {
  return db.selectFrom('solicitationComments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateComment(db: Executor, id: number, fields: Updateable<SolicitationCommentsTable>) {
  await db.updateTable('solicitationComments').set(fields).where('id', '=', id).execute();
}

export interface CommentFilters {
  draftId?: number;
  status?: CommentStatus;
}

/** Comments for staff (moderation queue, feedback editor), oldest first. */
export async function listComments(db: Executor, scope: OrgScope, filters: CommentFilters, limit: number) {
  let q = db.selectFrom('solicitationComments as c').innerJoin('solicitationDrafts as d', 'd.id', 'c.draftId')
    .leftJoin('solicitationArticles as a', 'a.id', 'c.articleId')
    .select(['c.id', 'c.draftId', 'd.title as draftTitle', 'd.orgId', 'c.articleId', 'a.seq as articleSeq', 'a.heading as articleHeading', 'c.channel', 'c.body',
      'c.nameEnc', 'c.receivedOn', 'c.status', 'c.rejectReason', 'c.groupId', 'c.createdAt']);
  if (scope !== 'all') q = q.where('d.orgId', 'in', scope.length ? scope : [-1]);
  if (filters.draftId) q = q.where('c.draftId', '=', filters.draftId);
  if (filters.status) q = q.where('c.status', '=', filters.status);
  return q.orderBy('c.createdAt').orderBy('c.id').limit(limit).execute();
}

/** Comments the public sees on a draft's page: approved ones, never the commenter. */
export async function listApprovedComments(db: Executor, draftId: number) {
  return db.selectFrom('solicitationComments').select(['id', 'articleId', 'body', 'receivedOn'])
    .where('draftId', '=', draftId).where('status', '=', 'approved').orderBy('receivedOn').orderBy('id').execute();
}

export async function commentCounts(db: Executor, draftId: number) {
  return db.selectFrom('solicitationComments as c').leftJoin('solicitationFeedbackGroups as g', 'g.id', 'c.groupId')
    .select(['c.status', 'c.articleId', 'g.decision', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.draftId', '=', draftId).groupBy(['c.status', 'c.articleId', 'g.decision']).execute();
}

export async function listGroups(db: Executor, draftId: number) {
  return db.selectFrom('solicitationFeedbackGroups').select(['id', 'seq', 'articleId', 'summary', 'decision', 'reason'])
    .where('draftId', '=', draftId).orderBy('seq').execute();
}

export async function groupMembers(db: Executor, draftId: number) {
  return db.selectFrom('solicitationComments').select(['id', 'groupId']).where('draftId', '=', draftId).where('groupId', 'is not', null).execute();
}

export async function replaceGroups(db: Executor, draftId: number, groups: (Omit<Insertable<SolicitationFeedbackGroupsTable>, 'draftId' | 'seq'> & { commentIds: number[] })[]) {
  await db.updateTable('solicitationComments').set({ groupId: null }).where('draftId', '=', draftId).execute();
  await db.deleteFrom('solicitationFeedbackGroups').where('draftId', '=', draftId).execute();
  for (const [i, g] of groups.entries()) {
    const { commentIds, ...fields } = g;
    const id = (await db.insertInto('solicitationFeedbackGroups').values({ ...fields, draftId, seq: i + 1 }).returning('id').executeTakeFirstOrThrow()).id;
    if (commentIds.length) await db.updateTable('solicitationComments').set({ groupId: id }).where('draftId', '=', draftId).where('id', 'in', commentIds).execute();
  }
}

export async function commentIdsOf(db: Executor, draftId: number) {
  return (await db.selectFrom('solicitationComments').select('id').where('draftId', '=', draftId).execute()).map((r) => r.id);
}

/** Drafts in the public index (search reindex): opened ones, by id. */
export async function listIndexableDrafts(db: Executor, afterId: number, limit: number) {
  return db.selectFrom('solicitationDrafts as d').innerJoin('orgs', 'orgs.id', 'd.orgId').select(draftColumns)
    .where('d.status', 'in', ['open', 'closed', 'feedbackPublished']).where('d.id', '>', afterId).orderBy('d.id').limit(limit).execute();
}

export async function countIndexableDrafts(db: Executor) {
  return Number((await db.selectFrom('solicitationDrafts').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['open', 'closed', 'feedbackPublished']).executeTakeFirstOrThrow()).n);
}

/** Drafts opened in [from, to] by the bodies, by kind and whether the feedback is published. */
export async function draftCountsInPeriod(db: Executor, orgIds: number[], from: string, to: string) {
  return db.selectFrom('solicitationDrafts').select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('orgId', 'in', orgIds.length ? orgIds : [-1]).where('opensOn', '>=', from).where('opensOn', '<=', to)
    .where('status', 'in', ['open', 'closed', 'feedbackPublished']).groupBy(['kind', 'status']).execute();
}

/** Comments on those drafts, by the adoption decision of their group (null: not grouped). */
export async function commentCountsInPeriod(db: Executor, orgIds: number[], from: string, to: string) {
  return db.selectFrom('solicitationComments as c').innerJoin('solicitationDrafts as d', 'd.id', 'c.draftId')
    .leftJoin('solicitationFeedbackGroups as g', 'g.id', 'c.groupId')
    .select(['g.decision', (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.orgId', 'in', orgIds.length ? orgIds : [-1]).where('d.opensOn', '>=', from).where('d.opensOn', '<=', to)
    .groupBy('g.decision').execute();
}

/** The draft whose published feedback names this catalog item as its final document. */
export async function findDraftByFinalItem(db: Executor, itemId: number) {
  return db.selectFrom('solicitationDrafts as d').innerJoin('orgs', 'orgs.id', 'd.orgId').select(draftColumns)
    .where('d.finalItemId', '=', itemId).where('d.status', '=', 'feedbackPublished').orderBy('d.id', 'desc').executeTakeFirst();
}

/**
 * Drafts opened from `fromYear` to `today`, per body and year of opening. Drafts that never opened
 * (still being written or reviewed) are not counted; neither are those scheduled to open later.
 */
export async function draftsPerOrgYear(db: Executor, fromYear: number, today: string) {
  return db.selectFrom('solicitationDrafts as d').innerJoin('orgs', 'orgs.id', 'd.orgId')
    .select(['d.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', sql<number>`extract(year from d.opens_on)::int`.as('year'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.status', 'in', ['open', 'closed', 'feedbackPublished']).where('d.opensOn', '>=', `${fromYear}-01-01`).where('d.opensOn', '<=', today)
    .groupBy(['d.orgId', 'orgs.code', 'orgs.name', sql`extract(year from d.opens_on)`]).execute();
}

/**
 * Comments on those drafts per body and year, with the adoption decisions — counted only where the
 * feedback (意见采纳情况) has been published: a decision still being drafted is not public.
 */
export async function commentsPerOrgYear(db: Executor, fromYear: number, today: string) {
  return db.selectFrom('solicitationComments as c').innerJoin('solicitationDrafts as d', 'd.id', 'c.draftId')
    .leftJoin('solicitationFeedbackGroups as g', (join) => join.onRef('g.id', '=', 'c.groupId').on('d.status', '=', 'feedbackPublished'))
    .select(['d.orgId', sql<number>`extract(year from d.opens_on)::int`.as('year'), 'g.decision', (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.status', 'in', ['open', 'closed', 'feedbackPublished']).where('d.opensOn', '>=', `${fromYear}-01-01`).where('d.opensOn', '<=', today)
    .groupBy(['d.orgId', sql`extract(year from d.opens_on)`, 'g.decision']).execute();
}

/** Opened drafts still without published feedback whose period ends on or before `by` (the dashboard's reminders). */
export async function draftsEndingBy(db: Executor, scope: OrgScope, by: string) {
  let q = db.selectFrom('solicitationDrafts as d').innerJoin('orgs', 'orgs.id', 'd.orgId').select(draftColumns)
    .select((eb) => eb.selectFrom('solicitationComments as c').whereRef('c.draftId', '=', 'd.id').select(eb.fn.countAll<number>().as('n')).as('commentCount'))
    .where('d.status', 'in', ['open', 'closed']).where('d.endsOn', '<=', by);
  if (scope !== 'all') q = q.where('d.orgId', 'in', scope.length ? scope : [-1]);
  return q.orderBy('d.endsOn').orderBy('d.id').limit(200).execute();
}
