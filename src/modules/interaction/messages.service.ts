/**
 * 互动交流: messages (来信) to a body's mailboxes — written online, or registered by the 公开办 when they
 * came by phone, SMS, letter, in person, the 意见箱, e-mail or the 公共查阅室 — and their handling:
 * triage → assignment → draft → approval → reply → rating, every valid message answered
 * (“件件有着落，事事有回音”). The sender's contacts are personal data: encrypted, masked, never published.
 */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { MessageChannel, MessageRating, MessageStatus, MessageType } from '../../db/tables/interaction.js';
import { addCalendarDays, formatChineseDate, todayInChina, type IsoDate } from '../../domain/dates.js';
import { maskEmail, maskPhone } from '../../domain/id-numbers.js';
import { LABELS, labelOf } from '../../domain/labels.js';
import {
  DEFAULT_REPLY_LIMIT_WORKING_DAYS, extendedReplyDue, dueSoonUntil, isVetoRisk, MAX_MESSAGE_EXTENSION_WORKING_DAYS, messageReplyDue,
} from '../../domain/message-deadline.js';
import { scanText } from '../../domain/privacy-scan.js';
import { type Actor, hasRole } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { MIME, sniffFileKind } from '../../lib/documents/file-types.js';
import { notifierFor } from '../../lib/notifications.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../lib/password-hash.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode, findOrgById, subtreeIds } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds, type OrgScope } from '../orgs/orgs.policy.js';
import { submitRequest, type UploadedFile } from '../requests/requests.service.js';
import { indexDocument, removeDocument } from '../search/search-index.js';
import { sensitiveWords } from '../settings/settings.service.js';
import * as policy from './messages.policy.js';
import { messageDocument } from './message-search.js';
import * as repo from './messages.repository.js';

export const MESSAGE_TYPES = Object.keys(LABELS.messageType) as [MessageType, ...MessageType[]];
export const MESSAGE_CHANNELS = Object.keys(LABELS.messageChannel) as [MessageChannel, ...MessageChannel[]];
export const MESSAGE_STATUSES = Object.keys(LABELS.messageStatus) as [MessageStatus, ...MessageStatus[]];
export const MESSAGE_RATINGS = Object.keys(LABELS.messageRating) as [MessageRating, ...MessageRating[]];

// ---------------------------------------------------------------- mailboxes

/** The body's main mailbox, made on first use for a body created after the migration. */
async function mainMailbox(ctx: AppContext, orgId: number) {
  const found = await repo.findMainMailbox(ctx.db, orgId);
  if (found) return found;
  await repo.ensureMainMailboxes(ctx.db);
  const made = await repo.findMainMailbox(ctx.db, orgId);
  if (!made) throw new AppError('MAILBOX_NOT_FOUND', [{ path: 'box', message: '该机构不受理来信。' }]);
  return made;
}

export function replyLimitOf(box: { replyLimits: Partial<Record<MessageType, number>> }, type: MessageType): number {
  return box.replyLimits[type] ?? DEFAULT_REPLY_LIMIT_WORKING_DAYS;
}

function presentMailbox(b: Awaited<ReturnType<typeof repo.listMailboxes>>[number]) {
  return {
    orgCode: b.orgCode, orgName: b.orgName, code: b.code, name: b.name, isMain: b.isMain, introduction: b.introduction,
    acceptedTypes: b.acceptedTypes, acceptedTypeLabels: b.acceptedTypes.map((t) => labelOf('messageType', t)),
    replyLimits: Object.fromEntries(MESSAGE_TYPES.map((t) => [t, replyLimitOf(b, t)])) as Record<MessageType, number>,
    url: `/hdjl/xx/${b.orgCode}/${b.code}`,
  };
}

/** Every body's mailboxes (public: names, types, limits, text). */
export async function listMailboxes(ctx: AppContext, orgCode?: string) {
  let orgIds: number[] | undefined;
  if (orgCode) {
    const org = await findOrgByCode(ctx.db, orgCode);
    if (!org) throw new AppError('ORG_NOT_FOUND');
    orgIds = [org.id];
  }
  // A body created since the last listing gets its main mailbox (the statement changes nothing otherwise).
  await repo.ensureMainMailboxes(ctx.db);
  return (await repo.listMailboxes(ctx.db, orgIds)).map(presentMailbox);
}

/** The mailboxes a 公开办 (or the administrator) may configure: those of its body and the bodies below it. */
export async function configurableMailboxes(ctx: AppContext, actor: Actor) {
  if (!hasRole(actor, 'disclosureOffice', 'admin')) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  await repo.ensureMainMailboxes(ctx.db);
  return (await repo.listMailboxes(ctx.db, scope === 'all' ? undefined : scope)).map(presentMailbox);
}

export async function findMailbox(ctx: AppContext, orgCode: string, code: string) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('MAILBOX_NOT_FOUND');
  if (code === 'main') await mainMailbox(ctx, org.id);
  const box = (await repo.listMailboxes(ctx.db, [org.id])).find((b) => b.code === code);
  if (!box) throw new AppError('MAILBOX_NOT_FOUND');
  return { ...presentMailbox(box), id: box.id, orgId: org.id };
}

export interface MailboxSettings { name: string; acceptedTypes: MessageType[]; replyLimits: Partial<Record<MessageType, number>>; introduction: string }

