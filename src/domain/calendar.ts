/**
 * The working-day calendar (工作日) behind every statutory time limit.
 *
 * How a period is counted: the day of the triggering event (receipt of an
 * application, a notice …) is not counted; counting starts on the next day
 * (民法典第二百零一条, and the common reading of 条例第三十三条). "Within 20
 * working days of receipt on day D" therefore ends on the 20th working day
 * after D. A working day is a Monday–Friday that is not a statutory holiday,
 * or a weekend day the State Council has declared a make-up working day (调休上班).
 *
 * Official schedules come from the `chinese-days` data package for the years it
 * covers, plus overrides entered by the 系统管理员 (for a newly announced year, or
 * to correct a day). A year that has neither is counted as plain Monday–Friday
 * but every answer touching it is marked uncertain — the package would silently
 * do the same, and a wrong statutory deadline is worse than a flagged one.
 */
import officialData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addCalendarDays, dayOfWeek, IsoDate, parseIsoDate, yearOf } from './dates.js';

export interface DayOverride {
  date: IsoDate;
  /** true: a working day (e.g. 调休上班); false: a day off (法定节假日). */
  working: boolean;
  /** Holiday name such as 春节, shown in the reason. */
  name: string;
}

export interface DayClassification {
  date: IsoDate;
  workingDay: boolean;
  reason: string;
  certain: boolean;
}

export interface WorkingDayCount {
  date: IsoDate;
  certain: boolean;
  /** Years passed through without an official schedule. */
  uncertainYears: number[];
}

type Entries = Record<string, string>;
const data = officialData as { holidays: Entries; workdays: Entries };

/** The package says 端午 / 中秋 / 清明; notices say 端午节 / 中秋节 / 清明节. */
const FULL_NAMES: Record<string, string> = { 端午: '端午节', 中秋: '中秋节', 清明: '清明节' };

/** 'Spring Festival,春节,4' → '春节' */
function chineseName(entry: string): string {
  const parts = entry.split(',');
  const name = parts[1] ?? parts[0];
  return FULL_NAMES[name] ?? name;
}

function yearsIn(entries: Entries): Set<number> {
  return new Set(Object.keys(entries).map((d) => Number(d.slice(0, 4))));
}

/** Years for which the data package holds the official schedule. */
export const PACKAGE_YEARS: ReadonlySet<number> = yearsIn(data.holidays);

export function uncertainWarning(years: number[]): string {
  return `${years.join('、')}年的法定节假日安排尚未录入系统，期限按周一至周五工作日推算，结果仅供参考；国务院办公厅公布该年度放假安排后，请系统管理员在“工作日历”中录入。`;
}

export class WorkingDayCalendar {
  private readonly overrides = new Map<IsoDate, DayOverride>();
  private readonly knownYears: Set<number>;

  /**
   * @param overrides days entered by administrators; they win over the package.
   * @param confirmedYears years whose complete official schedule an administrator has entered.
   */
  constructor(overrides: DayOverride[] = [], confirmedYears: Iterable<number> = []) {
    for (const o of overrides) this.overrides.set(o.date, o);
    this.knownYears = new Set([...PACKAGE_YEARS, ...confirmedYears]);
  }

  isYearKnown(year: number): boolean {
    return this.knownYears.has(year);
  }

  classify(date: IsoDate): DayClassification {
    parseIsoDate(date); // throws on a malformed date
    const certain = this.isYearKnown(yearOf(date));
    const override = this.overrides.get(date);
    if (override) {
      return override.working
        ? { date, workingDay: true, reason: dayOfWeek(date) % 6 === 0 ? '调休上班' : '工作日', certain }
        : { date, workingDay: false, reason: `法定节假日：${override.name}`, certain };
    }
    const holiday = data.holidays[date];
    if (holiday) return { date, workingDay: false, reason: `法定节假日：${chineseName(holiday)}`, certain };
    if (data.workdays[date]) return { date, workingDay: true, reason: '调休上班', certain };
    const weekend = dayOfWeek(date) % 6 === 0;
    return { date, workingDay: !weekend, reason: weekend ? '周末' : '工作日', certain };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.classify(date).workingDay;
  }

  /**
   * The n-th working day after `from` (`from` itself never counts). n = 0 returns `from`.
   * Negative n counts backwards (the n-th working day before `from`).
   */
  addWorkingDays(from: IsoDate, n: number): WorkingDayCount {
    if (!Number.isInteger(n)) throw new RangeError('working days must be a whole number');
    parseIsoDate(from); // throws on a malformed date, also when n = 0
    const step = n < 0 ? -1 : 1;
    const uncertain = new Set<number>();
    let date = from;
    let remaining = Math.abs(n);
    while (remaining > 0) {
      date = addCalendarDays(date, step);
      const day = this.classify(date);
      if (!day.certain) uncertain.add(yearOf(date));
      if (day.workingDay) remaining -= 1;
    }
    const uncertainYears = [...uncertain].sort();
    return { date, certain: uncertainYears.length === 0, uncertainYears };
  }

  /** Working days in the interval (from, to]: 0 when to ≤ from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    // Malformed dates would otherwise be compared as strings and give a silently wrong count.
    parseIsoDate(from);
    parseIsoDate(to);
    let count = 0;
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
      if (this.isWorkingDay(d)) count += 1;
    }
    return count;
  }
}
