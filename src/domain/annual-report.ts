/**
 * The statutory annual report's arithmetic (条例第四十九条、第五十条; format of
 * 国办公开办函〔2021〕30号, in annual-report-2021.json). Pure: facts in, tables out.
 */
import spec from './annual-report-2021.json' with { type: 'json' };
import type { IsoDate } from './dates.js';

export const REPORT_SPEC = spec;

export const APPLICANT_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legalService', 'otherOrg'] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];
export const REQUEST_COLUMNS = [...APPLICANT_COLUMNS, 'total'] as const;

export const REQUEST_ROW_KEYS: string[] = spec.requests.rows.filter((r): r is { key: string; label: string } => 'key' in r).map((r) => r.key);
/** Rows (一)…(六) with their sub-rows: each completed request lands in exactly one. */
export const OUTCOME_ROW_KEYS = REQUEST_ROW_KEYS.filter((k) => !['received', 'carriedIn', 'completed', 'carriedOut'].includes(k));

export const REVIEW_GROUPS = spec.reviewLitigation.groups.map((g) => g.key);
export const REVIEW_COLUMNS = spec.reviewLitigation.columns.map((c) => c.key);

export type Row = Record<(typeof REQUEST_COLUMNS)[number], number>;
export type RequestsTable = Record<string, Row>;

export interface RequestFact {
  receivedOn: IsoDate | null;
  applicantType: string;
  outcome: string | null;
  completedOn: IsoDate | null;
  /** How many requests this fact stands for (aggregated facts); 1 when absent. */
  count?: number;
}

function emptyRow(): Row {
  return Object.fromEntries(REQUEST_COLUMNS.map((c) => [c, 0])) as Row;
}

export function emptyRequestsTable(): RequestsTable {
  return Object.fromEntries(REQUEST_ROW_KEYS.map((k) => [k, emptyRow()]));
}

function add(table: RequestsTable, row: string, column: string, n = 1) {
  table[row][column as ApplicantColumn] += n;
  table[row].total += n;
}

/**
 * Table 三. 本年新收: received in the year. 上年结转: received earlier and still open on 1 January.
 * Each request completed in the year counts once, in its outcome's row. 结转下年度: open on 31 December.
 */
export function computeRequestsTable(facts: Iterable<RequestFact>, year: number): RequestsTable {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const table = emptyRequestsTable();
  for (const f of facts) {
    if (!f.receivedOn || f.receivedOn > end) continue;
    const column = (APPLICANT_COLUMNS as readonly string[]).includes(f.applicantType) ? f.applicantType : 'otherOrg';
    const completedInYear = !!f.completedOn && f.completedOn >= start && f.completedOn <= end;
    if (f.completedOn && f.completedOn < start) continue;
    const n = f.count ?? 1;
    if (f.receivedOn >= start) add(table, 'received', column, n);
    else add(table, 'carriedIn', column, n);
    if (completedInYear && f.outcome && OUTCOME_ROW_KEYS.includes(f.outcome)) {
      add(table, f.outcome, column, n);
      add(table, 'completed', column, n);
    } else {
      add(table, 'carriedOut', column, n);
    }
  }
  return table;
}

export function addRequestsTables(a: RequestsTable, b: RequestsTable): RequestsTable {
  const out = emptyRequestsTable();
  for (const row of REQUEST_ROW_KEYS) for (const c of REQUEST_COLUMNS) out[row][c] = (a[row]?.[c] ?? 0) + (b[row]?.[c] ?? 0);
  return out;
}

// ---------------------------------------------------------------- table 四

export interface ReviewCaseFact {
  stage: 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration';
  result: 'upheld' | 'corrected' | 'other' | 'pending';
  filedOn: IsoDate;
  closedOn: IsoDate | null;
}

export type ReviewTable = Record<string, Record<string, number>>;

export function emptyReviewTable(): ReviewTable {
  return Object.fromEntries(REVIEW_GROUPS.map((g) => [g, Object.fromEntries(REVIEW_COLUMNS.map((c) => [c, 0]))]));
}

/** Cases filed in the year; one not decided by 31 December counts as 尚未审结. */
export function computeReviewTable(cases: Iterable<ReviewCaseFact>, year: number): ReviewTable {
  const table = emptyReviewTable();
  for (const c of cases) {
    if (c.filedOn.slice(0, 4) !== String(year)) continue;
    const decided = c.result !== 'pending' && !!c.closedOn && c.closedOn <= `${year}-12-31`;
    table[c.stage][decided ? c.result : 'pending'] += 1;
    table[c.stage].total += 1;
  }
  return table;
}

// ---------------------------------------------------------------- table 二

export interface ProactiveTable {
  rules: { issued: number; repealed: number; inForce: number };
  normativeDocuments: { issued: number; repealed: number; inForce: number };
  licensing: { decisions: number };
  penalties: { decisions: number };
  enforcement: { decisions: number };
  fees: { amountTenThousandYuan: number };
}

export function emptyProactiveTable(): ProactiveTable {
  return {
    rules: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
    licensing: { decisions: 0 },
    penalties: { decisions: 0 },
    enforcement: { decisions: 0 },
    fees: { amountTenThousandYuan: 0 },
  };
}

// ---------------------------------------------------------------- consistency

export interface Violation {
  cell: string;
  message: string;
}

