/**
 * 办件: registering at the window (受理 / 不予受理 / 一次性告知), the steps 办理 → 办结 with the
 * supplement pause, and the applicant's view by case number and query password. Every step is one
 * row of service_case_steps and one audit entry, written in the same transaction as the change.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { todayInChina, type IsoDate } from '../../domain/dates.js';
import { creditCodeProblem, maskIdNumber, maskPhone, residentIdNumberProblem } from '../../domain/id-numbers.js';
import { labelOf } from '../../domain/labels.js';
import type { Actor } from '../../domain/roles.js';
import { caseDueOn, dueState, workingDaysLeft, workingDaysTaken } from '../../domain/services/case-deadline.js';
import { canTake, nextStatus, resultNeedsReason, type IntakeDecision, type ServiceCaseAction, type ServiceCaseResult, type ServiceCaseStatus } from '../../domain/services/case-state.js';
import { AppError } from '../../http/errors.js';
import { dummyPasswordHash, verifyPassword } from '../../lib/password-hash.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './cases.repository.js';
import { itemForStaff } from './items.service.js';
import { canHandleCase, canReadServiceCases, caseInScope, caseScopeOf } from './services.policy.js';
import { mayDecideAtWindow, windowForCase } from './centres.service.js';

export type { ServiceCaseRow } from './cases.repository.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomText = (n: number) => [...randomBytes(n)].map((b) => ALPHABET[b % ALPHABET.length]).join('');

export function newCaseNo(today: IsoDate): string {
  return `BJ${today.replace(/-/g, '')}-${randomText(8)}`;
}

export interface NewServiceCase {
  itemCode: string;
  applicant: { type: 'natural' | 'legalPerson'; name: string; idNumber: string; phone: string };
  acceptedOn?: string;
  intake?: IntakeDecision;
  /** 不予受理的理由, or what is missing (一次性告知). */
  reason?: string;
  missing?: string[];
  windowId?: number;
}

function checkApplicant(a: NewServiceCase['applicant'], today: IsoDate): void {
  const problem = a.type === 'natural' ? residentIdNumberProblem(a.idNumber, today) : creditCodeProblem(a.idNumber);
  if (problem) throw new AppError('VALIDATION_FAILED', [{ path: 'applicant.idNumber', message: problem }]);
}

export async function registerCase(ctx: AppContext, actor: Actor, input: NewServiceCase) {
  const today = todayInChina(ctx.now());
  const item = await itemForStaff(ctx, actor, input.itemCode);
  checkApplicant(input.applicant, today);
  const acceptedOn = input.acceptedOn ?? today;
  if (acceptedOn > today) throw new AppError('VALIDATION_FAILED', [{ path: 'acceptedOn', message: '受理日期不能晚于今天。' }]);
  const intake = input.intake ?? 'accept';
  if (intake !== 'accept' && !input.reason?.trim() && !input.missing?.length) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: intake === 'refuse' ? '不予受理的，请写明理由（行政许可法第三十二条）。' : '一次性告知的，请列明需要补充的全部材料。' }]);
  }
  const windowId = await windowForCase(ctx, actor, item.id, input.windowId);
  const calendar = await ctx.calendar();
  const due = intake === 'accept' ? caseDueOn(calendar, { acceptedOn, promisedLimitDays: item.promisedLimitDays }) : null;
  const status: ServiceCaseStatus = intake === 'accept' ? 'accepted' : intake === 'refuse' ? 'refused' : 'informed';
  const caseNo = newCaseNo(acceptedOn);
  const queryPassword = randomText(6);
  const a = input.applicant;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertCase(trx, {
      caseNo, itemId: item.id, orgId: item.orgId, windowId, status,
      intakeReason: intake === 'accept' ? null : [input.reason?.trim(), ...(input.missing ?? [])].filter(Boolean).join('；'),
      acceptedOn, promisedLimitDays: item.promisedLimitDays, dueOn: due?.dueOn ?? null, dueCertain: due?.certain ?? true,
      applicantType: a.type, applicantName: a.name, idNumberEnc: ctx.crypto.encrypt(a.idNumber.trim().toUpperCase()), phoneEnc: ctx.crypto.encrypt(a.phone),
      queryPasswordHash: casePasswordHash(ctx, caseNo, queryPassword), registeredBy: actor.userId,
    }, { action: intake, onDate: acceptedOn, actorUserId: actor.userId, note: intake === 'accept' ? null : input.reason ?? null });
    await recordAudit(trx, {
      actor, orgId: item.orgId, action: 'service.case.register', targetType: 'serviceCase', targetId: caseNo,
      summary: { after: { itemName: item.name, status: labelOf('serviceCaseStatus', status), acceptedOn, dueOn: due?.dueOn ?? null, idNumber: a.idNumber, phone: a.phone } },
    });
  });
  return {
    caseNo, status, statusLabel: labelOf('serviceCaseStatus', status), acceptedOn, dueOn: due?.dueOn ?? null, certain: due?.certain ?? true,
    ...(due && !due.certain ? { warning: `${due.uncertainYears.join('、')}年的法定节假日安排尚未录入系统，办结时限按周一至周五推算。` } : {}),
    queryPassword,
  };
}

