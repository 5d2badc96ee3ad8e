/**
 * The handling side's lists (申请办理台账): search, filters, sort and paging; the deadline
 * reminders and work queues of the dashboard; exports of a filtered list; bulk actions.
 * Lists are filtered by the same policy as single reads (requests.policy.ts).
 */
import type { AppContext } from '../../context.js';
import { isIsoDate, todayInChina } from '../../domain/dates.js';
import { maskIdNumber, maskPhone } from '../../domain/id-numbers.js';
import { labelOf } from '../../domain/labels.js';
import type { RequestDeadline } from '../../domain/request-deadline.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, isAppError } from '../../http/errors.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { visibleOrgIds, type OrgScope } from '../orgs/orgs.policy.js';
import { deadlinesOf } from './request-clock.js';
import { registerCsv, registerWorkbook, type RegisterRow } from './register-export.js';
import * as repo from './requests.repository.js';
import { canHandle, canListRequests, listsAssignedOnly } from './requests.policy.js';
import { performAction, type ActionInput } from './requests.service.js';

export type ListSort = repo.RequestSort | 'dueOn';

export interface ListQuery {
  trackingNo?: string;
  q?: string;
  status?: string[];
  /** As applicants use them: `letter` covers ordinary and registered letters. */
  channel?: 'online' | 'letter' | 'inPerson' | 'email' | 'fax' | 'oral';
  /** A body's code: its requests and those of the bodies below it. */
  org?: string;
  receivedFrom?: string;
  receivedTo?: string;
  /** Open requests past their reply deadline, or with 5 working days or fewer left. */
  due?: 'overdue' | 'dueSoon';
  sort?: ListSort;
  limit: number;
  cursor?: string;
}

/** The policy's part of a list filter: a department lists only what was assigned to it (交办). */
async function scopeFilter(ctx: AppContext, actor: Actor): Promise<{ filter: repo.RequestFilter; scope: OrgScope }> {
  if (!canListRequests(actor)) throw new AppError('FORBIDDEN');
  const scope = await visibleOrgIds(ctx.db, actor);
  return { filter: listsAssignedOnly(actor) ? { assignedOrgIds: scope } : { orgIds: scope }, scope };
}

async function filterOf(ctx: AppContext, actor: Actor, q: Omit<ListQuery, 'limit' | 'cursor' | 'sort'>): Promise<repo.RequestFilter> {
  const filter: repo.RequestFilter = { ...(await scopeFilter(ctx, actor)).filter };
  if (q.trackingNo) filter.trackingNo = q.trackingNo.trim().toUpperCase();
  if (q.q?.trim()) filter.q = q.q.trim();
  if (q.status?.length) filter.statuses = q.status;
  if (q.channel) filter.channels = q.channel === 'letter' ? ['letter', 'registeredLetter'] : [q.channel];
  if (q.org) {
    const org = await findOrgByCode(ctx.db, q.org);
    if (!org) throw new AppError('VALIDATION_FAILED', [{ path: 'org', message: '办理机关不存在，请从列表中选择。' }]);
    filter.bodyIds = await subtreeIds(ctx.db, org.id);
  }
  if (q.receivedFrom && q.receivedTo && q.receivedFrom > q.receivedTo) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'receivedTo', message: '收到日期的结束日不能早于开始日。' }]);
  }
  filter.receivedFrom = q.receivedFrom;
  filter.receivedTo = q.receivedTo;
  return filter;
}

/** A request in a list: no personal data beyond the name, and the phone masked when asked for. */
function listItem(ctx: AppContext, r: repo.ListedRequest, deadline: RequestDeadline | null, withPhone: boolean) {
  return {
    id: r.id, trackingNo: r.trackingNo, status: r.status, statusLabel: labelOf('requestStatus', r.status),
    orgCode: r.orgCode, orgName: r.orgName, channel: r.channel, channelLabel: labelOf('requestChannel', r.channel),
    applicant: {
      name: r.applicantName, type: r.applicantType, typeLabel: labelOf('applicantType', r.applicantType),
      ...(withPhone ? { phone: maskPhone(ctx.crypto.decrypt(r.phoneEnc)) } : {}),
    },
    description: r.description, submittedOn: todayInChina(new Date(r.submittedAt)), receivedOn: r.receivedOn,
    supplementDueOn: r.supplementDueOn, outcome: r.outcome, outcomeLabel: r.outcome ? labelOf('outcome', r.outcome) : null,
    completedOn: r.completedOn, deadline, assignedOrgId: r.assignedOrgId, replyDraftPending: !!r.replyDraft,
  };
}

