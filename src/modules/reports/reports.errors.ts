/** Error codes of 年度报告 (merged into src/http/error-codes.ts). */
export const reportErrors = {
  LEDGER_INVALID: { status: 422, message: '台账中有不符合要求的行，未导入任何数据。' },
  LEDGER_EMPTY: { status: 422, message: '台账没有数据行（第一行应为表头）。' },
  REPORT_NOT_PUBLISHED: { status: 404, message: '该年度报告尚未发布。' },
  REPORT_INCONSISTENT: { status: 422, message: '报告数据不符合年度报告格式的勾稽关系，不能发布。' },
  REPORT_YEAR_INVALID: { status: 400, message: '报告年度无效。' },
} as const;
