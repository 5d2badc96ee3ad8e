/**
 * The one search index of everything the portal publishes (search_documents), and the API other
 * capabilities call in their publish transactions:
 *
 *   await indexDocument(trx, { kind: 'faq', ref: String(id), url, title, body, orgId, publishedOn, … });
 *   await removeDocument(trx, 'faq', String(id));
 *
 * A capability that indexes documents also registers a `SearchSource` (searchSources below) so that a
 * full reindex finds them again. Catalog items, 政策解读 and annual reports are indexed here.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { dateLexemes } from '../../domain/search/recency.js';
import { searchVector, type SearchFields } from '../../domain/search/segment.js';
import type { Executor } from '../audit/audit.repository.js';
import * as repo from './search.repository.js';

/** Content types of the index; the portal shows their names from LABELS.searchKind. */
export type SearchKind = 'item' | 'interpretation' | 'annualReport' | 'message' | 'faq' | 'serviceGuide' | (string & {});

export interface SearchDocument {
  kind: SearchKind;
  /** The document's key within its kind (an id, or e.g. `<orgCode>/<year>`). */
  ref: string;
  /** Its public address. */
  url: string;
  title: string;
  /** Plain text of the body (no markup): searched, and snippets are cut from it. */
  body: string;
  /** Further text that is searched but not shown (attachments' text). */
  extraText?: string[];
  /** Keywords, 主题词 (weight B). */
  keywords?: string[];
  orgId?: number | null;
  orgName?: string | null;
  publishedOn?: string | null;
  category?: string | null;
  validity?: string | null;
  docNo?: string | null;
  indexNo?: string | null;
}

/** Characters of the body kept for snippets. */
const STORED_BODY = 4000;

export function fieldsOf(doc: SearchDocument): SearchFields {
  return { title: [doc.title, doc.docNo], keywords: [...(doc.keywords ?? []), doc.orgName], body: [doc.body, ...(doc.extraText ?? [])] };
}

export function indexedRow(doc: SearchDocument, fields = fieldsOf(doc)): repo.IndexedRow {
  const dates = dateLexemes(doc.publishedOn);
  return {
    kind: doc.kind, ref: doc.ref, url: doc.url, title: doc.title, body: doc.body.slice(0, STORED_BODY), orgId: doc.orgId ?? null, orgName: doc.orgName ?? null,
    publishedOn: doc.publishedOn ?? null, category: doc.category ?? null, validity: doc.validity ?? null, docNo: doc.docNo ?? null, indexNo: doc.indexNo ?? null,
    vector: `${searchVector(fields)} ${dates}`, titleVector: `${searchVector({ title: [doc.title, doc.docNo] })} ${dates}`,
  };
}

/** Adds or replaces a published document in the index (call it in the transaction that publishes it). */
export async function indexDocument(trx: Transaction<DB> | Executor, doc: SearchDocument): Promise<void> {
  await repo.upsertDocuments(trx, [indexedRow(doc)]);
}

/** Takes a document out of the index (withdrawn, unpublished, deleted). */
export async function removeDocument(trx: Transaction<DB> | Executor, kind: SearchKind, ref: string): Promise<void> {
  await repo.deleteDocument(trx, kind, ref);
}

/** Where a full reindex finds every document of one kind again. */
export interface SearchSource {
  kinds: SearchKind[];
  /** How many documents (for the progress shown in the console). */
  count(db: Executor): Promise<number>;
  /** The next batch after `after` (a cursor the source defines; null at the start); an empty batch ends. */
  batch(db: Executor, after: string | null, limit: number): Promise<{ docs: SearchDocument[]; next: string | null; processed: number }>;
}

/** Sources of the reindex. Capabilities append their own (one line each). */
export const searchSources: SearchSource[] = [];
