/**
 * 互动交流: messages (来信) arriving — written online, or registered by the 公开办 when they came by phone, SMS,
 * letter, in person, the 意见箱, e-mail or the 公共查阅室 — with the reply due day, and the scanned originals.
 * The sender's contacts are personal data: encrypted at rest, masked, never published.
 */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import type { MessageChannel, MessageType } from '../../db/tables/interaction.js';
import { formatChineseDate, todayInChina, type IsoDate } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import { messageReplyDue } from '../../domain/message-deadline.js';
import { type Actor, hasRole } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { MIME, sniffFileKind } from '../../lib/documents/file-types.js';
import { hashPassword } from '../../lib/password-hash.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import type { UploadedFile } from '../requests/requests.service.js';
import * as policy from './messages.policy.js';
import * as repo from './messages.repository.js';
import { mainMailbox, replyLimitOf } from './mailboxes.service.js';
import { readable } from './messages-reading.service.js';

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
