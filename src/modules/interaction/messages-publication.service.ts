/** 互动交流 on the portal: the published messages and replies of a mailbox (names masked, contacts never shown). */
import type { AppContext } from '../../context.js';
import { labelOf } from '../../domain/labels.js';
import { AppError } from '../../http/errors.js';
import { findOrgById } from '../orgs/orgs.repository.js';
import * as repo from './messages.repository.js';
import { maskName } from './messages-reading.service.js';

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
