/** Tables of 回应关切 (see migrations/0014_concerns.ts). */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export interface ConcernsTable {
  id: Generated<number>;
  orgId: number;
  title: string;
  summary: Generated<string>;
  source: Generated<string>;
  level: string;
  startedAt: Timestamp;
  spokesperson: Generated<string>;
  published: Generated<boolean>;
  createdBy: number | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface ConcernResponsesTable {
  id: Generated<number>;
  concernId: number;
  kind: string;
  respondedAt: Timestamp;
  title: string;
  url: string | null;
  itemId: number | null;
  note: Generated<string>;
  createdBy: number | null;
  createdAt: GeneratedTimestamp;
}

export interface ConcernTables {
  concerns: ConcernsTable;
  concernResponses: ConcernResponsesTable;
}
