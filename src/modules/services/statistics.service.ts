/**
 * 政务服务 statistics (api-contract.md "service-statistics"): cases accepted in the period, how many
 * were completed (办结, any result), the 办结率, on time and overdue against the promised limit, and
 * the 好差评 ratings of those cases with the 满意率. Rolled up over the bodies below when asked.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { todayInChina, type IsoDate } from '../../domain/dates.js';
import { completionRate, emptyRatingCounts, satisfactionRate, type RatingCounts } from '../../domain/services/rates.js';
import { AppError } from '../../http/errors.js';
import type { Executor } from '../audit/audit.repository.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';

export interface CaseSelection {
  orgIds?: number[];
  windowIds?: number[];
  itemIds?: number[];
  from: IsoDate;
  to: IsoDate;
}

export interface ServiceFigures {
  accepted: number;
  completed: number;
  completionRate: string;
  onTime: number;
  overdue: number;
  ratings: { count: number; byLevel: RatingCounts; satisfactionRate: string };
}

function selected(db: Executor, s: CaseSelection) {
  let q = db.selectFrom('serviceCases')
    .where('serviceCases.acceptedOn', '>=', s.from)
    .where('serviceCases.acceptedOn', '<=', s.to)
    .where('serviceCases.status', 'not in', ['refused', 'informed']);
  if (s.orgIds) q = s.orgIds.length ? q.where('serviceCases.orgId', 'in', s.orgIds) : q.where(sql<boolean>`false`);
  if (s.windowIds) q = s.windowIds.length ? q.where('serviceCases.windowId', 'in', s.windowIds) : q.where(sql<boolean>`false`);
  if (s.itemIds) q = s.itemIds.length ? q.where('serviceCases.itemId', 'in', s.itemIds) : q.where(sql<boolean>`false`);
  return q;
}

/** The figures of a selection of cases; `today` decides which open cases are overdue. */
export async function figuresOf(db: Executor, s: CaseSelection, today: IsoDate): Promise<ServiceFigures> {
  const counts = await selected(db, s)
    .select([
      sql<number>`count(*)::int`.as('accepted'),
      sql<number>`count(service_cases.completed_on)::int`.as('completed'),
      sql<number>`(count(*) filter (where service_cases.completed_on <= service_cases.due_on))::int`.as('onTime'),
      // An open case waiting for the applicant's supplement is not overdue: its clock stands still.
      sql<number>`(count(*) filter (where service_cases.completed_on > service_cases.due_on
        or (service_cases.completed_on is null and service_cases.status in ('accepted', 'processing') and service_cases.due_on < ${today})))::int`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  const levels = await selected(db, s)
    .innerJoin('serviceRatings', 'serviceRatings.caseId', 'serviceCases.id')
    .where('serviceRatings.excluded', '=', false)
    .select(['serviceRatings.level', sql<number>`count(*)::int`.as('n')])
    .groupBy('serviceRatings.level')
    .execute();
  const byLevel = emptyRatingCounts();
  for (const l of levels) byLevel[String(l.level) as keyof RatingCounts] = Number(l.n);
  const accepted = Number(counts.accepted);
  const completed = Number(counts.completed);
  const count = levels.reduce((sum, l) => sum + Number(l.n), 0);
  return {
    accepted, completed, completionRate: completionRate(completed, accepted), onTime: Number(counts.onTime), overdue: Number(counts.overdue),
    ratings: { count, byLevel, satisfactionRate: satisfactionRate(byLevel) },
  };
}

export async function orgStatistics(ctx: AppContext, orgCode: string, query: { from?: IsoDate; to?: IsoDate; rollup?: boolean }) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const today = todayInChina(ctx.now());
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  if (to < from) throw new AppError('VALIDATION_FAILED', [{ path: 'to', message: '截止日期不能早于起始日期。' }]);
  const rollup = query.rollup ?? false;
  const orgIds = rollup ? await subtreeIds(ctx.db, org.id) : [org.id];
  return { orgCode: org.code, orgName: org.name, from, to, rollup, ...(await figuresOf(ctx.db, { orgIds, from, to }, today)) };
}
