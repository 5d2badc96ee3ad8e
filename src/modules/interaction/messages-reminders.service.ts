/**
 * 互动交流 reminders (a background job, src/jobs/platform-jobs.ts): 2 working days before a message's reply is
 * due the people who must answer it are told, and once more when it is late — in the message's history, in the
 * console (即将到期 / 已超期), and by e-mail to the staff who gave a work address.
 *
 * The staff e-mail carries the message's subject, its number, the due day and a console link, nothing else:
 * it leaves the platform, and the sender's name and contacts are personal data that stay encrypted inside it.
 */
import type { AppContext } from '../../context.js';
import { formatChineseDate, todayInChina, type IsoDate } from '../../domain/dates.js';
import { reminderDay } from '../../domain/message-deadline.js';
import type { Role } from '../../domain/roles.js';
import { notifierFor } from '../../lib/notifications.js';
import { recordAudit } from '../audit/audit.service.js';
import { staffEmails } from '../users/users.service.js';
import * as repo from './messages.repository.js';

/** Who drafts the reply in an assigned department (as messages.policy.ts isAssignedHandler). */
const HANDLER_ROLES: readonly Role[] = ['clerk', 'deptHead', 'leader'];
const OFFICE_ROLES: readonly Role[] = ['disclosureOffice'];

type OpenMessage = Awaited<ReturnType<typeof repo.openMessages>>[number];

/**
 * The addresses a reminder goes to: the assigned department's handlers, or — not assigned yet — the receiving
 * body's 公开办; a late message also to the receiving body's 公开办, who answers for it.
 */
async function recipientsOf(ctx: AppContext, m: OpenMessage, late: boolean): Promise<string[]> {
  const to = m.assignedOrgId ? await staffEmails(ctx, m.assignedOrgId, HANDLER_ROLES) : [];
  if (!m.assignedOrgId || late) to.push(...await staffEmails(ctx, m.orgId, OFFICE_ROLES));
  return [...new Set(to.map((a) => a.trim().toLowerCase()))];
}

export function consoleLinkOf(ctx: AppContext, id: number): string {
  return `${ctx.config.publicBaseUrl.replace(/\/$/, '')}/admin/#/messages/${id}`;
}

/** The staff e-mail: subject, number, due day, console link — never the sender. */
export function reminderMail(ctx: AppContext, m: Pick<OpenMessage, 'id' | 'trackingNo' | 'subject' | 'replyDueOn'>, late: boolean) {
  const due = formatChineseDate(m.replyDueOn as IsoDate);
  return {
    subject: late ? `来信已超过答复期限（${m.trackingNo}）` : `来信即将到期（${m.trackingNo}，${due}前答复）`,
    text: [
      late ? `以下来信已超过答复期限，请尽快答复：` : `以下来信距答复期限还有2个工作日，请及时办理：`,
      '',
      `标题：${m.subject}`,
      `来信编号：${m.trackingNo}`,
      `答复期限：${due}`,
      '',
      `在控制台办理：${consoleLinkOf(ctx, m.id)}`,
    ].join('\n'),
  };
}

/** Mails one reminder after its transaction committed; the outcome goes into the (staff-only) history. */
async function mailReminder(ctx: AppContext, m: OpenMessage, late: boolean, today: IsoDate) {
  const notifier = notifierFor(ctx.config);
  if (!notifier.mailConfigured) return;
  const to = await recipientsOf(ctx, m, late);
  if (!to.length) return;
  const mail = reminderMail(ctx, m, late);
  try {
    await notifier.email(to.join(', '), mail.subject, mail.text);
    await repo.insertEvent(ctx.db, { messageId: m.id, onDate: today, orgId: m.orgId, type: 'notified', public: false, title: `已发送${late ? '超期' : '到期'}提醒邮件给${to.length}位工作人员` });
  } catch (error) {
    await repo.insertEvent(ctx.db, {
      messageId: m.id, onDate: today, orgId: m.orgId, type: 'notifyFailed', public: false,
      title: `${late ? '超期' : '到期'}提醒邮件未发出`, note: String((error as Error).message).slice(0, 200),
    });
  }
}

/** Tells the handling body 2 working days before the due day; flags overdue ones once. Returns what it did. */
export async function remindMessages(ctx: AppContext) {
  const today = todayInChina(ctx.now());
  const calendar = await ctx.calendar();
  let reminded = 0;
  let overdue = 0;
  for (const m of await repo.openMessages(ctx.db)) {
    const late = m.replyDueOn < today;
    if (m.remindedOn && (!late || m.remindedOn > m.replyDueOn)) continue;
    if (!late && reminderDay(calendar, m.replyDueOn) > today) continue;
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateMessage(trx, m.id, { remindedOn: today });
      await repo.insertEvent(trx, {
        messageId: m.id, onDate: today, orgId: m.orgId, type: late ? 'overdue' : 'reminder', public: false,
        title: late ? `已超过答复期限（${formatChineseDate(m.replyDueOn)}），请尽快答复` : `距答复期限（${formatChineseDate(m.replyDueOn)}）还有2个工作日`,
      });
      await recordAudit(trx, { actor: null, orgId: m.orgId, action: 'message.remind', targetType: 'message', targetId: m.trackingNo, summary: { replyDueOn: m.replyDueOn, overdue: late } });
    });
    await mailReminder(ctx, m, late, today);
    if (late) overdue += 1; else reminded += 1;
  }
  return { reminded, overdue };
}
