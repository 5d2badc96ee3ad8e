/** Tables of 年度报告 (see migrations/0004_reports.ts). */
import type { Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp } from './foundation.js';

export interface RequestLedgerEntriesTable {
  id: Generated<number>;
  orgId: number;
  receivedOn: string;
  channel: string;
  applicantType: string;
  outcome: string | null;
  completedOn: string | null;
  importedBy: number | null;
  importedAt: GeneratedTimestamp;
}

export interface ReviewCasesTable {
  id: Generated<number>;
  orgId: number;
  caseNo: string;
  requestId: number | null;
  stage: 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration';
  result: Generated<'upheld' | 'corrected' | 'other' | 'pending'>;
  filedOn: string;
  closedOn: string | null;
  note: string | null;
  createdAt: GeneratedTimestamp;
}

export interface AnnualReportDraftsTable {
  orgId: number;
  year: number;
  overview: string | null;
  problems: string | null;
  other: string | null;
  externalFigures: JSONColumnType<Record<string, number | string>, string, string>;
  updatedBy: number | null;
  updatedAt: GeneratedTimestamp;
}

export interface AnnualReportsTable {
  id: Generated<number>;
  orgId: number;
  year: number;
  version: number;
  rollup: Generated<boolean>;
  data: JSONColumnType<Record<string, unknown>, string, string>;
  note: string | null;
  publishedBy: number | null;
  publishedAt: GeneratedTimestamp;
}

export interface ReportsTables {
  requestLedgerEntries: RequestLedgerEntriesTable;
  reviewCases: ReviewCasesTable;
  annualReportDrafts: AnnualReportDraftsTable;
  annualReports: AnnualReportsTable;
}