async function caseFor(ctx: AppContext, actor: Actor, caseNo: string) {
  if (!canReadServiceCases(actor)) throw new AppError('FORBIDDEN');
  const row = await repo.findCaseByNo(ctx.db, caseNo.trim().toUpperCase());
  const scope = await caseScopeOf(ctx.db, actor);
  if (!row || !caseInScope(scope, row)) throw new AppError('SERVICE_CASE_NOT_FOUND');
  return { row, scope };
}

export function presentCase(row: repo.ServiceCaseRow, today: IsoDate, calendar: Awaited<ReturnType<AppContext['calendar']>>, warningDays?: number) {
  const open = !row.completedOn && (row.status === 'accepted' || row.status === 'processing');
  return {
    caseNo: row.caseNo, itemCode: row.itemCode, itemName: row.itemName, orgCode: row.orgCode, orgName: row.orgName, windowId: row.windowId,
    status: row.status, statusLabel: labelOf('serviceCaseStatus', row.status), acceptedOn: row.acceptedOn, dueOn: row.dueOn, certain: row.dueCertain,
    completedOn: row.completedOn, result: row.result, resultLabel: labelOf('serviceCaseResult', row.result), resultReason: row.resultReason,
    escalated: !!row.escalatedAt, applicantType: row.applicantType, applicantTypeLabel: labelOf('serviceApplicantType', row.applicantType),
    applicantName: row.applicantName, imported: row.imported,
    ...(open && row.dueOn ? { dueState: dueState(calendar, today, row.dueOn, warningDays), dueStateLabel: labelOf('dueState', dueState(calendar, today, row.dueOn, warningDays)), workingDaysLeft: workingDaysLeft(calendar, today, row.dueOn) } : {}),
  };
}

export async function listCasesFor(ctx: AppContext, actor: Actor, filter: Omit<repo.CaseFilter, 'today'>) {
  if (!canReadServiceCases(actor)) throw new AppError('FORBIDDEN');
  const scope = await caseScopeOf(ctx.db, actor);
  const today = todayInChina(ctx.now());
  const rows = await repo.listCases(ctx.db, scope, { ...filter, today, limit: filter.limit + 1 });
  const calendar = await ctx.calendar();
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map((r) => {
      const c = presentCase(r, today, calendar);
      return { ...c, applicantName: maskName(c.applicantName) };
    }),
    ...(rows.length > filter.limit ? { next: String(page[page.length - 1].id) } : {}),
  };
}

/** 张三 → 张*; 某某有限公司 stays (a company's name is not personal data). */
function maskName(name: string | null): string | null {
  if (!name || name.length > 4) return name;
  return `${name[0]}${'*'.repeat(Math.max(1, name.length - 1))}`;
}

