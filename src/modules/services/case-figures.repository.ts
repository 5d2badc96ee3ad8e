/**
 * The monthly figures of 办件 (service_case_monthly, migration 0020): per month of acceptance, body,
 * window, item and clerk, the cases accepted (受理), completed (办结), on time, late, the working days
 * they took and their ratings by level. Statistics and the 电子监察 board read these instead of
 * scanning the cases; only the days of a period outside whole months and the open cases (whose
 * lateness depends on today) are read from service_cases.
 *
 * `caseSums` is the one definition of what a case adds to its month: the rebuild, the edge days and
 * every change go through it. A change to cases or ratings is made inside `changingCases` (the case
 * repositories do it), which takes the cases' figures out, makes the change and puts them back, in
 * the caller's transaction.
 */
import { sql, type RawBuilder } from 'kysely';
import type { IsoDate } from '../../domain/dates.js';
import type { Executor } from '../audit/audit.repository.js';

const SUMS = ['accepted', 'completed', 'on_time', 'completed_late', 'working_days', 'rated1', 'rated2', 'rated3', 'rated4', 'rated5'] as const;
const KEY = ['month', 'org_id', 'window_id', 'item_id', 'handled_by'] as const;

/** The figures of the cases matching `where` (alias c), grouped by month, body, window, item and clerk. */
function caseSums(where: RawBuilder<unknown>) {
  return sql`
    select date_trunc('month', c.accepted_on)::date as month, c.org_id, coalesce(c.window_id, 0) as window_id, c.item_id, coalesce(c.handled_by, 0) as handled_by,
      count(*)::int as accepted,
      count(c.completed_on)::int as completed,
      (count(*) filter (where c.completed_on <= c.due_on))::int as on_time,
      (count(*) filter (where c.completed_on > c.due_on))::int as completed_late,
      coalesce(sum(c.working_days_taken) filter (where c.completed_on is not null), 0)::int as working_days,
      (count(*) filter (where r.level = 1))::int as rated1,
      (count(*) filter (where r.level = 2))::int as rated2,
      (count(*) filter (where r.level = 3))::int as rated3,
      (count(*) filter (where r.level = 4))::int as rated4,
      (count(*) filter (where r.level = 5))::int as rated5
    from service_cases c
    left join service_ratings r on r.case_id = c.id and not r.excluded
    where c.accepted_on is not null and c.status not in ('refused', 'informed') and ${where}
    group by 1, 2, 3, 4, 5`;
}

const columns = sql.raw([...KEY, ...SUMS].join(', '));

type Column = (typeof KEY)[number] | (typeof SUMS)[number];
type SumsRow = Record<string, string | number>;
const camel = (c: string) => c.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase());
/** A column of a raw row, whether or not the executor camel-cases result names. */
const valueOf = (r: SumsRow, c: Column) => r[c] ?? r[camel(c)];

/**
 * Adds the figures of the cases given (at most 1,000), less `before` (figures to take out), in one
 * statement whose rows are written in key order: two transactions moving cases between the same
 * rows lock them in the same order and cannot deadlock.
 */
async function apply(db: Executor, caseIds: number[], before: SumsRow[]): Promise<void> {
  const sources: RawBuilder<unknown>[] = [];
  if (caseIds.length) sources.push(sql`select ${columns} from (${caseSums(sql`c.id in (${sql.join(caseIds)})`)}) a`);
  if (before.length) {
    const rows = before.map((r) => sql`(${sql.join([
      sql`${valueOf(r, 'month')}::date`,
      ...KEY.slice(1).map((c) => sql`${Number(valueOf(r, c))}::int`),
      ...SUMS.map((c) => sql`${-Number(valueOf(r, c))}::int`),
    ])})`);
    sources.push(sql`select * from (values ${sql.join(rows)}) as b(${columns})`);
  }
  if (!sources.length) return;
  const key = sql.raw(KEY.join(', '));
  // One case (registering, one step): the same text every time, planned once per connection on PostgreSQL.
  const prepared = sql.raw(caseIds.length <= 1 && before.length <= 1 ? `/*prepared:service_case_monthly_${caseIds.length}_${before.length}*/` : '');
  await sql`${prepared}
    insert into service_case_monthly (${columns})
    select ${key}, ${sql.raw(SUMS.map((c) => `sum(${c})::int`).join(', '))}
    from (${sql.join(sources, sql` union all `)}) d
    group by ${key}
    order by ${key}
    on conflict (${key}) do update set ${sql.raw(SUMS.map((c) => `${c} = service_case_monthly.${c} + excluded.${c}`).join(', '))}`.execute(db);
}

