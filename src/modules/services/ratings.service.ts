/**
 * 好差评 (国办发〔2019〕51号): each case is rated once, on five levels, online (case number and query
 * password, from the QR code on the 办结通知) or on site at the window. 不满意 and 非常不满意 open a
 * rectification: verified with the applicant, rectified within 15 working days, a call back, closed;
 * an unfair rating may be appealed to the centre, which may take it out of the figures. Ratings and
 * rectifications are published per window and item.
 */
import type { AppContext } from '../../context.js';
import { todayInChina, type IsoDate } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import { hasRole, type Actor } from '../../domain/roles.js';
import { emptyRatingCounts, needsRectification, RECTIFICATION_WORKING_DAYS, satisfactionRate, type RatingCounts } from '../../domain/services/rates.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as cases from './cases.repository.js';
import { caseForApplicant } from './cases.service.js';
import * as repo from './ratings.repository.js';
import { canHandleCase, caseInScope, caseScopeOf, canReadServiceCases } from './services.policy.js';

export interface RatingInput {
  level: number;
  comment?: string;
}

async function rate(ctx: AppContext, actor: Actor | null, row: cases.ServiceCaseRow, channel: 'online' | 'onSite', input: RatingInput) {
  if (!row.completedOn) throw new AppError('SERVICE_NOT_RATEABLE');
  if (!Number.isInteger(input.level) || input.level < 1 || input.level > 5) throw new AppError('VALIDATION_FAILED', [{ path: 'level', message: '请选择评价等级（非常满意、满意、基本满意、不满意、非常不满意）。' }]);
  const today = todayInChina(ctx.now());
  const calendar = await ctx.calendar();
  const result = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findRatingOfCase(trx, row.id)) throw new AppError('SERVICE_ALREADY_RATED');
    const ratingId = await repo.insertRating(trx, { caseId: row.id, level: input.level, channel, comment: input.comment?.trim() || null, ratedOn: today });
    let rectification: { id: number; dueOn: IsoDate } | null = null;
    if (needsRectification(input.level)) {
      const dueOn = calendar.addWorkingDays(today, RECTIFICATION_WORKING_DAYS).date;
      rectification = { id: await repo.insertRectification(trx, { ratingId, status: 'verifying', dueOn }), dueOn };
    }
    await recordAudit(trx, { actor, orgId: row.orgId, action: 'service.rating.create', targetType: 'serviceCase', targetId: row.caseNo, summary: { level: labelOf('ratingLevel', String(input.level)), ratingChannel: labelOf('ratingChannel', channel) } });
    return { caseNo: row.caseNo, level: input.level, levelLabel: labelOf('ratingLevel', String(input.level)), channel, ratedOn: today, rectification };
  });
  ctx.pages.invalidate();
  return result;
}

/** Online, by the applicant: case number and query password. */
export async function rateOnline(ctx: AppContext, caseNo: string, queryPassword: string, input: RatingInput) {
  const { row } = await caseForApplicant(ctx, caseNo, queryPassword);
  return rate(ctx, null, row, 'online', input);
}

/** On site, recorded at the window for the applicant in front of it. */
export async function rateOnSite(ctx: AppContext, actor: Actor, caseNo: string, input: RatingInput) {
  const row = await cases.findCaseByNo(ctx.db, caseNo.trim().toUpperCase());
  const scope = await caseScopeOf(ctx.db, actor);
  if (!row || !caseInScope(scope, row)) throw new AppError('SERVICE_CASE_NOT_FOUND');
  if (!canHandleCase(actor, scope, row)) throw new AppError('FORBIDDEN');
  return rate(ctx, actor, row, 'onSite', input);
}

function presentRectification(r: NonNullable<Awaited<ReturnType<typeof repo.findRectification>>>, today: IsoDate) {
  return {
    id: r.id, caseNo: r.caseNo, itemName: r.itemName, level: r.level, levelLabel: labelOf('ratingLevel', String(r.level)), comment: r.comment,
    ratedOn: r.ratedOn, channelLabel: labelOf('ratingChannel', r.channel), status: r.status, statusLabel: labelOf('rectificationStatus', r.status),
    dueOn: r.dueOn, overdue: !r.closedOn && ['verifying', 'rectifying'].includes(r.status) && r.dueOn < today,
    verifyNote: r.verifyNote, rectifyNote: r.rectifyNote, callbackNote: r.callbackNote, appealReason: r.appealReason, appealDecision: r.appealDecision, closedOn: r.closedOn,
  };
}