export async function getCaseFor(ctx: AppContext, actor: Actor, caseNo: string) {
  const { row } = await caseFor(ctx, actor, caseNo);
  const today = todayInChina(ctx.now());
  const calendar = await ctx.calendar();
  const [steps, pauses] = await Promise.all([repo.listSteps(ctx.db, row.id), repo.listPauses(ctx.db, row.id)]);
  return {
    ...presentCase(row, today, calendar),
    idNumberMasked: row.idNumberEnc ? maskIdNumber(ctx.crypto.decrypt(row.idNumberEnc)) : null,
    phoneMasked: row.phoneEnc ? maskPhone(ctx.crypto.decrypt(row.phoneEnc)) : null,
    intakeReason: row.intakeReason,
    steps: steps.map((s) => ({ action: s.action, actionLabel: labelOf('serviceCaseAction', s.action, labelOf('intakeDecision', s.action)), onDate: s.onDate, at: new Date(s.at).toISOString(), actorName: s.actorName, note: s.note })),
    pauses: pauses.map((p) => ({ startedOn: p.startedOn, endedOn: p.endedOn, missing: p.missing })),
  };
}

export interface CaseActionInput {
  action: ServiceCaseAction;
  onDate?: string;
  result?: ServiceCaseResult;
  reason?: string;
  missing?: string[];
  note?: string;
}

/** One step of a case (办理, 补正, 收到补正, 办结). */
export async function takeCaseAction(ctx: AppContext, actor: Actor | null, caseNo: string, input: CaseActionInput) {
  const today = todayInChina(ctx.now());
  const found = actor ? await caseFor(ctx, actor, caseNo) : { row: await repo.findCaseByNo(ctx.db, caseNo), scope: null };
  const row = found.row;
  if (!row) throw new AppError('SERVICE_CASE_NOT_FOUND');
  if (actor && found.scope && !canHandleCase(actor, found.scope, row)) throw new AppError('FORBIDDEN');
  const status = row.status as ServiceCaseStatus;
  if (!canTake(input.action, status)) throw new AppError('SERVICE_CASE_STEP_INVALID', [{ path: 'action', message: `办件${labelOf('serviceCaseStatus', status)}，不能${labelOf('serviceCaseAction', input.action)}。` }]);
  const onDate = input.onDate ?? today;
  if (onDate > today) throw new AppError('VALIDATION_FAILED', [{ path: 'onDate', message: '日期不能晚于今天。' }]);
  if (row.acceptedOn && onDate < row.acceptedOn) throw new AppError('VALIDATION_FAILED', [{ path: 'onDate', message: '日期不能早于受理日期。' }]);
  if (input.action === 'complete') {
    if (!input.result) throw new AppError('VALIDATION_FAILED', [{ path: 'result', message: '请选择办结结果。' }]);
    if (resultNeedsReason(input.result) && !input.reason?.trim()) throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: '不予批准的，请写明理由。' }]);
    if (actor && input.result !== 'withdrawn' && !(await mayDecideAtWindow(ctx, actor, row.windowId))) {
      throw new AppError('FORBIDDEN', [{ path: 'result', message: '准予或不予批准的决定，须由该窗口的首席代表作出。' }]);
    }
  }
  if (input.action === 'requestSupplement' && !input.missing?.length) throw new AppError('VALIDATION_FAILED', [{ path: 'missing', message: '请一次性列明需要补正的全部材料。' }]);
  const calendar = await ctx.calendar();
  const next = nextStatus(input.action, status);
  return ctx.db.transaction().execute(async (trx) => {
    const changes: Parameters<typeof repo.updateCase>[2] = { status: next, ...(actor ? { handledBy: actor.userId } : {}) };
    if (input.action === 'requestSupplement') await repo.insertPause(trx, { caseId: row.id, startedOn: onDate, missing: input.missing ?? [] });
    if (input.action === 'receiveSupplement') await repo.endPause(trx, row.id, onDate);
    if (input.action === 'requestSupplement' || input.action === 'receiveSupplement') {
      const pauses = await repo.listPauses(trx, row.id);
      const due = caseDueOn(calendar, { acceptedOn: row.acceptedOn!, promisedLimitDays: row.promisedLimitDays, pauses }, onDate);
      changes.dueOn = due.dueOn;
      changes.dueCertain = due.certain;
    }
    if (input.action === 'complete') {
      if (row.status === 'awaitingSupplement') await repo.endPause(trx, row.id, onDate);
      const taken = workingDaysTaken(calendar, row.acceptedOn!, onDate, await repo.listPauses(trx, row.id));
      Object.assign(changes, { completedOn: onDate, result: input.result, resultReason: input.reason?.trim() || null, workingDaysTaken: taken });
    }
    if (input.action === 'escalate') changes.escalatedAt = ctx.now();
    await repo.updateCase(trx, row.id, changes);
    const note = [input.reason, ...(input.missing ?? []), input.note].filter(Boolean).join('；') || null;
    await repo.insertStep(trx, { caseId: row.id, action: input.action, onDate, actorUserId: actor?.userId ?? null, note });
    await recordAudit(trx, {
      actor, orgId: row.orgId, action: `service.case.${input.action}`, targetType: 'serviceCase', targetId: row.caseNo,
      summary: { before: { status: labelOf('serviceCaseStatus', status) }, after: { status: labelOf('serviceCaseStatus', next), ...(changes.dueOn ? { dueOn: changes.dueOn } : {}), ...(input.result ? { result: labelOf('serviceCaseResult', input.result) } : {}) } },
    });
    return { caseNo: row.caseNo, status: next, statusLabel: labelOf('serviceCaseStatus', next), dueOn: changes.dueOn ?? row.dueOn, completedOn: changes.completedOn ?? row.completedOn };
  });
}

