/** Tables of the 政务服务 complaint register (see migrations/0019_service_complaints.ts). */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from './foundation.js';

export interface ServiceComplaintsTable {
  id: Generated<number>;
  complaintNo: string;
  orgId: number;
  windowId: number | null;
  clerkUserId: number | null;
  clerkName: string | null;
  channel: string;
  /** The inbox message (type complaint) it was linked or transferred from. */
  messageId: number | null;
  complainantNameEnc: string;
  complainantPhoneEnc: string | null;
  subject: string;
  content: string;
  receivedOn: string;
  dueOn: string;
  status: string;
  stepDueOn: string;
  assigneeUserId: number | null;
  justified: boolean | null;
  finding: string | null;
  measures: string | null;
  feedback: string | null;
  archivedOn: string | null;
  registeredBy: number | null;
  createdAt: GeneratedTimestamp;
}

export interface ServiceComplaintStepsTable {
  id: Generated<number>;
  complaintId: number;
  step: string;
  onDate: string;
  actorUserId: number | null;
  assigneeUserId: number | null;
  dueOn: string | null;
  note: string | null;
  createdAt: GeneratedTimestamp;
}

export interface ServiceComplaintTables {
  serviceComplaints: ServiceComplaintsTable;
  serviceComplaintSteps: ServiceComplaintStepsTable;
}
