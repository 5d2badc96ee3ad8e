/** Tables of 依申请公开 (see migrations/0003_requests.ts). */
import type { ColumnType, Generated } from 'kysely';
import type { GeneratedTimestamp } from './foundation.js';

/** A reply drafted by the handling department, waiting for the head of the 公开办. */
export interface ReplyDraft {
  outcome: string;
  note: string | null;
  thirdPartyNotice: boolean;
  /** 条例第三十六条第（五）项: the body on the platform responsible for the information (older drafts: absent). */
  responsibleOrgCode?: string | null;
  draftedBy: number;
  draftedByName: string;
  draftedOn: string;
}

export interface ApplicantAccountsTable {
  id: Generated<number>;
  /** The log-in in clear from before 0010_security; converted at start-up, then null. */
  legacyLogin: string | null;
  /** Keyed hash of the normalised log-in (phone or e-mail), for look-up. */
  loginHash: string | null;
  /** The log-in encrypted (CryptoBox), to show the account holder. */
  loginEnc: string | null;
  displayName: string;
  passwordHash: string;
  failedLogins: Generated<number>;
  lockedUntil: Date | null;
  createdAt: GeneratedTimestamp;
  lastLoginAt: Date | null;
}

export interface ApplicantSessionsTable {
  id: string;
  accountId: number;
  csrfToken: string;
  createdAt: GeneratedTimestamp;
  lastSeenAt: GeneratedTimestamp;
}

export interface DisclosureRequestsTable {
  id: Generated<number>;
  trackingNo: string;
  orgId: number;
  channel: string;
  applicantType: string;
  applicantName: string;
  idType: string;
  idNumberEnc: string;
  applicantKey: string;
  phoneEnc: string;
  emailEnc: string | null;
  addressEnc: string | null;
  description: string;
  purpose: string | null;
  form: string;
  delivery: string;
  queryPasswordHash: string;
  status: string;
  submittedAt: GeneratedTimestamp;
  receivedOn: string | null;
  supplementRequestedOn: string | null;
  supplementDueOn: string | null;
  supplementReceivedOn: string | null;
  extensionDays: Generated<number>;
  outcome: string | null;
  outcomeNote: string | null;
  completedOn: string | null;
  feeAmount: Generated<number>;
  registeredBy: number | null;
  deliveredOn: string | null;
  deliveryNote: string | null;
  archivedOn: string | null;
  applicantAccountId: number | null;
  assignedOrgId: number | null;
  replyDraft: ColumnType<ReplyDraft | null, string | null | undefined, string | null>;
  excessiveReplyDueOn: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface RequestEventsTable {
  id: Generated<number>;
  requestId: number;
  at: GeneratedTimestamp;
  onDate: string;
  type: string;
  title: string;
  note: string | null;
  public: Generated<boolean>;
  actorUserId: number | null;
  orgId: number | null;
}

export interface RequestPausesTable {
  id: Generated<number>;
  requestId: number;
  reason: 'consultation' | 'fee';
  startedOn: string;
  endedOn: string | null;
  /** The day the consulted party's answer or the fee is due (migration 0011); null on older rows. */
  dueOn: string | null;
  note: string | null;
}

export interface RequestDocumentsTable {
  id: Generated<number>;
  requestId: number;
  kind: string;
  title: string;
  fileName: string;
  mime: string;
  blobKey: string;
  public: Generated<boolean>;
  createdAt: GeneratedTimestamp;
}

export interface RequestsTables {
  disclosureRequests: DisclosureRequestsTable;
  requestEvents: RequestEventsTable;
  requestPauses: RequestPausesTable;
  requestDocuments: RequestDocumentsTable;
  applicantAccounts: ApplicantAccountsTable;
  applicantSessions: ApplicantSessionsTable;
}
