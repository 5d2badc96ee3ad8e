/** Tables of 年度报告 (see migrations/0004_reports.ts). */
export interface ReportsTables {}