export type ListItem = ReturnType<typeof listItem>;

/** The position of a row in a sorted list: its sort key (a day, or '' when sorted by id) and id. */
interface SortPosition { key: string; id: number }

/** Where a request sorts: due date ascending (none last), id, or the day received (unreceived first). */
function positionOf(sort: ListSort, r: repo.ListedRequest, deadline: RequestDeadline | null | undefined): SortPosition {
  if (sort === 'dueOn') return { key: deadline?.dueOn ?? repo.UNRECEIVED_SORT_KEY, id: r.id };
  if (sort === 'receivedOn') return { key: r.receivedOn ?? repo.UNRECEIVED_SORT_KEY, id: r.id };
  return { key: '', id: r.id };
}

/** Negative when `a` comes first in the list sorted by `sort`. */
function compare(sort: ListSort, a: SortPosition, b: SortPosition): number {
  const ascending = sort === 'dueOn' || sort === 'oldest';
  const order = a.key.localeCompare(b.key) || a.id - b.id;
  return ascending ? order : -order;
}

function encodeCursor(sort: ListSort, p: SortPosition): string {
  return Buffer.from(`${sort}|${p.key}|${p.id}`).toString('base64url');
}

function decodeCursor(sort: ListSort, cursor: string | undefined): SortPosition | undefined {
  if (!cursor) return undefined;
  const [cursorSort, key, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (cursorSort !== sort || (key !== '' && !isIsoDate(key)) || !/^\d{1,10}$/.test(id ?? '')) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'cursor', message: '翻页位置无效，请从第一页重新查看。' }]);
  }
  return { key, id: Number(id) };
}

const matchesDue = (due: ListQuery['due'], d: RequestDeadline | null | undefined) =>
  !due || (!!d && (due === 'overdue' ? d.overdue : !d.overdue && d.reminder !== null));

/**
 * One page of the requests the caller may handle, with the total. Sorting by due date and the
 * deadline filters need the working-day calendar, so they run in memory over the open requests
 * only (a bounded set); everything else is one keyset-paged query. Either way the pauses of the
 * rows are read in one query and only the phone is decrypted.
 */
export async function listForStaff(ctx: AppContext, actor: Actor, q: ListQuery) {
  const filter = await filterOf(ctx, actor, q);
  const sort = q.sort ?? 'newest';
  const after = decodeCursor(sort, q.cursor);
  let page: repo.ListedRequest[];
  let more: boolean;
  let total: number;
  let deadlines: Map<number, RequestDeadline | null>;
  if (sort === 'dueOn' || q.due) {
    const rows = await repo.listOpenRequests(ctx.db, filter);
    deadlines = await deadlinesOf(ctx, rows);
    const at = (r: repo.ListedRequest) => positionOf(sort, r, deadlines.get(r.id));
    const selected = rows.filter((r) => matchesDue(q.due, deadlines.get(r.id))).sort((a, b) => compare(sort, at(a), at(b)));
    const rest = after ? selected.filter((r) => compare(sort, at(r), after) > 0) : selected;
    page = rest.slice(0, q.limit);
    more = rest.length > q.limit;
    total = selected.length;
  } else {
    const rows = await repo.listRequests(ctx.db, filter, { sort, limit: q.limit + 1, after });
    page = rows.slice(0, q.limit);
    more = rows.length > q.limit;
    deadlines = await deadlinesOf(ctx, page);
    total = await repo.countRequests(ctx.db, filter);
  }
  const last = page[page.length - 1];
  return {
    items: page.map((r) => listItem(ctx, r, deadlines.get(r.id) ?? null, true)),
    total,
    ...(more ? { next: encodeCursor(sort, positionOf(sort, last, deadlines.get(last.id))) } : {}),
  };
}

