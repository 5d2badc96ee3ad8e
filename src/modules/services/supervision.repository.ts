/**
 * Queries of 电子监察: open cases near or past their limit, through the partial index on cases whose
 * clock is running (migration 0020). The period's figures come from the monthly figures (case-figures.repository.ts).
 */
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.repository.js';
import type { CaseScope } from './services.policy.js';

function scoped(db: Executor, scope: CaseScope) {
  let q = db.selectFrom('serviceCases')
    .innerJoin('serviceItems', 'serviceItems.id', 'serviceCases.itemId')
    .innerJoin('orgs', 'orgs.id', 'serviceCases.orgId')
    .leftJoin('serviceWindows', 'serviceWindows.id', 'serviceCases.windowId')
    .leftJoin('serviceCentres', 'serviceCentres.id', 'serviceWindows.centreId')
    .leftJoin('users', 'users.id', 'serviceCases.handledBy');
  if (scope.orgs !== 'all') q = scope.orgs.length ? q.where('serviceCases.orgId', 'in', scope.orgs) : q.where(sql<boolean>`false`);
  if (scope.windows) q = q.where('serviceCases.windowId', 'in', scope.windows);
  return q;
}

export interface BoardCase {
  caseNo: string;
  itemCode: string;
  itemName: string;
  orgName: string;
  windowId: number | null;
  windowName: string | null;
  windowNumber: string | null;
  centreName: string | null;
  handlerName: string | null;
  acceptedOn: string;
  dueOn: string;
  status: string;
}

/**
 * Open cases (clock running), soonest due first, at most 1,000: those due before `before` (overdue),
 * or those due from `from` to `until` (approaching). Each list has its own limit, so a long overdue
 * list does not hide the approaching ones.
 */
export async function openCasesDue(db: Executor, scope: CaseScope, due: { before: string } | { from: string; until: string }, filter: { centreId?: number }) {
  let q = scoped(db, scope)
    .select([
      'serviceCases.caseNo', 'serviceItems.code as itemCode', 'serviceItems.name as itemName', 'orgs.name as orgName', 'serviceCases.windowId',
      'serviceWindows.name as windowName', 'serviceWindows.number as windowNumber', 'serviceCentres.name as centreName', 'users.displayName as handlerName',
      'serviceCases.acceptedOn', 'serviceCases.dueOn', 'serviceCases.status',
    ])
    .where('serviceCases.status', 'in', ['accepted', 'processing'])
    .where('serviceCases.completedOn', 'is', null);
  q = 'before' in due ? q.where('serviceCases.dueOn', '<', due.before) : q.where('serviceCases.dueOn', '>=', due.from).where('serviceCases.dueOn', '<=', due.until);
  if (filter.centreId) q = q.where('serviceWindows.centreId', '=', filter.centreId);
  return (await q.orderBy('serviceCases.dueOn').orderBy('serviceCases.id').limit(1000).execute()) as BoardCase[];
}

/** How many open cases are overdue and approaching (the list above stops at 1,000). */
export async function countOpenCasesDueBy(db: Executor, scope: CaseScope, today: string, until: string, filter: { centreId?: number }) {
  let q = db.selectFrom('serviceCases')
    .where('serviceCases.status', 'in', ['accepted', 'processing'])
    .where('serviceCases.completedOn', 'is', null)
    .where('serviceCases.dueOn', '<=', until);
  if (scope.orgs !== 'all') q = scope.orgs.length ? q.where('serviceCases.orgId', 'in', scope.orgs) : q.where(sql<boolean>`false`);
  if (scope.windows) q = q.where('serviceCases.windowId', 'in', scope.windows);
  if (filter.centreId) q = q.where('serviceCases.windowId', 'in', (eb) => eb.selectFrom('serviceWindows').select('serviceWindows.id').where('serviceWindows.centreId', '=', filter.centreId!));
  const r = await q.select([
    sql<number>`(count(*) filter (where service_cases.due_on < ${today}))::int`.as('overdue'),
    sql<number>`(count(*) filter (where service_cases.due_on >= ${today}))::int`.as('approaching'),
  ]).executeTakeFirstOrThrow();
  return { approaching: Number(r.approaching), overdue: Number(r.overdue) };
}
