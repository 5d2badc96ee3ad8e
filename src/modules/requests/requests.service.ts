/**
 * 依申请公开: applying, the applicant's view, and the handling of a request
 * through its statutory steps (条例第二十七条至第四十五条).
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AppContext } from '../../context.js';
import type { ReplyDraft } from '../../db/tables/requests.js';
import type { WorkingDayCalendar } from '../../domain/calendar.js';
import { formatChineseDate, todayInChina, type IsoDate } from '../../domain/dates.js';
import { isValidCreditCode, isValidResidentIdNumber, maskAddress, maskEmail, maskIdNumber, maskPhone } from '../../domain/id-numbers.js';
import { labelOf } from '../../domain/labels.js';
import type { OrgType } from '../../domain/org-types.js';
import {
  consultationAnswerDue, feePaymentDue, MAX_EXTENSION_WORKING_DAYS, supplementDue, supplementRequestDeadline,
} from '../../domain/request-deadline.js';
import { describeFeeByCount, describeFeeByPages, feeByCount, feeByPages } from '../../domain/fees.js';
import { EXPLANATIONS, explanationRefusal, OUTCOMES, outcomeSpec, remediesSentence, replyRefusal, stepOf } from '../../domain/request-outcomes.js';
import { reviewBodyOf } from '../../domain/request-remedies.js';
import {
  nextStatus, refusalOf, REQUEST_ACTIONS, STATUS_LABELS, type RequestAction, type RequestFacts, type RequestStatus,
} from '../../domain/request-state.js';
import type { Actor } from '../../domain/roles.js';
import { AppError } from '../../http/errors.js';
import { hashPassword, verifyPassword, dummyPasswordHash } from '../../lib/password-hash.js';
import { MIME, sniffFileKind } from '../../lib/documents/file-types.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrgByCode, subtreeIds } from '../orgs/orgs.repository.js';
import { inScope, visibleOrgIds, type OrgScope } from '../orgs/orgs.policy.js';
import { superiorGovernment } from '../settings/settings.service.js';
import { renderApplicationFormDocx, renderApplicationFormPdf, renderNoticeDocx, renderNoticePdf } from './notice.js';
import { deadlineFrom, deadlineOf } from './request-clock.js';
import * as repo from './requests.repository.js';
import { canApproveExtension, canApproveReply, canDraftReply, canHandle, canRead } from './requests.policy.js';

export type ApplicantType = 'natural' | 'commercial' | 'research' | 'nonprofit' | 'legalService' | 'otherOrg';
export type Channel = 'online' | 'letter' | 'inPerson' | 'email' | 'fax' | 'oral';

export interface NewRequest {
  orgCode: string;
  applicant: {
    type: ApplicantType;
    name: string;
    idType: 'idCard' | 'passport' | 'creditCode' | 'other';
    idNumber: string;
    phone: string;
    email?: string;
    address?: string;
  };
  description: string;
  purpose?: string;
  form: 'paper' | 'electronic' | 'inspection';
  delivery: 'post' | 'email' | 'pickup' | 'online';
  queryPassword: string;
  channel?: Channel;
  /** Staff: for letters, whether it came by registered post (挂号信) and the day it was signed for. */
  registeredMail?: boolean;
  receivedOn?: IsoDate;
  /** ID copy, power of attorney, the scanned letter … (checked by content before anything is stored). */
  attachments?: UploadedFile[];
}

export interface UploadedFile {
  fileName: string;
  data: Buffer;
  /** What it is, e.g. 身份证件复印件, 授权委托书, 原件扫描件. */
  label: string;
}

const MAX_REQUEST_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const REQUEST_ATTACHMENT_KINDS = new Set(['pdf', 'jpeg', 'png', 'docx']);

/** Refuses disguised or oversized files before anything is stored. */
export function checkUploads(files: UploadedFile[]): void {
  if (files.length > 5) throw new AppError('VALIDATION_FAILED', [{ path: 'attachments', message: '附件最多5个。' }]);
  files.forEach((f, i) => {
    const kind = sniffFileKind(f.data, f.fileName);
    if (f.data.length > MAX_REQUEST_ATTACHMENT_BYTES) throw new AppError('BODY_TOO_LARGE', [{ path: `attachments.${i}`, message: `“${f.fileName}”超过10MB。` }]);
    if (!kind || !REQUEST_ATTACHMENT_KINDS.has(kind)) throw new AppError('ATTACHMENT_TYPE', [{ path: `attachments.${i}`, message: `“${f.fileName}”不是 PDF、JPEG、PNG 或 DOCX 文件（按文件内容判断）。` }]);
  });
}

async function storeUploads(ctx: AppContext, trx: Parameters<typeof repo.insertDocument>[0], requestId: number, files: UploadedFile[], visibleToApplicant: boolean) {
  for (const f of files) {
    const kind = sniffFileKind(f.data, f.fileName)!;
    const blob = await ctx.blobs.put(f.data);
    await repo.insertDocument(trx, {
      requestId, kind: 'attachment', title: f.label, fileName: f.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200), mime: MIME[kind], blobKey: blob.key, public: visibleToApplicant,
    });
  }
}

// ---------------------------------------------------------------- applying

