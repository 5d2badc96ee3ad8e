/**
 * 互动交流: the handling steps of a message — triage by the 公开办 (accept, transfer, refer to 信访, convert to a
 * disclosure request, duplicate, invalid) → assignment → draft → approval (never by the drafter) → reply to the
 * sender, extension, publication — each a state change, its history and its audit entry in one transaction,
 * every valid message answered (“件件有着落，事事有回音”).
 */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { formatChineseDate, todayInChina } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import { extendedReplyDue, MAX_MESSAGE_EXTENSION_WORKING_DAYS, messageReplyDue } from '../../domain/message-deadline.js';
import { scanText } from '../../domain/privacy-scan.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { notifierFor } from '../../lib/notifications.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode, findOrgById, subtreeIds } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds, type OrgScope } from '../orgs/orgs.policy.js';
import { submitRequest } from '../requests/requests.service.js';
import { indexDocument, removeDocument } from '../search/search-index.js';
import { sensitiveWords } from '../settings/settings.service.js';
import * as policy from './messages.policy.js';
import { messageDocument } from './message-search.js';
import * as repo from './messages.repository.js';
import { mainMailbox, replyLimitOf } from './mailboxes.service.js';
import { actionsFor, readable } from './messages-reading.service.js';

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

export { MAX_MESSAGE_EXTENSION_WORKING_DAYS };
