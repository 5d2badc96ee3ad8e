/**
 * The life of a disclosure request as a state machine. Each action names the
 * states it may start from; anything else is refused (条例第三十条至第四十二条).
 * On top of the status, some steps need facts the law names (a period that has passed,
 * an earlier step taken): `refusalOf` checks those.
 */
import { formatChineseDate, type IsoDate } from './dates.js';
import type { PauseReason } from './request-deadline.js';

export type RequestStatus =
  | 'submitted' // 已提交：online/fax/e-mail application awaiting confirmation of receipt (条例第三十一条)
  | 'processing' // 办理中：the reply clock runs
  | 'awaitingSupplement' // 待补正 (条例第三十条)
  | 'paused' // 暂停计时：third-party consultation or fee notice
  | 'completed'; // 已办结

export const REQUEST_STATUSES: RequestStatus[] = ['submitted', 'processing', 'awaitingSupplement', 'paused', 'completed'];

export type RequestAction =
  | 'confirmReceipt'
  | 'requestSupplement'
  | 'receiveSupplement'
  | 'abandonForNoSupplement'
  | 'startConsultation'
  | 'endConsultation'
  | 'issueFeeNotice'
  | 'recordFeePaid'
  | 'abandonForUnpaidFee'
  | 'extend'
  | 'transfer'
  | 'assign'
  | 'draftReply'
  | 'returnReply'
  | 'approveReply'
  | 'reply'
  | 'setLaterReplyDate'
  | 'requestExplanation'
  | 'rejectExcessive'
  | 'recordDelivery'
  | 'archive';

const ALLOWED: Record<RequestAction, RequestStatus[]> = {
  confirmReceipt: ['submitted'],
  requestSupplement: ['processing'],
  receiveSupplement: ['awaitingSupplement'],
  abandonForNoSupplement: ['awaitingSupplement'],
  startConsultation: ['processing'],
  endConsultation: ['paused'],
  issueFeeNotice: ['processing'],
  recordFeePaid: ['paused'],
  abandonForUnpaidFee: ['paused'],
  extend: ['processing', 'paused'],
  transfer: ['submitted', 'processing'],
  // 交办: the office assigns the request to the department holding the information at any open stage.
  assign: ['submitted', 'processing', 'awaitingSupplement', 'paused'],
  draftReply: ['processing'],
  returnReply: ['processing'],
  approveReply: ['processing'],
  reply: ['processing'],
  // 条例第三十五条: reasons accepted but the reply impossible in time → a reasonable later date.
  setLaterReplyDate: ['processing', 'paused'],
  // 条例第三十五条: the office may ask an applicant of clearly excessive requests for reasons …
  requestExplanation: ['processing'],
  // … and, the reasons not given or not reasonable, not process the request (不予处理).
  rejectExcessive: ['processing'],
  recordDelivery: ['completed'],
  archive: ['completed'],
};

export const REQUEST_ACTIONS = Object.keys(ALLOWED) as RequestAction[];

const NEXT: Partial<Record<RequestAction, RequestStatus>> = {
  confirmReceipt: 'processing',
  requestSupplement: 'awaitingSupplement',
  receiveSupplement: 'processing',
  abandonForNoSupplement: 'completed',
  startConsultation: 'paused',
  endConsultation: 'processing',
  issueFeeNotice: 'paused',
  recordFeePaid: 'processing',
  abandonForUnpaidFee: 'completed',
  approveReply: 'completed',
  reply: 'completed',
  rejectExcessive: 'completed',
};

export function canApply(action: RequestAction, status: RequestStatus): boolean {
  return ALLOWED[action].includes(status);
}

/** The state after the action (unchanged for extend, transfer, assign and drafting). */
export function nextStatus(action: RequestAction, status: RequestStatus): RequestStatus {
  return NEXT[action] ?? status;
}

export const STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: '已提交，待确认收到',
  processing: '办理中',
  awaitingSupplement: '待申请人补正',
  paused: '暂停计时（征求意见或缴费）',
  completed: '已办结',
};

/** What the law asks of a request, besides its status, before some steps. */
export interface RequestFacts {
  status: RequestStatus;
  /** The consultation or fee pause now open, with the day its answer or payment is due. */
  openPause: { reason: PauseReason; dueOn: IsoDate } | null;
  /** The day the applicant must supplement by (条例第三十条), once a supplement was requested. */
  supplementDueOn: IsoDate | null;
  /** 条例第三十五条: the applicant has been asked to explain the number or frequency of requests. */
  explanationRequested: boolean;
  /** 条例第三十五条: the reasons were accepted and a later reply date was set. */
  laterReplyDueOn: IsoDate | null;
}

export interface Refusal {
  code: 'REQUEST_ACTION_NOT_ALLOWED' | 'REQUEST_EXPLANATION_FIRST';
  message: string;
}

const notAllowed = (message: string): Refusal => ({ code: 'REQUEST_ACTION_NOT_ALLOWED', message });

/**
 * Why the action may not be taken now (null when it may): the status first, then the facts.
 * - 逾期不补正 only once the supplement period has passed (条例第三十条);
 * - 逾期未缴费 only in a fee pause whose payment period has passed (国办函〔2020〕109号);
 * - a payment ends only a fee pause, an answer only a consultation (条例第三十二条、第三十四条);
 * - 不予处理（大量反复申请） and a later reply date only after the applicant was asked for
 *   reasons, and not both (条例第三十五条).
 */
export function refusalOf(action: RequestAction, facts: RequestFacts, today: IsoDate): Refusal | null {
  if (!canApply(action, facts.status)) return notAllowed(`该申请当前处于“${STATUS_LABELS[facts.status]}”阶段，不能进行此操作。`);
  const pause = facts.openPause;
  switch (action) {
    case 'abandonForNoSupplement':
      if (!facts.supplementDueOn) return notAllowed('该申请没有补正期限，不能视为放弃申请。');
      if (today <= facts.supplementDueOn) return notAllowed(`补正期限（${formatChineseDate(facts.supplementDueOn)}）尚未届满，届满后申请人仍未补正的，方可视为放弃申请（条例第三十条）。`);
      return null;
    case 'endConsultation':
      return pause?.reason === 'consultation' ? null : notAllowed('该申请没有正在进行的征求意见，不能登记征求意见答复。');
    case 'recordFeePaid':
      return pause?.reason === 'fee' ? null : notAllowed('该申请没有待缴纳的信息处理费，不能登记缴费。');
    case 'abandonForUnpaidFee':
      if (pause?.reason !== 'fee') return notAllowed('只有发出收费通知、申请人逾期未缴费的，方可视为放弃申请。');
      if (today <= pause.dueOn) return notAllowed(`缴费期限（${formatChineseDate(pause.dueOn)}）尚未届满，届满后仍未缴纳的，方可视为放弃申请（国办函〔2020〕109号）。`);
      return null;
    case 'rejectExcessive':
      if (!facts.explanationRequested) return { code: 'REQUEST_EXPLANATION_FIRST', message: '须先要求申请人说明理由，理由不合理的，方可不予处理（条例第三十五条）。' };
      if (facts.laterReplyDueOn) return notAllowed('已认可申请理由并确定了延迟答复期限，不能再以“大量反复申请”不予处理。');
      return null;
    case 'setLaterReplyDate':
      if (!facts.explanationRequested) return { code: 'REQUEST_EXPLANATION_FIRST', message: '须先要求申请人说明理由，认为理由合理的，方可确定延迟答复的合理期限（条例第三十五条）。' };
      return null;
    default:
      return null;
  }
}