/** 受理编号: not guessable, so nobody can walk through other people's requests. */
function newTrackingNo(today: IsoDate): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(10);
  return `YSQ${today.slice(0, 4)}-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

function checkIdentity(applicant: NewRequest['applicant']): void {
  const natural = applicant.type === 'natural';
  if (natural && applicant.idType === 'creditCode') {
    throw new AppError('VALIDATION_FAILED', [{ path: 'applicant.idType', message: '自然人应使用身份证件。' }]);
  }
  if (!natural && applicant.idType === 'idCard') {
    throw new AppError('VALIDATION_FAILED', [{ path: 'applicant.idType', message: '法人或其他组织应填写统一社会信用代码。' }]);
  }
  if (applicant.idType === 'idCard' && !isValidResidentIdNumber(applicant.idNumber)) {
    throw new AppError('REQUEST_ID_INVALID', [{ path: 'applicant.idNumber', message: '身份证号码无效（校验位或出生日期不正确）。' }]);
  }
  if (applicant.idType === 'creditCode' && !isValidCreditCode(applicant.idNumber)) {
    throw new AppError('REQUEST_ID_INVALID', [{ path: 'applicant.idNumber', message: '统一社会信用代码无效（校验位不正确）。' }]);
  }
}

/**
 * The receipt date (条例第三十一条): in person and oral → today; registered post → the day
 * signed for; ordinary letters, online, e-mail and fax → only once both sides have
 * confirmed (a staff action), so the request waits in 'submitted'.
 */
function receiptOnRegistration(channel: Channel, input: NewRequest, today: IsoDate): IsoDate | null {
  if (channel === 'inPerson' || channel === 'oral') return input.receivedOn ?? today;
  if (channel === 'letter' && input.registeredMail) return input.receivedOn ?? today;
  return null;
}

/** The same person or organisation, recognised without storing the number in clear. */
function applicantKey(ctx: AppContext, idNumber: string): string {
  return ctx.crypto.sign(`applicant|${idNumber.trim().toUpperCase()}`);
}

const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上申请', letter: '信函申请', inPerson: '当面申请', email: '电子邮件申请', fax: '传真申请', oral: '口头申请（工作人员代为填写）',
};

/** `applicantAccountId`: the signed-in applicant's account (申请人账户), which then lists the request. */
export interface SubmitOptions {
  applicantAccountId?: number;
  /** A disclosure request that came as a message (互动交流): it keeps the message's day of receipt and query password. */
  convertedFromMessage?: { receivedOn: IsoDate; queryPasswordHash?: string };
  /** Runs in the registering transaction (the message slice records the conversion there). */
  onCreated?: (trx: Transaction<DB>, requestId: number, trackingNo: string) => Promise<void>;
}

export async function submitRequest(ctx: AppContext, actor: Actor | null, input: NewRequest, options: SubmitOptions = {}) {
  checkIdentity(input.applicant);
  checkUploads(input.attachments ?? []);
  const today = todayInChina(ctx.now());
  let org = await findOrgByCode(ctx.db, input.orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND', [{ path: 'orgCode', message: '受理机关不存在。' }]);
  const channel: Channel = actor ? input.channel ?? 'inPerson' : 'online';
  if (actor) {
    const scope = await visibleOrgIds(ctx.db, actor);
    if (!canHandle(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  }
  if (input.receivedOn && input.receivedOn > today) throw new AppError('VALIDATION_FAILED', [{ path: 'receivedOn', message: '收到日期不能晚于今天。' }]);
  const receivedOn = options.convertedFromMessage?.receivedOn ?? (actor ? receiptOnRegistration(channel, input, today) : null);
  const status: RequestStatus = receivedOn ? 'processing' : 'submitted';
  const trackingNo = newTrackingNo(today);
  const queryPasswordHash = options.convertedFromMessage?.queryPasswordHash ?? await hashPassword(input.queryPassword);
  const a = input.applicant;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const requestId = await repo.insertRequest(trx, {
      // The service's clock, not the database's: the submission day bounds the receipt day (条例第三十一条).
      submittedAt: ctx.now(), trackingNo, orgId: org!.id, channel: channel === 'letter' && input.registeredMail ? 'registeredLetter' : channel,
      applicantType: a.type, applicantName: a.name, idType: a.idType,
      idNumberEnc: ctx.crypto.encrypt(a.idNumber.toUpperCase()), applicantKey: applicantKey(ctx, a.idNumber), phoneEnc: ctx.crypto.encrypt(a.phone),
      emailEnc: a.email ? ctx.crypto.encrypt(a.email) : null, addressEnc: a.address ? ctx.crypto.encrypt(a.address) : null,
      description: input.description, purpose: input.purpose ?? null, form: input.form, delivery: input.delivery,
      queryPasswordHash, status, receivedOn, registeredBy: actor?.userId ?? null, applicantAccountId: options.applicantAccountId ?? null,
    });
    await repo.insertEvent(trx, {
      requestId, onDate: today, type: 'submitted', title: `${CHANNEL_LABELS[channel]}已提交`, actorUserId: actor?.userId, orgId: org!.id,
    });
    if (receivedOn) await repo.insertEvent(trx, { requestId, onDate: receivedOn, type: 'received', title: '申请已收到，开始计算答复期限', actorUserId: actor?.userId, orgId: org!.id });
    await storeUploads(ctx, trx, requestId, input.attachments ?? [], true);
    await options.onCreated?.(trx, requestId, trackingNo);
    await recordAudit(trx, {
      actor, orgId: org!.id, action: 'request.submit', targetType: 'request', targetId: trackingNo,
      summary: { after: { channel, applicantType: a.type, status, receivedOn, idNumber: a.idNumber, phone: a.phone } },
    });
    return requestId;
  });
  const request = (await repo.findById(ctx.db, id))!;
  const deadline = await deadlineOf(ctx, request);
  return { trackingNo, status, ...(receivedOn ? { receivedOn } : {}), ...(deadline?.dueOn ? { dueOn: deadline.dueOn } : {}) };
}

// ---------------------------------------------------------------- reading

/** The applicant's own view. A wrong number and a wrong password look the same. */
export async function viewAsApplicant(ctx: AppContext, trackingNo: string, queryPassword: string) {
  return presentToApplicant(ctx, await authenticateApplicant(ctx, trackingNo, queryPassword));
}

/**
 * What the applicant sees of their request: public steps and documents only. `dueOn` is the
 * reply due date, null while the supplement is awaited (条例第三十条), when `supplementDueOn`
 * is the day to supplement by.
 */
export async function presentToApplicant(ctx: AppContext, request: repo.RequestRow) {
  const org = await repo.findOrgName(ctx.db, request.orgId);
  const deadline = await deadlineOf(ctx, request);
  const events = await repo.listEvents(ctx.db, request.id, true);
  const documents = await repo.listDocuments(ctx.db, request.id, true);
  return {
    trackingNo: request.trackingNo,
    status: request.status,
    statusLabel: labelOf('requestStatus', request.status),
    orgCode: org.code,
    orgName: org.name,
    applicantName: request.applicantName,
    description: request.description,
    submittedAt: new Date(request.submittedAt).toISOString(),
    receivedOn: request.receivedOn,
    dueOn: deadline?.dueOn ?? null,
    supplementDueOn: deadline?.awaitingSupplement ? deadline.supplementDueOn : null,
    deadline,
    outcome: request.outcome,
    outcomeLabel: request.outcome ? labelOf('outcome', request.outcome) : null,
    completedOn: request.completedOn,
    steps: events.map((e) => ({ date: e.onDate, type: e.type, title: e.title, note: e.note })),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, fileName: d.fileName, createdAt: new Date(d.createdAt).toISOString() })),
  };
}

/** The request when the tracking number and query password match; a wrong one of either is the same 404. */
export async function authenticateApplicant(ctx: AppContext, trackingNo: string, queryPassword: string) {
  const request = await repo.findByTrackingNo(ctx.db, trackingNo.trim().toUpperCase());
  const ok = await verifyPassword(queryPassword, request?.queryPasswordHash ?? (await dummyPasswordHash()));
  if (!request || !ok) throw new AppError('REQUEST_NOT_FOUND');
  return request;
}

export async function applicantDocument(ctx: AppContext, trackingNo: string, queryPassword: string, documentId: number) {
  const request = await authenticateApplicant(ctx, trackingNo, queryPassword);
  return loadDocument(ctx, request.id, documentId, true);
}

async function loadDocument(ctx: AppContext, requestId: number, documentId: number, publicOnly: boolean) {
  const doc = await repo.findDocument(ctx.db, requestId, documentId);
  if (!doc || (publicOnly && !doc.public)) throw new AppError('DOCUMENT_NOT_FOUND');
  return { fileName: doc.fileName, mime: doc.mime, data: await ctx.blobs.get(doc.blobKey) };
}

/** Signed, expiring download links for the portal status page (no session there). */
export function documentLink(ctx: AppContext, trackingNo: string, documentId: number): string {
  const expires = ctx.now().getTime() + 30 * 60_000;
  const sig = ctx.crypto.sign(`doc|${trackingNo}|${documentId}|${expires}`);
  return `/ysqgk/documents/${encodeURIComponent(trackingNo)}/${documentId}?e=${expires}&s=${sig}`;
}

export async function documentByLink(ctx: AppContext, trackingNo: string, documentId: number, expires: number, sig: string) {
  if (expires < ctx.now().getTime() || ctx.crypto.sign(`doc|${trackingNo}|${documentId}|${expires}`) !== sig) throw new AppError('DOCUMENT_NOT_FOUND');
  const request = await repo.findByTrackingNo(ctx.db, trackingNo);
  if (!request) throw new AppError('DOCUMENT_NOT_FOUND');
  return loadDocument(ctx, request.id, documentId, true);
}

export async function readableRequest(ctx: AppContext, actor: Actor, id: number) {
  const request = await repo.findById(ctx.db, id);
  const scope = await visibleOrgIds(ctx.db, actor);
  // Another body's request is "not found", not "forbidden": its existence is not disclosed.
  if (!request || !canRead(actor, scope, request)) throw new AppError('REQUEST_NOT_FOUND');
  return { request, scope };
}

/** Words that suggest a petition or complaint (条例第三十九条) or a request for a publication. */
const PETITION_WORDS = ['投诉', '举报', '信访', '上访', '控告', '检举'];
const PUBLICATION_WORDS = ['年鉴', '公报', '出版物', '报纸', '期刊', '书籍'];

/** What the office checks at registration: earlier requests of the same applicant, petitions, publications, the 按件 fee tier. */
async function checks(ctx: AppContext, request: repo.RequestRow) {
  const earlier = await repo.requestsOfApplicant(ctx.db, request.applicantKey, request.id);
  const thisMonth = countInMonth(request, earlier);
  const normalise = (s: string) => s.replace(/\s+/g, '');
  return {
    earlierRequests: earlier.length,
    answeredSameDescription: earlier.filter((r) => r.completedOn && normalise(r.description) === normalise(request.description)).map((r) => r.trackingNo),
    petitionLike: PETITION_WORDS.some((w) => request.description.includes(w)),
    publicationLike: PUBLICATION_WORDS.some((w) => request.description.includes(w)),
    applicationsThisMonth: thisMonth,
    feeByCount: feeByCount(thisMonth),
  };
}

/** The facts `refusalOf` needs, read inside the action's transaction or for the detail view. */
async function factsOf(db: repo.Executor, calendar: WorkingDayCalendar, request: repo.RequestRow, pauses: repo.PauseRow[]): Promise<RequestFacts> {
  const open = pauses.find((p) => !p.endedOn);
  return {
    status: request.status as RequestStatus,
    // Pauses opened before migration 0011 carry no due day: counted from the day they began.
    openPause: open ? { reason: open.reason, dueOn: open.dueOn ?? (open.reason === 'fee' ? feePaymentDue : consultationAnswerDue)(calendar, open.startedOn) } : null,
    supplementDueOn: request.supplementDueOn,
    explanationRequested: await repo.hasEvent(db, request.id, 'explanationRequested'),
    laterReplyDueOn: request.excessiveReplyDueOn,
  };
}

/** Actions only the 公开办 (or the administrator) takes; a department only drafts and adds material. */
const DRAFTING_ACTIONS: RequestAction[] = ['draftReply'];

/**
 * The actions this staff member may take on the request today: the status, the facts of the law
 * and the policy all allow them. The console shows exactly these buttons; the server checks again.
 */
function availableActions(actor: Actor, scope: OrgScope, request: repo.RequestRow, facts: RequestFacts, today: IsoDate, calendar: WorkingDayCalendar): RequestAction[] {
  const handles = canHandle(actor, scope, request.orgId);
  return REQUEST_ACTIONS.filter((action) => {
    if (refusalOf(action, facts, today)) return false;
    if (DRAFTING_ACTIONS.includes(action) ? !canDraftReply(actor, scope, request) : !handles) return false;
    switch (action) {
      case 'draftReply': case 'reply': return !request.replyDraft;
      case 'returnReply': return !!request.replyDraft;
      case 'approveReply': return canApproveReply(actor) && !!request.replyDraft && request.replyDraft.draftedBy !== actor.userId;
      case 'extend': return canApproveExtension(actor) && request.extensionDays === 0;
      case 'requestSupplement': return !request.supplementRequestedOn && today <= supplementRequestDeadline(calendar, request.receivedOn!);
      case 'archive': return !request.archivedOn;
      default: return true;
    }
  });
}

/**
 * The fields an action set, as the audit trail records them: the reply draft as what it says (its
 * column holds JSON text), without the drafter's account number, which the 拟稿人 already names.
 */
function auditedFields(fields: Record<string, unknown>): Record<string, unknown> {
  if (typeof fields.replyDraft !== 'string') return fields;
  const { draftedBy: _drafter, ...draft } = JSON.parse(fields.replyDraft) as ReplyDraft;
  return { ...fields, replyDraft: draft };
}

function maskedApplicant(ctx: AppContext, r: repo.RequestRow) {
  return {
    type: r.applicantType,
    typeLabel: labelOf('applicantType', r.applicantType),
    name: r.applicantName,
    idType: r.idType,
    idTypeLabel: labelOf('idType', r.idType),
    idNumber: maskIdNumber(ctx.crypto.decrypt(r.idNumberEnc)),
    phone: maskPhone(ctx.crypto.decrypt(r.phoneEnc)),
    email: r.emailEnc ? maskEmail(ctx.crypto.decrypt(r.emailEnc)) : null,
    address: r.addressEnc ? maskAddress(ctx.crypto.decrypt(r.addressEnc)) : null,
  };
}

export async function getForStaff(ctx: AppContext, actor: Actor, id: number) {
  const { request, scope } = await readableRequest(ctx, actor, id);
  const org = await repo.findOrgName(ctx.db, request.orgId);
  const assignedOrg = request.assignedOrgId ? await repo.findOrgName(ctx.db, request.assignedOrgId) : null;
  const handles = canHandle(actor, scope, request.orgId);
  const calendar = await ctx.calendar();
  const today = todayInChina(ctx.now());
  const pauses = await repo.listPauses(ctx.db, request.id);
  const facts = await factsOf(ctx.db, calendar, request, pauses);
  const r = request;
  return {
    id: r.id, trackingNo: r.trackingNo, status: r.status, statusLabel: labelOf('requestStatus', r.status),
    orgCode: org.code, orgName: org.name, channel: r.channel, channelLabel: labelOf('requestChannel', r.channel),
    applicant: maskedApplicant(ctx, r),
    description: r.description, purpose: r.purpose,
    form: r.form, formLabel: labelOf('requestForm', r.form), delivery: r.delivery, deliveryLabel: labelOf('requestDelivery', r.delivery),
    submittedOn: todayInChina(new Date(r.submittedAt)),
    receivedOn: r.receivedOn, supplementRequestedOn: r.supplementRequestedOn, supplementDueOn: r.supplementDueOn,
    supplementReceivedOn: r.supplementReceivedOn, extensionDays: r.extensionDays,
    outcome: r.outcome, outcomeLabel: r.outcome ? labelOf('outcome', r.outcome) : null, outcomeNote: r.outcomeNote, completedOn: r.completedOn,
    feeAmount: r.feeAmount, deadline: deadlineFrom(calendar, r, pauses, today), assignedOrgId: r.assignedOrgId, replyDraftPending: !!r.replyDraft,
    assignedOrg,
    replyDraft: r.replyDraft ? { ...r.replyDraft, outcomeLabel: labelOf('outcome', r.replyDraft.outcome) } : null,
    laterReplyDueOn: r.excessiveReplyDueOn,
    explanationRequested: facts.explanationRequested,
    openPause: facts.openPause ? { ...facts.openPause, reasonLabel: labelOf('pauseReason', facts.openPause.reason) } : null,
    // What the console offers this staff member (the server checks again on every action).
    permissions: {
      handle: handles,
      draftReply: canDraftReply(actor, scope, r),
      approveReply: handles && canApproveReply(actor) && !!r.replyDraft && r.replyDraft.draftedBy !== actor.userId,
      revealPersonalData: handles,
    },
    actions: availableActions(actor, scope, r, facts, today, calendar),
    checks: await checks(ctx, r),
    deliveredOn: r.deliveredOn,
    deliveryNote: r.deliveryNote,
    archivedOn: r.archivedOn,
    events: await repo.listEvents(ctx.db, r.id, false),
    pauses: pauses.map(({ requestId: _r, ...p }) => ({ ...p, reasonLabel: labelOf('pauseReason', p.reason) })),
    documents: (await repo.listDocuments(ctx.db, r.id, false)).map(({ blobKey: _k, ...d }) => d),
  };
}

/** The clear personal data, for the handling office only; every look is audited. */
export async function revealApplicant(ctx: AppContext, actor: Actor, id: number) {
  const { request, scope } = await readableRequest(ctx, actor, id);
  if (!canHandle(actor, scope, request.orgId)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, { actor, orgId: request.orgId, action: 'request.revealPersonalData', targetType: 'request', targetId: request.trackingNo }),
  );
  return {
    idNumber: ctx.crypto.decrypt(request.idNumberEnc),
    phone: ctx.crypto.decrypt(request.phoneEnc),
    email: request.emailEnc ? ctx.crypto.decrypt(request.emailEnc) : null,
    address: request.addressEnc ? ctx.crypto.decrypt(request.addressEnc) : null,
  };
}

export async function staffDocument(ctx: AppContext, actor: Actor, id: number, documentId: number) {
  const { request } = await readableRequest(ctx, actor, id);
  return loadDocument(ctx, request.id, documentId, false);
}

// ---------------------------------------------------------------- handling

/** A reply's decision, whether given at once or drafted for approval. */
interface ReplyDecision {
  outcome: string;
  note?: string | null;
  thirdPartyNotice?: boolean;
  /** 条例第三十六条第（五）项: the body on the platform that holds the information, when known. */
  responsibleOrgCode?: string | null;
}

export type ActionInput =
  | { action: 'confirmReceipt'; receivedOn?: IsoDate; note?: string }
  | { action: 'requestSupplement'; items: string; periodWorkingDays: number }
  | { action: 'receiveSupplement'; receivedOn?: IsoDate }
  | { action: 'abandonForNoSupplement'; note?: string }
  | { action: 'startConsultation'; party: string; note?: string }
  | { action: 'endConsultation'; answer: string }
  | { action: 'issueFeeNotice'; method?: 'byCount' | 'byPages'; pages?: number; amount?: number; basis?: string }
  | { action: 'recordFeePaid'; note?: string }
  | { action: 'abandonForUnpaidFee'; note?: string }
  | { action: 'extend'; workingDays: number; reason: string }
  | { action: 'transfer'; orgCode: string; note?: string }
  | { action: 'assign'; orgCode: string; note?: string }
  | ({ action: 'draftReply' } & ReplyDecision)
  | { action: 'returnReply'; comment: string }
  | { action: 'approveReply'; note?: string }
  | ({ action: 'reply' } & ReplyDecision)
  | { action: 'requestExplanation'; note: string }
  | { action: 'rejectExcessive'; note: string }
  | { action: 'setLaterReplyDate'; dueOn: IsoDate; reason: string }
  | { action: 'recordDelivery'; method: string; note?: string }
  | { action: 'archive' };

interface NoticeToIssue {
  kind: string;
  title: string;
  paragraphs: string[];
  /** Shown to the applicant on the status page; consultation letters and drafts are not. */
  public: boolean;
  addressee?: string;
  /** The notice states the remedies (every decision on the request does, 条例第五十一条). */
  remedies?: boolean;
}

/** 2026年12月2日: every date in a notice is written the 公文 way. */
const cn = formatChineseDate;

/**
 * The reply notice (告知书) for an outcome: what was asked, the decision, the handler's
 * explanation, the responsible body, the basis; the remedies are added when it is issued.
 */
function replyNotice(request: repo.RequestRow, decision: ReplyDecision, responsible: ResponsibleBody | null, draft: boolean): NoticeToIssue {
  const spec = outcomeSpec(decision.outcome)!;
  return {
    kind: draft ? 'replyDraft' : 'notice',
    title: draft ? '政府信息公开申请答复告知书（送审稿）' : '政府信息公开申请答复告知书',
    public: !draft,
    remedies: true,
    paragraphs: [
      `本机关于${cn(request.supplementReceivedOn ?? request.receivedOn!)}收到您的政府信息公开申请（受理编号：${request.trackingNo}），申请获取：${request.description}`,
      spec.decision,
      ...(decision.note ? [decision.note] : []),
      ...(responsible ? [responsibleSentence(responsible)] : []),
      `依据：${spec.basis}。`,
    ],
  };
}

type ResponsibleBody = { name: string; address: string | null; phone: string | null };

function responsibleSentence(body: ResponsibleBody): string {
  const contacts = [body.address ? `地址：${body.address}` : '', body.phone ? `联系电话：${body.phone}` : ''].filter(Boolean).join('；');
  return `该政府信息由${body.name}负责公开${contacts ? `（${contacts}）` : ''}，您可以向该机关提出申请。`;
}

/** The explanation the law asks for, the step an outcome needs, the responsible body: checked before anything is stored. */
async function checkDecision(db: repo.Executor, decision: ReplyDecision): Promise<ResponsibleBody | null> {
  if (!outcomeSpec(decision.outcome)) throw new AppError('REQUEST_OUTCOME_INVALID', [{ path: 'outcome', message: '答复类型无效。' }]);
  const ownStep = replyRefusal(decision.outcome);
  if (ownStep) throw new AppError('REQUEST_OUTCOME_OWN_STEP', [{ path: 'outcome', message: ownStep }], ownStep);
  const missing = explanationRefusal(decision.outcome, decision.note);
  if (missing) throw new AppError('REQUEST_REASON_REQUIRED', [{ path: 'note', message: missing }], missing);
  if (!decision.responsibleOrgCode) return null;
  if (decision.outcome !== 'unable.notHeld') {
    throw new AppError('VALIDATION_FAILED', [{ path: 'responsibleOrgCode', message: '只有“本机关不掌握相关政府信息”的答复才写明负责公开的机关。' }]);
  }
  const org = await findOrgByCode(db, decision.responsibleOrgCode);
  if (!org) throw new AppError('VALIDATION_FAILED', [{ path: 'responsibleOrgCode', message: '负责公开的机关不存在，请从列表中选择，或在说明中写明。' }]);
  return { name: org.name, address: org.address ?? null, phone: org.phone ?? null };
}

/** Which staff may take the action on this request (on top of the role check of the route). */
function checkMayAct(actor: Actor, scope: OrgScope, request: repo.RequestRow, input: ActionInput): void {
  if (input.action === 'draftReply') {
    if (!canDraftReply(actor, scope, request)) throw new AppError('FORBIDDEN');
    return;
  }
  if (!canHandle(actor, scope, request.orgId)) throw new AppError('FORBIDDEN');
  if (input.action === 'approveReply') {
    if (!canApproveReply(actor)) throw new AppError('FORBIDDEN', undefined, '答复稿须经政府信息公开工作机构负责人审核。');
    if (request.replyDraft && request.replyDraft.draftedBy === actor.userId) throw new AppError('REQUEST_SELF_APPROVAL');
  }
}

/**
 * A day staff enter for an event (receipt, supplement received): not after today, and not before
 * the event it follows (the submission, the supplement notice).
 */
function checkEnteredDate(field: string, date: IsoDate, today: IsoDate, notBefore: { date: IsoDate; event: string }): void {
  if (date > today) throw new AppError('VALIDATION_FAILED', [{ path: field, message: `收到日期（${cn(date)}）不能晚于今天（${cn(today)}）。` }]);
  if (date < notBefore.date) {
    throw new AppError('VALIDATION_FAILED', [{ path: field, message: `收到日期（${cn(date)}）不能早于${notBefore.event}之日（${cn(notBefore.date)}）。` }]);
  }
}

/** The applicant's n-th application in the calendar month of this one (按件 counts per natural month). */
async function nthApplicationThisMonth(db: repo.Executor, request: repo.RequestRow): Promise<number> {
  return countInMonth(request, await repo.requestsOfApplicant(db, request.applicantKey, request.id));
}

function countInMonth(request: repo.RequestRow, otherRequests: { id: number; submittedAt: Date | string }[]): number {
  const monthOf = (at: Date | string) => todayInChina(new Date(at)).slice(0, 7);
  return otherRequests.filter((r) => monthOf(r.submittedAt) === monthOf(request.submittedAt) && r.id < request.id).length + 1;
}

/** The fee by the official tiers (按件 or 按量), or as entered; a fee of nothing needs no notice. */
async function feeOf(db: repo.Executor, request: repo.RequestRow, input: Extract<ActionInput, { action: 'issueFeeNotice' }>) {
  if (input.method === 'byPages' && input.pages === undefined) throw new AppError('VALIDATION_FAILED', [{ path: 'pages', message: '按量计收须填写页数。' }]);
  const quote = input.method ? feeQuote(await nthApplicationThisMonth(db, request), input.pages ?? 0)[input.method] : null;
  const amount = quote?.amount ?? input.amount;
  const basis = quote?.basis ?? input.basis;
  if (!amount || !basis) {
    throw new AppError('VALIDATION_FAILED', [{ path: quote ? 'method' : 'amount', message: quote ? `${quote.basis}无需发出收费通知。` : '请选择按件或按量计收，或填写金额和计费依据。' }]);
  }
  return { amount, basis };
}

/** Both ways to charge this application, for the handler to choose (one method per application). */
export function feeQuote(nthThisMonth: number, pages: number) {
  return {
    byCount: { amount: feeByCount(nthThisMonth), basis: describeFeeByCount(nthThisMonth) },
    byPages: { amount: feeByPages(pages), basis: describeFeeByPages(pages) },
  };
}

export async function quoteFee(ctx: AppContext, actor: Actor, id: number, pages: number) {
  const { request, scope } = await readableRequest(ctx, actor, id);
  if (!canHandle(actor, scope, request.orgId)) throw new AppError('FORBIDDEN');
  const nth = await nthApplicationThisMonth(ctx.db, request);
  return { applicationsThisMonth: nth, pages, ...feeQuote(nth, pages) };
}

/** A notice ending the request without a reply on the merits: what happened, the decision, the basis. */
function endingNotice(outcome: string, facts: string, note?: string | null): NoticeToIssue {
  const spec = outcomeSpec(outcome)!;
  return {
    kind: 'notice', title: '政府信息公开申请告知书', public: true, remedies: true,
    paragraphs: [facts, spec.decision, ...(note ? [note] : []), `依据：${spec.basis}。`],
  };
}

export async function performAction(ctx: AppContext, actor: Actor, id: number, input: ActionInput) {
  const today = todayInChina(ctx.now());
  const calendar = await ctx.calendar();
  let otherOrg: Awaited<ReturnType<typeof findOrgByCode>>;
  if (input.action === 'transfer') {
    otherOrg = await findOrgByCode(ctx.db, input.orgCode);
    if (!otherOrg) throw new AppError('REQUEST_TRANSFER_INVALID', [{ path: 'orgCode', message: '目标机关不存在。' }]);
  }
  if (input.action === 'assign') {
    otherOrg = await findOrgByCode(ctx.db, input.orgCode);
    if (!otherOrg) throw new AppError('REQUEST_ASSIGN_INVALID', [{ path: 'orgCode', message: '承办部门不存在。' }]);
  }
  const responsible = input.action === 'reply' || input.action === 'draftReply' ? await checkDecision(ctx.db, input) : null;
  if (input.action === 'rejectExcessive') {
    const missing = explanationRefusal('notProcessed.excessive', input.note);
    if (missing) throw new AppError('REQUEST_REASON_REQUIRED', [{ path: 'note', message: missing }], missing);
  }
  if (input.action === 'extend' && !canApproveExtension(actor)) throw new AppError('FORBIDDEN', undefined, '延长答复期限须经政府信息公开工作机构负责人同意（条例第三十三条）。');
  // Read before the transaction: on PGlite the transaction holds the only connection.
  const superior = await superiorGovernment(ctx);

  const result = await ctx.db.transaction().execute(async (trx) => {
    const request = await repo.lockById(trx, id);
    const scope = await visibleOrgIds(trx, actor);
    if (!request || !canRead(actor, scope, request)) throw new AppError('REQUEST_NOT_FOUND');
    checkMayAct(actor, scope, request, input);
    const pauses = await repo.listPauses(trx, id);
    const facts = await factsOf(trx, calendar, request, pauses);
    const refusal = refusalOf(input.action, facts, today);
    if (refusal) throw new AppError(refusal.code, undefined, refusal.message);
    const status = request.status as RequestStatus;
    const fields: Parameters<typeof repo.updateRequest>[2] = { status: nextStatus(input.action, status) };
    const event = { requestId: id, onDate: today, actorUserId: actor.userId, orgId: request.orgId };
    let notice: NoticeToIssue | null = null;

    switch (input.action) {
      case 'confirmReceipt': {
        const receivedOn = input.receivedOn ?? today;
        // 条例第三十一条: receipt is confirmed with the applicant, on or after the day they submitted.
        checkEnteredDate('receivedOn', receivedOn, today, { date: todayInChina(new Date(request.submittedAt)), event: '申请提交' });
        fields.receivedOn = receivedOn;
        await repo.insertEvent(trx, { ...event, onDate: receivedOn, type: 'received', title: '已确认收到申请，开始计算答复期限', note: input.note });
        break;
      }
      case 'requestSupplement': {
        if (request.supplementRequestedOn) throw new AppError('REQUEST_SUPPLEMENT_ONCE');
        if (today > supplementRequestDeadline(calendar, request.receivedOn!)) throw new AppError('REQUEST_SUPPLEMENT_TOO_LATE');
        const due = supplementDue(calendar, today, input.periodWorkingDays).date;
        Object.assign(fields, { supplementRequestedOn: today, supplementDueOn: due });
        await repo.insertEvent(trx, { ...event, type: 'supplementRequested', title: `要求补正，请于${cn(due)}前补正；补正期间不计算答复期限`, note: input.items });
        notice = { kind: 'supplementNotice', title: '政府信息公开申请补正告知书', public: true, paragraphs: [
          `本机关于${cn(request.receivedOn!)}收到您的政府信息公开申请（受理编号：${request.trackingNo}）。经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请您对以下内容作出补正：${input.items}`,
          `请于${cn(due)}前补正。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。`,
        ] };
        break;
      }
      case 'receiveSupplement': {
        const receivedOn = input.receivedOn ?? today;
        checkEnteredDate('receivedOn', receivedOn, today, { date: request.supplementRequestedOn!, event: '发出补正通知' });
        fields.supplementReceivedOn = receivedOn;
        await repo.insertEvent(trx, { ...event, onDate: receivedOn, type: 'supplementReceived', title: '已收到补正材料，答复期限自收到补正之日起重新计算' });
        break;
      }
      case 'abandonForNoSupplement': {
        const outcome = 'otherHandling.noSupplement';
        Object.assign(fields, { outcome, completedOn: today, replyDraft: null });
        notice = endingNotice(outcome, `本机关于${cn(request.supplementRequestedOn!)}向您发出补正告知书（受理编号：${request.trackingNo}），请您于${cn(request.supplementDueOn!)}前补正。补正期限已届满，本机关未收到您的补正材料。`, input.note);
        await repo.insertEvent(trx, { ...event, type: 'completed', title: `已办结：${labelOf('outcome', outcome)}`, note: input.note });
        break;
      }
      case 'abandonForUnpaidFee': {
        const outcome = 'otherHandling.unpaidFee';
        const pause = pauses.find((p) => !p.endedOn && p.reason === 'fee')!;
        await repo.endOpenPause(trx, id, 'fee', today);
        Object.assign(fields, { outcome, completedOn: today, replyDraft: null });
        notice = endingNotice(outcome, `本机关于${cn(pause.startedOn)}向您发出信息处理费收费通知（受理编号：${request.trackingNo}），应缴金额${request.feeAmount}元，缴费期限至${cn(facts.openPause!.dueOn)}。缴费期限已届满，您未缴纳信息处理费。`, input.note);
        await repo.insertEvent(trx, { ...event, type: 'completed', title: `已办结：${labelOf('outcome', outcome)}`, note: input.note });
        break;
      }
      case 'startConsultation': {
        const due = consultationAnswerDue(calendar, today);
        await repo.insertPause(trx, { requestId: id, reason: 'consultation', startedOn: today, dueOn: due, note: input.party });
        await repo.insertEvent(trx, { ...event, type: 'consultationStarted', title: '征求第三方或其他机关意见，期间不计入答复期限', note: `被征求意见方应于${cn(due)}前答复。` });
        await repo.insertEvent(trx, { ...event, type: 'consultationParty', title: `征求意见对象：${input.party}`, public: false, note: input.note });
        notice = { kind: 'consultationLetter', title: '政府信息公开征求意见书', public: false, addressee: '被征求意见方', paragraphs: [
          `本机关收到一份政府信息公开申请（受理编号：${request.trackingNo}），申请公开的信息可能涉及贵方的商业秘密或个人隐私。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。`,
          `请于${cn(due)}前书面答复是否同意公开及理由。逾期未提出意见的，由本机关依照条例规定决定。`,
        ] };
        break;
      }
      case 'endConsultation': {
        await repo.endOpenPause(trx, id, 'consultation', today);
        await repo.insertEvent(trx, { ...event, type: 'consultationEnded', title: '已收到征求意见答复，恢复计算答复期限' });
        await repo.insertEvent(trx, { ...event, type: 'consultationAnswer', title: '征求意见答复内容', note: input.answer, public: false });
        break;
      }
      case 'issueFeeNotice': {
        const due = feePaymentDue(calendar, today);
        const { amount, basis } = await feeOf(trx, request, input);
        fields.feeAmount = amount;
        await repo.insertPause(trx, { requestId: id, reason: 'fee', startedOn: today, dueOn: due, note: basis });
        await repo.insertEvent(trx, { ...event, type: 'feeNotice', title: `发出收费通知：信息处理费${amount}元，请于${cn(due)}前缴纳；缴费期间不计入答复期限` });
        notice = { kind: 'feeNotice', title: '政府信息公开信息处理费收费通知书', public: true, paragraphs: [
          `您的政府信息公开申请（受理编号：${request.trackingNo}）申请数量或频次明显超过合理范围，根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关决定收取信息处理费。`,
          `计费依据和标准：${basis.replace(/。$/, '')}。应缴金额：${amount}元。请于${cn(due)}前缴纳。自本通知发出至缴费完成期间不计入答复期限；逾期未缴纳的，视为放弃申请。`,
        ] };
        break;
      }
      case 'recordFeePaid': {
        await repo.endOpenPause(trx, id, 'fee', today);
        await repo.insertEvent(trx, { ...event, type: 'feePaid', title: '已缴纳信息处理费，恢复计算答复期限' });
        break;
      }
      case 'extend': {
        if (request.extensionDays > 0) throw new AppError('DEADLINE_ALREADY_EXTENDED');
        if (input.workingDays < 1 || input.workingDays > MAX_EXTENSION_WORKING_DAYS) throw new AppError('DEADLINE_ALREADY_EXTENDED');
        fields.extensionDays = input.workingDays;
        await repo.insertEvent(trx, { ...event, type: 'extended', title: `经政府信息公开工作机构负责人同意，答复期限延长${input.workingDays}个工作日`, note: input.reason });
        notice = { kind: 'extensionNotice', title: '政府信息公开申请延期答复告知书', public: true, paragraphs: [
          `本机关于${cn(request.receivedOn!)}收到您的政府信息公开申请（受理编号：${request.trackingNo}）。因${input.reason}，需要延长答复期限。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${input.workingDays}个工作日。`,
        ] };
        break;
      }
      case 'transfer': {
        // The receiving body's own office assigns and drafts afresh.
        Object.assign(fields, { orgId: otherOrg!.id, assignedOrgId: null, replyDraft: null });
        await repo.insertEvent(trx, { ...event, type: 'transferred', title: `申请已转由${otherOrg!.name}办理`, note: input.note });
        break;
      }
      case 'assign': {
        // The department belongs to the body answering the request (its own 科室 or a body below it).
        if (!inScope(await subtreeIds(trx, request.orgId), otherOrg!.id)) throw new AppError('REQUEST_ASSIGN_INVALID', [{ path: 'orgCode', message: '承办部门不属于受理机关。' }]);
        fields.assignedOrgId = otherOrg!.id;
        await repo.insertEvent(trx, { ...event, type: 'assigned', title: `已交由${otherOrg!.name}承办`, note: input.note, public: false });
        break;
      }
      case 'draftReply': {
        if (request.replyDraft) throw new AppError('REQUEST_DRAFT_PENDING');
        const draft: ReplyDraft = {
          outcome: input.outcome, note: input.note ?? null, thirdPartyNotice: !!input.thirdPartyNotice, responsibleOrgCode: input.responsibleOrgCode ?? null,
          draftedBy: actor.userId, draftedByName: actor.displayName, draftedOn: today,
        };
        fields.replyDraft = JSON.stringify(draft);
        await repo.insertEvent(trx, { ...event, type: 'replyDrafted', title: `答复已拟稿（${labelOf('outcome', input.outcome)}），待政府信息公开工作机构负责人审核`, note: input.note, public: false });
        notice = replyNotice(request, input, responsible, true);
        break;
      }
      case 'returnReply': {
        if (!request.replyDraft) throw new AppError('REQUEST_NO_DRAFT');
        fields.replyDraft = null;
        await repo.insertEvent(trx, { ...event, type: 'replyReturned', title: '答复稿已退回修改', note: input.comment, public: false });
        break;
      }
      case 'requestExplanation': {
        await repo.insertEvent(trx, { ...event, type: 'explanationRequested', title: '申请数量、频次明显超过合理范围，已要求申请人说明理由（条例第三十五条）', note: input.note });
        notice = { kind: 'explanationNotice', title: '政府信息公开申请说明理由告知书', public: true, paragraphs: [
          `本机关于${cn(request.receivedOn!)}收到您的政府信息公开申请（受理编号：${request.trackingNo}）。您申请公开政府信息的数量、频次明显超过合理范围，根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您说明理由。`,
          input.note,
          '本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在规定期限内答复的，将确定延迟答复的合理期限并告知您。',
        ] };
        break;
      }
      case 'rejectExcessive': {
        // 条例第三十五条: asked for reasons, the applicant gave none or unreasonable ones → 不予处理.
        const outcome = 'notProcessed.excessive';
        Object.assign(fields, { outcome, outcomeNote: input.note, completedOn: today, replyDraft: null });
        notice = endingNotice(outcome, `本机关于${cn(request.receivedOn!)}收到您的政府信息公开申请（受理编号：${request.trackingNo}），申请获取：${request.description}`, input.note);
        await repo.insertEvent(trx, { ...event, type: 'completed', title: `已办结：${labelOf('outcome', outcome)}` });
        break;
      }
      case 'setLaterReplyDate': {
        const current = await deadlineOf(ctx, request, trx);
        const currentDue = current?.dueOn ?? today;
        if (input.dueOn <= currentDue) throw new AppError('REQUEST_LATER_DATE_INVALID', [{ path: 'dueOn', message: `延迟答复的日期须晚于当前答复期限（${cn(currentDue)}）。` }]);
        fields.excessiveReplyDueOn = input.dueOn;
        await repo.insertEvent(trx, { ...event, type: 'laterReplyDate', title: `申请理由合理，但无法在规定期限内答复，确定于${cn(input.dueOn)}前答复（条例第三十五条）`, note: input.reason });
        notice = { kind: 'laterReplyNotice', title: '政府信息公开申请延迟答复告知书', public: true, paragraphs: [
          `本机关于${cn(request.receivedOn!)}收到您的政府信息公开申请（受理编号：${request.trackingNo}）。经审查，您说明的申请理由合理，但因${input.reason}，无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。`,
          `根据条例第三十五条的规定，本机关确定延迟答复的合理期限，将于${cn(input.dueOn)}前答复您。`,
        ] };
        break;
      }
      case 'recordDelivery': {
        Object.assign(fields, { deliveredOn: today, deliveryNote: `${input.method}${input.note ? `：${input.note}` : ''}` });
        await repo.insertEvent(trx, { ...event, type: 'delivered', title: `答复文书已送达（${input.method}）`, note: input.note });
        break;
      }
      case 'archive': {
        fields.archivedOn = today;
        await repo.insertEvent(trx, { ...event, type: 'archived', title: '已归档', public: false });
        break;
      }
      case 'reply':
      case 'approveReply': {
        const draft = request.replyDraft;
        if (input.action === 'approveReply' && !draft) throw new AppError('REQUEST_NO_DRAFT');
        const decision: ReplyDecision = input.action === 'reply' ? input : draft!;
        const named = input.action === 'reply' ? responsible : await checkDecision(trx, decision);
        const spec = outcomeSpec(decision.outcome)!;
        if (decision.thirdPartyNotice) {
          // 条例第三十二条: disclosure over a third party's objection, for the public interest, is notified to it in writing.
          const org = await repo.findOrgName(trx, request.orgId);
          const letter = await renderNoticeDocx({
            title: '政府信息公开第三方告知书', docNo: `受理编号：${request.trackingNo}`, addressee: '第三方',
            paragraphs: [
              `本机关收到的政府信息公开申请（受理编号：${request.trackingNo}）涉及贵方的信息。经审查，本机关认为不公开可能对公共利益造成重大影响，根据《中华人民共和国政府信息公开条例》第三十二条的规定，决定予以公开。公开的内容：${request.description}。理由：${decision.note ?? '公共利益需要'}。`,
              remediesSentence(await reviewBodyFor(trx, request.orgId, superior)),
            ],
            orgName: org.name, date: today,
          });
          const blob = await ctx.blobs.put(letter);
          await repo.insertDocument(trx, { requestId: id, kind: 'thirdPartyNotice', title: '政府信息公开第三方告知书', fileName: `第三方告知书-${request.trackingNo}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', blobKey: blob.key, public: false });
        }
        Object.assign(fields, { outcome: decision.outcome, outcomeNote: decision.note ?? null, completedOn: today, replyDraft: null });
        const signedOff = draft && input.action === 'approveReply' ? `（${draft.draftedByName}拟稿，${actor.displayName}审核签发）` : '';
        await repo.insertEvent(trx, { ...event, type: 'completed', title: `已答复：${spec.label}` });
        if (signedOff) await repo.insertEvent(trx, { ...event, type: 'replyApproved', title: `答复稿已审核签发${signedOff}`, note: input.note, public: false });
        notice = replyNotice(request, decision, named, false);
        break;
      }
    }

    await repo.updateRequest(trx, id, fields);
    const documentId = notice ? await issueNotice(ctx, trx, request, fields.orgId ?? request.orgId, notice, today, superior) : null;
    await recordAudit(trx, {
      actor, orgId: request.orgId, action: `request.${input.action}`, targetType: 'request', targetId: request.trackingNo,
      summary: { before: { status: request.status, orgId: request.orgId }, after: auditedFields(fields), input },
    });
    return { documentId };
  });
  try {
    return { ...(await getForStaff(ctx, actor, id)), documentId: result.documentId };
  } catch (error) {
    // Transferred to a body the handler cannot see: the action succeeded, the file is no longer theirs.
    if (input.action === 'transfer') return { id, transferred: true, documentId: null };
    throw error;
  }
}

