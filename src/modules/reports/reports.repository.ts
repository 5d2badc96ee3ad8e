import { sql } from 'kysely';
import type { Executor } from '../audit/audit.repository.js';

export interface RequestFactGroup {
  /** Handled in Gongkai, or a row of an imported paper ledger. */
  source: 'platform' | 'ledger';
  channel: string;
  applicantType: string;
  /** Received in the year (本年新收); otherwise carried in from an earlier year (上年结转). */
  isNew: boolean;
  /** The outcome when completed in the year; null while still open at the year's end. */
  outcome: string | null;
  n: number;
}

/**
 * Request facts of a year, aggregated in the database: one row per source, channel, applicant
 * type, new-or-carried-in, and outcome if completed in the year. Requests handled in Gongkai
 * and rows imported from paper ledgers count alike. Only requests received by the year's end
 * and not completed before its start can matter. Table 三 and the statistics page both read
 * this one query, so their figures agree.
 */
export async function requestFactGroups(db: Executor, orgIds: number[], year: number): Promise<RequestFactGroup[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = await sql<RequestFactGroup>`
    with facts as (
      select 'platform' as source, channel, applicant_type, received_on, outcome, completed_on from disclosure_requests
        where org_id in (${sql.join(orgIds)}) and received_on is not null and received_on <= ${end}
          and (completed_on is null or completed_on >= ${start})
      union all
      select 'ledger' as source, channel, applicant_type, received_on, outcome, completed_on from request_ledger_entries
        where org_id in (${sql.join(orgIds)}) and received_on <= ${end}
          and (completed_on is null or completed_on >= ${start})
    )
    select source, channel, applicant_type, received_on >= ${start} as is_new,
      case when completed_on <= ${end} then outcome end as outcome, count(*)::int as n
    from facts group by 1, 2, 3, 4, 5`.execute(db);
  return rows.rows;
}

/** The fact groups as the report arithmetic takes them: representative dates stand in for each group. */
export function asRequestFacts(groups: RequestFactGroup[], year: number) {
  return groups.map((r) => ({
    applicantType: r.applicantType,
    receivedOn: r.isNew ? `${year}-01-01` : `${year - 1}-12-31`,
    outcome: r.outcome,
    completedOn: r.outcome ? `${year}-12-31` : null,
    count: r.n,
  }));
}

export async function requestFacts(db: Executor, orgIds: number[], year: number) {
  return asRequestFacts(await requestFactGroups(db, orgIds, year), year);
}

export async function reviewCases(db: Executor, orgIds: number[], year: number) {
  return db
    .selectFrom('reviewCases')
    .select(['stage', 'result', 'filedOn', 'closedOn'])
    .where('orgId', 'in', orgIds)
    .where('filedOn', '>=', `${year}-01-01`)
    .where('filedOn', '<=', `${year}-12-31`)
    .execute();
}

/** 规章 and 行政规范性文件: issued (成文) in the year, repealed or lapsed in the year, in force at its end. */
export async function normativeCounts(db: Executor, orgIds: number[], year: number) {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = await sql<{ docKind: string; issued: number; repealed: number; inForce: number }>`
    select doc_kind,
      count(*) filter (where written_on between ${start} and ${end})::int as issued,
      count(*) filter (where validity in ('repealed', 'lapsed') and validity_changed_on between ${start} and ${end})::int as repealed,
      count(*) filter (where written_on <= ${end} and (validity = 'valid' or validity_changed_on > ${end}))::int as in_force
    from info_items
    where org_id in (${sql.join(orgIds)}) and status in ('published', 'withdrawn') and doc_kind in ('rule', 'normative')
    group by doc_kind`.execute(db);
  return rows.rows;
}

export async function findDraft(db: Executor, orgId: number, year: number) {
  return db.selectFrom('annualReportDrafts').selectAll().where('orgId', '=', orgId).where('year', '=', year).executeTakeFirst();
}

export async function findDrafts(db: Executor, orgIds: number[], year: number) {
  return db.selectFrom('annualReportDrafts').selectAll().where('orgId', 'in', orgIds).where('year', '=', year).execute();
}

export async function upsertDraft(
  db: Executor,
  row: { orgId: number; year: number; overview: string | null; problems: string | null; other: string | null; externalFigures: Record<string, number | string>; updatedBy: number },
) {
  const values = { ...row, externalFigures: JSON.stringify(row.externalFigures) };
  await db
    .insertInto('annualReportDrafts')
    .values(values)
    .onConflict((oc) => oc.columns(['orgId', 'year']).doUpdateSet({ ...values, updatedAt: new Date() }))
    .execute();
}

