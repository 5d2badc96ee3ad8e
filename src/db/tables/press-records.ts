/** Tables of 回应关切's press records (see migrations/0017_press_records.ts). */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export interface ConcernPressRecordsTable {
  id: Generated<number>;
  concernId: number;
  kind: string;
  title: string;
  heldAt: Timestamp;
  place: Generated<string>;
  speakers: Generated<string>;
  transcript: Generated<string>;
  itemId: number | null;
  createdBy: number | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface ConcernPressFilesTable {
  id: Generated<number>;
  recordId: number;
  role: string;
  fileName: string;
  kind: string;
  mime: string;
  size: number;
  blobKey: string;
  createdAt: GeneratedTimestamp;
}

export interface PressRecordTables {
  concernPressRecords: ConcernPressRecordsTable;
  concernPressFiles: ConcernPressFilesTable;
}
