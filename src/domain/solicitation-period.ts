/**
 * 意见征集: how long a draft stays open for public comment, and when its period ends.
 *
 * - 规章: "征求意见的期限一般不少于30日" (《规章制定程序条例》第十五条) — calendar days.
 * - 重大行政决策: "征求意见期限一般不少于30日" (《重大行政决策程序暂行条例》第十五条) — calendar days.
 * - 行政规范性文件: "一般不少于7个工作日" (国办发〔2018〕37号) — working days.
 * - 其他: no statutory minimum; Gongkai proposes 15 days.
 *
 * The rules say "as a rule" (一般): a shorter period is allowed, but only with the reason written down
 * (it is shown on the draft's page), never silently.
 *
 * Counting: the day the draft is opened is not counted (民法典第二百零一条). A period in calendar days whose
 * last day is a statutory holiday or a weekend ends on the next working day instead (民法典第二百零三条);
 * a period in working days ends on a working day by construction.
 */
import type { WorkingDayCalendar } from './calendar.js';
import { addCalendarDays, IsoDate } from './dates.js';

export const DRAFT_KINDS = ['rule', 'normative', 'majorDecision', 'other'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export type PeriodUnit = 'days' | 'workingDays';

export interface PeriodRule {
  unit: PeriodUnit;
  /** What Gongkai proposes when a draft is created. */
  defaultLength: number;
  /** The statutory minimum "as a rule"; 1 where the law sets none. */
  minimum: number;
  /** Where the rule comes from, shown next to the field. */
  basis: string;
}

export const PERIOD_RULES: Record<DraftKind, PeriodRule> = {
  rule: { unit: 'days', defaultLength: 30, minimum: 30, basis: '《规章制定程序条例》第十五条：征求意见的期限一般不少于30日' },
  majorDecision: { unit: 'days', defaultLength: 30, minimum: 30, basis: '《重大行政决策程序暂行条例》第十五条：征求意见期限一般不少于30日' },
  normative: { unit: 'workingDays', defaultLength: 7, minimum: 7, basis: '国办发〔2018〕37号：征求意见期限一般不少于7个工作日' },
  other: { unit: 'days', defaultLength: 15, minimum: 1, basis: '法律法规未规定最短期限' },
};

export interface CommentPeriod {
  opensOn: IsoDate;
  /** The last day on which comments are accepted (inclusive). */
  endsOn: IsoDate;
  /** false when the count passed through a year without an official holiday schedule. */
  certain: boolean;
  /** Set when a calendar-day period was carried past a holiday or weekend (民法典第二百零三条). */
  extendedFrom?: IsoDate;
}

export type PeriodProblem = 'belowMinimum' | 'notWholeNumber';

/** Whether `length` may be used for a draft of `kind`; a shorter period needs a written reason. */
export function checkPeriodLength(kind: DraftKind, length: number, shortenedReason?: string | null): PeriodProblem | null {
  if (!Number.isInteger(length) || length < 1) return 'notWholeNumber';
  if (length < PERIOD_RULES[kind].minimum && !(shortenedReason && shortenedReason.trim())) return 'belowMinimum';
  return null;
}

/** The comment period of a draft opened on `opensOn` for `length` units of its kind's rule. */
export function commentPeriod(calendar: WorkingDayCalendar, kind: DraftKind, opensOn: IsoDate, length: number): CommentPeriod {
  const rule = PERIOD_RULES[kind];
  if (rule.unit === 'workingDays') {
    const counted = calendar.addWorkingDays(opensOn, length);
    return { opensOn, endsOn: counted.date, certain: counted.certain };
  }
  const nominal = addCalendarDays(opensOn, length);
  let endsOn = nominal;
  let certain = calendar.classify(endsOn).certain;
  while (!calendar.isWorkingDay(endsOn)) {
    endsOn = addCalendarDays(endsOn, 1);
    certain = certain && calendar.classify(endsOn).certain;
  }
  return endsOn === nominal ? { opensOn, endsOn, certain } : { opensOn, endsOn, certain, extendedFrom: nominal };
}

export type PeriodState = 'notYetOpen' | 'open' | 'closed';

/** Whether comments are accepted on `today` for a draft whose period runs (opensOn, endsOn]; the opening day accepts them too. */
export function periodState(period: { opensOn: IsoDate; endsOn: IsoDate }, today: IsoDate): PeriodState {
  if (today < period.opensOn) return 'notYetOpen';
  if (today > period.endsOn) return 'closed';
  return 'open';
}
