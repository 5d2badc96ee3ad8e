/** Queries of 互动交流: mailboxes, messages, their history, attachments and reply templates. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { MailboxesTable, MessageEventsTable, MessagesTable, MessageStatus } from '../../db/tables/interaction.js';
import type { Executor } from '../audit/audit.repository.js';

export type { Executor };
export type MessageRow = Awaited<ReturnType<typeof findById>> & {};
export type MailboxRow = NonNullable<Awaited<ReturnType<typeof findMailbox>>>;

/** Statuses still waiting for the body's answer. */
export const OPEN_STATUSES: MessageStatus[] = ['pending', 'accepted', 'assigned', 'drafted'];

export async function listMailboxes(db: Executor, orgIds?: number[]) {
  let q = db.selectFrom('mailboxes').innerJoin('orgs', 'orgs.id', 'mailboxes.orgId')
    .select(['mailboxes.id', 'mailboxes.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'orgs.type as orgType', 'mailboxes.code', 'mailboxes.name',
      'mailboxes.acceptedTypes', 'mailboxes.replyLimits', 'mailboxes.introduction', 'mailboxes.isMain']);
  if (orgIds) q = q.where('mailboxes.orgId', 'in', orgIds.length ? orgIds : [-1]);
  return q.orderBy('orgs.sortOrder').orderBy('orgs.id').orderBy('mailboxes.isMain', 'desc').orderBy('mailboxes.sortOrder').orderBy('mailboxes.id').execute();
}

/**
 * A main mailbox for every body that has none yet (bodies created after migration 0012): 县长信箱 / 市长信箱 for a
 * government, 镇长信箱 / 乡长信箱 for a township, 局长信箱 for a department.
 */
export async function ensureMainMailboxes(db: Executor) {
  await sql`
    insert into mailboxes (org_id, code, name, introduction, is_main)
    select o.id, 'main',
      case when o.type = 'government' and o.name like '%市%' then '市长信箱' when o.type = 'government' then '县长信箱'
        when o.type = 'township' and o.name like '%乡%' then '乡长信箱' when o.type = 'township' then '镇长信箱' else '局长信箱' end,
      '受理群众对' || o.name || '工作的咨询、建议、质疑、投诉和举报。涉及信访事项的，请按《信访工作条例》通过信访渠道反映。',
      true
    from orgs o
    where o.type <> 'office' and not exists (select 1 from mailboxes m where m.org_id = o.id and m.is_main)
    on conflict do nothing`.execute(db);
}

export async function findMailbox(db: Executor, orgId: number, code: string) {
  return db.selectFrom('mailboxes').selectAll().where('orgId', '=', orgId).where('code', '=', code).executeTakeFirst();
}

export async function findMainMailbox(db: Executor, orgId: number) {
  return db.selectFrom('mailboxes').selectAll().where('orgId', '=', orgId).where('isMain', '=', true).executeTakeFirst();
}

