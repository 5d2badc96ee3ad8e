/** Error codes of 年度报告 (merged into src/http/error-codes.ts). */
export const reportErrors = {
  LEDGER_INVALID: { status: 422, message: '台账中有不符合要求的行，未导入任何数据。' },
  LEDGER_EMPTY: { status: 422, message: '台账没有数据行（第一行应为表头）。' },
  REPORT_NOT_PUBLISHED: { status: 404, message: '该年度报告尚未发布。' },
  REPORT_INCONSISTENT: { status: 422, message: '报告数据不符合年度报告格式的勾稽关系，不能发布。' },
  REPORT_YEAR_NOT_ENDED: { status: 422, message: '该年度尚未结束，年度报告须在次年1月1日起发布。' },
  REPORT_PROBLEMS_MISSING: {
    status: 422,
    message: '“五、存在的主要问题及改进情况”未填写或只有“无”等占位文字，不能发布。请写明本年度工作中存在的主要问题和改进措施。',
  },
  REPORT_CORRECTION_NOTE_REQUIRED: { status: 400, message: '该年度报告已经发布，更正时请在“更正说明”中写明更正的内容和原因。' },
} as const;
