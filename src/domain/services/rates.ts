/**
 * The rates of 政务服务 statistics (api-contract.md "service-statistics"; legal-rules.md).
 * 办结率 = completed ÷ accepted × 100, a string with two decimals rounded half up ("98.40" for
 * 59,388 of 60,351); "0.00" when nothing was accepted. 满意率 = ratings of 3–5 (基本满意 and better)
 * ÷ all ratings × 100, the same way. Integer arithmetic: no floating-point rounding surprises.
 */

/** part ÷ whole × 100 with two decimals, rounded half up. */
export function percentString(part: number, whole: number): string {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || whole < 0) throw new RangeError('counts must be whole numbers ≥ 0');
  if (whole === 0) return '0.00';
  const scaled = BigInt(part) * 10000n;
  const w = BigInt(whole);
  let hundredths = scaled / w;
  if ((scaled % w) * 2n >= w) hundredths += 1n;
  const whole100 = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0');
  return `${whole100}.${frac}`;
}

export function completionRate(completed: number, accepted: number): string {
  return percentString(completed, accepted);
}

/** 好差评 levels (国办发〔2019〕51号): 1 非常不满意 … 5 非常满意. */
export const RATING_LEVELS = [1, 2, 3, 4, 5] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LABELS: Record<RatingLevel, string> = { 1: '非常不满意', 2: '不满意', 3: '基本满意', 4: '满意', 5: '非常满意' };
/** 不满意 and 非常不满意 are verified with the applicant and, when justified, rectified. */
export const needsRectification = (level: number): boolean => level <= 2;
/** 差评整改: within 15 working days of the rating (国办发〔2019〕51号). */
export const RECTIFICATION_WORKING_DAYS = 15;

export type RatingCounts = Record<'1' | '2' | '3' | '4' | '5', number>;

export function emptyRatingCounts(): RatingCounts {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
}

export function satisfactionRate(byLevel: RatingCounts): string {
  const all = byLevel[1] + byLevel[2] + byLevel[3] + byLevel[4] + byLevel[5];
  return percentString(byLevel[3] + byLevel[4] + byLevel[5], all);
}
