/**
 * 政务服务 statistics (api-contract.md "service-statistics"): cases accepted in the period, how many
 * were completed (办结, any result), the 办结率, on time and overdue against the promised limit, and
 * the 好差评 ratings of those cases with the 满意率. Rolled up over the bodies below when asked.
 * Read from the monthly figures (case-figures.repository.ts), not by scanning the cases.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { todayInChina, type IsoDate } from '../../domain/dates.js';
import { completionRate, emptyRatingCounts, percentString, RATING_LEVELS, satisfactionRate, type RatingCounts } from '../../domain/services/rates.js';
import { splitPeriod } from '../../domain/services/statistics-period.js';
import { AppError } from '../../http/errors.js';
import type { Executor } from '../audit/audit.repository.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { figureSums, type FigureDimension, type FigureSelection, type FigureSums } from './case-figures.repository.js';

export interface CaseSelection {
  orgIds?: number[];
  windowIds?: number[];
  itemIds?: number[];
  /** Cases at the windows of this centre. */
  centreId?: number;
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

/**
 * The selection as the monthly figures read it: whole months from service_case_monthly, the days
 * outside them and the open overdue cases from the cases (statistics-period.ts, case-figures.repository.ts).
 */
function figureSelection(s: CaseSelection, today: IsoDate): FigureSelection {
  return { orgIds: s.orgIds, windowIds: s.windowIds, itemIds: s.itemIds, centreId: s.centreId, from: s.from, to: s.to, ...splitPeriod(s.from, s.to, today) };
}

export async function figureSumsOf(db: Executor, s: CaseSelection, dimension: FigureDimension, today: IsoDate): Promise<FigureSums[]> {
  return figureSums(db, figureSelection(s, today), dimension, today);
}

/** The figures of a selection of cases; `today` decides which open cases are overdue. */
export async function figuresOf(db: Executor, s: CaseSelection, today: IsoDate): Promise<ServiceFigures> {
  const [t] = await figureSumsOf(db, s, 'total', today);
  const byLevel = emptyRatingCounts();
  if (!t) return { accepted: 0, completed: 0, completionRate: completionRate(0, 0), onTime: 0, overdue: 0, ratings: { count: 0, byLevel, satisfactionRate: satisfactionRate(byLevel) } };
  for (const level of RATING_LEVELS) byLevel[String(level) as keyof RatingCounts] = t.byLevel[level];
  const count = RATING_LEVELS.reduce((sum, level) => sum + t.byLevel[level], 0);
  return {
    accepted: t.accepted, completed: t.completed, completionRate: completionRate(t.completed, t.accepted), onTime: t.onTime,
    // An open case waiting for the applicant's supplement is not overdue: its clock stands still.
    overdue: t.completedLate + t.openOverdue,
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

/** The figures of a selection by one dimension, largest first (months in order); groups with nothing accepted are left out. */
export async function figuresBy(db: Executor, s: CaseSelection, dimension: Dimension, today: IsoDate): Promise<FigureRow[]> {
  const rows = await figureSumsOf(db, s, dimension, today);
  return rows.map((r) => {
    const rated = RATING_LEVELS.reduce((sum, level) => sum + r.byLevel[level], 0);
    const satisfied = r.byLevel[3] + r.byLevel[4] + r.byLevel[5];
    return {
      key: r.key, label: r.label ?? '未经窗口办理', accepted: r.accepted, completed: r.completed, completionRate: completionRate(r.completed, r.accepted),
      onTime: r.onTime, overdue: r.completedLate + r.openOverdue, rated, satisfied, satisfactionRate: percentString(satisfied, rated),
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
