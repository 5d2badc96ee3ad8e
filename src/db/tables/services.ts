/** Tables of 政务服务 (see migrations/0016_services.ts). */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export interface ServiceItemsTable {
  id: Generated<number>;
  code: string;
  orgId: number;
  name: string;
  kind: string;
  legalLimitDays: number;
  promisedLimitDays: number;
  /** 逾期视为同意: past the promised limit without a decision, the case goes to the centre. */
  deemedApproval: Generated<boolean>;
  /** The published guide (办事指南) fields, see services/guides. */
  guide: Generated<Record<string, unknown>>;
  version: Generated<number>;
  published: Generated<boolean>;
  createdBy: number | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface ServiceItemVersionsTable {
  id: Generated<number>;
  itemId: number;
  version: number;
  status: string;
  data: Record<string, unknown>;
  createdBy: number | null;
  reviewedBy: number | null;
  reviewComment: string | null;
  createdAt: GeneratedTimestamp;
  reviewedAt: Timestamp | null;
}

export interface ServiceItemFilesTable {
  id: Generated<number>;
  itemId: number;
  materialKey: string;
  kind: string;
  fileName: string;
  mime: string;
  blobKey: string;
  createdAt: GeneratedTimestamp;
}

export interface ServiceCentresTable {
  id: Generated<number>;
  orgId: number;
  name: string;
  type: string;
  address: string | null;
  hours: string | null;
  phone: string | null;
  warningDays: Generated<number>;
  createdAt: GeneratedTimestamp;
}

export interface ServiceWindowsTable {
  id: Generated<number>;
  centreId: number;
  orgId: number;
  number: string;
  name: string;
  /** 首席代表 */
  chiefUserId: number | null;
  createdAt: GeneratedTimestamp;
}

export interface ServiceWindowClerksTable {
  windowId: number;
  userId: number;
}

export interface ServiceWindowItemsTable {
  windowId: number;
  itemId: number;
}

export interface ServiceCasesTable {
  id: Generated<number>;
  caseNo: string;
  itemId: number;
  orgId: number;
  windowId: number | null;
  status: string;
  intakeReason: string | null;
  acceptedOn: string | null;
  promisedLimitDays: number;
  dueOn: string | null;
  dueCertain: Generated<boolean>;
  completedOn: string | null;
  result: string | null;
  resultReason: string | null;
  escalatedAt: Timestamp | null;
  applicantType: string | null;
  applicantName: string | null;
  idNumberEnc: string | null;
  phoneEnc: string | null;
  queryPasswordHash: string | null;
  imported: Generated<boolean>;
  registeredBy: number | null;
  handledBy: number | null;
  /** Working days from acceptance to completion, less the supplement pauses; set when the case is completed. */
  workingDaysTaken: Generated<number | null>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

/**
 * The figures of the cases accepted in a month (migration 0020), one row per body, window (0: at the
 * body), item and clerk (0: nobody yet), kept in the transaction of every case change and rating.
 */
export interface ServiceCaseMonthlyTable {
  month: string;
  orgId: number;
  windowId: number;
  itemId: number;
  handledBy: number;
  accepted: number;
  completed: number;
  onTime: number;
  completedLate: number;
  workingDays: number;
  rated1: number;
  rated2: number;
  rated3: number;
  rated4: number;
  rated5: number;
}

export interface ServiceCasePausesTable {
  id: Generated<number>;
  caseId: number;
  startedOn: string;
  endedOn: string | null;
  missing: Generated<string[]>;
  createdAt: GeneratedTimestamp;
}

export interface ServiceCaseStepsTable {
  id: Generated<number>;
  caseId: number;
  action: string;
  onDate: string;
  at: GeneratedTimestamp;
  actorUserId: number | null;
  note: string | null;
}

export interface ServiceRatingsTable {
  id: Generated<number>;
  caseId: number;
  level: number;
  channel: string;
  comment: string | null;
  ratedOn: string;
  /** An appeal upheld by the centre takes the rating out of the figures. */
  excluded: Generated<boolean>;
  createdAt: GeneratedTimestamp;
}

export interface ServiceRectificationsTable {
  id: Generated<number>;
  ratingId: number;
  status: string;
  dueOn: string;
  verifyNote: string | null;
  rectifyNote: string | null;
  callbackNote: string | null;
  appealReason: string | null;
  appealDecision: string | null;
  closedOn: string | null;
  handledBy: number | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface ServicesTables {
  serviceItems: ServiceItemsTable;
  serviceItemVersions: ServiceItemVersionsTable;
  serviceItemFiles: ServiceItemFilesTable;
  serviceCentres: ServiceCentresTable;
  serviceWindows: ServiceWindowsTable;
  serviceWindowClerks: ServiceWindowClerksTable;
  serviceWindowItems: ServiceWindowItemsTable;
  serviceCases: ServiceCasesTable;
  serviceCasePauses: ServiceCasePausesTable;
  serviceCaseSteps: ServiceCaseStepsTable;
  serviceRatings: ServiceRatingsTable;
  serviceRectifications: ServiceRectificationsTable;
  serviceCaseMonthly: ServiceCaseMonthlyTable;
}
