/**
 * The steps of a government-service case (办件): 受理 → 办理 → 办结, with the supplement pause
 * (一次性告知 / 补正) in between. At the window an application may instead be refused (不予受理, with
 * the reason, 行政许可法第三十二条) or the applicant told once what is missing (一次性告知); neither
 * starts the clock. Each step is one row of service_case_steps, timed and audited.
 */

export const SERVICE_CASE_STATUSES = {
  accepted: '已受理',
  processing: '办理中',
  awaitingSupplement: '等待补正',
  completed: '已办结',
  refused: '不予受理',
  informed: '一次性告知（未受理）',
} as const;
export type ServiceCaseStatus = keyof typeof SERVICE_CASE_STATUSES;

/** 办结结果 */
export const SERVICE_CASE_RESULTS = { approved: '准予（办结）', rejected: '不予批准', withdrawn: '申请人撤回' } as const;
export type ServiceCaseResult = keyof typeof SERVICE_CASE_RESULTS;
export const SERVICE_CASE_RESULT_KEYS = Object.keys(SERVICE_CASE_RESULTS) as [ServiceCaseResult, ...ServiceCaseResult[]];

/** How the window answers an application at intake. */
export const INTAKE_DECISIONS = { accept: '受理', refuse: '不予受理', inform: '一次性告知' } as const;
export type IntakeDecision = keyof typeof INTAKE_DECISIONS;

export const SERVICE_CASE_ACTIONS = {
  startHandling: '开始办理',
  requestSupplement: '补正材料（一次性告知）',
  receiveSupplement: '收到补正材料',
  complete: '办结',
  escalate: '逾期视为同意，移交中心',
} as const;
export type ServiceCaseAction = keyof typeof SERVICE_CASE_ACTIONS;
export const SERVICE_CASE_ACTION_KEYS = Object.keys(SERVICE_CASE_ACTIONS) as [ServiceCaseAction, ...ServiceCaseAction[]];

const ALLOWED: Record<ServiceCaseAction, ServiceCaseStatus[]> = {
  startHandling: ['accepted'],
  requestSupplement: ['accepted', 'processing'],
  receiveSupplement: ['awaitingSupplement'],
  complete: ['accepted', 'processing', 'awaitingSupplement'],
  escalate: ['accepted', 'processing'],
};

export function canTake(action: ServiceCaseAction, status: ServiceCaseStatus): boolean {
  return ALLOWED[action].includes(status);
}

export function nextStatus(action: ServiceCaseAction, status: ServiceCaseStatus): ServiceCaseStatus {
  if (!canTake(action, status)) throw new RangeError(`${action} not allowed in ${status}`);
  switch (action) {
    case 'startHandling': return 'processing';
    case 'requestSupplement': return 'awaitingSupplement';
    case 'receiveSupplement': return 'processing';
    case 'complete': return 'completed';
    case 'escalate': return status;
  }
}

/** A case counts as accepted (受理) for statistics unless it was refused or only informed. */
export const isAcceptedStatus = (status: ServiceCaseStatus): boolean => status !== 'refused' && status !== 'informed';
/** A withdrawal needs no decision, so only approved and rejected need reasons given for rejections. */
export const resultNeedsReason = (result: ServiceCaseResult): boolean => result === 'rejected';
