/** Tables of 全站搜索 (see migrations/0015_search.ts). */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export interface SearchDocumentsTable {
  id: Generated<string>;
  kind: string;
  ref: string;
  url: string;
  title: string;
  body: Generated<string>;
  orgId: number | null;
  orgName: string | null;
  publishedOn: string | null;
  category: string | null;
  validity: string | null;
  docNo: string | null;
  indexNo: string | null;
  vector: string;
  titleVector: string;
  updatedAt: GeneratedTimestamp;
}

export interface SearchSynonymsTable {
  id: Generated<number>;
  terms: string[];
  builtin: Generated<boolean>;
  updatedBy: number | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface SearchReindexRunsTable {
  id: Generated<number>;
  status: Generated<string>;
  done: Generated<number>;
  total: Generated<number>;
  requestedBy: number | null;
  error: string | null;
  createdAt: GeneratedTimestamp;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
}

/** What the index was built with (one row): DICTIONARY_SIGNATURE of domain/search/segment.ts, or null. */
export interface SearchIndexStateTable {
  id: Generated<number>;
  dictionary: string | null;
  updatedAt: GeneratedTimestamp;
}

export interface SearchTables {
  searchDocuments: SearchDocumentsTable;
  searchSynonyms: SearchSynonymsTable;
  searchReindexRuns: SearchReindexRunsTable;
  searchIndexState: SearchIndexStateTable;
}
