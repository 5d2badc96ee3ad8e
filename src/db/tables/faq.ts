/** 便民问答 (see migrations/0018_faq.ts). */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from './foundation.js';

export type FaqStatus = 'draft' | 'published' | 'withdrawn';

export interface FaqEntriesTable {
  id: Generated<number>;
  orgId: number;
  sourceMessageId: number | null;
  question: string;
  answer: string;
  category: Generated<string>;
  status: Generated<FaqStatus>;
  publishedOn: string | null;
  createdBy: number | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface FaqTables {
  faqEntries: FaqEntriesTable;
}
