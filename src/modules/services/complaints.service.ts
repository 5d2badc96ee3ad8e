/**
 * The complaint register (投诉登记簿) of 政务服务: complaints about a window or a clerk, taken through
 * 登记 → 调查 → 处理 → 反馈 → 归档. Every step names the person who carries the next one (承办人) and
 * its deadline (本环节时限), is kept in the complaint's history and audited in the same transaction.
 * The register as a whole answers within COMPLAINT_WORKING_DAYS working days of receipt.
 *
 * A complaint that reached the interaction inbox (a message of type `complaint`) is brought in from
 * there: linked (the message goes on in the inbox) or transferred (the message is accepted in the
 * inbox with a note naming the complaint, and the register carries it on). The message is read and
 * accepted through the interaction capability's own service functions, so its rules still apply.
 *
 * Who: the centre's management (serviceManager) and body-level serviceClerk accounts handle the
 * complaints of their bodies; a clerk assigned to windows (whom complaints are about) sees none;
 * 系统管理员 and 监督员 read all and change nothing; the 公开办, which transfers complaints from the inbox,
 * reads those of its bodies.
 */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { todayInChina, type IsoDate } from '../../domain/dates.js';
import { maskPhone } from '../../domain/id-numbers.js';
import { labelOf } from '../../domain/labels.js';
import { hasRole, type Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { handleMessage } from '../interaction/messages-handling.service.js';
import { maskName, messageForStaff } from '../interaction/messages-reading.service.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds, type OrgScope } from '../orgs/orgs.policy.js';
import * as centres from './centres.repository.js';
import * as repo from './complaints.repository.js';
import { caseScopeOf } from './services.policy.js';

export const COMPLAINT_WORKING_DAYS = 15;
export const COMPLAINT_CHANNELS = ['window', 'phone', 'letter', 'message', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export interface ComplaintTarget {
  orgCode?: string;
  windowId?: number;
  clerkUserId?: number;
  clerkName?: string;
}

export interface NewComplaint extends ComplaintTarget {
  channel: Exclude<ComplaintChannel, 'message'>;
  complainant: { name: string; phone?: string };
  subject: string;
  content: string;
  receivedOn?: IsoDate;
  assigneeUserId?: number;
  stepDueOn?: IsoDate;
}

export type ComplaintAction =
  | { action: 'investigate'; assigneeUserId?: number; stepDueOn?: IsoDate; note?: string }
  | { action: 'handle'; justified: boolean; finding: string; assigneeUserId?: number; stepDueOn?: IsoDate }
  | { action: 'feedback'; measures: string; assigneeUserId?: number; stepDueOn?: IsoDate }
  | { action: 'archive'; feedback: string };

const FROM: Record<ComplaintAction['action'], string> = { investigate: 'registered', handle: 'investigating', feedback: 'handling', archive: 'feedback' };
const TO: Record<ComplaintAction['action'], string> = { investigate: 'investigating', handle: 'handling', feedback: 'feedback', archive: 'archived' };

function isWindowClerk(scope: { windows: number[] | null }) {
  return scope.windows !== null;
}

async function complaintScope(ctx: AppContext, actor: Actor) {
  const scope = await caseScopeOf(ctx.db, actor);
  const reads = hasRole(actor, 'serviceManager', 'admin', 'supervisor', 'disclosureOffice') || (hasRole(actor, 'serviceClerk') && !isWindowClerk(scope));
  const handles = hasRole(actor, 'serviceManager') || (hasRole(actor, 'serviceClerk') && !isWindowClerk(scope));
  return { orgs: scope.orgs, reads, handles };
}

function newComplaintNo(today: IsoDate): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `TS${today.replace(/-/g, '')}-${[...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/** The body, window and clerk a complaint is about, each checked against the actor's scope. */
async function resolveTarget(ctx: AppContext, orgs: OrgScope, t: ComplaintTarget) {
  let orgId: number;
  let windowId: number | null = null;
  if (t.windowId !== undefined) {
    const w = await centres.findWindow(ctx.db, t.windowId);
    if (!w || !(inScope(orgs, w.orgId) || inScope(orgs, w.centreOrgId))) throw new AppError('SERVICE_WINDOW_NOT_FOUND', [{ path: 'windowId', message: '所选窗口不存在或不在您的管辖范围内。' }]);
    orgId = w.orgId;
    windowId = w.id;
  } else if (t.orgCode) {
    const org = await findOrgByCode(ctx.db, t.orgCode);
    if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '被投诉机关不存在。' }]);
    if (!inScope(orgs, org.id)) throw new AppError('FORBIDDEN');
    orgId = org.id;
  } else {
    throw new AppError('VALIDATION_FAILED', [{ path: 'windowId', message: '请选择被投诉的窗口或机关。' }]);
  }
  let clerkUserId: number | null = null;
  if (t.clerkUserId !== undefined) {
    const [u] = await centres.usersByIds(ctx.db, [t.clerkUserId]);
    const below = new Set(await subtreeIds(ctx.db, orgId));
    if (!u || !below.has(u.orgId)) throw new AppError('VALIDATION_FAILED', [{ path: 'clerkUserId', message: '被投诉工作人员不是该机关的工作人员。' }]);
    clerkUserId = u.id;
  }
  return { orgId, windowId, clerkUserId, clerkName: t.clerkName?.trim() || null };
}

async function checkAssignee(ctx: AppContext, orgs: OrgScope, userId: number | undefined, fallback: number): Promise<number> {
  if (userId === undefined) return fallback;
  const [u] = await centres.usersByIds(ctx.db, [userId]);
  if (!u || !inScope(orgs, u.orgId)) throw new AppError('VALIDATION_FAILED', [{ path: 'assigneeUserId', message: '承办人不存在或不在您的管辖范围内。' }]);
  return u.id;
}

function checkStepDue(stepDueOn: IsoDate | undefined, today: IsoDate, fallback: IsoDate): IsoDate {
  if (stepDueOn === undefined) return fallback;
  if (stepDueOn < today) throw new AppError('VALIDATION_FAILED', [{ path: 'stepDueOn', message: '本环节时限不能早于今天。' }]);
  return stepDueOn;
}

function present(ctx: AppContext, c: repo.ComplaintRow, today: IsoDate) {
  const open = c.status !== 'archived';
  return {
    id: c.id, complaintNo: c.complaintNo, orgCode: c.orgCode, orgName: c.orgName,
    windowId: c.windowId, windowLabel: c.windowId ? `${c.windowNumber}号窗口 ${c.windowName}` : null,
    clerkUserId: c.clerkUserId, clerkName: c.clerkDisplayName ?? c.clerkName,
    channel: c.channel, channelLabel: labelOf('complaintChannel', c.channel), messageTrackingNo: c.messageTrackingNo,
    complainantName: maskName(ctx.crypto.decrypt(c.complainantNameEnc)),
    complainantPhoneMasked: c.complainantPhoneEnc ? maskPhone(ctx.crypto.decrypt(c.complainantPhoneEnc)) : null,
    subject: c.subject, content: c.content, receivedOn: c.receivedOn, dueOn: c.dueOn,
    status: c.status, statusLabel: labelOf('complaintStatus', c.status), stepDueOn: c.stepDueOn,
    assigneeUserId: c.assigneeUserId, assigneeName: c.assigneeName,
    justified: c.justified, finding: c.finding, measures: c.measures, feedback: c.feedback, archivedOn: c.archivedOn,
    overdue: open && c.dueOn < today, stepOverdue: open && c.stepDueOn < today,
  };
}

async function registerIn(ctx: AppContext, actor: Actor, fields: {
  target: Awaited<ReturnType<typeof resolveTarget>>; channel: ComplaintChannel; name: string; phone: string | null; phoneEnc?: string | null;
  subject: string; content: string; receivedOn: IsoDate; assigneeUserId: number; stepDueOn?: IsoDate; messageId: number | null; complaintNo: string; note?: string;
}) {
  const today = todayInChina(ctx.now());
  const calendar = await ctx.calendar();
  const dueOn = calendar.addWorkingDays(fields.receivedOn, COMPLAINT_WORKING_DAYS).date;
  const stepDueOn = checkStepDue(fields.stepDueOn, today, dueOn);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.insertComplaint(trx, {
      complaintNo: fields.complaintNo, orgId: fields.target.orgId, windowId: fields.target.windowId, clerkUserId: fields.target.clerkUserId, clerkName: fields.target.clerkName,
      channel: fields.channel, messageId: fields.messageId, complainantNameEnc: ctx.crypto.encrypt(fields.name.trim()),
      complainantPhoneEnc: fields.phoneEnc !== undefined ? fields.phoneEnc : fields.phone ? ctx.crypto.encrypt(fields.phone.trim()) : null,
      subject: fields.subject.trim(), content: fields.content.trim(), receivedOn: fields.receivedOn, dueOn, status: 'registered', stepDueOn,
      assigneeUserId: fields.assigneeUserId, registeredBy: actor.userId,
    });
    await repo.insertStep(trx, { complaintId: newId, step: fields.messageId ? 'link' : 'register', onDate: today, actorUserId: actor.userId, assigneeUserId: fields.assigneeUserId, dueOn: stepDueOn, note: fields.note ?? null });
    await recordAudit(trx, {
      actor, orgId: fields.target.orgId, action: fields.messageId ? 'service.complaint.link' : 'service.complaint.register', targetType: 'serviceComplaint', targetId: fields.complaintNo,
      summary: { subject: fields.subject.trim(), complaintChannel: labelOf('complaintChannel', fields.channel), dueOn, stepDueOn, assigneeUserId: fields.assigneeUserId },
    });
    return newId;
  });
  return present(ctx, (await repo.findComplaint(ctx.db, id))!, today);
}

export async function registerComplaint(ctx: AppContext, actor: Actor, input: NewComplaint) {
  const s = await complaintScope(ctx, actor);
  if (!s.handles) throw new AppError('FORBIDDEN');
  const today = todayInChina(ctx.now());
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) throw new AppError('VALIDATION_FAILED', [{ path: 'receivedOn', message: '收到日期不能晚于今天。' }]);
  const target = await resolveTarget(ctx, s.orgs, input);
  const assigneeUserId = await checkAssignee(ctx, s.orgs, input.assigneeUserId, actor.userId);
  return registerIn(ctx, actor, {
    target, channel: input.channel, name: input.complainant.name, phone: input.complainant.phone ?? null, subject: input.subject, content: input.content,
    receivedOn, assigneeUserId, stepDueOn: input.stepDueOn, messageId: null, complaintNo: newComplaintNo(today),
  });
}

/**
 * From the interaction inbox: `link` keeps the message going in the inbox, `transfer` also accepts it
 * there with a note naming the complaint. Anyone who may read the message there (the 公开办) or the
 * centre's staff who may handle complaints of the target body.
 */
export async function complaintFromMessage(ctx: AppContext, actor: Actor, input: ComplaintTarget & { trackingNo: string; mode: 'link' | 'transfer'; assigneeUserId?: number; stepDueOn?: IsoDate }) {
  if (!hasRole(actor, 'disclosureOffice', 'admin', 'serviceManager', 'serviceClerk')) throw new AppError('FORBIDDEN');
  const found = await repo.findMessageByTrackingNo(ctx.db, input.trackingNo.trim());
  if (!found) throw new AppError('MESSAGE_NOT_FOUND');
  const m = await messageForStaff(ctx, actor, found.id); // the inbox's own rule on who reads it
  if (m.type !== 'complaint') throw new AppError('SERVICE_COMPLAINT_NOT_A_COMPLAINT');
  if (await repo.findByMessage(ctx.db, found.id)) throw new AppError('SERVICE_COMPLAINT_ALREADY_LINKED');
  const orgs = await visibleOrgIds(ctx.db, actor);
  const target = await resolveTarget(ctx, orgs, input.windowId === undefined && !input.orgCode ? { ...input, orgCode: m.orgCode } : input);
  const assigneeUserId = await checkAssignee(ctx, orgs, input.assigneeUserId, actor.userId);
  const today = todayInChina(ctx.now());
  const complaintNo = newComplaintNo(today);
  if (input.mode === 'transfer') {
    if (!m.actions.some((a) => a.action === 'accept')) throw new AppError('SERVICE_COMPLAINT_STEP_INVALID', [{ path: 'mode', message: `来信${m.statusLabel}，不能再转入，可选择“关联”。` }]);
    await handleMessage(ctx, actor, found.id, { action: 'accept', note: `转政务服务投诉登记簿办理（投诉编号 ${complaintNo}）` });
  }
  return registerIn(ctx, actor, {
    target, channel: 'message', name: found.senderName, phone: null, phoneEnc: found.senderPhoneEnc, subject: found.subject, content: found.body,
    receivedOn: found.receivedOn, assigneeUserId, stepDueOn: input.stepDueOn, messageId: found.id, complaintNo,
    note: input.mode === 'transfer' ? `由来信 ${found.trackingNo} 转入` : `关联来信 ${found.trackingNo}`,
  });
}

export async function listComplaintsFor(ctx: AppContext, actor: Actor, filter: { status?: string; open?: boolean }) {
  const s = await complaintScope(ctx, actor);
  if (!s.reads) throw new AppError('FORBIDDEN');
  const today = todayInChina(ctx.now());
  const rows = await repo.listComplaints(ctx.db, { orgIds: s.orgs, ...filter });
  return { items: rows.map((r) => { const p = present(ctx, r, today); return { ...p, content: undefined }; }) };
}

async function readableComplaint(ctx: AppContext, actor: Actor, no: string) {
  const s = await complaintScope(ctx, actor);
  const c = await repo.findComplaintByNo(ctx.db, no.trim().toUpperCase());
  if (!c || !s.reads || !inScope(s.orgs, c.orgId)) throw new AppError('SERVICE_COMPLAINT_NOT_FOUND');
  return { c, s };
}

export async function complaintForStaff(ctx: AppContext, actor: Actor, no: string) {
  const { c, s } = await readableComplaint(ctx, actor, no);
  const today = todayInChina(ctx.now());
  const steps = await repo.listSteps(ctx.db, c.id);
  const next = c.status === 'archived' || !s.handles ? [] : (Object.keys(FROM) as ComplaintAction['action'][]).filter((a) => FROM[a] === c.status);
  return {
    ...present(ctx, c, today),
    steps: steps.map((x) => ({ ...x, stepLabel: labelOf('complaintStep', x.step) })),
    actions: next.map((a) => ({ action: a, label: labelOf('complaintStep', a) })),
  };
}

export async function actOnComplaint(ctx: AppContext, actor: Actor, no: string, input: ComplaintAction) {
  const { c, s } = await readableComplaint(ctx, actor, no);
  if (!s.handles) throw new AppError('FORBIDDEN');
  if (FROM[input.action] !== c.status) throw new AppError('SERVICE_COMPLAINT_STEP_INVALID', [{ path: 'action', message: `投诉${labelOf('complaintStatus', c.status)}，不能进行“${labelOf('complaintStep', input.action)}”。` }]);
  const today = todayInChina(ctx.now());
  const assigneeUserId = input.action === 'archive' ? null : await checkAssignee(ctx, s.orgs, input.assigneeUserId, c.assigneeUserId ?? actor.userId);
  const stepDueOn = input.action === 'archive' ? c.stepDueOn : checkStepDue(input.stepDueOn, today, c.dueOn);
  const note = input.action === 'investigate' ? input.note?.trim() || null : input.action === 'handle' ? input.finding.trim() : input.action === 'feedback' ? input.measures.trim() : input.feedback.trim();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockComplaint(trx, c.id);
    if (locked?.status !== c.status) throw new AppError('SERVICE_COMPLAINT_STEP_INVALID');
    const fields: Parameters<typeof repo.updateComplaint>[2] = { status: TO[input.action], stepDueOn };
    if (assigneeUserId !== null) fields.assigneeUserId = assigneeUserId;
    if (input.action === 'handle') Object.assign(fields, { justified: input.justified, finding: note });
    if (input.action === 'feedback') fields.measures = note;
    if (input.action === 'archive') Object.assign(fields, { feedback: note, archivedOn: today });
    await repo.updateComplaint(trx, c.id, fields);
    await repo.insertStep(trx, { complaintId: c.id, step: input.action, onDate: today, actorUserId: actor.userId, assigneeUserId, dueOn: input.action === 'archive' ? null : stepDueOn, note });
    await recordAudit(trx, {
      actor, orgId: c.orgId, action: `service.complaint.${input.action}`, targetType: 'serviceComplaint', targetId: c.complaintNo,
      summary: {
        before: { status: labelOf('complaintStatus', c.status) }, after: { status: labelOf('complaintStatus', TO[input.action]) },
        ...(input.action === 'archive' ? {} : { stepDueOn, assigneeUserId }), ...(input.action === 'handle' ? { justified: input.justified ? '属实' : '不属实' } : {}), note,
      },
    });
  });
  return complaintForStaff(ctx, actor, c.complaintNo);
}
