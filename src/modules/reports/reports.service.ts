/**
 * 政府信息公开工作年度报告 (条例第四十九条、第五十条): computed from Gongkai's records
 * and imported paper ledgers, checked against the format's own arithmetic, and frozen when published.
 */
import type { AppContext } from '../../context.js';
import {
  checkConsistency, computeRequestsTable, computeReviewTable, describesProblems, emptyProactiveTable, flattenRows, narrativeOverview, nestRows,
  ProactiveTable, publishableFrom, RequestsTable, ReviewTable,
} from '../../domain/annual-report.js';
import { todayInChina } from '../../domain/dates.js';
import { labelOf } from '../../domain/labels.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode, listOrgs, subtreeIds } from '../orgs/orgs.repository.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import { parseLedgerCsv, parseLedgerXlsx } from './ledger.js';
import * as repo from './reports.repository.js';
import { indexDocument } from '../search/search-index.js';
import { reportDocument } from '../search/search-sources.js';
import { canCompile, canReadDraft } from './reports.policy.js';
import { licenceDecisionsOfYear } from '../services/statistics.service.js';

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
  /** 行政许可 decisions entered by hand or counted from the 政务服务 cases. */
  licensingFrom?: 'manual' | 'serviceCases';
  requests: Record<string, unknown>;
  reviewLitigation: ReviewTable;
  sections: { overview: string; problems: string; other: string };
}

/** Figures that live outside Gongkai (行政许可、处罚、强制 decisions, 收费金额), entered by the 公开办. */
const EXTERNAL_KEYS = ['licensing.decisions', 'penalties.decisions', 'enforcement.decisions', 'fees.amountTenThousandYuan'] as const;
/** Kept with the draft's external figures: where table 二's 行政许可 decisions come from. */
const LICENSING_FROM = 'option:licensingFrom';

async function orgOrThrow(ctx: AppContext, orgCode: string) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  return org;
}

function checkYear(ctx: AppContext, year: number) {
  const thisYear = Number(todayInChina(ctx.now()).slice(0, 4));
  if (!Number.isInteger(year) || year < 2008 || year > thisYear) throw new AppError('VALIDATION_FAILED', [{ path: 'year', message: `年度应在2008年至${thisYear}年之间，请重新填写。` }]);
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
  // Chosen per report (never silently): 行政许可 decisions counted from the 政务服务 cases of the bodies
  // included instead of the figures entered by hand, and the source says so.
  const sources: Record<string, string> = Object.fromEntries(Object.entries(ownDraft?.externalFigures ?? {}).filter(([k]) => k.startsWith('source:')).map(([k, v]) => [k.slice(7), String(v)]));
  const licensingFrom = ownDraft?.externalFigures?.[LICENSING_FROM] === 'serviceCases' ? 'serviceCases' : 'manual';
  if (licensingFrom === 'serviceCases') {
    proactive.licensing.decisions = await licenceDecisionsOfYear(ctx.db, ids, year);
    sources['licensing.decisions'] = `政务服务办件统计：${year}年办结的行政许可事项办件中准予许可和不予许可的决定（系统自动统计）`;
  }
  const tableTwo = proactive as unknown as ProactiveTable;
  return {
    licensingFrom,
    orgCode: org.code, orgName: org.name, year, status: 'draft', rollup,
    proactive: tableTwo, requests: nestRows(requests), reviewLitigation: review,
    proactiveSources: sources,
    sections: {
      overview: ownDraft?.overview ?? narrativeOverview(org.name, year, requests, tableTwo, {
        itemsByCategory: stats.itemsByCategory,
        requestsByChannel: stats.requestsByChannel.map((c) => ({ label: labelOf('requestChannel', c.channel), count: c.count })),
        feesYuan: fees,
      }),
      problems: ownDraft?.problems ?? '',
      other: ownDraft?.other ?? (fees > 0 ? `本年度依据《政府信息公开信息处理费管理办法》收取信息处理费${fees}元。` : '本年度未收取信息处理费。'),
    },
  };
}

/**
 * A government's report is the roll-up of its own work and that of the bodies below it
 * (条例第五十条: 县级以上地方人民政府 report for their level of government); a department's
 * covers itself. Publishing without saying which kind publishes this one.
 */
export function rollupByDefault(org: { type: string }): boolean {
  return org.type === 'government';
}

/** Whether the year may be published today, and what the draft still lacks (shown in the console). */
function publicationOf(ctx: AppContext, year: number, report: AnnualReport, published: Awaited<ReturnType<typeof repo.latestPublished>>) {
  const allowedFrom = publishableFrom(year);
  return {
    allowedFrom,
    yearEnded: todayInChina(ctx.now()) >= allowedFrom,
    problemsDescribed: describesProblems(report.sections.problems),
    published: published ? { version: published.version, rollup: published.rollup, publishedAt: new Date(published.publishedAt).toISOString(), note: published.note } : null,
  };
}

