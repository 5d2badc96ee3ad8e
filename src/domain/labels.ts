/**
 * The one table of words shown to people for the platform's codes: the API adds them to what it
 * returns, the console bundles this module (it is pure data), and exports (CSV, XLSX, DOCX) read it.
 * A code never reaches a person: `labelOf` falls back to a neutral Chinese word, never to the key.
 *
 * Vocabularies that already have a home in the domain (roles, body types, statuses, outcomes,
 * withholding grounds) are referenced here, not copied.
 */
import { CONFIDENTIALITY_CHECKLIST, STATUS_LABELS as ITEM_STATUS_LABELS, WITHHELD_GROUNDS } from './item-workflow.js';
import { ORG_TYPES } from './org-types.js';
import { OUTCOMES } from './request-outcomes.js';
import { STATUS_LABELS as REQUEST_STATUS_LABELS } from './request-state.js';
import { ROLES } from './roles.js';

const OUTCOME_LABELS: Record<string, string> = Object.fromEntries(OUTCOMES.map((o) => [o.key, o.label]));

export const LABELS = {
  role: ROLES,
  orgType: ORG_TYPES,

  // ---- 主动公开
  itemStatus: ITEM_STATUS_LABELS,
  /** 公开属性 */
  disclosure: { proactive: '主动公开', onRequest: '依申请公开', withheld: '不予公开' },
  withheldGround: WITHHELD_GROUNDS,
  /** 文件类型 */
  docKind: { rule: '规章', normative: '行政规范性文件', other: '其他文件' },
  validity: { valid: '有效', lapsed: '失效', repealed: '废止', revised: '已修订' },
  /** The step an item review row was taken at (item_reviews.step). */
  reviewStep: { draft: '起草', deptReview: '科室负责人审核', confidentialityReview: '保密审查', leaderApproval: '分管领导审批' },
  reviewDecision: { submit: '提交审核', approve: '通过', return: '退回修改' },
  confidentialityCheck: CONFIDENTIALITY_CHECKLIST,
  findingType: { idCard: '身份证号', mobile: '手机号码', bankCard: '银行卡号', email: '电子邮箱', sensitiveWord: '敏感词' },
  findingStatus: { open: '待处理', redacted: '已脱敏', accepted: '保留（已说明理由）' },

  // ---- 依申请公开
  requestStatus: REQUEST_STATUS_LABELS,
  outcome: OUTCOME_LABELS,
  /** 申请方式 (requests.channel) */
  requestChannel: {
    online: '网上申请', letter: '信函申请', registeredLetter: '信函申请（挂号信）', inPerson: '当面申请', email: '电子邮件申请',
    fax: '传真申请', oral: '口头申请', other: '其他方式',
  },
  /** 申请人类型: the column keys of the annual report's table 三 */
  applicantType: { natural: '自然人', commercial: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legalService: '法律服务机构', otherOrg: '其他' },
  idType: { idCard: '居民身份证', passport: '护照', creditCode: '统一社会信用代码', other: '其他证件' },
  /** 载体形式 */
  requestForm: { paper: '纸质', electronic: '电子', inspection: '当场阅读、抄录' },
  /** 获取方式 */
  requestDelivery: { post: '邮寄', email: '电子邮件', pickup: '自行领取', online: '网上获取' },
  pauseReason: { consultation: '征求意见', fee: '缴纳信息处理费', supplement: '等待补正' },
  /** 办理操作 (the handling actions, as the console's buttons name them) */
  requestAction: {
    confirmReceipt: '确认收到', requestSupplement: '要求补正', receiveSupplement: '收到补正', abandonForNoSupplement: '逾期未补正',
    startConsultation: '征求意见', endConsultation: '收到征求意见答复', issueFeeNotice: '发出收费通知', recordFeePaid: '登记缴费',
    abandonForUnpaidFee: '逾期未缴费', extend: '延长答复期限', transfer: '转办', assign: '交办', draftReply: '拟写答复',
    returnReply: '退回答复稿', approveReply: '审核签发', reply: '答复', setLaterReplyDate: '确定延迟答复期限',
    requestExplanation: '要求说明理由', rejectExcessive: '不予处理（理由不合理）', recordDelivery: '登记送达', archive: '归档',
  },
  /** 申请列表的排序 */
  requestSort: { newest: '最新登记在前', oldest: '最早登记在前', receivedOn: '收到日期（近→远）', dueOn: '答复期限（近→远）' },
  /** 申请列表的期限筛选 */
  requestDue: { overdue: '已逾期', dueSoon: '5个工作日内到期' },
  /** 申请方式 as a filter (信函 covers ordinary and registered letters) */
  requestChannelFilter: { online: '网上申请', letter: '信函申请', inPerson: '当面申请', email: '电子邮件申请', fax: '传真申请', oral: '口头申请' },

  // ---- 年度报告与统计

  // ---- 互动交流

  // ---- 表单字段: the Chinese names of input fields, for error messages that name the field

  // ---- 审计日志
  auditTargetType: {
    item: '信息', request: '依申请公开', report: '年度报告', user: '账号', org: '机构', calendar: '工作日历', settings: '系统设置',
    guide: '公开指南', consultation: '咨询', applicant: '申请人账户', system: '系统', audit: '审计日志',
  },
} as const;

export type Vocabulary = keyof typeof LABELS;

/** The Chinese word for a code; an unknown code reads as 其他 (the key itself is never shown). */
export function labelOf(vocabulary: Vocabulary, key: string | null | undefined, fallback = '其他'): string {
  if (key === null || key === undefined || key === '') return '';
  const table = LABELS[vocabulary] as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : fallback;
}
