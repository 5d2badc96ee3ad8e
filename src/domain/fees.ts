/**
 * 信息处理费 (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号). Information is
 * provided free of charge by default (条例第四十二条); a fee is charged only when the
 * quantity or frequency of requests clearly exceeds a reasonable range. One method per
 * application (按件 or 按量), both progressive (超额累进).
 */

/** 按件: an applicant's first 10 applications in a calendar month are free. */
export const FREE_APPLICATIONS_PER_MONTH = 10;
/** 按量: the first 30 pages of one application are free. */
export const FREE_PAGES = 30;
/**
 * A written fee notice gives the applicant at least 20 working days to pay (国办函〔2020〕109号);
 * the time from the notice to payment is not counted in the reply period, and no payment in
 * time means the application is deemed abandoned.
 */
export const FEE_NOTICE_MIN_WORKING_DAYS = 20;

function assertCount(n: number, name: string, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${name} must be an integer ≥ ${min}`);
}

/**
 * 按件: the fee in yuan for the applicant's n-th application in the calendar month:
 * 1st–10th free; 11th–30th 100 元 each; from the 31st, each further band of 10 applications
 * costs 100 元 more per application than the band before (31st–40th 200 元, 41st–50th 300 元, …).
 */
export function feeByCount(nthApplicationThisMonth: number): number {
  assertCount(nthApplicationThisMonth, 'nthApplicationThisMonth', 1);
  const n = nthApplicationThisMonth;
  if (n <= FREE_APPLICATIONS_PER_MONTH) return 0;
  if (n <= 30) return 100;
  return 100 + 100 * Math.ceil((n - 30) / 10);
}

export interface PageBand {
  /** First and last page of the band charged (inclusive). */
  fromPage: number;
  toPage: number;
  pages: number;
  yuanPerPage: number;
  amount: number;
}

/** 按量 bands: 1–30 free; 31–100 10 元/页; 101–200 20 元/页; 201 and above 40 元/页. */
const PAGE_BANDS: { from: number; to: number; rate: number }[] = [
  { from: 31, to: 100, rate: 10 },
  { from: 101, to: 200, rate: 20 },
  { from: 201, to: Infinity, rate: 40 },
];

/** The charged bands of an application of `pages` pages (or the equivalent for other media). */
export function pageBands(pages: number): PageBand[] {
  assertCount(pages, 'pages', 0);
  return PAGE_BANDS.filter((b) => pages >= b.from).map((b) => {
    const toPage = Math.min(pages, b.to);
    const n = toPage - b.from + 1;
    return { fromPage: b.from, toPage, pages: n, yuanPerPage: b.rate, amount: n * b.rate };
  });
}

/** 按量: the total fee in yuan for one application of `pages` pages (150 pages → 70×10 + 50×20 = 1700). */
export function feeByPages(pages: number): number {
  return pageBands(pages).reduce((sum, b) => sum + b.amount, 0);
}

/** The 计费依据 sentence for a fee notice, e.g. 第31—100页10元/页×70页=700元；… 合计1700元。 */
export function describeFeeByPages(pages: number): string {
  const bands = pageBands(pages);
  if (!bands.length) return `按量计收：共${pages}页，30页以下（含30页）不收费。`;
  const parts = bands.map((b) => `第${b.fromPage}—${b.toPage}页${b.yuanPerPage}元/页×${b.pages}页=${b.amount}元`);
  return `按量计收：共${pages}页，前30页不收费；${parts.join('；')}；合计${feeByPages(pages)}元。`;
}

/** The 计费依据 sentence for 按件, e.g. 本自然月第35件申请，按件计收200元。 */
export function describeFeeByCount(nthApplicationThisMonth: number): string {
  const fee = feeByCount(nthApplicationThisMonth);
  return fee === 0
    ? `按件计收：本自然月第${nthApplicationThisMonth}件申请，10件以下（含10件）不收费。`
    : `按件计收：本自然月第${nthApplicationThisMonth}件申请，收费${fee}元。`;
}
