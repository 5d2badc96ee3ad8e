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
  | 'reply'
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
  reply: ['processing'],
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
  reply: 'completed',
};

export function canApply(action: RequestAction, status: RequestStatus): boolean {
  return ALLOWED[action].includes(status);
}

/** The state after the action (unchanged for extend and transfer). */
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