/** Where the applicant applies for 行政复议 against this body's decisions (《行政复议法》第二十四条). */
async function reviewBodyFor(db: repo.Executor, orgId: number, superiorGovernment: string): Promise<string> {
  const chain = await repo.orgChain(db, orgId);
  return reviewBodyOf(chain.map((o) => ({ name: o.name, type: o.type as OrgType })), superiorGovernment);
}

/** Renders a notice in 公文 style as DOCX (and PDF when the server has CJK fonts) and files it with the request. */
async function issueNotice(ctx: AppContext, trx: repo.Executor, request: repo.RequestRow, orgId: number, notice: NoticeToIssue, today: IsoDate, superiorGovernment: string) {
  const org = await repo.findOrgName(trx, orgId);
  const paragraphs = notice.remedies ? [...notice.paragraphs, remediesSentence(await reviewBodyFor(trx, orgId, superiorGovernment))] : notice.paragraphs;
  const content = {
    title: notice.title, docNo: `受理编号：${request.trackingNo}`, addressee: notice.addressee ?? request.applicantName,
    paragraphs, orgName: org.name, date: today,
  };
  const blob = await ctx.blobs.put(await renderNoticeDocx(content));
  const documentId = await repo.insertDocument(trx, {
    requestId: request.id, kind: notice.kind, title: notice.title, fileName: `${notice.title}-${request.trackingNo}.docx`,
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', blobKey: blob.key, public: notice.public,
  });
  const pdf = await renderNoticePdf(content);
  if (pdf) {
    const pdfBlob = await ctx.blobs.put(pdf);
    await repo.insertDocument(trx, {
      requestId: request.id, kind: `${notice.kind}Pdf`, title: `${notice.title}（PDF）`, fileName: `${notice.title}-${request.trackingNo}.pdf`,
      mime: 'application/pdf', blobKey: pdfBlob.key, public: notice.public,
    });
  }
  return documentId;
}

