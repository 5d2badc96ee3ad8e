/** Queries of 电子监察: open cases near or past their limit, and figures grouped by window, item, clerk and centre. */
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

/** Open cases (clock running) due on or before `until`; overdue ones are those due before `today`. */
export async function openCasesDueBy(db: Executor, scope: CaseScope, until: string, filter: { centreId?: number }) {
  let q = scoped(db, scope)
    .select([
      'serviceCases.caseNo', 'serviceItems.code as itemCode', 'serviceItems.name as itemName', 'orgs.name as orgName', 'serviceCases.windowId',
      'serviceWindows.name as windowName', 'serviceWindows.number as windowNumber', 'serviceCentres.name as centreName', 'users.displayName as handlerName',
      'serviceCases.acceptedOn', 'serviceCases.dueOn', 'serviceCases.status',
    ])
    .where('serviceCases.status', 'in', ['accepted', 'processing'])
    .where('serviceCases.completedOn', 'is', null)
    .where('serviceCases.dueOn', '<=', until);
  if (filter.centreId) q = q.where('serviceWindows.centreId', '=', filter.centreId);
  return (await q.orderBy('serviceCases.dueOn').orderBy('serviceCases.id').limit(1000).execute()) as BoardCase[];
}

export interface PeriodCase {
  id: number;
  itemCode: string;
  itemName: string;
  orgName: string;
  windowId: number | null;
  windowName: string | null;
  windowNumber: string | null;
  centreId: number | null;
  centreName: string | null;
  handledBy: number | null;
  handlerName: string | null;
  status: string;
  acceptedOn: string;
  dueOn: string | null;
  completedOn: string | null;
  level: number | null;
}

/** The cases accepted in a period with what the figures need (at most 200,000; the board is for a centre, not a province). */
export async function casesAcceptedIn(db: Executor, scope: CaseScope, from: string, to: string, filter: { centreId?: number }) {
  let q = scoped(db, scope)
    .leftJoin('serviceRatings', (j) => j.onRef('serviceRatings.caseId', '=', 'serviceCases.id').on('serviceRatings.excluded', '=', false))
    .select([
      'serviceCases.id', 'serviceItems.code as itemCode', 'serviceItems.name as itemName', 'orgs.name as orgName', 'serviceCases.windowId',
      'serviceWindows.name as windowName', 'serviceWindows.number as windowNumber', 'serviceWindows.centreId', 'serviceCentres.name as centreName',
      'serviceCases.handledBy', 'users.displayName as handlerName', 'serviceCases.status', 'serviceCases.acceptedOn', 'serviceCases.dueOn',
      'serviceCases.completedOn', 'serviceRatings.level',
    ])
    .where('serviceCases.acceptedOn', '>=', from)
    .where('serviceCases.acceptedOn', '<=', to)
    .where('serviceCases.status', 'not in', ['refused', 'informed']);
  if (filter.centreId) q = q.where('serviceWindows.centreId', '=', filter.centreId);
  return (await q.limit(200_000).execute()) as PeriodCase[];
}

export async function pausesOf(db: Executor, caseIds: number[]) {
  if (!caseIds.length) return [];
  const out: { caseId: number; startedOn: string; endedOn: string | null }[] = [];
  for (let i = 0; i < caseIds.length; i += 5000) {
    out.push(...(await db.selectFrom('serviceCasePauses').select(['caseId', 'startedOn', 'endedOn']).where('caseId', 'in', caseIds.slice(i, i + 5000)).execute()));
  }
  return out;
}
