/** Tables of security and platform (see migrations/0010_security.ts). */
import type { Generated } from 'kysely';
import type { Timestamp } from './foundation.js';

/** An anti-spam challenge that has been answered (right or wrong): never accepted again. */
export interface UsedChallengesTable {
  id: string;
  expiresAt: Timestamp;
}

/** Sign-in attempts of one account, from one address (`scope`) or from all of them ('*'). */
export interface LoginGuardsTable {
  kind: 'staff' | 'applicant';
  /** A keyed hash of the user name or log-in as typed (normalised). */
  account: string;
  scope: string;
  attempts: number;
  lockedUntil: Timestamp | null;
  /** The attempt that last won a slot (account-wide rows): tells a counted attempt from a delayed one. */
  claim: string | null;
  expiresAt: Timestamp;
}

export interface SecurityAlertsTable {
  id: Generated<number>;
  at: Timestamp;
  /** 'loginLocked' (an address locked out of an account) or 'loginThrottled' (many failures from many addresses). */
  kind: string;
  accountKind: 'staff' | 'applicant';
  /** The account as shown to the administrator (user name, masked log-in, or a masked made-up name). */
  subject: string;
  userId: number | null;
  address: string | null;
  attempts: number;
  acknowledgedAt: Timestamp | null;
  acknowledgedBy: number | null;
}

/** A signed copy of the audit chain's head at some moment (HMAC with a key derived from DATA_KEY). */
export interface AuditCheckpointsTable {
  seq: number;
  hash: string;
  at: Timestamp;
  mac: string;
}

export interface SecurityTables {
  usedChallenges: UsedChallengesTable;
  loginGuards: LoginGuardsTable;
  securityAlerts: SecurityAlertsTable;
  auditCheckpoints: AuditCheckpointsTable;
}
