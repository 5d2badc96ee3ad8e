/** Error codes of 年度报告 (merged into src/http/error-codes.ts). */
export const reportErrors = {} as const;