/** The format's own arithmetic (annual-report-2021.json consistencyRules). */
export function checkConsistency(requests: RequestsTable, review: ReviewTable): Violation[] {
  const violations: Violation[] = [];
  const rowLabel = (key: string) => (spec.requests.rows.find((r) => 'key' in r && r.key === key) as { label: string } | undefined)?.label ?? key;
  const colLabel = (key: string) => spec.requests.columns.find((c) => c.key === key)?.label ?? key;
  for (const c of REQUEST_COLUMNS) {
    const r = (k: string) => requests[k]?.[c] ?? 0;
    if (r('received') + r('carriedIn') !== r('completed') + r('carriedOut')) {
      violations.push({ cell: `requests.completed.${c}`, message: `“${colLabel(c)}”列：一（${r('received')}）加二（${r('carriedIn')}）不等于三（七）总计（${r('completed')}）加四（${r('carriedOut')}）。` });
    }
    const outcomes = OUTCOME_ROW_KEYS.reduce((sum, k) => sum + r(k), 0);
    if (outcomes !== r('completed')) {
      violations.push({ cell: `requests.completed.${c}`, message: `“${colLabel(c)}”列：（七）总计（${r('completed')}）不等于（一）至（六）各项之和（${outcomes}）。` });
    }
  }
  for (const k of REQUEST_ROW_KEYS) {
    const sum = APPLICANT_COLUMNS.reduce((s, c) => s + (requests[k]?.[c] ?? 0), 0);
    if (sum !== (requests[k]?.total ?? 0)) {
      violations.push({ cell: `requests.${k}.total`, message: `“${rowLabel(k)}”行：总计（${requests[k]?.total ?? 0}）不等于各申请人类型之和（${sum}）。` });
    }
  }
  for (const g of REVIEW_GROUPS) {
    const parts = REVIEW_COLUMNS.filter((c) => c !== 'total').reduce((s, c) => s + (review[g]?.[c] ?? 0), 0);
    if (parts !== (review[g]?.total ?? 0)) {
      violations.push({ cell: `reviewLitigation.${g}.total`, message: `行政复议、行政诉讼表“${g}”：总计（${review[g]?.total ?? 0}）不等于各结果之和（${parts}）。` });
    }
  }
  return violations;
}

/** Dotted row keys become nested objects: 'withheld.thirdPartyRights' → { withheld: { thirdPartyRights: … } }. */
export function nestRows<T>(table: Record<string, T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) {
    const parts = key.split('.');
    let node = out;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  }
  return out;
}

export function flattenRows(nested: Record<string, unknown>): RequestsTable {
  const table = emptyRequestsTable();
  for (const key of REQUEST_ROW_KEYS) {
    let node: unknown = nested;
    for (const p of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[p];
    if (node) table[key] = { ...emptyRow(), ...(node as Row) };
  }
  return table;
}

export interface NarrativeFacts {
  itemsByCategory: { category: string; count: number }[];
  requestsByChannel: { label: string; count: number }[];
  feesYuan: number;
}

/** Pre-filled narrative in wording that matches the tables' rows (never a bare "收到申请N件"). */
export function narrativeOverview(orgName: string, year: number, requests: RequestsTable, proactive: ProactiveTable, facts?: NarrativeFacts): string {
  const t = (k: string) => requests[k].total;
  const published = facts?.itemsByCategory.reduce((s, c) => s + c.count, 0) ?? 0;
  const lines = [
    `${year}年，${orgName}认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`,
    `（一）主动公开。本年通过政府信息公开平台主动公开政府信息${published}条${facts?.itemsByCategory.length ? `，其中${facts.itemsByCategory.slice(0, 5).map((c) => `${c.category}${c.count}条`).join('、')}` : ''}；本年制发规章${proactive.rules.issued}件、行政规范性文件${proactive.normativeDocuments.issued}件。`,
    `（二）依申请公开。本年新收政府信息公开申请${t('received')}件，上年结转${t('carriedIn')}件；本年办结${t('completed')}件，其中予以公开${t('granted')}件、部分公开${t('partial')}件；结转下年度继续办理${t('carriedOut')}件。${facts?.requestsByChannel.length ? `新收申请中，${facts.requestsByChannel.map((c) => `${c.label}${c.count}件`).join('、')}。` : ''}${facts ? (facts.feesYuan > 0 ? `本年收取信息处理费${facts.feesYuan}元。` : '本年未收取信息处理费。') : ''}`,
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------- publication

/**
 * 条例第四十九条、第五十条: a report covers the previous year, so year Y can be published
 * from 1 January of Y+1 (China time) on, never while Y is still running.
 */
export function publishableFrom(year: number): IsoDate {
  return `${year + 1}-01-01`;
}

/** Texts that stand for "nothing to report", compared without spaces and punctuation. */
const PLACEHOLDERS = new Set([
  '无', '暂无', '没有', '无问题', '暂无问题', '没有问题', '无此项', '本年无', '不存在', '略', '空', '同上', '见上',
  '待补充', '待填写', '待定', '未填写', '此处填写', '请填写', 'na', 'none', 'nil', 'null', 'todo', 'tbd', 'xxx',
]);

/** The fewest characters (without spaces and punctuation) that can name a problem and its remedy. */
export const MIN_PROBLEMS_CHARACTERS = 10;

/**
 * Section 五 (存在的主要问题及改进情况) of the format must say what went wrong and what is
 * being done about it: empty text, a placeholder such as “无。”, or a fragment does not.
 */
export function describesProblems(text: string | null | undefined): boolean {
  const core = (text ?? '').normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
  if (!core || PLACEHOLDERS.has(core)) return false;
  if (new Set(core).size === 1) return false; // 无无无, xxxxxxxxxx
  return [...core].length >= MIN_PROBLEMS_CHARACTERS;
}
