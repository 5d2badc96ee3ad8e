/** Tables of 意见征集 (see migrations/0013_consultation_drafts.ts). */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export type DraftStatus = 'draft' | 'review' | 'open' | 'closed' | 'feedbackPublished';
export type CommentStatus = 'pending' | 'approved' | 'rejected';
export type AdoptionDecision = 'adopted' | 'partlyAdopted' | 'notAdopted';

export interface SolicitationDraftsTable {
  id: Generated<number>;
  orgId: number;
  kind: string;
  title: string;
  explanation: Generated<string>;
  periodLength: number;
  shortenedReason: string | null;
  moderated: Generated<boolean>;
  status: Generated<DraftStatus>;
  opensOn: string | null;
  endsOn: string | null;
  periodCertain: Generated<boolean>;
  feedbackSummary: Generated<string>;
  feedbackPublishedOn: string | null;
  finalItemId: number | null;
  createdBy: number | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface SolicitationArticlesTable {
  id: Generated<number>;
  draftId: number;
  seq: number;
  heading: Generated<string>;
  text: string;
}

export interface SolicitationFeedbackGroupsTable {
  id: Generated<number>;
  draftId: number;
  seq: number;
  articleId: number | null;
  summary: string;
  decision: AdoptionDecision;
  reason: Generated<string>;
}

export interface SolicitationCommentsTable {
  id: Generated<number>;
  draftId: number;
  articleId: number | null;
  channel: string;
  body: string;
  nameEnc: string | null;
  contactEnc: string | null;
  receivedOn: string;
  status: Generated<CommentStatus>;
  rejectReason: string | null;
  moderatedBy: number | null;
  moderatedAt: Timestamp | null;
  groupId: number | null;
  registeredBy: number | null;
  createdAt: GeneratedTimestamp;
}

export interface SolicitationTables {
  solicitationDrafts: SolicitationDraftsTable;
  solicitationArticles: SolicitationArticlesTable;
  solicitationFeedbackGroups: SolicitationFeedbackGroupsTable;
  solicitationComments: SolicitationCommentsTable;
}
