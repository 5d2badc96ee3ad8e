/**
 * The audit trail (审计日志): who did what to which record, when, from which body.
 * Every state change writes one entry in the same transaction as the change.
 * Entries are append-only (database triggers refuse UPDATE/DELETE) and hash-chained.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds } from '../orgs/orgs.policy.js';
import { canReadAudit } from './audit.policy.js';
import { redactPersonalData } from '../../lib/personal-data.js';
import { addCalendarDays, type IsoDate } from '../../domain/dates.js';
import { LABELS } from '../../domain/labels.js';
import { entryHash, GENESIS_HASH } from './audit-chain.js';
import { actionLabel, actorLabel, type AuditNames, summaryText, targetLabel } from './audit-presenter.js';
import * as repo from './audit.repository.js';

export interface AuditEntryInput {
  actor: Pick<Actor, 'userId' | 'username'> | null;
  /** The body the record belongs to. */
  orgId: number | null;
  /** Dotted verb, e.g. `org.create`, `request.extend`. */
  action: string;
  targetType: string;
  targetId: string | number | null;
  /** Before/after summary; personal data fields are masked automatically. */
  summary?: Record<string, unknown>;
}

export async function recordAudit(trx: Transaction<DB>, input: AuditEntryInput): Promise<void> {
  await repo.lockChain(trx);
  const last = await repo.findLastEntry(trx);
  const entry = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorUserId: input.actor?.userId ?? null,
    actorUsername: input.actor?.username ?? null,
    orgId: input.orgId,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId === null ? null : String(input.targetId),
    summary: redactPersonalData(input.summary ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await repo.insertEntry(trx, { ...entry, hash: entryHash(entry) });
}

export interface AuditFilter {
  q?: string;
  action?: string;
  /** The first part of an action: auth, item, request … */
  category?: string;
  orgCode?: string;
  actor?: string;
  from?: IsoDate;
  to?: IsoDate;
  targetType?: string;
  targetId?: string;
  order: 'asc' | 'desc';
}

const chinaMidnight = (date: IsoDate) => new Date(`${date}T00:00:00+08:00`);

/** Turns the reader's filter into a query limited to the bodies they may see. */
async function queryFor(ctx: AppContext, actor: Actor, filter: AuditFilter): Promise<Omit<repo.AuditQuery, 'limit' | 'cursor'>> {
  if (!canReadAudit(actor)) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  let orgIds = scope === 'all' ? undefined : scope;
  if (filter.orgCode) {
    const org = await findOrgByCode(ctx.db, filter.orgCode);
    if (!org) throw new AppError('ORG_NOT_FOUND');
    if (!inScope(scope, org.id)) throw new AppError('FORBIDDEN');
    orgIds = [org.id];
  }
  const q = filter.q?.trim() || undefined;
  return {
    order: filter.order, orgIds, action: filter.action, actionPrefix: filter.category ? `${filter.category}.` : undefined,
    targetType: filter.targetType, targetId: filter.targetId, actor: filter.actor?.trim() || undefined,
    from: filter.from ? chinaMidnight(filter.from) : undefined, to: filter.to ? chinaMidnight(addCalendarDays(filter.to, 1)) : undefined,
    q, searchActions: q ? Object.entries(LABELS.auditAction).filter(([, label]) => label.includes(q)).map(([key]) => key) : undefined,
  };
}

type EntryRow = Awaited<ReturnType<typeof repo.listEntries>>[number];

/** Entries with their Chinese words: action, actor, target, summary. */
async function present(ctx: AppContext, rows: EntryRow[]) {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.targetType === type && /^\d+$/.test(r.targetId ?? '')).map((r) => Number(r.targetId)))];
  const actorIds = rows.map((r) => r.actorUserId).filter((id): id is number => id !== null);
  const found = await repo.namesFor(ctx.db, { users: [...new Set([...actorIds, ...ids('user')])], items: ids('item'), messages: [...new Set(rows.filter((r) => (r.targetType === 'message' || r.targetType === 'consultation') && r.targetId).map((r) => r.targetId!))] });
  const names: AuditNames = {
    orgsById: new Map(found.orgs.map((o) => [o.id, o.name])),
    orgsByCode: new Map(found.orgs.map((o) => [o.code, o.name])),
    usersById: new Map(found.users.map((u) => [u.id, u])),
    itemTitles: new Map(found.items.map((i) => [i.id, i.title])),
    messageSubjects: new Map(found.messages.flatMap((m) => [[m.trackingNo, m.subject], ...(m.legacyConsultationId ? [[`consultation:${m.legacyConsultationId}`, m.subject] as [string, string]] : [])])),
  };
  return rows.map((r) => ({
    seq: Number(r.seq), at: new Date(r.at).toISOString(), action: r.action, actionLabel: actionLabel(r.action),
    actorUsername: r.actorUsername, actorName: actorLabel(r, names), orgCode: r.orgCode, orgName: r.orgName,
    targetType: r.targetType, targetId: r.targetId, targetLabel: targetLabel(r, names),
    summary: r.summary, summaryText: summaryText(r, names), prevHash: r.prevHash, hash: r.hash,
  }));
}

export type PresentedEntry = Awaited<ReturnType<typeof present>>[number];

/** Entries (newest first unless asked otherwise), limited to the bodies the reader may see. */
export async function listAuditFor(ctx: AppContext, actor: Actor, filter: AuditFilter & { cursor?: number; limit: number }) {
  const query = await queryFor(ctx, actor, filter);
  const rows = await repo.listEntries(ctx.db, { ...query, cursor: filter.cursor, limit: filter.limit + 1 });
  const items = await present(ctx, rows.slice(0, filter.limit));
  const next = rows.length > filter.limit ? String(items[items.length - 1].seq) : undefined;
  return { items, next };
}

/** At most this many entries in one export (narrow the filter for more). */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** Every entry the filter finds, presented, for the CSV and XLSX exports. */
export async function exportAuditFor(ctx: AppContext, actor: Actor, filter: AuditFilter) {
  const query = await queryFor(ctx, actor, filter);
  const out: PresentedEntry[] = [];
  let cursor: number | undefined;
  while (out.length < AUDIT_EXPORT_LIMIT) {
    const rows = await repo.listEntries(ctx.db, { ...query, cursor, limit: Math.min(1000, AUDIT_EXPORT_LIMIT - out.length) });
    if (!rows.length) break;
    out.push(...(await present(ctx, rows)));
    cursor = Number(rows[rows.length - 1].seq);
  }
  return out;
}