/** The 公开办 edits a mailbox: its name, the types it takes, the limits per type, the public text. */
export async function updateMailbox(ctx: AppContext, actor: Actor, orgCode: string, code: string, input: MailboxSettings) {
  const box = await findMailbox(ctx, orgCode, code);
  if (!policy.canConfigureMailboxes(actor, await visibleOrgIds(ctx.db, actor), box.orgId)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateMailbox(trx, box.id, { name: input.name, acceptedTypes: input.acceptedTypes, replyLimits: JSON.stringify(input.replyLimits) as never, introduction: input.introduction });
    await recordAudit(trx, {
      actor, orgId: box.orgId, action: 'mailbox.update', targetType: 'mailbox', targetId: `${orgCode}/${code}`,
      summary: { before: { name: box.name, acceptedTypes: box.acceptedTypes, replyLimits: box.replyLimits }, after: input },
    });
  });
  ctx.pages.invalidate();
  return findMailbox(ctx, orgCode, code);
}

// ---------------------------------------------------------------- writing

export interface NewMessage {
  orgCode: string;
  box?: string;
  type: MessageType;
  subject: string;
  body: string;
  sender: { name: string; phone: string; email?: string };
  publicReply: boolean;
  queryPassword: string;
  channel?: MessageChannel;
  receivedOn?: IsoDate;
}

