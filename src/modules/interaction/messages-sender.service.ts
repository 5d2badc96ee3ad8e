/**
 * 互动交流: what the sender sees with the tracking number and the query password — the state, the deadline,
 * the public steps and the reply — and the rating: 不满意 the first time sends the message back once.
 */
import type { AppContext } from '../../context.js';
import type { MessageRating, MessageStatus } from '../../db/tables/interaction.js';
import { formatChineseDate, todayInChina } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import { messageReplyDue } from '../../domain/message-deadline.js';
import { AppError } from '../../http/errors.js';
import { dummyPasswordHash, verifyPassword } from '../../lib/password-hash.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgById } from '../orgs/orgs.repository.js';
import * as repo from './messages.repository.js';
import { replyLimitOf } from './mailboxes.service.js';

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
