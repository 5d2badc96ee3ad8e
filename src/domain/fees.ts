/**
 * 信息处理费 (国办函〔2020〕109号《政府信息公开信息处理费管理办法》). Free by default
 * (条例第四十二条); charged only when quantity or frequency clearly exceeds a reasonable range.
 * Both methods are progressive (超额累进); one method per application.
 */

/** 按件: the fee for an applicant's n-th application in a calendar month (yuan). */
export function feeByCount(nthThisMonth: number): number {
  if (!Number.isInteger(nthThisMonth) || nthThisMonth < 1) throw new RangeError('n must be a positive integer');
  if (nthThisMonth <= 10) return 0;
  if (nthThisMonth <= 30) return 100;
  // From the 31st, each band of 10 applications costs 100 yuan more than the band before.
  return 100 + 100 * Math.ceil((nthThisMonth - 30) / 10);
}

/** 按量: the fee for one application of `pages` pages (yuan). */
export function feeByPages(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError('pages must be a non-negative integer');
  const band = (from: number, to: number) => Math.max(0, Math.min(pages, to) - from + 1);
  return band(31, 100) * 10 + band(101, 200) * 20 + band(201, Infinity) * 40;
}