export async function findMailboxById(db: Executor, id: number) {
  return db.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function insertMailbox(db: Executor, row: Insertable<MailboxesTable>) {
  return (await db.insertInto('mailboxes').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst())?.id;
}

export async function updateMailbox(db: Executor, id: number, fields: Updateable<MailboxesTable>) {
  await db.updateTable('mailboxes').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function insertMessage(db: Executor, row: Insertable<MessagesTable>) {
  return (await db.insertInto('messages').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findById(db: Executor, id: number) {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByTrackingNo(db: Executor, trackingNo: string) {
  return db.selectFrom('messages').selectAll().where('trackingNo', '=', trackingNo).executeTakeFirst();
}

/** Locks the row for a handling step (two staff clicking at once take turns). */
export async function lockById(db: Executor, id: number) {
  return db.selectFrom('messages').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateMessage(db: Executor, id: number, fields: Updateable<MessagesTable>) {
  await db.updateTable('messages').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function insertEvent(db: Executor, row: Insertable<MessageEventsTable>) {
  await db.insertInto('messageEvents').values(row).execute();
}

export async function listEvents(db: Executor, messageId: number, publicOnly: boolean) {
  let q = db.selectFrom('messageEvents').leftJoin('users', 'users.id', 'messageEvents.actorUserId')
    .select(['messageEvents.id', 'messageEvents.onDate', 'messageEvents.type', 'messageEvents.title', 'messageEvents.note', 'messageEvents.public', 'users.displayName as actorName'])
    .where('messageId', '=', messageId);
  if (publicOnly) q = q.where('messageEvents.public', '=', true);
  return q.orderBy('messageEvents.id').execute();
}

export async function insertDocument(db: Executor, row: { messageId: number; title: string; fileName: string; mime: string; blobKey: string }) {
  return (await db.insertInto('messageDocuments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function listDocuments(db: Executor, messageId: number) {
  return db.selectFrom('messageDocuments').select(['id', 'title', 'fileName', 'mime', 'createdAt']).where('messageId', '=', messageId).orderBy('id').execute();
}

export async function findDocument(db: Executor, messageId: number, id: number) {
  return db.selectFrom('messageDocuments').selectAll().where('messageId', '=', messageId).where('id', '=', id).executeTakeFirst();
}

export interface StaffFilters {
  q?: string;
  status?: MessageStatus;
  type?: string;
  channel?: string;
  mailboxId?: number;
  overdue?: boolean;
  /** 即将到期: open, not late, due on or before this day. */
  dueSoonUntil?: string;
  today: string;
  from?: string;
  to?: string;
}

function staffQuery(db: Executor, scope: { orgIds: number[] | 'all'; assignedOnly: boolean }, f: StaffFilters) {
  let q = db.selectFrom('messages').innerJoin('orgs', 'orgs.id', 'messages.orgId').innerJoin('mailboxes', 'mailboxes.id', 'messages.mailboxId')
    .leftJoin('orgs as assigned', 'assigned.id', 'messages.assignedOrgId');
  if (scope.orgIds !== 'all') {
    const ids = scope.orgIds.length ? scope.orgIds : [-1];
    q = scope.assignedOnly ? q.where('messages.assignedOrgId', 'in', ids) : q.where('messages.orgId', 'in', ids);
  }
  if (f.status) q = q.where('messages.status', '=', f.status);
  if (f.type) q = q.where('messages.type', '=', f.type as never);
  if (f.channel) q = q.where('messages.channel', '=', f.channel as never);
  if (f.mailboxId) q = q.where('messages.mailboxId', '=', f.mailboxId);
  if (f.from) q = q.where('messages.receivedOn', '>=', f.from);
  if (f.to) q = q.where('messages.receivedOn', '<=', f.to);
  if (f.overdue) q = q.where('messages.status', 'in', OPEN_STATUSES).where('messages.replyDueOn', '<', f.today);
  if (f.dueSoonUntil) q = q.where('messages.status', 'in', OPEN_STATUSES).where('messages.replyDueOn', '>=', f.today).where('messages.replyDueOn', '<=', f.dueSoonUntil);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([
      eb('messages.subject', 'ilike', pattern), eb('messages.body', 'ilike', pattern), eb('messages.senderName', 'ilike', pattern), eb('messages.trackingNo', 'ilike', pattern),
    ]));
  }
  return q;
}

export async function listForStaff(db: Executor, scope: { orgIds: number[] | 'all'; assignedOnly: boolean }, f: StaffFilters, limit: number, offset = 0) {
  return staffQuery(db, scope, f)
    .select(['messages.id', 'messages.trackingNo', 'messages.orgId', 'orgs.code as orgCode', 'orgs.name as orgName', 'mailboxes.code as boxCode', 'mailboxes.name as boxName',
      'messages.type', 'messages.channel', 'messages.subject', 'messages.body', 'messages.senderName', 'messages.senderPhoneEnc', 'messages.status', 'messages.receivedOn',
      'messages.replyDueOn', 'messages.repliedOn', 'messages.replyText', 'messages.assignedOrgId', 'assigned.name as assignedOrgName', 'messages.rating', 'messages.published',
      'messages.publicReply', 'messages.round', 'messages.extensionDays'])
    .orderBy('messages.receivedOn', 'desc').orderBy('messages.id', 'desc').limit(limit).offset(offset).execute();
}

export async function countForStaff(db: Executor, scope: { orgIds: number[] | 'all'; assignedOnly: boolean }, f: StaffFilters) {
  const row = await staffQuery(db, scope, f).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface PublishedFilter { mailboxId?: number; q?: string; limit: number; offset: number }

function publishedQuery(db: Executor, f: Omit<PublishedFilter, 'limit' | 'offset'>) {
  let q = db.selectFrom('messages').innerJoin('orgs', 'orgs.id', 'messages.orgId').where('messages.published', '=', true);
  if (f.mailboxId) q = q.where('messages.mailboxId', '=', f.mailboxId);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('messages.subject', 'ilike', pattern), eb('messages.body', 'ilike', pattern), eb('messages.replyText', 'ilike', pattern)]));
  }
  return q;
}

export async function listPublished(db: Executor, f: PublishedFilter) {
  return publishedQuery(db, f)
    .select(['messages.id', 'messages.trackingNo', 'orgs.name as orgName', 'messages.type', 'messages.subject', 'messages.body', 'messages.senderName', 'messages.replyText', 'messages.receivedOn', 'messages.repliedOn'])
    .orderBy('messages.repliedOn', 'desc').orderBy('messages.id', 'desc').limit(f.limit).offset(f.offset).execute();
}

export async function countPublished(db: Executor, f: Omit<PublishedFilter, 'limit' | 'offset'>) {
  return Number((await publishedQuery(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/**
 * Figures of messages received in [from, to] by the bodies given: one scan (grouping sets) for the totals and
 * the counts by type, channel and rating — a county's roll-up of a year reads the covering index of 0018 once.
 */
export async function statistics(db: Executor, orgIds: number[], from: string, to: string, today: string) {
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  const ids = orgIds.length ? orgIds : [-1];
  const { rows } = await sql<{ gt: number; gc: number; gr: number; type: MessagesTable['type']; channel: MessagesTable['channel']; rating: MessagesTable['rating']; n: number; replied: number; pending: number; overdue: number }>`
    select grouping(type)::int as gt, grouping(channel)::int as gc, grouping(rating)::int as gr, type, channel, rating,
      count(*)::int as n,
      count(*) filter (where replied_on is not null)::int as replied,
      count(*) filter (where status in (${open}))::int as pending,
      count(*) filter (where (status in (${open}) and reply_due_on < ${today}::date) or replied_on > reply_due_on)::int as overdue
    from messages
    where org_id in (${sql.join(ids)}) and received_on >= ${from}::date and received_on <= ${to}::date
    group by grouping sets ((), (type), (channel), (rating))`.execute(db);
  const all = rows.find((r) => r.gt && r.gc && r.gr);
  return {
    totals: { received: all?.n ?? 0, replied: all?.replied ?? 0, pending: all?.pending ?? 0, overdue: all?.overdue ?? 0 },
    byType: rows.filter((r) => !r.gt).map((r) => ({ type: r.type, n: r.n })),
    byChannel: rows.filter((r) => !r.gc).map((r) => ({ channel: r.channel, n: r.n })),
    byRating: rows.filter((r) => !r.gr && r.rating !== null).map((r) => ({ rating: r.rating, n: r.n })),
  };
}

/** Open messages whose reminder day has come and that were not reminded yet, or are overdue. */
export async function openMessages(db: Executor) {
  return db.selectFrom('messages').select(['id', 'trackingNo', 'orgId', 'assignedOrgId', 'subject', 'receivedOn', 'replyDueOn', 'remindedOn', 'status'])
    .where('status', 'in', OPEN_STATUSES).orderBy('id').execute();
}

/** For the dashboard: open messages of the bodies received on or before a day (more than 3 months open). */
export async function openReceivedBefore(db: Executor, orgIds: number[] | 'all', before: string) {
  let q = db.selectFrom('messages').innerJoin('orgs', 'orgs.id', 'messages.orgId')
    .select(['messages.id', 'messages.trackingNo', 'orgs.name as orgName', 'messages.subject', 'messages.receivedOn', 'messages.replyDueOn'])
    .where('messages.status', 'in', OPEN_STATUSES).where('messages.receivedOn', '<', before);
  if (orgIds !== 'all') q = q.where('messages.orgId', 'in', orgIds.length ? orgIds : [-1]);
  return q.orderBy('messages.receivedOn').limit(100).execute();
}

export async function countByChannel(db: Executor, orgIds: number[], from: string, to: string) {
  return db.selectFrom('messages').select(['channel', (eb) => eb.fn.countAll<number>().as('count')])
    .where('orgId', 'in', orgIds.length ? orgIds : [-1]).where('receivedOn', '>=', from).where('receivedOn', '<=', to)
    .groupBy('channel').orderBy('count', 'desc').execute();
}

export async function subjectsOf(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  return db.selectFrom('messages').select(['id', 'trackingNo', 'subject', 'legacyConsultationId']).where((eb) => eb.or([
    eb('trackingNo', 'in', ids), eb('legacyConsultationId', 'in', ids.filter((i) => /^\d+$/.test(i)).map(Number).concat(-1)),
  ])).execute();
}

export async function listTemplates(db: Executor, orgIds: number[] | 'all') {
  let q = db.selectFrom('messageReplyTemplates').select(['id', 'orgId', 'title', 'text']);
  if (orgIds !== 'all') q = q.where('orgId', 'in', orgIds.length ? orgIds : [-1]);
  return q.orderBy('id').execute();
}

export async function insertTemplate(db: Executor, row: { orgId: number; title: string; text: string }) {
  return (await db.insertInto('messageReplyTemplates').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
