/**
 * 互动交流 for staff: the inbox with its filters (box, type, status, channel, overdue, due soon), one message
 * with the steps this person may take now, its files, and the 3-month veto risks of the dashboard. Senders'
 * names and contacts are masked on every view.
 */
import type { AppContext } from '../../context.js';
import type { MessageChannel, MessageStatus, MessageType } from '../../db/tables/interaction.js';
import { addCalendarDays, todayInChina, type IsoDate } from '../../domain/dates.js';
import { maskEmail, maskPhone } from '../../domain/id-numbers.js';
import { labelOf } from '../../domain/labels.js';
import { dueSoonUntil, isVetoRisk } from '../../domain/message-deadline.js';
import { type Actor, hasRole } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { findOrgByCode, findOrgById } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds, type OrgScope } from '../orgs/orgs.policy.js';
import * as policy from './messages.policy.js';
import * as repo from './messages.repository.js';
import { findMailbox } from './mailboxes.service.js';

export async function readable(ctx: AppContext, actor: Actor, id: number) {
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
export function actionsFor(actor: Actor, scope: OrgScope, m: repo.MessageRow): string[] {
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

/** A file of the message (a scanned letter, a photo …) for whoever may read the message. */
export async function messageAttachment(ctx: AppContext, actor: Actor, id: number, docId: number) {
  const m = await readable(ctx, actor, id);
  const doc = await repo.findDocument(ctx.db, m.id, docId);
  if (!doc) throw new AppError('NOT_FOUND');
  return { fileName: doc.fileName, mime: doc.mime, data: await ctx.blobs.get(doc.blobKey) };
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