/** The latest published version; of either kind (own body or roll-up) when `rollup` is not given. */
export async function latestPublished(db: Executor, orgId: number, year: number, rollup?: boolean) {
  let q = db.selectFrom('annualReports').selectAll().where('orgId', '=', orgId).where('year', '=', year);
  if (rollup !== undefined) q = q.where('rollup', '=', rollup);
  return q.orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Which of the bodies have published a report (of either kind) for the year. */
export async function publishedOrgIds(db: Executor, orgIds: number[], year: number): Promise<number[]> {
  if (!orgIds.length) return [];
  const rows = await db.selectFrom('annualReports').select('orgId').distinct().where('orgId', 'in', orgIds).where('year', '=', year).execute();
  return rows.map((r) => r.orgId);
}

export async function nextVersion(db: Executor, orgId: number, year: number): Promise<number> {
  const row = await db.selectFrom('annualReports').select((eb) => eb.fn.max('version').as('v')).where('orgId', '=', orgId).where('year', '=', year).executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertPublished(db: Executor, row: { orgId: number; year: number; version: number; rollup: boolean; data: Record<string, unknown>; note: string | null; publishedBy: number }) {
  await db.insertInto('annualReports').values({ ...row, data: JSON.stringify(row.data) }).execute();
}

/** The latest version of every published report (one per body and year), newest year first. */
export async function listPublished(db: Executor) {
  return db
    .selectFrom('annualReports')
    .innerJoin('orgs', 'orgs.id', 'annualReports.orgId')
    .select(['orgs.code as orgCode', 'orgs.name as orgName', 'annualReports.year', 'annualReports.version', 'annualReports.rollup', 'annualReports.publishedAt'])
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('annualReports as later').select('later.id')
        .whereRef('later.orgId', '=', 'annualReports.orgId').whereRef('later.year', '=', 'annualReports.year').whereRef('later.version', '>', 'annualReports.version'),
    )))
    .orderBy('annualReports.year', 'desc')
    .orderBy('orgs.sortOrder')
    .execute();
}

export async function insertLedgerEntries(db: Executor, rows: { orgId: number; receivedOn: string; channel: string; applicantType: string; outcome: string | null; completedOn: string | null; importedBy: number }[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('requestLedgerEntries').values(rows.slice(i, i + 500)).execute();
}

export async function insertReviewCase(db: Executor, row: { orgId: number; caseNo: string; requestId: number | null; stage: 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration'; result: 'upheld' | 'corrected' | 'other' | 'pending'; filedOn: string; closedOn: string | null; note: string | null }) {
  return (await db.insertInto('reviewCases').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** 信息处理费 charged on requests completed in the year (yuan). */
export async function feesCharged(db: Executor, orgIds: number[], year: number): Promise<number> {
  const row = await db
    .selectFrom('disclosureRequests')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('feeAmount'), eb.val(0)).as('total'))
    .where('orgId', 'in', orgIds)
    .where('completedOn', '>=', `${year}-01-01`)
    .where('completedOn', '<=', `${year}-12-31`)
    .where('outcome', '!=', 'otherHandling.unpaidFee')
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** Figures the pre-filled narrative quotes: items published by category, new requests by channel. */
export async function narrativeCounts(db: Executor, orgIds: number[], year: number) {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const items = await sql<{ category: string; count: number }>`
    select category, count(*)::int as count from info_items
    where org_id in (${sql.join(orgIds)}) and status in ('published', 'withdrawn') and disclosure = 'proactive' and published_on between ${start} and ${end}
    group by 1 order by 2 desc`.execute(db);
  const channels = await sql<{ channel: string; count: number }>`
    select channel, count(*)::int as count from (
      select channel from disclosure_requests where org_id in (${sql.join(orgIds)}) and received_on between ${start} and ${end}
      union all select channel from request_ledger_entries where org_id in (${sql.join(orgIds)}) and received_on between ${start} and ${end}) r
    group by 1 order by 2 desc`.execute(db);
  return { itemsByCategory: items.rows, requestsByChannel: channels.rows };
}

export async function findRequestInScope(db: Executor, trackingNo: string, orgIds: number[] | null) {
  let q = db.selectFrom('disclosureRequests').select(['id', 'orgId']).where('trackingNo', '=', trackingNo);
  if (orgIds) q = q.where('orgId', 'in', orgIds.length ? orgIds : [-1]);
  return q.executeTakeFirst();
}