export async function getReport(ctx: AppContext, actor: Actor | null, orgCode: string, year: number, options: { draft: boolean; rollup?: boolean }) {
  const org = await orgOrThrow(ctx, orgCode);
  if (options.draft) {
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await visibleOrgIds(ctx.db, actor);
    if (!canReadDraft(actor, scope, org.id)) throw new AppError('FORBIDDEN');
    checkYear(ctx, year);
    const report = await compute(ctx, org, year, options.rollup ?? false);
    const published = await repo.latestPublished(ctx.db, org.id, year);
    return {
      ...report,
      violations: checkConsistency(flattenRows(report.requests), report.reviewLitigation),
      publication: { ...publicationOf(ctx, year, report, published), canPublish: canCompile(actor, scope, org.id) },
    };
  }
  // The public report of a body and year is its latest published version, of whichever kind.
  const published = await repo.latestPublished(ctx.db, org.id, year, options.rollup);
  if (!published) throw new AppError('REPORT_NOT_PUBLISHED');
  return published.data as unknown as AnnualReport;
}

/** The address and title of a body's published report for a year, if there is one. */
export async function publishedReportLink(ctx: AppContext, orgCode: string, year: number) {
  const org = await findOrgByCode(ctx.db, orgCode);
  const published = org ? await repo.latestPublished(ctx.db, org.id, year) : undefined;
  if (!org || !published) return null;
  return { href: `/xxgk/reports/${org.code}/${year}`, title: `${org.name}${year}年政府信息公开工作年度报告`, rollup: published.rollup };
}

export async function publishReport(ctx: AppContext, actor: Actor, orgCode: string, year: number, options: { rollup?: boolean; note?: string }) {
  const org = await orgOrThrow(ctx, orgCode);
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canCompile(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  checkYear(ctx, year);
  // 条例第四十九条: the report is on the year gone by; it cannot be published while the year runs.
  const allowedFrom = publishableFrom(year);
  if (todayInChina(ctx.now()) < allowedFrom) {
    throw new AppError('REPORT_YEAR_NOT_ENDED', undefined, `${year}年度尚未结束，该年度的年度报告自${Number(allowedFrom.slice(0, 4))}年1月1日起方可发布。`);
  }
  const rollup = options.rollup ?? rollupByDefault(org);
  const report = await compute(ctx, org, year, rollup);
  const violations = checkConsistency(flattenRows(report.requests), report.reviewLitigation);
  if (violations.length) throw new AppError('REPORT_INCONSISTENT', violations.map((v) => ({ path: v.cell, message: v.message })));
  if (!describesProblems(report.sections.problems)) throw new AppError('REPORT_PROBLEMS_MISSING', [{ path: 'problems', message: '请写明本年度存在的主要问题和改进措施（至少10个字，不能只写“无”）。' }]);
  const note = options.note?.trim() || null;
  const frozen = await ctx.db.transaction().execute(async (trx) => {
    const version = await repo.nextVersion(trx, org.id, year);
    if (version > 1 && !note) throw new AppError('REPORT_CORRECTION_NOTE_REQUIRED', [{ path: 'note', message: '请填写更正说明：更正了哪些内容、为什么更正。' }]);
    const published: AnnualReport = { ...report, status: 'published', version, publishedAt: ctx.now().toISOString(), note };
    await repo.insertPublished(trx, { orgId: org.id, year, version, rollup, data: published as unknown as Record<string, unknown>, note, publishedBy: actor.userId });
    await indexDocument(trx, reportDocument(org.id, org.code, { ...published, orgName: org.name }));
    await recordAudit(trx, { actor, orgId: org.id, action: 'report.publish', targetType: 'annualReport', targetId: `${org.code}/${year}`, summary: { version, rollup, note } });
    return published;
  });
  // The reports list, the report page and the statistics page's link to it change.
  ctx.pages.invalidate();
  return frozen;
}

export interface DraftInput {
  overview?: string | null;
  problems?: string | null;
  other?: string | null;
  externalFigures?: Record<string, number>;
  /** The source of each figure entered by hand, e.g. 县行政审批局行政许可台账. */
  sources?: Record<string, string>;
  /** 行政许可 decisions (table 二): entered by hand (the default) or counted from the 政务服务 cases. */
  licensingFrom?: 'manual' | 'serviceCases';
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
        ...(input.licensingFrom ? { [LICENSING_FROM]: input.licensingFrom } : {}),
      },
    });
    await recordAudit(trx, { actor, orgId: org.id, action: 'report.saveDraft', targetType: 'annualReport', targetId: `${org.code}/${year}`, summary: { externalFigures: input.externalFigures ?? null, ...(input.licensingFrom ? { licensingFrom: input.licensingFrom === 'serviceCases' ? '政务服务办件统计' : '手工填报' } : {}) } });
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
  // The statistics kept with the public pages count ledger rows.
  ctx.pages.invalidate();
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
  // A roll-up counts as the body's publication like its own report.
  const published = new Set(await repo.publishedOrgIds(ctx.db, bodies.map((b) => b.id), year));
  const items = bodies.map((body) => {
    const deadline = body.type === 'department' ? `${year + 1}-01-31` : `${year + 1}-03-31`;
    return { orgCode: body.code, orgName: body.name, deadline, published: published.has(body.id), overdue: !published.has(body.id) && today > deadline };
  });
  return { year, items };
}