export async function listRectificationsFor(ctx: AppContext, actor: Actor, filter: { open?: boolean }) {
  if (!canReadServiceCases(actor)) throw new AppError('FORBIDDEN');
  const today = todayInChina(ctx.now());
  return { items: (await repo.listRectifications(ctx.db, await caseScopeOf(ctx.db, actor), filter)).map((r) => presentRectification(r, today)) };
}

export type RectificationAction =
  | { action: 'verify'; justified: boolean; note: string }
  | { action: 'rectify'; note: string }
  | { action: 'callback'; note: string }
  | { action: 'appeal'; note: string }
  | { action: 'decideAppeal'; upheld: boolean; note: string };

const FROM: Record<RectificationAction['action'], string[]> = {
  verify: ['verifying'], rectify: ['rectifying'], callback: ['rectifying'], appeal: ['verifying', 'rectifying'], decideAppeal: ['appealed'],
};

export async function actOnRectification(ctx: AppContext, actor: Actor, id: number, input: RectificationAction) {
  const r = await repo.findRectification(ctx.db, id);
  const scope = await caseScopeOf(ctx.db, actor);
  if (!r || !caseInScope(scope, r)) throw new AppError('SERVICE_CASE_NOT_FOUND');
  if (input.action === 'decideAppeal' ? !hasRole(actor, 'serviceManager') : !canHandleCase(actor, scope, r)) throw new AppError('FORBIDDEN');
  if (!FROM[input.action].includes(r.status)) throw new AppError('SERVICE_RECTIFICATION_STEP_INVALID', [{ path: 'action', message: `整改${labelOf('rectificationStatus', r.status)}，不能进行该操作。` }]);
  if (input.action === 'callback' && !r.rectifyNote) throw new AppError('SERVICE_RECTIFICATION_STEP_INVALID', [{ path: 'action', message: '请先登记整改情况，再回访。' }]);
  const today = todayInChina(ctx.now());
  const note = input.note.trim();
  await ctx.db.transaction().execute(async (trx) => {
    const base = { handledBy: actor.userId };
    switch (input.action) {
      case 'verify':
        await repo.updateRectification(trx, id, { ...base, verifyNote: note, status: input.justified ? 'rectifying' : 'unjustified', ...(input.justified ? {} : { closedOn: today }) });
        break;
      case 'rectify':
        await repo.updateRectification(trx, id, { ...base, rectifyNote: note });
        break;
      case 'callback':
        await repo.updateRectification(trx, id, { ...base, callbackNote: note, status: 'closed', closedOn: today });
        break;
      case 'appeal':
        await repo.updateRectification(trx, id, { ...base, appealReason: note, status: 'appealed' });
        break;
      case 'decideAppeal':
        await repo.updateRectification(trx, id, { ...base, appealDecision: note, status: input.upheld ? 'appealUpheld' : 'rectifying', ...(input.upheld ? { closedOn: today } : {}) });
        if (input.upheld) await repo.excludeRating(trx, r.ratingId);
        break;
    }
    await recordAudit(trx, { actor, orgId: r.orgId, action: `service.rectification.${input.action}`, targetType: 'serviceCase', targetId: r.caseNo, summary: { before: { status: labelOf('rectificationStatus', r.status) }, note } });
  });
  ctx.pages.invalidate();
  return presentRectification((await repo.findRectification(ctx.db, id))!, today);
}

/** The published summary: per window and per item, levels, 满意率 and rectifications closed. */
export async function ratingsSummary(ctx: AppContext, from: IsoDate, to: IsoDate) {
  const rows = await repo.ratingSummary(ctx.db, from, to);
  const fold = (keyOf: (r: (typeof rows)[number]) => { key: string; label: string } | null) => {
    const map = new Map<string, { label: string; byLevel: RatingCounts; count: number; rectified: number }>();
    for (const r of rows) {
      const k = keyOf(r);
      if (!k) continue;
      const g = map.get(k.key) ?? { label: k.label, byLevel: emptyRatingCounts(), count: 0, rectified: 0 };
      g.byLevel[String(r.level) as keyof RatingCounts] += Number(r.n);
      g.count += Number(r.n);
      g.rectified += Number(r.rectified);
      map.set(k.key, g);
    }
    return [...map.values()].map((g) => ({ ...g, satisfactionRate: satisfactionRate(g.byLevel) })).sort((a, b) => b.count - a.count);
  };
  return {
    from, to,
    byWindow: fold((r) => (r.windowId ? { key: String(r.windowId), label: `${r.windowNumber}号窗口 ${r.windowName}` } : null)),
    byItem: fold((r) => ({ key: r.itemCode, label: r.itemName })),
  };
}
