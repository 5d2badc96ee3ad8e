/**
 * 政府信息公开工作年度报告 (条例第四十九条、第五十条): computed from Gongkai's records
 * and imported paper ledgers, checked against the format's own arithmetic, and frozen when published.
 */
import type { AppContext } from '../../context.js';
import {
  checkConsistency, computeRequestsTable, computeReviewTable, emptyProactiveTable, flattenRows, narrativeOverview, nestRows,
  ProactiveTable, RequestsTable, ReviewTable,
} from '../../domain/annual-report.js';
import { todayInChina } from '../../domain/dates.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode, listOrgs, subtreeIds } from '../orgs/orgs.repository.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import { parseLedgerCsv, parseLedgerXlsx } from './ledger.js';
import { CHANNEL_LABELS } from './statistics.service.js';
import * as repo from './reports.repository.js';
import { canCompile, canReadDraft } from './reports.policy.js';

export interface AnnualReport {
  orgCode: string;
  orgName: string;
  year: number;
  status: 'draft' | 'published';
  rollup: boolean;
  version?: number;
  publishedAt?: string;
  note?: string | null;
  proactive: ProactiveTable;
  /** Where each figure entered by hand comes from (行政许可 … 收费金额), by cell key. */
  proactiveSources?: Record<string, string>;
  requests: Record<string, unknown>;
  reviewLitigation: ReviewTable;
  sections: { overview: string; problems: string; other: string };
}

/** Figures that live outside Gongkai (行政许可、处罚、强制 decisions, 收费金额), entered by the 公开办. */
const EXTERNAL_KEYS = ['licensing.decisions', 'penalties.decisions', 'enforcement.decisions', 'fees.amountTenThousandYuan'] as const;

async function orgOrThrow(ctx: AppContext, orgCode: string) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  return org;
}

function checkYear(ctx: AppContext, year: number) {
  const thisYear = Number(todayInChina(ctx.now()).slice(0, 4));
  if (!Number.isInteger(year) || year < 2008 || year > thisYear) throw new AppError('REPORT_YEAR_INVALID');
}

/** Computes the tables for one body, or for a body and all the bodies below it (roll-up). */
async function compute(ctx: AppContext, org: { id: number; code: string; name: string }, year: number, rollup: boolean): Promise<AnnualReport> {
  const ids = rollup ? await subtreeIds(ctx.db, org.id) : [org.id];
  const [facts, cases, normative, drafts, fees, stats] = await Promise.all([
    repo.requestFacts(ctx.db, ids, year),
    repo.reviewCases(ctx.db, ids, year),
    repo.normativeCounts(ctx.db, ids, year),
    repo.findDrafts(ctx.db, ids, year),
    repo.feesCharged(ctx.db, ids, year),
    repo.narrativeCounts(ctx.db, ids, year),
  ]);
  let requests = computeRequestsTable(facts, year);
  const review = computeReviewTable(cases, year);
  const proactive = emptyProactiveTable() as unknown as Record<string, Record<string, number>>;
  for (const n of normative) Object.assign(n.docKind === 'rule' ? proactive.rules : proactive.normativeDocuments, { issued: n.issued, repealed: n.repealed, inForce: n.inForce });
  // Figures kept outside Gongkai are summed over the bodies included.
  for (const draft of drafts) {
    for (const key of EXTERNAL_KEYS) {
      const [row, col] = key.split('.');
      if (draft.externalFigures?.[key] !== undefined) proactive[row][col] = Math.round((proactive[row][col] + Number(draft.externalFigures[key])) * 10000) / 10000;
    }
  }
  // Hand corrections of table 三 cells belong to one body's own report.
  const ownDraft = drafts.find((d) => d.orgId === org.id);
  const adjusted = rollup ? [] : Object.entries(ownDraft?.externalFigures ?? {}).filter(([k]) => k.startsWith('requests.'));
  if (adjusted.length) {
    requests = structuredClone(requests);
    for (const [key, value] of adjusted) {
      const parts = key.split('.');
      const column = parts.pop()!;
      const row = parts.slice(1).join('.');
      if (requests[row] && column in requests[row]) requests[row][column as keyof RequestsTable[string]] = Number(value);
    }
  }
  const tableTwo = proactive as unknown as ProactiveTable;
  return {
    orgCode: org.code, orgName: org.name, year, status: 'draft', rollup,
    proactive: tableTwo, requests: nestRows(requests), reviewLitigation: review,
    proactiveSources: Object.fromEntries(Object.entries(ownDraft?.externalFigures ?? {}).filter(([k]) => k.startsWith('source:')).map(([k, v]) => [k.slice(7), String(v)])),
    sections: {
      overview: ownDraft?.overview ?? narrativeOverview(org.name, year, requests, tableTwo, {
        itemsByCategory: stats.itemsByCategory,
        requestsByChannel: stats.requestsByChannel.map((c) => ({ label: CHANNEL_LABELS[c.channel] ?? c.channel, count: c.count })),
        feesYuan: fees,
      }),
      problems: ownDraft?.problems ?? '',
      other: ownDraft?.other ?? (fees > 0 ? `本年度依据《政府信息公开信息处理费管理办法》收取信息处理费${fees}元。` : '本年度未收取信息处理费。'),
    },
  };
}

