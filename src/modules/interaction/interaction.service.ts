/**
 * 互动交流: consultations (咨询) from the public, answered by the body; answers of
 * general interest are published. Contact details are personal data: encrypted, never shown publicly.
 */
import type { AppContext } from '../../context.js';
import { addCalendarDays, IsoDate, todayInChina } from '../../domain/dates.js';
import { LABELS, labelOf } from '../../domain/labels.js';
import { Actor, hasRole } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds } from '../orgs/orgs.policy.js';
import { redactPersonalData } from '../../lib/personal-data.js';
import * as repo from './interaction.repository.js';

export const CONSULTATION_CHANNELS = LABELS.consultationChannel;
export type ConsultationChannel = keyof typeof CONSULTATION_CHANNELS;

export interface NewConsultation {
  orgCode: string;
  subject: string;
  question: string;
  askerName: string;
  contact?: string;
  channel?: ConsultationChannel;
}

export async function submitConsultation(ctx: AppContext, actor: Actor | null, input: NewConsultation) {
  const org = await findOrgByCode(ctx.db, input.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '机关不存在。' }]);
  if (actor) {
    const scope = await visibleOrgIds(ctx.db, actor);
    if (!hasRole(actor, 'disclosureOffice', 'admin') || !inScope(scope, org.id)) throw new AppError('FORBIDDEN');
  }
  const channel: ConsultationChannel = actor ? input.channel ?? 'phone' : 'online';
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertConsultation(trx, {
      orgId: org.id, channel, subject: input.subject, question: input.question, askerName: input.askerName, receivedAt: ctx.now(),
      contactEnc: input.contact ? ctx.crypto.encrypt(input.contact) : null,
    });
    await recordAudit(trx, { actor, orgId: org.id, action: 'consultation.submit', targetType: 'consultation', targetId: id, summary: { channel, subject: input.subject } });
    return { id, channel, status: 'open' as const };
  });
}

export async function answerConsultation(ctx: AppContext, actor: Actor, id: number, input: { answer: string; publish: boolean }) {
  const c = await repo.findConsultation(ctx.db, id);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!c || !inScope(scope, c.orgId)) throw new AppError('NOT_FOUND');
  if (!hasRole(actor, 'disclosureOffice', 'admin')) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.answerConsultation(trx, id, { answer: input.answer, publishAnswer: input.publish, answeredBy: actor.userId, answeredAt: ctx.now() });
    await recordAudit(trx, { actor, orgId: c.orgId, action: 'consultation.answer', targetType: 'consultation', targetId: id, summary: { publish: input.publish } });
  });
  return { id, status: 'answered' as const };
}

export interface ConsultationFilters {
  q?: string;
  status?: 'open' | 'answered';
  channel?: ConsultationChannel;
  /** Days in China (YYYY-MM-DD), both included. */
  from?: IsoDate;
  to?: IsoDate;
}

/** The most a list shows at once; the export takes more. */
const LIST_LIMIT = 500;
const EXPORT_LIMIT = 20_000;

function repositoryFilters(filters: ConsultationFilters): repo.StaffFilters {
  if (filters.from && filters.to && filters.to < filters.from) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '截止日期不能早于起始日期，请重新选择。' }]);
  }
  return {
    q: filters.q?.trim() || undefined, status: filters.status, channel: filters.channel,
    from: filters.from ? new Date(`${filters.from}T00:00:00+08:00`) : undefined,
    to: filters.to ? new Date(`${addCalendarDays(filters.to, 1)}T00:00:00+08:00`) : undefined,
  };
}

async function staffRows(ctx: AppContext, actor: Actor, filters: ConsultationFilters, limit: number) {
  if (!hasRole(actor, 'disclosureOffice', 'admin', 'supervisor')) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  const where = repositoryFilters(filters);
  const [rows, total] = await Promise.all([repo.listForStaff(ctx.db, scope, where, limit), repo.countForStaff(ctx.db, scope, where)]);
  const items = rows.map(({ contactEnc, ...r }) => ({
    ...r,
    receivedOn: todayInChina(new Date(r.receivedAt)),
    answeredOn: r.answeredAt ? todayInChina(new Date(r.answeredAt)) : null,
    channelLabel: labelOf('consultationChannel', r.channel),
    statusLabel: labelOf('consultationStatus', r.status),
    // Staff see enough of the contact to recognise it; it is never shown in full or published.
    contactMasked: contactEnc ? redactPersonalData({ phone: ctx.crypto.decrypt(contactEnc) }).phone : null,
  }));
  return { items, total };
}

/** Consultations in the actor's scope, newest first, filtered (at most 500; `total` counts them all). */
export async function listConsultations(ctx: AppContext, actor: Actor, filters: ConsultationFilters = {}) {
  return staffRows(ctx, actor, filters, LIST_LIMIT);
}

/** The same list for a spreadsheet (the contact is left out). */
export async function exportConsultations(ctx: AppContext, actor: Actor, filters: ConsultationFilters = {}) {
  return (await staffRows(ctx, actor, filters, EXPORT_LIMIT)).items;
}

export async function publishedAnswers(ctx: AppContext) {
  return repo.listPublished(ctx.db, 50);
}

/** Consultations received in a year by channel (statistics dashboard). */
export async function consultationsByChannel(ctx: AppContext, orgIds: number[], year: number) {
  const rows = await repo.countByChannel(ctx.db, orgIds, new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${year + 1}-01-01T00:00:00+08:00`));
  return rows.map((r) => ({ channel: r.channel, label: CONSULTATION_CHANNELS[r.channel as ConsultationChannel] ?? r.channel, count: Number(r.count) }));
}