/** New cases (and their ratings, if inserted before) enter their months. */
export async function addCases(db: Executor, caseIds: number[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += 1000) await apply(db, caseIds.slice(i, i + 1000), []);
}

/**
 * Makes a change to cases or their ratings with the monthly figures following it: the cases are
 * locked (a concurrent change waits instead of reading the same figures), their figures read, the
 * change made, and the difference written in one statement.
 */
export async function changingCases<T>(db: Executor, caseIds: number[], change: () => Promise<T>): Promise<T> {
  if (!caseIds.length) return change();
  const sorted = [...new Set(caseIds)].sort((a, b) => a - b);
  const before: SumsRow[] = [];
  for (let i = 0; i < sorted.length; i += 1000) {
    const ids = sorted.slice(i, i + 1000);
    await sql`select id from service_cases where id in (${sql.join(ids)}) order by id for update`.execute(db);
    before.push(...(await sql<SumsRow>`select to_char(month, 'YYYY-MM-DD') as month, ${sql.raw([...KEY.slice(1), ...SUMS].join(', '))} from (${caseSums(sql`c.id in (${sql.join(ids)})`)}) s`.execute(db)).rows);
  }
  const result = await change();
  if (sorted.length <= 1000) await apply(db, sorted, before);
  else {
    // A large batch (a ledger's ratings): the old figures out, then the new in batches.
    await apply(db, [], before);
    await addCases(db, sorted);
  }
  return result;
}

