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

  // ---- 年度报告与统计

  // ---- 互动交流

  // ---- 表单字段: the Chinese names of input fields, for error messages that name the field
  /** Input fields by their API name (the last segment of a path such as applicant.name). */
  formField: {
    username: '用户名', password: '密码', currentPassword: '当前密码', newPassword: '新密码', displayName: '姓名或名称', login: '登录账号',
    roles: '角色', active: '是否启用', code: '机构代码', name: '名称', shortName: '简称', type: '类型', parentCode: '上级机构',
    address: '地址', officeHours: '办公时间', phone: '联系电话', fax: '传真', email: '电子邮箱', postalCode: '邮政编码', website: '网站',
    sortOrder: '排序', orgCode: '机构', org: '机构', from: '开始日期', to: '结束日期', days: '工作日数', date: '日期', year: '年度',
    working: '是否上班', cursor: '翻页位置', limit: '每页条数', action: '操作', targetType: '对象类型', targetId: '对象编号', q: '检索词',
    text: '文本', html: '正文', status: '状态', title: '标题', bodyHtml: '正文', body: '正文', disclosure: '公开属性', withheldGround: '不公开理由',
    withheldReason: '不公开说明', docKind: '文件类型', docNo: '发文字号', category: '信息类别', topic: '主题分类', keywords: '关键词',
    writtenOn: '成文日期', formedOn: '形成日期', interpretsItemId: '解读的政策文件', decision: '审核意见', comment: '意见', checklist: '审查清单',
    publishAt: '定时发布时间', resolution: '处理方式', reason: '理由', validity: '有效性', validityChangedOn: '有效性变更日期',
    replacedByIndexNo: '替代文件索引号', changeNote: '更正说明', indexNo: '索引号', format: '格式', acceptingOffice: '受理机构', channels: '申请渠道',
    process: '办理流程', fees: '收费', extra: '其他说明', applicant: '申请人', idType: '证件类型', idNumber: '证件号码',
    description: '所需信息描述', purpose: '用途', form: '载体形式', delivery: '获取方式', queryPassword: '查询密码', channel: '渠道',
    receivedOn: '收到日期', challenge: '验证问题', answer: '答复', trackingNo: '受理编号', pages: '页数', note: '说明', items: '补正内容',
    periodWorkingDays: '补正期限', party: '第三方', method: '方式', amount: '金额', basis: '收费依据', workingDays: '延长工作日数',
    outcome: '答复类型', dueOn: '期限', overview: '总体情况', problems: '存在的主要问题及改进情况', other: '其他需要报告的事项',
    externalFigures: '系统外数据', sources: '数据来源', caseNo: '案号', stage: '阶段', result: '结果', filedOn: '立案日期', closedOn: '结案日期',
    subject: '标题', question: '咨询内容', askerName: '姓名', contact: '联系方式', publish: '是否公开', key: '设置项', value: '设置内容',
    label: '材料名称', file: '文件', fileName: '文件名',
    'applicant.name': '申请人姓名或名称', 'challenge.id': '验证问题', 'challenge.answer': '验证问题的回答', challengeAnswer: '验证问题的回答', challengeId: '验证问题',
  },

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
