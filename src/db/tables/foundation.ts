import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { OrgType } from '../../domain/org-types.js';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default: optional on insert. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type { OrgType };

export interface OrgsTable {
  id: Generated<number>;
  code: string;
  name: string;
  shortName: string | null;
  type: OrgType;
  parentId: number | null;
  address: string | null;
  officeHours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  postalCode: string | null;
  website: string | null;
  sortOrder: Generated<number>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  orgId: number;
  roles: string[];
  passwordHash: string;
  /** Work address for reminders (互动交流); optional. */
  email: string | null;
  active: Generated<boolean>;
  failedLogins: Generated<number>;
  lockedUntil: Timestamp | null;
  lastLoginAt: Timestamp | null;
  passwordChangedAt: GeneratedTimestamp;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface SessionsTable {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: GeneratedTimestamp;
  lastSeenAt: GeneratedTimestamp;
}

export interface ApiTokensTable {
  id: string;
  userId: number;
  createdAt: GeneratedTimestamp;
  expiresAt: Timestamp;
  lastUsedAt: Timestamp | null;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actorUserId: number | null;
  actorUsername: string | null;
  orgId: number | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: JSONColumnType<Record<string, unknown>, string, string>;
  prevHash: string;
  hash: string;
}

export interface CalendarOverridesTable {
  date: string;
  working: boolean;
  name: string;
  updatedBy: number | null;
  updatedAt: GeneratedTimestamp;
}

export interface CalendarYearsTable {
  year: number;
  confirmedBy: number | null;
  confirmedAt: GeneratedTimestamp;
}

/** One rate-limit counter: a route and a client address, for one time window. */
export interface RateLimitHitsTable {
  key: string;
  hits: number;
  expiresAt: Timestamp;
}

export interface FoundationTables {
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  auditLog: AuditLogTable;
  calendarOverrides: CalendarOverridesTable;
  calendarYears: CalendarYearsTable;
  rateLimitHits: RateLimitHitsTable;
}