/** 信件编号: not guessable, so nobody walks through other people's letters. */
function newTrackingNo(today: IsoDate): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `XX${today.slice(0, 4)}-${[...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * From the public (`actor` null): written online today. From the body's 公开办: registers what reached it by
 * `channel` on `receivedOn`. `replyDueOn` is the N-th working day after receipt, N the box's limit for the type.
 */
export async function submitMessage(ctx: AppContext, actor: Actor | null, input: NewMessage) {
  const org = await findOrgByCode(ctx.db, input.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '受理机关不存在。' }]);
  if (actor && !(policy.canTriage(actor, await visibleOrgIds(ctx.db, actor), org.id) && actor.orgId === org.id || hasRole(actor, 'admin'))) {
    // 公开办 staff register what reached their own body; the administrator any body's.
    throw new AppError('FORBIDDEN');
  }
  const box = input.box ? await repo.findMailbox(ctx.db, org.id, input.box) : await mainMailbox(ctx, org.id);
  if (!box) throw new AppError('MAILBOX_NOT_FOUND', [{ path: 'box', message: '该机关没有这个信箱。' }]);
  if (!box.acceptedTypes.includes(input.type)) {
    throw new AppError('MESSAGE_TYPE_NOT_ACCEPTED', [{ path: 'type', message: `“${box.name}”受理${box.acceptedTypes.map((t) => labelOf('messageType', t)).join('、')}，不受理${labelOf('messageType', input.type)}。` }]);
  }
  const today = todayInChina(ctx.now());
  if (!actor && ((input.channel && input.channel !== 'online') || input.receivedOn)) {
    throw new AppError('VALIDATION_FAILED', [{ path: input.receivedOn ? 'receivedOn' : 'channel', message: '网上来信由系统记录渠道和收到日期，请勿填写。' }]);
  }
  const channel: MessageChannel = actor ? input.channel ?? 'phone' : 'online';
  const receivedOn = actor ? input.receivedOn ?? today : today;
  if (receivedOn > today) throw new AppError('VALIDATION_FAILED', [{ path: 'receivedOn', message: '收到日期不能晚于今天。' }]);
  const limit = replyLimitOf(box, input.type);
  const due = messageReplyDue(await ctx.calendar(), receivedOn, limit);
  const trackingNo = newTrackingNo(today);
  const queryPasswordHash = await hashPassword(input.queryPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertMessage(trx, {
      trackingNo, orgId: org.id, mailboxId: box.id, type: input.type, channel, subject: input.subject, body: input.body,
      senderName: input.sender.name, senderPhoneEnc: ctx.crypto.encrypt(input.sender.phone), senderEmailEnc: input.sender.email ? ctx.crypto.encrypt(input.sender.email) : null,
      queryPasswordHash, publicReply: input.publicReply, receivedOn, replyDueOn: due.date, status: 'pending', registeredBy: actor?.userId ?? null,
    });
    await repo.insertEvent(trx, {
      messageId: id, onDate: receivedOn, type: 'received', orgId: org.id, actorUserId: actor?.userId ?? null,
      title: `${box.name}收到来信（${labelOf('messageChannel', channel)}），应于${formatChineseDate(due.date)}前答复`,
    });
    await recordAudit(trx, {
      actor, orgId: org.id, action: actor ? 'message.register' : 'message.submit', targetType: 'message', targetId: trackingNo,
      summary: { after: { mailbox: box.name, type: input.type, channel, receivedOn, replyDueOn: due.date, phone: input.sender.phone } },
    });
  });
  return { trackingNo, status: 'pending' as const, receivedOn, replyDueOn: due.date, certain: due.certain };
}

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ATTACHMENT_KINDS = new Set(['pdf', 'jpeg', 'png', 'docx']);

/** The scanned original of a letter, a photo …: checked by content (not by name), as for requests. */
export async function addMessageAttachment(ctx: AppContext, actor: Actor, id: number, file: UploadedFile) {
  const m = await readable(ctx, actor, id);
  if (!policy.canDraft(actor, await visibleOrgIds(ctx.db, actor), m)) throw new AppError('FORBIDDEN');
  const kind = sniffFileKind(file.data, file.fileName);
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw new AppError('BODY_TOO_LARGE', [{ path: 'file', message: `“${file.fileName}”超过10MB。` }]);
  if (!kind || !ATTACHMENT_KINDS.has(kind)) throw new AppError('ATTACHMENT_TYPE', [{ path: 'file', message: `“${file.fileName}”不是 PDF、JPEG、PNG 或 DOCX 文件（按文件内容判断）。` }]);
  return ctx.db.transaction().execute(async (trx) => {
    const blob = await ctx.blobs.put(file.data);
    const docId = await repo.insertDocument(trx, { messageId: m.id, title: file.label, fileName: file.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200), mime: MIME[kind], blobKey: blob.key });
    await recordAudit(trx, { actor, orgId: m.orgId, action: 'message.attach', targetType: 'message', targetId: m.trackingNo, summary: { fileName: file.fileName, kind, size: file.data.length } });
    return { id: docId };
  });
}

export async function messageAttachment(ctx: AppContext, actor: Actor, id: number, docId: number) {
  const m = await readable(ctx, actor, id);
  const doc = await repo.findDocument(ctx.db, m.id, docId);
  if (!doc) throw new AppError('NOT_FOUND');
  return { fileName: doc.fileName, mime: doc.mime, data: await ctx.blobs.get(doc.blobKey) };
}

// ---------------------------------------------------------------- the sender's view

async function authenticateSender(ctx: AppContext, trackingNo: string, password: string) {
  const m = await repo.findByTrackingNo(ctx.db, trackingNo);
  // A wrong number costs the same time as a wrong password, and says the same.
  const ok = await verifyPassword(password, m?.queryPasswordHash ?? (await dummyPasswordHash()));
  if (!m || !m.queryPasswordHash || !ok) throw new AppError('MESSAGE_NOT_FOUND');
  return m;
}

/** What the sender sees: the state, the deadline, public steps, the reply and the rating — never their contacts. */
export async function viewAsSender(ctx: AppContext, trackingNo: string, password: string) {
  const m = await authenticateSender(ctx, trackingNo, password);
  const [org, box, events] = await Promise.all([findOrgById(ctx.db, m.orgId), repo.findMailboxById(ctx.db, m.mailboxId), repo.listEvents(ctx.db, m.id, true)]);
  return {
    trackingNo: m.trackingNo, status: m.status, statusLabel: labelOf('messageStatus', m.status), type: m.type, typeLabel: labelOf('messageType', m.type),
    orgName: org?.name ?? '', boxName: box.name, subject: m.subject, receivedOn: m.receivedOn, replyDueOn: m.replyDueOn,
    ...(m.extensionDays ? { extension: { days: m.extensionDays, reason: m.extensionReason } } : {}),
    ...(m.replyText && m.repliedOn ? { reply: { text: m.replyText, repliedOn: m.repliedOn } } : {}),
    ...(m.rating ? { rating: m.rating, ratingLabel: labelOf('messageRating', m.rating), ratingComment: m.ratingComment } : {}),
    canRate: canRateNow(m),
    events: events.map((e) => ({ onDate: e.onDate, title: e.title, note: e.note })),
  };
}

function canRateNow(m: repo.MessageRow) {
  return m.status === 'replied' && !m.rating;
}

/**
 * 满意 / 基本满意 close the message. 不满意 the first time sends it back to the body for a second answer;
 * the second time it closes as 不满意 and stays visible to supervisors.
 */
export async function rateMessage(ctx: AppContext, trackingNo: string, password: string, input: { rating: MessageRating; comment?: string }) {
  const found = await authenticateSender(ctx, trackingNo, password);
  const today = todayInChina(ctx.now());
  const calendar = await ctx.calendar();
  const box = await repo.findMailboxById(ctx.db, found.mailboxId);
  return ctx.db.transaction().execute(async (trx) => {
    const m = (await repo.lockById(trx, found.id))!;
    if (m.rating) throw new AppError('MESSAGE_ALREADY_RATED');
    if (m.status !== 'replied') throw new AppError(m.status === 'closed' ? 'MESSAGE_ALREADY_RATED' : 'MESSAGE_NOT_REPLIED');
    const again = input.rating === 'dissatisfied' && m.round === 1;
    const label = labelOf('messageRating', input.rating);
    if (again) {
      const due = messageReplyDue(calendar, today, replyLimitOf(box, m.type));
      await repo.updateMessage(trx, m.id, {
        status: m.assignedOrgId ? 'assigned' : 'accepted', round: 2, firstRating: input.rating, rating: null, ratingComment: input.comment ?? null, ratedOn: today,
        draftReply: null, draftedBy: null, replyDueOn: due.date, remindedOn: null,
      });
      await repo.insertEvent(trx, { messageId: m.id, onDate: today, type: 'rated', orgId: m.orgId, title: `来信人评价：${label}，已退回重新办理，应于${formatChineseDate(due.date)}前再次答复`, note: input.comment ?? null });
    } else {
      await repo.updateMessage(trx, m.id, { status: 'closed', rating: input.rating, ratingComment: input.comment ?? null, ratedOn: today, closedOn: today });
      await repo.insertEvent(trx, { messageId: m.id, onDate: today, type: 'rated', orgId: m.orgId, title: `来信人评价：${label}，已办结`, note: input.comment ?? null });
    }
    await recordAudit(trx, { actor: null, orgId: m.orgId, action: 'message.rate', targetType: 'message', targetId: m.trackingNo, summary: { rating: input.rating, round: m.round } });
    const status: MessageStatus = again ? (m.assignedOrgId ? 'assigned' : 'accepted') : 'closed';
    return { trackingNo: m.trackingNo, status, rating: input.rating, sentBack: again };
  });
}

// ---------------------------------------------------------------- statistics

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** The contract's figures for messages received in [from, to] by the body (and those below it with rollup). */
export async function messageStatistics(ctx: AppContext, orgCode: string, q: { from: IsoDate; to: IsoDate; rollup: boolean }) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  if (q.to < q.from) throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '截止日期不能早于起始日期，请重新选择。' }]);
  const ids = q.rollup ? await subtreeIds(ctx.db, org.id) : [org.id];
  const s = await repo.statistics(ctx.db, ids, q.from, q.to, todayInChina(ctx.now()));
  const byType = zeroes(MESSAGE_TYPES);
  for (const r of s.byType) byType[r.type] = Number(r.n);
  const byChannel = zeroes(MESSAGE_CHANNELS);
  for (const r of s.byChannel) byChannel[r.channel] = Number(r.n);
  const ratings = zeroes(MESSAGE_RATINGS);
  for (const r of s.byRating) ratings[r.rating!] = Number(r.n);
  return {
    received: Number(s.totals.received), replied: Number(s.totals.replied), pending: Number(s.totals.pending), overdue: Number(s.totals.overdue),
    byType, byChannel,
    satisfaction: { rated: ratings.satisfied + ratings.basicallySatisfied + ratings.dissatisfied, ...ratings },
  };
}

/** Messages received in a year by channel (the statistics dashboard and the annual report's narrative). */
export async function messagesByChannel(ctx: AppContext, orgIds: number[], year: number) {
  const rows = await repo.countByChannel(ctx.db, orgIds, `${year}-01-01`, `${year}-12-31`);
  return rows.map((r) => ({ channel: r.channel, label: labelOf('messageChannel', r.channel), count: Number(r.count) }));
}

/** Open for more than 3 months: the website check vetoes a site with such a message (dashboard warning). */
export async function vetoRisks(ctx: AppContext, actor: Actor) {
  if (!hasRole(actor, 'disclosureOffice', 'admin', 'supervisor')) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  const today = todayInChina(ctx.now());
  // Everything received more than ~3 months ago is read, then the exact calendar-month rule decides.
  const rows = await repo.openReceivedBefore(ctx.db, scope, addCalendarDays(today, -88));
  return rows.filter((r) => isVetoRisk(r.receivedOn, today));
}

// ---------------------------------------------------------------- staff: reading

async function readable(ctx: AppContext, actor: Actor, id: number) {
  const m = await repo.findById(ctx.db, id);
  if (!m || !policy.canRead(actor, await visibleOrgIds(ctx.db, actor), m)) throw new AppError('MESSAGE_NOT_FOUND');
  return m;
}

export interface StaffFilters {
  q?: string; status?: MessageStatus; type?: MessageType; channel?: MessageChannel; box?: string; orgCode?: string; overdue?: boolean; dueSoon?: boolean;
  from?: IsoDate; to?: IsoDate; page?: number; pageSize?: number;
}

/** The name masked as on every page: 王*, 欧阳** (the family name stays). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

/** 已超期, 即将到期 (its reminder has come: due within 2 working days) and the 3-month veto risk. */
function flags(m: { status: MessageStatus; replyDueOn: string; receivedOn: string }, today: IsoDate, soonUntil: IsoDate) {
  const open = repo.OPEN_STATUSES.includes(m.status);
  const overdue = open && m.replyDueOn < today;
  return { overdue, dueSoon: open && !overdue && m.replyDueOn <= soonUntil, vetoRisk: open && isVetoRisk(m.receivedOn, today) };
}

/** The inbox: messages the actor may read, newest first, with words for codes and masked senders. */
export async function listMessages(ctx: AppContext, actor: Actor, f: StaffFilters = {}) {
  if (!policy.canListMessages(actor)) throw new AppError('FORBIDDEN');
  if (f.from && f.to && f.to < f.from) throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '截止日期不能早于起始日期，请重新选择。' }]);
  let orgIds: OrgScope = await visibleOrgIds(ctx.db, actor);
  if (f.orgCode) {
    const org = await findOrgByCode(ctx.db, f.orgCode);
    if (!org || !inScope(orgIds, org.id)) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '机关不存在或不在您的管辖范围内。' }]);
    orgIds = [org.id];
  }
  let mailboxId: number | undefined;
  if (f.box) {
    const [orgCode, code] = f.box.includes('/') ? f.box.split('/') : [f.orgCode ?? actor.orgCode, f.box];
    mailboxId = (await findMailbox(ctx, orgCode, code)).id;
  }
  const today = todayInChina(ctx.now());
  const soonUntil = dueSoonUntil(await ctx.calendar(), today);
  const scope = { orgIds, assignedOnly: policy.listsAssignedOnly(actor) };
  const where: repo.StaffFilters = {
    q: f.q?.trim() || undefined, status: f.status, type: f.type, channel: f.channel, mailboxId, overdue: f.overdue, from: f.from, to: f.to, today,
    ...(f.dueSoon ? { dueSoonUntil: soonUntil } : {}),
  };
  const pageSize = f.pageSize ?? 50;
  const page = f.page ?? 1;
  const [rows, total] = await Promise.all([repo.listForStaff(ctx.db, scope, where, pageSize, (page - 1) * pageSize), repo.countForStaff(ctx.db, scope, where)]);
  return {
    total, page, pageSize,
    items: rows.map(({ senderPhoneEnc, body, replyText, ...r }) => ({
      ...r,
      excerpt: body.slice(0, 80),
      senderName: maskName(r.senderName),
      senderPhoneMasked: senderPhoneEnc ? maskPhone(ctx.crypto.decrypt(senderPhoneEnc)) : null,
      typeLabel: labelOf('messageType', r.type), channelLabel: labelOf('messageChannel', r.channel), statusLabel: labelOf('messageStatus', r.status),
      ratingLabel: r.rating ? labelOf('messageRating', r.rating) : null,
      ...flags(r, today, soonUntil),
    })),
  };
}

/** Which handling steps this actor may take on this message now (the console shows only those). */
function actionsFor(actor: Actor, scope: OrgScope, m: repo.MessageRow): string[] {
  const triage = policy.canTriage(actor, scope, m.orgId);
  const out: string[] = [];
  if (m.status === 'pending' && triage) out.push('accept', 'transfer', 'refer', 'convert', 'markDuplicate', 'close');
  if ((m.status === 'accepted' || m.status === 'assigned') && triage) out.push('assign');
  if ((m.status === 'accepted' || m.status === 'assigned') && policy.canDraft(actor, scope, m)) out.push('draft');
  if (m.status === 'drafted' && policy.canApprove(actor, scope, m) && m.draftedBy !== actor.userId) out.push('approve', 'returnDraft');
  if (repo.OPEN_STATUSES.includes(m.status) && m.status !== 'pending' && triage && m.extensionDays === 0) out.push('extend');
  if ((m.status === 'replied' || m.status === 'closed') && triage && m.publicReply && !m.published && m.replyText) out.push('publish');
  if (m.published && triage) out.push('unpublish');
  return out;
}

/** One message for staff: everything, contacts masked; the actions the actor may take. */
export async function messageForStaff(ctx: AppContext, actor: Actor, id: number) {
  const m = await readable(ctx, actor, id);
  const scope = await visibleOrgIds(ctx.db, actor);
  const [org, box, assigned, events, documents, transferredTo, duplicateOf] = await Promise.all([
    findOrgById(ctx.db, m.orgId), repo.findMailboxById(ctx.db, m.mailboxId), m.assignedOrgId ? findOrgById(ctx.db, m.assignedOrgId) : null,
    repo.listEvents(ctx.db, m.id, false), repo.listDocuments(ctx.db, m.id),
    m.transferredToOrgId ? findOrgById(ctx.db, m.transferredToOrgId) : null, m.duplicateOfId ? repo.findById(ctx.db, m.duplicateOfId) : null,
  ]);
  const today = todayInChina(ctx.now());
  const soonUntil = dueSoonUntil(await ctx.calendar(), today);
  const { senderPhoneEnc, senderEmailEnc, queryPasswordHash: _q, ...rest } = m;
  return {
    ...rest,
    orgCode: org?.code, orgName: org?.name, boxCode: box.code, boxName: box.name, assignedOrgCode: assigned?.code ?? null, assignedOrgName: assigned?.name ?? null,
    senderName: maskName(m.senderName),
    senderPhoneMasked: senderPhoneEnc ? maskPhone(ctx.crypto.decrypt(senderPhoneEnc)) : null,
    senderEmailMasked: senderEmailEnc ? maskEmail(ctx.crypto.decrypt(senderEmailEnc)) : null,
    typeLabel: labelOf('messageType', m.type), channelLabel: labelOf('messageChannel', m.channel), statusLabel: labelOf('messageStatus', m.status),
    ratingLabel: m.rating ? labelOf('messageRating', m.rating) : null, firstRatingLabel: m.firstRating ? labelOf('messageRating', m.firstRating) : null,
    transferredToOrgName: transferredTo?.name ?? null, duplicateOfTrackingNo: duplicateOf?.trackingNo ?? null,
    ...flags(m, today, soonUntil),
    events, documents,
    actions: actionsFor(actor, scope, m).map((a) => ({ action: a, label: labelOf('messageAction', a) })),
  };
}

// ---------------------------------------------------------------- staff: handling

export type HandlingInput =
  | { action: 'accept'; note?: string }
  | { action: 'transfer'; toOrgCode: string; reason: string }
  | { action: 'refer'; reason: string }
  | { action: 'convert'; note?: string }
  | { action: 'markDuplicate'; duplicateOf: string }
  | { action: 'close'; reason: string }
  | { action: 'assign'; assignedOrgCode: string; note?: string }
  | { action: 'draft'; reply: string }
  | { action: 'returnDraft'; reason: string }
  | { action: 'approve'; reply?: string }
  | { action: 'extend'; days: number; reason: string }
  | { action: 'publish' }
  | { action: 'unpublish'; reason?: string };

/** What goes to the sender after a step: the text, and whether it goes out now. */
interface Notice { subject: string; text: string }

/** Takes one handling step; the state change, its history and the audit entry share one transaction. */
export async function handleMessage(ctx: AppContext, actor: Actor, id: number, input: HandlingInput) {
  const found = await readable(ctx, actor, id);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!actionsFor(actor, scope, found).includes(input.action)) {
    if (input.action === 'approve' && found.status === 'drafted' && found.draftedBy === actor.userId) throw new AppError('MESSAGE_SELF_APPROVAL');
    if (input.action === 'extend' && found.extensionDays > 0) throw new AppError('MESSAGE_ALREADY_EXTENDED');
    if (input.action === 'publish' && !found.publicReply) throw new AppError('MESSAGE_NO_CONSENT');
    const mayAtAll = policy.canTriage(actor, scope, found.orgId) || (input.action === 'draft' && policy.canDraft(actor, scope, found));
    throw new AppError(mayAtAll ? 'MESSAGE_ACTION_NOT_ALLOWED' : 'FORBIDDEN');
  }
  const today = todayInChina(ctx.now());
  const calendar = await ctx.calendar();
  const org = (await findOrgById(ctx.db, found.orgId))!;
  let notice: Notice | null = null;
  const target = await resolveTarget(ctx, actor, scope, found, input);
  if (input.action === 'publish') await checkPublishable(ctx, found);

  const result: { id: number; trackingNo: string; [key: string]: unknown } = input.action === 'convert' ? { id: found.id, trackingNo: found.trackingNo } : await ctx.db.transaction().execute(async (trx) => {
    const m = (await repo.lockById(trx, id))!;
    if (m.status !== found.status || m.draftedBy !== found.draftedBy) throw new AppError('MESSAGE_ACTION_NOT_ALLOWED');
    const event = { messageId: m.id, onDate: today, orgId: m.orgId, actorUserId: actor.userId };
    const audit = (summary: Record<string, unknown>) => recordAudit(trx, { actor, orgId: m.orgId, action: `message.${input.action}`, targetType: 'message', targetId: m.trackingNo, summary });
    const extra: Record<string, unknown> = {};
    switch (input.action) {
      case 'accept':
        await repo.updateMessage(trx, m.id, { status: 'accepted' });
        await repo.insertEvent(trx, { ...event, type: 'accepted', title: '来信已受理', note: input.note ?? null });
        await audit({ after: { status: 'accepted' } });
        break;
      case 'transfer': {
        // The message moves to the right body with its history; the receiving body's main box, a new clock.
        const to = target.org!;
        const box = target.box!;
        const due = messageReplyDue(calendar, today, replyLimitOf(box, m.type));
        await repo.updateMessage(trx, m.id, { orgId: to.id, mailboxId: box.id, transferredToOrgId: to.id, status: 'pending', replyDueOn: due.date, assignedOrgId: null });
        await repo.insertEvent(trx, { ...event, type: 'transferred', title: `${org.name}已将来信转至${to.name}办理，应于${formatChineseDate(due.date)}前答复`, note: input.reason });
        await audit({ toOrg: to.name, reason: input.reason, replyDueOn: due.date });
        notice = { subject: '您的来信已转办', text: `您的来信（编号 ${m.trackingNo}）不属于${org.name}职责范围，已转至${to.name}办理。理由：${input.reason}` };
        break;
      }
      case 'refer':
        await repo.updateMessage(trx, m.id, { status: 'referred', closedOn: today, closeReason: input.reason });
        await repo.insertEvent(trx, { ...event, type: 'referred', title: '来信反映的是信访事项，已告知通过信访渠道反映（《信访工作条例》）', note: input.reason });
        await audit({ reason: input.reason });
        notice = { subject: '您的来信属于信访事项', text: `您的来信（编号 ${m.trackingNo}）反映的属于信访事项，请依照《信访工作条例》向信访工作机构提出。说明：${input.reason}` };
        break;
      case 'markDuplicate':
        await repo.updateMessage(trx, m.id, { status: 'duplicate', duplicateOfId: target.duplicate!.id, closedOn: today, closeReason: `与来信 ${target.duplicate!.trackingNo} 重复` });
        await repo.insertEvent(trx, { ...event, type: 'duplicate', title: `与来信 ${target.duplicate!.trackingNo} 内容相同，合并办理` });
        await audit({ duplicateOf: target.duplicate!.trackingNo });
        notice = { subject: '您的来信已合并办理', text: `您的来信（编号 ${m.trackingNo}）与此前来信 ${target.duplicate!.trackingNo} 内容相同，将合并办理、一并答复。` };
        break;
      case 'close':
        await repo.updateMessage(trx, m.id, { status: 'invalid', closedOn: today, closeReason: input.reason });
        await repo.insertEvent(trx, { ...event, type: 'invalid', title: '来信作为无效件办结', note: input.reason });
        await audit({ reason: input.reason });
        break;
      case 'assign':
        await repo.updateMessage(trx, m.id, { status: 'assigned', assignedOrgId: target.org!.id });
        await repo.insertEvent(trx, { ...event, type: 'assigned', title: `交由${target.org!.name}办理`, note: input.note ?? null, public: false });
        await audit({ assignedOrg: target.org!.name });
        break;
      case 'draft':
        await repo.updateMessage(trx, m.id, { status: 'drafted', draftReply: input.reply, draftedBy: actor.userId });
        await repo.insertEvent(trx, { ...event, type: 'drafted', title: '已拟写答复稿，待公开办审核', public: false });
        await audit({ round: m.round });
        break;
      case 'returnDraft':
        await repo.updateMessage(trx, m.id, { status: m.assignedOrgId ? 'assigned' : 'accepted' });
        await repo.insertEvent(trx, { ...event, type: 'draftReturned', title: '答复稿退回修改', note: input.reason, public: false });
        await audit({ reason: input.reason });
        break;
      case 'approve': {
        const text = input.reply ?? m.draftReply!;
        await repo.updateMessage(trx, m.id, { status: 'replied', replyText: text, repliedOn: today, repliedBy: actor.userId });
        await repo.insertEvent(trx, { ...event, type: 'replied', title: m.round === 2 ? '已再次答复' : '已答复', note: text });
        await audit({ round: m.round, after: { status: 'replied' } });
        notice = { subject: `您的来信已答复（${m.trackingNo}）`, text: `您的来信“${m.subject}”已答复：\n\n${text}\n\n请凭编号和查询密码在“互动交流—来信查询”查看并评价。` };
        break;
      }
      case 'extend': {
        const due = extendedReplyDue(calendar, m.replyDueOn, input.days);
        await repo.updateMessage(trx, m.id, { extensionDays: input.days, extensionReason: input.reason, replyDueOn: due.date, remindedOn: null });
        await repo.insertEvent(trx, { ...event, type: 'extended', title: `办理期限延长${input.days}个工作日，至${formatChineseDate(due.date)}`, note: input.reason });
        await audit({ days: input.days, reason: input.reason, replyDueOn: due.date });
        extra.replyDueOn = due.date;
        extra.certain = due.certain;
        notice = { subject: '您的来信办理期限延长', text: `您的来信（编号 ${m.trackingNo}）办理期限延长至${formatChineseDate(due.date)}。理由：${input.reason}` };
        break;
      }
      case 'publish': {
        const box = await repo.findMailboxById(trx, m.mailboxId);
        await repo.updateMessage(trx, m.id, { published: true, publishedOn: today, publishedBy: actor.userId });
        await indexDocument(trx, messageDocument({ ...m, orgCode: org.code, orgName: org.name, boxCode: box.code, boxName: box.name, publishedOn: today }));
        await repo.insertEvent(trx, { ...event, type: 'published', title: '来信及答复已在网站公开（姓名已隐去）' });
        await audit({ after: { published: true } });
        break;
      }
      case 'unpublish':
        await repo.updateMessage(trx, m.id, { published: false, publishedOn: null });
        await removeDocument(trx, 'message', m.trackingNo);
        await repo.insertEvent(trx, { ...event, type: 'unpublished', title: '已取消公开', note: input.reason ?? null, public: false });
        await audit({ after: { published: false }, reason: input.reason });
        break;
    }
    return { id: m.id, trackingNo: m.trackingNo, ...extra };
  });

  if (input.action === 'convert') {
    // A disclosure request sent as a message becomes a request that keeps the day of receipt (条例第三十一条).
    const m = found;
    const requestInput: Parameters<typeof submitRequest>[2] = {
      orgCode: org.code,
      applicant: { type: 'natural', name: m.senderName, idType: 'other', idNumber: `来信${m.trackingNo}`, phone: m.senderPhoneEnc ? ctx.crypto.decrypt(m.senderPhoneEnc) : '未提供', ...(m.senderEmailEnc ? { email: ctx.crypto.decrypt(m.senderEmailEnc) } : {}) },
      channel: ({ online: 'online', letter: 'letter', email: 'email', inPerson: 'inPerson', readingRoom: 'inPerson' } as const)[m.channel as 'online'] ?? 'oral',
      description: `${m.subject}\n${m.body}`, form: 'electronic', delivery: m.senderEmailEnc ? 'email' : 'post', queryPassword: randomBytes(12).toString('base64url'),
    };
    const created = await submitRequest(ctx, actor, requestInput, {
      convertedFromMessage: { receivedOn: m.receivedOn, queryPasswordHash: m.queryPasswordHash ?? undefined },
      onCreated: async (trx, requestId, requestTrackingNo) => {
        await repo.updateMessage(trx, m.id, { status: 'converted', convertedRequestId: requestId, closedOn: today, closeReason: `转为政府信息公开申请 ${requestTrackingNo}` });
        await repo.insertEvent(trx, { messageId: m.id, onDate: today, orgId: m.orgId, actorUserId: actor.userId, type: 'converted', title: `来信属于政府信息公开申请，已转为申请办理（受理编号 ${requestTrackingNo}，可用原查询密码查询），收到日期仍为${formatChineseDate(m.receivedOn)}`, note: input.action === 'convert' ? input.note ?? null : null });
        await recordAudit(trx, { actor, orgId: m.orgId, action: 'message.convert', targetType: 'message', targetId: m.trackingNo, summary: { requestTrackingNo } });
      },
    });
    result.requestTrackingNo = created.trackingNo;
    notice = { subject: '您的来信已转为政府信息公开申请', text: `您的来信（编号 ${m.trackingNo}）属于政府信息公开申请，已按申请办理，受理编号 ${created.trackingNo}，可用原查询密码查询。` };
  }
  if (input.action === 'publish' || input.action === 'unpublish') ctx.pages.invalidate();
  if (notice) await tellSender(ctx, found, notice);
  return result;
}

async function resolveTarget(ctx: AppContext, actor: Actor, scope: OrgScope, m: repo.MessageRow, input: HandlingInput) {
  if (input.action === 'transfer') {
    const org = await findOrgByCode(ctx.db, input.toOrgCode);
    if (!org || org.id === m.orgId) throw new AppError('MESSAGE_TARGET_INVALID', [{ path: 'toOrgCode', message: '请选择本平台上的其他机关。' }]);
    return { org, box: await mainMailbox(ctx, org.id) };
  }
  if (input.action === 'assign') {
    const org = await findOrgByCode(ctx.db, input.assignedOrgCode);
    const below = org ? inScope(await subtreeIds(ctx.db, m.orgId), org.id) && inScope(scope, org.id) : false;
    if (!org || !below) throw new AppError('MESSAGE_TARGET_INVALID', [{ path: 'assignedOrgCode', message: '承办部门须是本机关或其下属部门。' }]);
    return { org };
  }
  if (input.action === 'markDuplicate') {
    const other = await repo.findByTrackingNo(ctx.db, input.duplicateOf.trim());
    if (!other || other.id === m.id || !policy.canRead(actor, scope, other)) throw new AppError('MESSAGE_TARGET_INVALID', [{ path: 'duplicateOf', message: '未找到该来信编号。' }]);
    return { duplicate: other };
  }
  return {};
}

/** Publication needs the sender's consent and a clean privacy scan of the question and the reply. */
async function checkPublishable(ctx: AppContext, m: repo.MessageRow) {
  if (!m.publicReply) throw new AppError('MESSAGE_NO_CONSENT');
  const words = await sensitiveWords(ctx);
  const findings = [
    ...scanText(`${m.subject}\n${m.body}`, { sensitiveWords: words }).map((f) => ({ ...f, field: 'body' })),
    ...scanText(m.replyText ?? '', { sensitiveWords: words }).map((f) => ({ ...f, field: 'reply' })),
  ];
  if (findings.length) {
    throw new AppError('MESSAGE_PRIVACY_FINDINGS', findings.map((f) => ({ path: f.field, message: `${f.field === 'reply' ? '答复' : '来信'}中含有${labelOf('findingType', f.type)}（${f.masked}），请处理后再公开。` })));
  }
}

/** E-mail when the sender gave an address, an SMS otherwise; a failure is kept in the history, never lost silently. */
async function tellSender(ctx: AppContext, m: repo.MessageRow, notice: Notice) {
  const notifier = notifierFor(ctx.config);
  const today = todayInChina(ctx.now());
  try {
    let how: string | null = null;
    if (m.senderEmailEnc && notifier.mailConfigured) {
      await notifier.email(ctx.crypto.decrypt(m.senderEmailEnc), notice.subject, notice.text);
      how = '电子邮件';
    } else if (m.senderPhoneEnc) {
      await notifier.sms(ctx.crypto.decrypt(m.senderPhoneEnc), `【政务公开】${notice.text}`.slice(0, 300));
      how = '短信';
    }
    if (how) await repo.insertEvent(ctx.db, { messageId: m.id, onDate: today, orgId: m.orgId, type: 'notified', title: `已通过${how}告知来信人：${notice.subject}`, public: false });
  } catch (error) {
    await repo.insertEvent(ctx.db, { messageId: m.id, onDate: today, orgId: m.orgId, type: 'notifyFailed', title: '通知来信人未成功，请电话联系', note: String((error as Error).message).slice(0, 200), public: false });
  }
}

/** Several messages to one department at once (bulk assignment); each is a step of its own. */
export async function assignMessages(ctx: AppContext, actor: Actor, ids: number[], assignedOrgCode: string) {
  const results: { id: number; ok: boolean; message?: string }[] = [];
  for (const id of ids) {
    try {
      let m = await readable(ctx, actor, id);
      if (m.status === 'pending') { await handleMessage(ctx, actor, id, { action: 'accept' }); m = (await repo.findById(ctx.db, id))!; }
      await handleMessage(ctx, actor, m.id, { action: 'assign', assignedOrgCode });
      results.push({ id, ok: true });
    } catch (error) {
      results.push({ id, ok: false, message: (error as Error).message });
    }
  }
  return { assigned: results.filter((r) => r.ok).length, results };
}

// ---------------------------------------------------------------- the portal

export async function publishedMessages(ctx: AppContext, f: { mailboxId?: number; q?: string; page: number; pageSize: number }) {
  const filter = { mailboxId: f.mailboxId, q: f.q?.trim() || undefined };
  const [rows, total] = await Promise.all([
    repo.listPublished(ctx.db, { ...filter, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }), repo.countPublished(ctx.db, filter),
  ]);
  return { total, items: rows.map((r) => ({ ...r, senderName: maskName(r.senderName), typeLabel: labelOf('messageType', r.type) })) };
}

export async function publishedMessage(ctx: AppContext, trackingNo: string) {
  const m = await repo.findByTrackingNo(ctx.db, trackingNo);
  if (!m || !m.published) throw new AppError('NOT_FOUND');
  const org = (await findOrgById(ctx.db, m.orgId))!;
  const box = await repo.findMailboxById(ctx.db, m.mailboxId);
  return {
    trackingNo: m.trackingNo, orgCode: org.code, orgName: org.name, boxCode: box.code, boxName: box.name, subject: m.subject, body: m.body,
    senderName: maskName(m.senderName), typeLabel: labelOf('messageType', m.type), receivedOn: m.receivedOn, repliedOn: m.repliedOn, replyText: m.replyText,
  };
}

// ---------------------------------------------------------------- reply templates

export async function listTemplates(ctx: AppContext, actor: Actor) {
  if (!policy.canListMessages(actor)) throw new AppError('FORBIDDEN');
  return repo.listTemplates(ctx.db, await visibleOrgIds(ctx.db, actor));
}

export async function saveTemplate(ctx: AppContext, actor: Actor, input: { templateTitle: string; templateText: string }) {
  if (!hasRole(actor, 'disclosureOffice', 'admin')) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertTemplate(trx, { orgId: actor.orgId, title: input.templateTitle, text: input.templateText });
    await recordAudit(trx, { actor, orgId: actor.orgId, action: 'message.template', targetType: 'mailbox', targetId: id, summary: { templateTitle: input.templateTitle } });
    return { id };
  });
}

export { MAX_MESSAGE_EXTENSION_WORKING_DAYS };