export async function getReport(ctx: AppContext, actor: Actor | null, orgCode: string, year: number, options: { draft: boolean; rollup: boolean }) {
  const org = await orgOrThrow(ctx, orgCode);
  if (options.draft) {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await visibleOrgIds(ctx.db, actor);
    if (!canReadDraft(actor, scope, org.id)) throw new AppError('FORBIDDEN');
    checkYear(ctx, year);
    const report = await compute(ctx, org, year, options.rollup);
    return { ...report, violations: checkConsistency(flattenRows(report.requests), report.reviewLitigation) };
  }
  const published = await repo.latestPublished(ctx.db, org.id, year, options.rollup);
  if (!published) throw new AppError('REPORT_NOT_PUBLISHED');
  return published.data as unknown as AnnualReport;
}

export async function publishReport(ctx: AppContext, actor: Actor, orgCode: string, year: number, options: { rollup: boolean; note?: string }) {
  const org = await orgOrThrow(ctx, orgCode);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canCompile(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  checkYear(ctx, year);
  const report = await compute(ctx, org, year, options.rollup);
  const violations = checkConsistency(flattenRows(report.requests), report.reviewLitigation);
  if (violations.length) throw new AppError('REPORT_INCONSISTENT', violations.map((v) => ({ path: v.cell, message: v.message })));
  return ctx.db.transaction().execute(async (trx) => {
    const version = await repo.nextVersion(trx, org.id, year);
    if (version > 1 && !options.note) throw new AppError('VALIDATION_FAILED', [{ path: 'note', message: '更正已发布的报告须说明更正内容。' }]);
    const frozen: AnnualReport = { ...report, status: 'published', version, publishedAt: ctx.now().toISOString(), note: options.note ?? null };
    await repo.insertPublished(trx, { orgId: org.id, year, version, rollup: options.rollup, data: frozen as unknown as Record<string, unknown>, note: options.note ?? null, publishedBy: actor.userId });
    await recordAudit(trx, { actor, orgId: org.id, action: 'report.publish', targetType: 'annualReport', targetId: `${org.code}/${year}`, summary: { version, rollup: options.rollup, note: options.note ?? null } });
    return frozen;
  });
}

export interface DraftInput {
  overview?: string | null;
  problems?: string | null;
  other?: string | null;
  externalFigures?: Record<string, number>;
  /** The source of each figure entered by hand, e.g. 县行政审批局行政许可台账. */
  sources?: Record<string, string>;
}

export async function saveDraft(ctx: AppContext, actor: Actor, orgCode: string, year: number, input: DraftInput) {
  const org = await orgOrThrow(ctx, orgCode);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canCompile(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  checkYear(ctx, year);
  const existing = await repo.findDraft(ctx.db, org.id, year);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertDraft(trx, {
      orgId: org.id, year, updatedBy: actor.userId,
      overview: input.overview !== undefined ? input.overview : existing?.overview ?? null,
      problems: input.problems !== undefined ? input.problems : existing?.problems ?? null,
      other: input.other !== undefined ? input.other : existing?.other ?? null,
      externalFigures: {
        ...(existing?.externalFigures ?? {}),
        ...(input.externalFigures ?? {}),
        ...Object.fromEntries(Object.entries(input.sources ?? {}).map(([k, v]) => [`source:${k}`, v])),
      },
    });
    await recordAudit(trx, { actor, orgId: org.id, action: 'report.saveDraft', targetType: 'annualReport', targetId: `${org.code}/${year}`, summary: { externalFigures: input.externalFigures ?? null } });
  });
  return getReport(ctx, actor, orgCode, year, { draft: true, rollup: false });
}

