/**
 * 政务服务 statistics (api-contract.md "service-statistics"): cases accepted in the period, how many
 * were completed (办结, any result), the 办结率, on time and overdue against the promised limit, and
 * the 好差评 ratings of those cases with the 满意率. Rolled up over the bodies below when asked.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { todayInChina, type IsoDate } from '../../domain/dates.js';
import { completionRate, emptyRatingCounts, percentString, satisfactionRate, type RatingCounts } from '../../domain/services/rates.js';
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

// ---------------------------------------------------------------- breakdowns (by body, centre, window, item, month)

export type Dimension = 'org' | 'centre' | 'window' | 'item' | 'month';

export interface FigureRow {
  key: string;
  label: string;
  accepted: number;
  completed: number;
  completionRate: string;
  onTime: number;
  overdue: number;
  rated: number;
  satisfied: number;
  satisfactionRate: string;
}

/**
 * One GROUP BY per dimension, the same aggregates as figuresOf (a case is rated at most once, so the
 * left join of ratings does not multiply cases). Rows with nothing accepted are left out.
 */
export async function figuresBy(db: Executor, s: CaseSelection, dimension: Dimension, today: IsoDate): Promise<FigureRow[]> {
  const keyLabel = {
    org: [sql<string>`orgs.code`, sql<string>`orgs.name`],
    centre: [sql<string>`coalesce(service_centres.id::text, '-')`, sql<string>`coalesce(service_centres.name, '未经窗口办理')`],
    window: [sql<string>`coalesce(service_windows.id::text, '-')`, sql<string>`coalesce(service_windows.number || '号窗口 ' || service_windows.name, '未经窗口办理')`],
    item: [sql<string>`service_items.code`, sql<string>`service_items.name`],
    month: [sql<string>`to_char(service_cases.accepted_on, 'YYYY-MM')`, sql<string>`to_char(service_cases.accepted_on, 'YYYY-MM')`],
  }[dimension];
  const rated = selected(db, s).leftJoin('serviceRatings', (j) => j.onRef('serviceRatings.caseId', '=', 'serviceCases.id').on('serviceRatings.excluded', '=', false));
  // Only the join the dimension needs (the labels are read by the raw expressions above).
  const q = dimension === 'org' ? rated.innerJoin('orgs', 'orgs.id', 'serviceCases.orgId')
    : dimension === 'item' ? rated.innerJoin('serviceItems', 'serviceItems.id', 'serviceCases.itemId')
      : dimension === 'window' ? rated.leftJoin('serviceWindows', 'serviceWindows.id', 'serviceCases.windowId')
        : dimension === 'centre' ? rated.leftJoin('serviceWindows', 'serviceWindows.id', 'serviceCases.windowId').leftJoin('serviceCentres', 'serviceCentres.id', 'serviceWindows.centreId')
          : rated;
  const rows = await q
    .select([
      keyLabel[0].as('key'), keyLabel[1].as('label'),
      sql<number>`count(*)::int`.as('accepted'),
      sql<number>`count(service_cases.completed_on)::int`.as('completed'),
      sql<number>`(count(*) filter (where service_cases.completed_on <= service_cases.due_on))::int`.as('onTime'),
      sql<number>`(count(*) filter (where service_cases.completed_on > service_cases.due_on
        or (service_cases.completed_on is null and service_cases.status in ('accepted', 'processing') and service_cases.due_on < ${today})))::int`.as('overdue'),
      sql<number>`count(service_ratings.id)::int`.as('rated'),
      sql<number>`(count(*) filter (where service_ratings.level >= 3))::int`.as('satisfied'),
    ])
    .groupBy([keyLabel[0], keyLabel[1]])
    .orderBy(dimension === 'month' ? keyLabel[0] : sql`count(*)`, dimension === 'month' ? 'asc' : 'desc')
    .orderBy(keyLabel[0])
    .execute();
  return rows.map((r) => {
    const accepted = Number(r.accepted);
    const completed = Number(r.completed);
    const rated = Number(r.rated);
    const satisfied = Number(r.satisfied);
    return {
      key: r.key, label: r.label, accepted, completed, completionRate: completionRate(completed, accepted), onTime: Number(r.onTime), overdue: Number(r.overdue),
      rated, satisfied, satisfactionRate: percentString(satisfied, rated),
    };
  });
}

const lastDayOf = (month: string): IsoDate => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** A body's month (cases accepted in it), rolled up over the bodies below; and the year's months up to it. */
export async function monthlyStatistics(ctx: AppContext, orgCode: string, month: string, rollup = true) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'org', message: '机构不存在。' }]);
  const today = todayInChina(ctx.now());
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const orgIds = rollup ? await subtreeIds(ctx.db, org.id) : [org.id];
  const s = { orgIds, from, to };
  const [total, byOrg, byCentre, byWindow, byItem, byMonth] = await Promise.all([
    figuresOf(ctx.db, s, today), figuresBy(ctx.db, s, 'org', today), figuresBy(ctx.db, s, 'centre', today), figuresBy(ctx.db, s, 'window', today),
    figuresBy(ctx.db, s, 'item', today), figuresBy(ctx.db, { orgIds, from: `${month.slice(0, 4)}-01-01`, to }, 'month', today),
  ]);
  return { orgCode: org.code, orgName: org.name, month, from, to, rollup, total, byOrg, byCentre, byWindow, byItem, byMonth };
}

/**
 * 行政许可 decisions of a year for table 二 of the annual report: licence cases (item kind `license`)
 * decided in the year — approved or rejected (准予 / 不予许可), not withdrawn — by the bodies given.
 */
export async function licenceDecisionsOfYear(db: Executor, orgIds: number[], year: number): Promise<number> {
  if (!orgIds.length) return 0;
  const r = await db.selectFrom('serviceCases')
    .innerJoin('serviceItems', 'serviceItems.id', 'serviceCases.itemId')
    .where('serviceItems.kind', '=', 'license')
    .where('serviceCases.orgId', 'in', orgIds)
    .where('serviceCases.result', 'in', ['approved', 'rejected'])
    .where('serviceCases.completedOn', '>=', `${year}-01-01`)
    .where('serviceCases.completedOn', '<=', `${year}-12-31`)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