/** Recomputes every month from the cases (migration 0020, the benchmark's generated data, checks). */
export async function rebuildCaseMonthly(db: Executor): Promise<number> {
  await sql`delete from service_case_monthly`.execute(db);
  const r = await sql`insert into service_case_monthly (${columns}) select ${columns} from (${caseSums(sql`true`)}) s`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export interface MonthlyRow {
  month: string; orgId: number; windowId: number; itemId: number; handledBy: number;
  accepted: number; completed: number; onTime: number; completedLate: number; workingDays: number;
  rated1: number; rated2: number; rated3: number; rated4: number; rated5: number;
}

/** The stored rows with anything in them, in key order (for comparing with a rebuild). */
export async function listMonthlyRows(db: Executor): Promise<MonthlyRow[]> {
  const r = await sql<MonthlyRow>`select to_char(month, 'YYYY-MM') as month, ${sql.raw([...KEY.slice(1), ...SUMS].join(', '))} from service_case_monthly
    where ${sql.raw(SUMS.map((s) => `${s} <> 0`).join(' or '))} order by ${sql.raw(KEY.join(', '))}`.execute(db);
  return r.rows;
}

// ---------------------------------------------------------------- reading the figures

export interface FigureSelection {
  orgIds?: number[];
  windowIds?: number[];
  itemIds?: number[];
  /** Cases at the windows of this centre. */
  centreId?: number;
  /** Whole months (first days, inclusive) read from the monthly figures. */
  months: [IsoDate, IsoDate] | null;
  /** Acceptance date ranges counted from the cases. */
  edges: [IsoDate, IsoDate][];
  /** All the acceptance dates of the period, for the open cases. */
  from: IsoDate;
  to: IsoDate;
}

export type FigureDimension = 'total' | 'org' | 'centre' | 'window' | 'item' | 'month' | 'clerk';

export interface FigureSums {
  /** The group: org code, centre or window id, item code, YYYY-MM or user id; '-' for no centre, window or clerk. */
  key: string;
  /** Its name; null when the key is '-'. */
  label: string | null;
  accepted: number;
  completed: number;
  onTime: number;
  completedLate: number;
  /** Open cases (clock running) with their due date before today. */
  openOverdue: number;
  workingDays: number;
  byLevel: { 1: number; 2: number; 3: number; 4: number; 5: number };
}

const none = sql<boolean>`false`;

/** Conditions on a source with columns org_id, window_id (null or 0 at a body), item_id. */
function keyFilter(alias: string, s: FigureSelection): RawBuilder<unknown> {
  const a = sql.raw(alias);
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (s.orgIds) parts.push(s.orgIds.length ? sql`${a}.org_id in (${sql.join(s.orgIds)})` : none);
  if (s.windowIds) parts.push(s.windowIds.length ? sql`${a}.window_id in (${sql.join(s.windowIds)})` : none);
  if (s.itemIds) parts.push(s.itemIds.length ? sql`${a}.item_id in (${sql.join(s.itemIds)})` : none);
  if (s.centreId) parts.push(sql`${a}.window_id in (select id from service_windows where centre_id = ${s.centreId})`);
  return sql.join(parts, sql` and `);
}

const DIMENSIONS: Record<FigureDimension, { key: string; label: string; joins: string }> = {
  total: { key: `'all'`, label: `'all'`, joins: '' },
  org: { key: 'o.code', label: 'o.name', joins: 'join orgs o on o.id = f.org_id' },
  centre: { key: `coalesce(sc.id::text, '-')`, label: 'sc.name', joins: 'left join service_windows w on w.id = f.window_id left join service_centres sc on sc.id = w.centre_id' },
  window: { key: `coalesce(w.id::text, '-')`, label: `w.number || '号窗口 ' || w.name`, joins: 'left join service_windows w on w.id = f.window_id' },
  item: { key: 'i.code', label: 'i.name', joins: 'join service_items i on i.id = f.item_id' },
  month: { key: `to_char(f.month, 'YYYY-MM')`, label: `to_char(f.month, 'YYYY-MM')`, joins: '' },
  clerk: { key: `coalesce(u.id::text, '-')`, label: 'u.display_name', joins: 'left join users u on u.id = f.handled_by' },
};

/**
 * The figures of a selection grouped by one dimension, largest first (months in order). Three
 * sources: the monthly rows of the whole months, the sums of the cases on the edge days, and the
 * open cases already past their due date (through the partial index on open cases).
 */
export async function figureSums(db: Executor, s: FigureSelection, dimension: FigureDimension, today: IsoDate): Promise<FigureSums[]> {
  const zero = sql.raw(`0 as open_overdue`);
  const sources: RawBuilder<unknown>[] = [];
  if (s.months) {
    sources.push(sql`select ${columns}, ${zero} from service_case_monthly m where m.month between ${s.months[0]} and ${s.months[1]} and ${keyFilter('m', s)}`);
  }
  for (const [from, to] of s.edges) {
    sources.push(sql`select ${columns}, ${zero} from (${caseSums(sql`c.accepted_on between ${from} and ${to} and ${keyFilter('c', s)}`)}) e`);
  }
  sources.push(sql`
    select date_trunc('month', c.accepted_on)::date, c.org_id, coalesce(c.window_id, 0), c.item_id, coalesce(c.handled_by, 0), ${sql.raw(SUMS.map(() => '0').join(', '))}, count(*)::int
    from service_cases c
    where c.completed_on is null and c.status in ('accepted', 'processing') and c.due_on < ${today}
      and c.accepted_on between ${s.from} and ${s.to} and ${keyFilter('c', s)}
    group by 1, 2, 3, 4, 5`);
  const d = DIMENSIONS[dimension];
  const key = sql.raw(d.key);
  const rows = await sql<{ key: string; label: string | null; accepted: number; completed: number; onTime: number; completedLate: number; openOverdue: number; workingDays: number; rated1: number; rated2: number; rated3: number; rated4: number; rated5: number }>`
    select ${key} as key, ${sql.raw(d.label)} as label,
      ${sql.raw(SUMS.map((c) => `sum(f.${c})::int as ${c}`).join(', '))}, sum(f.open_overdue)::int as open_overdue
    from (${sql.join(sources, sql` union all `)}) f ${sql.raw(d.joins)}
    group by 1, 2
    having sum(f.accepted) > 0
    order by ${dimension === 'month' ? sql`1` : sql`sum(f.accepted) desc, 1`}`.execute(db);
  return rows.rows.map((r) => ({
    key: r.key, label: r.label, accepted: Number(r.accepted), completed: Number(r.completed), onTime: Number(r.onTime),
    completedLate: Number(r.completedLate), openOverdue: Number(r.openOverdue), workingDays: Number(r.workingDays),
    byLevel: { 1: Number(r.rated1), 2: Number(r.rated2), 3: Number(r.rated3), 4: Number(r.rated4), 5: Number(r.rated5) },
  }));
}