/**
 * The query password printed on the receipt is machine-made (six characters) and used for nothing
 * else, so it is stored as a keyed hash (HMAC under the platform's DATA_KEY) rather than with scrypt:
 * without the key a copy of the database cannot be searched for it, guessing online meets the public
 * rate limit, and registering a case at the window does not wait ~80 ms of CPU for a hash.
 */
function casePasswordHash(ctx: AppContext, caseNo: string, password: string): string {
  return `hmac$${ctx.crypto.keyedHash('service-case-password', `${caseNo}|${password}`)}`;
}

async function casePasswordMatches(ctx: AppContext, caseNo: string, password: string, stored: string | null | undefined): Promise<boolean> {
  if (stored?.startsWith('hmac$')) {
    const expected = Buffer.from(stored);
    const given = Buffer.from(casePasswordHash(ctx, caseNo, password));
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
  // Cases registered before the keyed hash keep their scrypt hash; an unknown case costs the same.
  return verifyPassword(password, stored ?? (await dummyPasswordHash()));
}

/** The applicant's view (portal): case number and query password, the same answer for either wrong. */
export async function caseForApplicant(ctx: AppContext, caseNo: string, queryPassword: string) {
  const number = caseNo.trim().toUpperCase();
  const row = await repo.findCaseByNo(ctx.db, number);
  const ok = await casePasswordMatches(ctx, number, queryPassword.trim().toUpperCase(), row?.queryPasswordHash);
  if (!row || !ok) throw new AppError('SERVICE_CASE_QUERY_FAILED');
  const steps = await repo.listSteps(ctx.db, row.id);
  return { row, steps };
}

/**
 * 逾期视为同意: for an item that follows the rule, a case whose promised limit has passed without a
 * decision is escalated to the centre and marked (once). Run by the background job.
 */
export async function escalateDeemedApprovals(ctx: AppContext): Promise<number> {
  const today = todayInChina(ctx.now());
  const due = await repo.listDeemedApprovalDue(ctx.db, today);
  for (const c of due) await takeCaseAction(ctx, null, c.caseNo, { action: 'escalate', onDate: today, note: '超过承诺时限未作决定，按“逾期视为同意”移交政务服务中心督办' });
  return due.length;
}
