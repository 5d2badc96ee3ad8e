/** Tables of 互动交流 (see migrations/0012_messages.ts). */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp } from './foundation.js';

export type MessageType = 'consultation' | 'suggestion' | 'query' | 'complaint' | 'report';
export type MessageChannel = 'online' | 'phone' | 'sms' | 'letter' | 'inPerson' | 'box' | 'email' | 'readingRoom';
export type MessageStatus =
  | 'pending' | 'accepted' | 'assigned' | 'drafted' | 'replied' | 'closed'
  | 'transferred' | 'referred' | 'converted' | 'duplicate' | 'invalid';
export type MessageRating = 'satisfied' | 'basicallySatisfied' | 'dissatisfied';

export interface MailboxesTable {
  id: Generated<number>;
  orgId: number;
  code: string;
  name: string;
  acceptedTypes: Generated<MessageType[]>;
  /** Working days per type; a type not listed has the default of 10. */
  replyLimits: Generated<Partial<Record<MessageType, number>>>;
  introduction: Generated<string>;
  isMain: Generated<boolean>;
  sortOrder: Generated<number>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface MessagesTable {
  id: Generated<number>;
  trackingNo: string;
  orgId: number;
  mailboxId: number;
  type: MessageType;
  channel: MessageChannel;
  subject: string;
  body: string;
  senderName: string;
  senderPhoneEnc: string | null;
  senderEmailEnc: string | null;
  queryPasswordHash: string | null;
  publicReply: Generated<boolean>;
  receivedOn: string;
  replyDueOn: string;
  status: MessageStatus;
  round: Generated<number>;
  extensionDays: Generated<number>;
  extensionReason: string | null;
  assignedOrgId: number | null;
  draftReply: string | null;
  draftedBy: number | null;
  replyText: string | null;
  repliedOn: string | null;
  repliedBy: number | null;
  rating: MessageRating | null;
  ratingComment: string | null;
  ratedOn: string | null;
  firstRating: MessageRating | null;
  closedOn: string | null;
  closeReason: string | null;
  published: Generated<boolean>;
  publishedOn: string | null;
  publishedBy: number | null;
  transferredToOrgId: number | null;
  duplicateOfId: number | null;
  convertedRequestId: number | null;
  remindedOn: string | null;
  registeredBy: number | null;
  legacyConsultationId: number | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface MessageEventsTable {
  id: Generated<number>;
  messageId: number;
  at: GeneratedTimestamp;
  onDate: string;
  type: string;
  title: string;
  note: string | null;
  public: Generated<boolean>;
  actorUserId: number | null;
  orgId: number | null;
}

export interface MessageDocumentsTable {
  id: Generated<number>;
  messageId: number;
  title: string;
  fileName: string;
  mime: string;
  blobKey: string;
  createdAt: GeneratedTimestamp;
}

export interface MessageReplyTemplatesTable {
  id: Generated<number>;
  orgId: number;
  title: string;
  text: string;
  createdAt: GeneratedTimestamp;
}

export interface InteractionTables {
  mailboxes: MailboxesTable;
  messages: MessagesTable;
  messageEvents: MessageEventsTable;
  messageDocuments: MessageDocumentsTable;
  messageReplyTemplates: MessageReplyTemplatesTable;
}