export async function importLedger(ctx: AppContext, actor: Actor, orgCode: string, file: { csv?: string; xlsx?: Buffer }) {
  const org = await orgOrThrow(ctx, orgCode);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canCompile(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  const { rows, problems } = file.xlsx ? await parseLedgerXlsx(file.xlsx) : parseLedgerCsv(file.csv ?? '');
  if (problems.length) throw new AppError('LEDGER_INVALID', problems, `台账中有${new Set(problems.map((p) => p.row)).size}行不符合要求，未导入任何数据。`);
  if (!rows.length) throw new AppError('LEDGER_EMPTY');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertLedgerEntries(trx, rows.map((r) => ({ ...r, orgId: org.id, importedBy: actor.userId })));
    await recordAudit(trx, { actor, orgId: org.id, action: 'report.importLedger', targetType: 'org', targetId: org.code, summary: { rows: rows.length } });
  });
  return { imported: rows.length };
}

export async function addReviewCase(
  ctx: AppContext, actor: Actor, orgCode: string,
  input: { caseNo: string; stage: 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration'; result: 'upheld' | 'corrected' | 'other' | 'pending'; filedOn: string; closedOn?: string | null; note?: string; trackingNo?: string },
) {
  const org = await orgOrThrow(ctx, orgCode);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canCompile(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  if (input.closedOn && input.closedOn < input.filedOn) throw new AppError('VALIDATION_FAILED', [{ path: 'closedOn', message: '审结日期不能早于立案日期。' }]);
  let requestId: number | null = null;
  if (input.trackingNo) {
    const linked = await repo.findRequestInScope(ctx.db, input.trackingNo, scope === 'all' ? null : scope);
    if (!linked) throw new AppError('REQUEST_NOT_FOUND', [{ path: 'trackingNo', message: '未找到该受理编号的申请。' }]);
    requestId = linked.id;
  }
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertReviewCase(trx, { orgId: org.id, caseNo: input.caseNo, requestId, stage: input.stage, result: input.result, filedOn: input.filedOn, closedOn: input.closedOn ?? null, note: input.note ?? null });
    await recordAudit(trx, { actor, orgId: org.id, action: 'report.addReviewCase', targetType: 'reviewCase', targetId: id, summary: { after: input } });
    return { id, ...input };
  });
}

export async function listPublishedReports(ctx: AppContext) {
  return repo.listPublished(ctx.db);
}

/**
 * Sub-bodies that have not published by the deadline (条例第五十条): departments by 31 January,
 * governments (乡镇 included) by 31 March of the following year.
 */
export async function publicationStatus(ctx: AppContext, actor: Actor, orgCode: string, year: number) {
  const org = await orgOrThrow(ctx, orgCode);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canReadDraft(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  const ids = new Set(await subtreeIds(ctx.db, org.id));
  const today = todayInChina(ctx.now());
  const bodies = (await listOrgs(ctx.db)).filter((o) => ids.has(o.id) && o.type !== 'office');
  const items = [];
  for (const body of bodies) {
    const published = await repo.latestPublished(ctx.db, body.id, year, false);
    const deadline = body.type === 'department' ? `${year + 1}-01-31` : `${year + 1}-03-31`;
    items.push({ orgCode: body.code, orgName: body.name, deadline, published: !!published, overdue: !published && today > deadline });
  }
  return { year, items };
}