/**
 * The dashboard's work: deadlines due within 5 and 2 working days and overdue ones, drafts waiting
 * for the head of the 公开办, applications waiting for 确认收到 (the office), and what was assigned
 * to a department. Open requests only, one query for them and one for their pauses, nothing decrypted.
 */
export async function reminders(ctx: AppContext, actor: Actor) {
  const { filter, scope } = await scopeFilter(ctx, actor);
  const rows = await repo.listOpenRequests(ctx.db, filter);
  const deadlines = await deadlinesOf(ctx, rows);
  const open = rows.map((r) => listItem(ctx, r, deadlines.get(r.id) ?? null, false));
  const handled = new Set(rows.filter((r) => canHandle(actor, scope, r.orgId)).map((r) => r.id));
  return {
    overdue: open.filter((r) => r.deadline?.overdue),
    due2: open.filter((r) => r.deadline?.reminder === 'due2'),
    due5: open.filter((r) => r.deadline?.reminder === 'due5'),
    // Drafts waiting for the head of the 公开办.
    awaitingApproval: open.filter((r) => r.replyDraftPending),
    // 条例第三十一条: online, e-mail, fax and ordinary-letter applications count as received only once confirmed.
    awaitingReceipt: open.filter((r) => r.status === 'submitted' && handled.has(r.id)),
    // 交办: a department's own queue.
    assigned: listsAssignedOnly(actor) ? open : [],
  };
}

/** No export holds more rows than this: narrow the filter instead. */
export const MAX_EXPORT_ROWS = 20_000;

/** The rows of a filtered list for the register (登记台账): masked identity number and phone, Chinese labels. */
export async function exportRows(ctx: AppContext, actor: Actor, q: Omit<ListQuery, 'limit' | 'cursor'>): Promise<RegisterRow[]> {
  const rows: RegisterRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await listForStaff(ctx, actor, { ...q, limit: 500, cursor });
    if (page.total > MAX_EXPORT_ROWS) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'receivedFrom', message: `符合条件的申请有${page.total}件，超过导出上限${MAX_EXPORT_ROWS}件，请缩小收到日期范围或增加筛选条件。` }]);
    }
    const full = new Map((await repo.findByIds(ctx.db, page.items.map((i) => i.id))).map((r) => [r.id, r]));
    for (const item of page.items) {
      const r = full.get(item.id)!;
      rows.push({
        trackingNo: item.trackingNo, orgName: item.orgName, channel: item.channelLabel, applicantName: item.applicant.name,
        applicantType: item.applicant.typeLabel, idNumber: maskIdNumber(ctx.crypto.decrypt(r.idNumberEnc)), phone: item.applicant.phone ?? '',
        description: item.description, form: labelOf('requestForm', r.form), delivery: labelOf('requestDelivery', r.delivery),
        receivedOn: item.receivedOn, deadline: item.deadline, status: item.statusLabel, outcome: item.outcomeLabel, completedOn: item.completedOn,
      });
    }
    cursor = page.next;
  } while (cursor);
  return rows;
}

export async function exportRequests(ctx: AppContext, actor: Actor, q: Omit<ListQuery, 'limit' | 'cursor'>, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const rows = await exportRows(ctx, actor, q);
  return format === 'csv' ? registerCsv(rows) : registerWorkbook(rows);
}

export type BulkInput =
  | { action: 'assign'; ids: number[]; orgCode: string; note?: string }
  | { action: 'approveReply'; ids: number[]; note?: string };

/**
 * The same action on several requests, each in its own transaction and checked as if taken alone
 * (a self-drafted reply is still refused): one result per request, nothing rolled back for the others.
 */
export async function performBulkAction(ctx: AppContext, actor: Actor, input: BulkInput) {
  const { ids, ...single } = input;
  const results = [];
  for (const id of [...new Set(ids)]) {
    try {
      const done = await performAction(ctx, actor, id, single as ActionInput);
      results.push({ id, ok: true as const, trackingNo: 'trackingNo' in done ? done.trackingNo : undefined, statusLabel: 'statusLabel' in done ? done.statusLabel : undefined });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ id, ok: false as const, code: error.code, message: error.message });
    }
  }
  return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}
