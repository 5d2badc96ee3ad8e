/**
 * How a period of acceptance dates splits for 政务服务 statistics: the whole months, read from the
 * monthly figures (service_case_monthly), and the days at either end outside them, counted from the
 * cases themselves. A month counts as whole when the period covers it to its last day, or up to today
 * (no case is accepted after today: registration and the ledger import refuse a later date).
 */
import { addCalendarDays, type IsoDate } from '../dates.js';

export interface PeriodSplit {
  /** First days of the first and the last whole month, or null when the period covers none. */
  months: [IsoDate, IsoDate] | null;
  /** Day ranges (inclusive) outside the whole months. */
  edges: [IsoDate, IsoDate][];
}

const monthStart = (d: IsoDate): IsoDate => `${d.slice(0, 7)}-01`;

function shiftMonth(first: IsoDate, by: number): IsoDate {
  const n = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}-01`;
}

export function lastDayOfMonth(d: IsoDate): IsoDate {
  return addCalendarDays(shiftMonth(monthStart(d), 1), -1);
}

export function splitPeriod(from: IsoDate, to: IsoDate, today: IsoDate): PeriodSplit {
  if (to < from) return { months: null, edges: [] };
  const firstWhole = from === monthStart(from) ? from : shiftMonth(monthStart(from), 1);
  const toWhole = to >= lastDayOfMonth(to) || to >= today;
  const lastWhole = toWhole ? monthStart(to) : shiftMonth(monthStart(to), -1);
  if (firstWhole > lastWhole) return { months: null, edges: [[from, to]] };
  const edges: [IsoDate, IsoDate][] = [];
  if (from < firstWhole) edges.push([from, addCalendarDays(firstWhole, -1)]);
  if (!toWhole) edges.push([monthStart(to), to]);
  return { months: [firstWhole, lastWhole], edges };
}
