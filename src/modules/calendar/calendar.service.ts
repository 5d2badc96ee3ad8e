import type { AppContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { PACKAGE_YEARS, uncertainWarning, WorkingDayCalendar } from '../../domain/calendar.js';
import { todayInChina, yearOf } from '../../domain/dates.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './calendar.repository.js';

/** Builds the calendar from the data package plus the administrators' overrides. */
export async function loadCalendar(db: Db): Promise<WorkingDayCalendar> {
  const [overrides, years] = await Promise.all([repo.listOverrides(db), repo.listConfirmedYears(db)]);
  return new WorkingDayCalendar(overrides, years);
}

export const MAX_WORKING_DAYS = 3650;

export async function addWorkingDays(ctx: AppContext, from: string, days: number) {
  if (!Number.isInteger(days) || Math.abs(days) > MAX_WORKING_DAYS) throw new AppError('CALENDAR_RANGE');
  const result = (await ctx.calendar()).addWorkingDays(from, days);
  return {
    from, days, date: result.date, certain: result.certain,
    ...(result.certain ? {} : { warning: uncertainWarning(result.uncertainYears) }),
  };
}

export async function checkDay(ctx: AppContext, date: string) {
  const day = (await ctx.calendar()).classify(date);
  return { ...day, ...(day.certain ? {} : { warning: uncertainWarning([yearOf(date)]) }) };
}

export async function listOverrides(ctx: AppContext, year?: number) {
  const [items, confirmedYears] = await Promise.all([repo.listOverrides(ctx.db, year), repo.listConfirmedYears(ctx.db)]);
  return { items, confirmedYears, packageYears: [...PACKAGE_YEARS].sort() };
}

/** This year and next: the console asks the administrator to enter any that has no official schedule. */
export async function calendarStatus(ctx: AppContext) {
  const calendar = await ctx.calendar();
  const thisYear = yearOf(todayInChina(ctx.now()));
  const uncertainYears = [thisYear, thisYear + 1].filter((y) => !calendar.isYearKnown(y));
  return {
    uncertainYears,
    ...(uncertainYears.length
      ? { message: `${uncertainYears.join('、')}年的法定节假日和调休安排尚未录入。国务院办公厅公布放假安排后，请逐日录入节假日与调休上班日，并点击“确认该年度已录入完整”。在此之前，涉及该年度的法定期限均标注为“待确认”。` }
      : {}),
  };
}

export async function setOverride(ctx: AppContext, actor: Actor, date: string, working: boolean, name: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findOverride(trx, date);
    await repo.upsertOverride(trx, { date, working, name, updatedBy: actor.userId });
    await recordAudit(trx, {
      actor, orgId: actor.orgId, action: 'calendar.setDay', targetType: 'calendarDay', targetId: date,
      summary: { before: before ?? null, after: { date, working, name } },
    });
  });
  ctx.invalidateCalendar();
}

export async function removeOverride(ctx: AppContext, actor: Actor, date: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findOverride(trx, date);
    if (!before) throw new AppError('NOT_FOUND');
    await repo.deleteOverride(trx, date);
    await recordAudit(trx, { actor, orgId: actor.orgId, action: 'calendar.removeDay', targetType: 'calendarDay', targetId: date, summary: { before } });
  });
  ctx.invalidateCalendar();
}

export async function confirmYear(ctx: AppContext, actor: Actor, year: number) {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.confirmYear(trx, year, actor.userId);
    await recordAudit(trx, { actor, orgId: actor.orgId, action: 'calendar.confirmYear', targetType: 'calendarYear', targetId: year });
  });
  ctx.invalidateCalendar();
}
