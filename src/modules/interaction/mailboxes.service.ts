/**
 * 互动交流: the mailboxes (信箱) of each body — 县长信箱, 局长信箱 … — with the types they take, the reply limit
 * per type in working days and the text shown to the public; every body has a main one, made on first use.
 */
import type { AppContext } from '../../context.js';
import type { MessageType } from '../../db/tables/interaction.js';
import { labelOf } from '../../domain/labels.js';
import { DEFAULT_REPLY_LIMIT_WORKING_DAYS } from '../../domain/message-deadline.js';
import { type Actor, hasRole } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import * as policy from './messages.policy.js';
import * as repo from './messages.repository.js';
import { MESSAGE_TYPES } from './message-codes.js';

/** The body's main mailbox, made on first use for a body created after the migration. */
export async function mainMailbox(ctx: AppContext, orgId: number) {
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