/** Code tables for the console: outcomes with their legal basis, the step that reaches them and what they must explain; statuses. */
export function referenceData() {
  return {
    outcomes: OUTCOMES.map((o) => ({
      key: o.key, label: o.label, basis: o.basis, step: stepOf(o.key), replyable: stepOf(o.key) === 'reply',
      explanationRequired: EXPLANATIONS[o.key]?.required ?? false, explanationHelp: EXPLANATIONS[o.key]?.help ?? '',
    })),
    statuses: Object.entries(STATUS_LABELS).map(([key, label]) => ({ key, label })),
  };
}

/** The blank application form for letters and walk-ins. */
export async function blankApplicationForm(): Promise<Buffer> {
  return renderApplicationFormDocx();
}

/** The same form as PDF, for printing; null when the server has no CJK font. */
export async function blankApplicationFormPdf(): Promise<Buffer | null> {
  return renderApplicationFormPdf();
}

/** Staff add a scanned original or other material to a request; the applicant adds a missing ID copy with the query password. */
export async function addRequestAttachment(ctx: AppContext, who: { actor: Actor; id: number } | { trackingNo: string; queryPassword: string }, file: UploadedFile) {
  checkUploads([file]);
  let request: repo.RequestRow;
  let actor: Actor | null = null;
  if ('actor' in who) {
    const found = await readableRequest(ctx, who.actor, who.id);
    if (!canDraftReply(who.actor, found.scope, found.request)) throw new AppError('FORBIDDEN');
    request = found.request;
    actor = who.actor;
  } else {
    request = await authenticateApplicant(ctx, who.trackingNo, who.queryPassword);
    if (request.status === 'completed') throw new AppError('REQUEST_ACTION_NOT_ALLOWED');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await storeUploads(ctx, trx, request.id, [file], true);
    await repo.insertEvent(trx, { requestId: request.id, onDate: todayInChina(ctx.now()), type: 'attachment', title: `已上传材料：${file.label}`, actorUserId: actor?.userId ?? null, orgId: request.orgId, public: true });
    await recordAudit(trx, { actor, orgId: request.orgId, action: 'request.attach', targetType: 'request', targetId: request.trackingNo, summary: { label: file.label, size: file.data.length } });
  });
  return { ok: true };
}
