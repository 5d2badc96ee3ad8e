/** Tables of 主动公开 (see migrations/0002_publishing.ts). */
import type { Generated } from 'kysely';
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

export interface PublishingTables {
  infoItems: InfoItemsTable;
  indexCounters: IndexCountersTable;
}
