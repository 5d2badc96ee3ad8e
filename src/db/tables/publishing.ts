/** Tables of 主动公开 (see migrations/0002_publishing.ts). */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export interface InfoItemsTable {
  id: Generated<number>;
  orgId: number;
  title: string;
  status: Generated<string>;
  disclosure: Generated<string>;
  withheldGround: string | null;
  withheldReason: string | null;
  docKind: Generated<string>;
  docNo: string | null;
  category: Generated<string>;
  topic: Generated<string>;
  keywords: string | null;
  bodyHtml: Generated<string>;
  writtenOn: string | null;
  formedOn: string | null;
  validity: Generated<string>;
  validityChangedOn: string | null;
  replacedByIndexNo: string | null;
  indexNo: string | null;
  publishedOn: string | null;
  publishedAt: Timestamp | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  scheduledAt: Timestamp | null;
  version: Generated<number>;
  interpretsItemId: number | null;
  searchText: string | null;
  createdBy: number | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface IndexCountersTable {
  orgId: number;
  year: number;
  lastSerial: Generated<number>;
}

export interface ItemVersionsTable {
  id: Generated<number>;
  itemId: number;
  version: number;
  snapshot: JSONColumnType<Record<string, unknown>, string, string>;
  changeNote: string | null;
  publicNote: Generated<boolean>;
  createdBy: number | null;
  createdAt: GeneratedTimestamp;
}

export interface ItemReviewsTable {
  id: Generated<number>;
  itemId: number;
  step: string;
  decision: string;
  comment: string | null;
  checklist: JSONColumnType<Record<string, boolean>, string, string> | null;
  actorUserId: number | null;
  createdAt: GeneratedTimestamp;
}

export interface ItemFindingsTable {
  id: Generated<number>;
  itemId: number;
  type: string;
  offset: number;
  length: number;
  masked: string;
  status: Generated<'open' | 'redacted' | 'accepted'>;
  /** 'body' (title and text) or 'attachment:<id>'. */
  source: Generated<string>;
  reason: string | null;
  resolvedBy: number | null;
  createdAt: GeneratedTimestamp;
}

export interface ItemAttachmentsTable {
  id: Generated<number>;
  itemId: number;
  fileName: string;
  kind: string;
  mime: string;
  size: number;
  blobKey: string;
  text: Generated<string>;
  createdAt: GeneratedTimestamp;
}

export interface OrgGuidesTable {
  orgId: number;
  content: JSONColumnType<GuideContent, string, string>;
  updatedBy: number | null;
  updatedAt: GeneratedTimestamp;
}

/** The parts of a 公开指南 a body may rewrite; anything absent is generated. */
export interface GuideContent {
  acceptingOffice?: string;
  channels?: string;
  process?: string;
  fees?: string;
  extra?: string;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updatedBy: number | null;
  updatedAt: GeneratedTimestamp;
}

export interface PublishingTables {
  settings: SettingsTable;
  orgGuides: OrgGuidesTable;
  itemAttachments: ItemAttachmentsTable;
  infoItems: InfoItemsTable;
  indexCounters: IndexCountersTable;
  itemVersions: ItemVersionsTable;
  itemReviews: ItemReviewsTable;
  itemFindings: ItemFindingsTable;
}
