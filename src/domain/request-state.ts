/**
 * The life of a disclosure request as a state machine. Each action names the
 * states it may start from; anything else is refused (条例第三十条至第四十二条).
 */
export type RequestStatus =
  | 'submitted' // 已提交：online/fax/e-mail application awaiting confirmation of receipt (条例第三十一条)
  | 'processing' // 办理中：the reply clock runs
  | 'awaitingSupplement' // 待补正 (条例第三十条)
  | 'paused' // 暂停计时：third-party consultation or fee notice
  | 'completed'; // 已办结

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
  // 条例第三十五条: the office may ask an applicant of clearly excessive requests for reasons.
  requestExplanation: ['processing'],
  recordDelivery: ['completed'],
  archive: ['completed'],
};

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
