/** Tables of 互动交流 (see migrations/0005_interaction.ts). */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from './foundation.js';

export interface ConsultationsTable {
  id: Generated<number>;
  orgId: number;
  channel: string;
  subject: string;
  question: string;
  askerName: string;
  contactEnc: string | null;
  status: Generated<'open' | 'answered'>;
  answer: string | null;
  publishAnswer: Generated<boolean>;
  answeredBy: number | null;
  answeredAt: Timestamp | null;
  receivedAt: GeneratedTimestamp;
}

export interface InteractionTables {
  consultations: ConsultationsTable;
}
