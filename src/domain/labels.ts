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
import { CONCERN_LABELS } from './labels/concerns.js';
import { MESSAGE_LABELS } from './labels/messages.js';
import { SOLICITATION_LABELS } from './labels/solicitation.js';
import { SEARCH_LABELS } from './labels/search.js';
import { SERVICES_LABELS } from './labels/services.js';
import { FAQ_LABELS } from './labels/faq.js';

/** Capabilities that keep their labels in a file of their own (src/domain/labels/*.ts). */
const PARTS = [MESSAGE_LABELS, SOLICITATION_LABELS, CONCERN_LABELS, SEARCH_LABELS, SERVICES_LABELS, FAQ_LABELS] as const;
const merged = <K extends keyof (typeof PARTS)[number]>(key: K) => Object.assign({}, ...PARTS.map((p) => p[key])) as (typeof PARTS)[number][K];

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
  reviewStep: { draft: '起草', deptReview: '科室负责人审核', confidentialityReview: '保密审查', leaderApproval: '分管领导审批', scheduled: '定时发布' },
  reviewDecision: {
    submit: '提交审核', approve: '通过', return: '退回修改',
    reschedule: '修改发布时间', unschedule: '取消定时发布', publishNow: '立即发布', publishScheduled: '按时发布',
  },
  confidentialityCheck: CONFIDENTIALITY_CHECKLIST,
  findingType: { idCard: '身份证号', mobile: '手机号码', bankCard: '银行卡号', email: '电子邮箱', sensitiveWord: '敏感词' },
  findingStatus: { open: '待处理', redacted: '已脱敏', accepted: '保留（已说明理由）' },
  /** Where a finding stands: the title and text, or an attachment. */
  findingSource: { body: '标题或正文', attachment: '附件' },
  /** The fields of an item, as the version comparison and the console name them. */
  itemField: {
    title: '标题', bodyHtml: '正文', disclosure: '公开属性', withheldGround: '不主动公开的理由', withheldReason: '理由说明',
    docKind: '文件类型', docNo: '发文字号', category: '信息类别', topic: '主题分类', keywords: '关键词', writtenOn: '成文日期',
    formedOn: '形成或变更日期', validity: '有效性', interpretsItemId: '解读的政策文件', indexNo: '索引号', publishedOn: '发布日期',
    updatedAt: '最后更新', createdAt: '创建时间', orgName: '发布机构', status: '状态', publicationDue: '公开期限', scheduledAt: '定时发布时间',
  },
  /** Which date the staff item list filters on. */
  itemDateField: { updated: '最后更新', published: '发布日期', written: '成文日期', formed: '形成或变更日期' },

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
  /** Figures of table 二 entered by hand, by cell key (annual_report_drafts.external_figures). */
  reportFigure: {
    'licensing.decisions': '行政许可决定数', 'penalties.decisions': '行政处罚决定数', 'enforcement.decisions': '行政强制决定数',
    'fees.amountTenThousandYuan': '行政事业性收费金额（万元）',
  },

  // ---- 互动交流 and other capabilities with their own file (src/domain/labels/*.ts)
  ...MESSAGE_LABELS.vocabularies,
  ...SOLICITATION_LABELS.vocabularies,
  ...CONCERN_LABELS.vocabularies,
  ...SEARCH_LABELS.vocabularies,
  ...SERVICES_LABELS.vocabularies,
  ...FAQ_LABELS.vocabularies,

  // ---- 表单字段: the Chinese names of input fields, for error messages that name the field
  /**
   * Keyed by the field's path in the API (`applicant.name`) or its last name (`title`), for every
   * route's body, query and path parameters and the portal's forms; array positions are ignored.
   * src/http/error-handler.ts builds the messages; test/api/form-errors.test.ts checks every field of the API has one.
   */
  formField: {
    // 主动公开
    title: '标题', bodyHtml: '正文', disclosure: '公开属性', withheldGround: '不予主动公开的法定理由', withheldReason: '不予主动公开的理由说明',
    docKind: '文件类型', docNo: '发文字号', category: '信息类别', topic: '主题分类', keywords: '关键词', writtenOn: '成文日期', formedOn: '形成日期',
    interpretsItemId: '解读的文件', validity: '有效性', validityChangedOn: '有效性变更日期', replacedByIndexNo: '替代文件的索引号', changeNote: '更正说明',
    decision: '审核结论', comment: '意见', publishAt: '定时发布时间', checklist: '保密审查事项', 'checklist.stateSecret': '是否涉及国家秘密的审查',
    'checklist.tradeSecret': '是否涉及商业秘密的审查', 'checklist.privacy': '是否涉及个人隐私的审查', 'checklist.threeSecurityOneStability': '是否危及“三安全一稳定”的审查',
    resolution: '处理方式', reason: '理由', indexNo: '索引号', serial: '序号', attachmentId: '附件', findingId: '检查发现的问题', attachments: '附件', text: '待检查的文字',
    // 依申请公开
    applicant: '申请人信息', 'applicant.type': '申请人类型', 'applicant.name': '申请人姓名或名称', 'applicant.idType': '证件类型', 'applicant.idNumber': '证件号码',
    'applicant.phone': '联系电话', 'applicant.email': '电子邮箱', 'applicant.address': '通信地址', applicantType: '申请人类型', idType: '证件类型', idNumber: '证件号码',
    description: '所需政府信息的描述', purpose: '用途', form: '获取信息的载体形式', delivery: '获取信息的方式', queryPassword: '查询密码', 'x-query-password': '查询密码',
    registeredMail: '是否挂号信', receivedOn: '收到日期', trackingNo: '受理编号', documentId: '文书', action: '办理操作', items: '需要补正的内容',
    periodWorkingDays: '补正期限（工作日）', party: '征求意见的对象', method: '方式', pages: '页数', amount: '金额', basis: '收费依据', workingDays: '延长的工作日数',
    outcome: '办理结果', thirdPartyNotice: '是否书面告知第三方', dueOn: '答复期限', challenge: '验证问题', 'challenge.id': '验证问题', 'challenge.answer': '验证问题的答案',
    challengeId: '验证问题', challengeAnswer: '验证问题的答案',
    // 年度报告与统计
    overview: '总体情况', problems: '存在的主要问题及改进情况', other: '其他需要报告的事项', externalFigures: '手工填写的数据', sources: '数据来源', note: '说明',
    caseNo: '案件编号', stage: '案件阶段', result: '结果', filedOn: '收案日期', closedOn: '结案日期', rollup: '是否汇总下级机关', draft: '是否草稿', year: '年份',
    // 互动交流
    subject: '标题', channel: '渠道', answer: '答复内容',
    // 机构、账号、日历、设置
    code: '机构代码', name: '名称', shortName: '简称', type: '类型', parentCode: '上级机构', address: '地址', officeHours: '办公时间', phone: '联系电话', fax: '传真',
    email: '电子邮箱', postalCode: '邮政编码', website: '网站', sortOrder: '排列顺序', orgCode: '机构', org: '机构', acceptingOffice: '受理机构', channels: '受理渠道',
    process: '办理流程', fees: '收费说明', extra: '其他内容', username: '用户名', password: '密码', passwordConfirm: '再次输入的密码', currentPassword: '当前密码',
    newPassword: '新密码', displayName: '姓名', roles: '角色', active: '是否启用', login: '手机号码或电子邮箱', date: '日期', days: '天数', working: '是否工作日',
    key: '设置项', value: '设置内容', id: '编号',
    // 检索、列表与导出
    q: '关键词', from: '起始日期', to: '截止日期', status: '状态', cursor: '翻页位置', limit: '每页条数', targetType: '对象类型', targetId: '对象编号',
    dateField: '日期类型', sort: '排序字段', order: '排序方向', page: '页码', pageSize: '每页条数', ids: '所选记录', baseVersion: '所编辑的版本',
    // 其他
    open: '是否只看未处理', actor: '操作人', receivedFrom: '收到日期（起）', receivedTo: '收到日期（止）', due: '期限情况', responsibleOrgCode: '负责公开该信息的机关',
    html: '正文', body: '正文', label: '材料名称', fileName: '文件名',
    format: '文件格式', dryRun: '是否仅检查', file: '文件', largeText: '大字号', highContrast: '高对比度', back: '返回地址', linked: '加入的申请', _csrf: '表单校验码',
    ...merged('formField'),
  },


  // ---- 审计日志
  auditTargetType: {
    item: '信息', request: '依申请公开', report: '年度报告', user: '账号', org: '机构', calendar: '工作日历', settings: '系统设置',
    guide: '公开指南', applicant: '申请人账户', system: '系统', audit: '审计日志',
    annualReport: '年度报告', applicantAccount: '申请人账户', calendarDay: '工作日历', calendarYear: '年度节假日', reviewCase: '复议诉讼案件',
    securityAlert: '安全提醒', setting: '系统设置',
    ...merged('auditTargetType'),
  },
  /** The first part of an audit action, for filtering the log by kind of work. */
  auditCategory: {
    auth: '登录与令牌', applicant: '申请人账户', security: '安全提醒', user: '用户与角色', org: '组织机构', calendar: '工作日历',
    settings: '系统设置', system: '系统', guide: '公开指南', item: '主动公开', request: '依申请公开', report: '年度报告',
    ...merged('auditCategory'),
  },
  /** Every action the code records in the audit trail (recordAudit's `action`). */
  auditAction: {
    'auth.login': '登录控制台', 'auth.token': '签发接口令牌', 'auth.logout': '退出登录', 'auth.failed': '登录失败',
    'auth.locked': '登录失败过多，暂停该地址登录', 'auth.throttled': '账号登录减速', 'auth.failuresReset': '登录失败计数清零',
    'applicant.register': '注册申请人账户', 'applicant.login': '申请人登录', 'applicant.logout': '申请人退出登录', 'applicant.failed': '申请人登录失败',
    'applicant.locked': '申请人登录失败过多，暂停该地址登录', 'applicant.throttled': '申请人账户登录减速', 'applicant.failuresReset': '申请人登录失败计数清零',
    'applicant.linkRequest': '申请加入申请人账户', 'security.acknowledgeAlert': '处理安全提醒',
    'user.create': '新建用户', 'user.update': '修改用户', 'user.resetPassword': '重置密码', 'user.unlock': '解除登录锁定', 'user.changePassword': '修改本人密码',
    'org.create': '新建机构', 'org.update': '修改机构', 'org.delete': '删除机构',
    'calendar.setDay': '设置节假日或调休', 'calendar.removeDay': '删除日历调整', 'calendar.confirmYear': '确认年度节假日安排',
    'settings.update': '修改系统设置', 'system.seed': '初始化示例数据', 'guide.save': '保存公开指南',
    'item.create': '起草信息', 'item.update': '修改信息草稿', 'item.submit': '提交审核', 'item.approve': '审核通过', 'item.return': '退回修改',
    'item.finding.redact': '隐私检查：脱敏处理', 'item.finding.accept': '隐私检查：保留并说明理由', 'item.attach': '添加附件', 'item.detach': '删除附件',
    'item.withdraw': '撤回信息', 'item.correct': '更正信息', 'item.publishScheduled': '定时发布', 'item.importCatalog': '导入历史公开目录',
    'request.submit': '提交申请', 'request.attach': '添加申请材料', 'request.revealPersonalData': '查看完整个人信息',
    'request.confirmReceipt': '确认收到申请', 'request.requestSupplement': '要求补正', 'request.receiveSupplement': '收到补正材料',
    'request.abandonForNoSupplement': '视为放弃（逾期未补正）', 'request.startConsultation': '征求第三方意见', 'request.endConsultation': '征求意见结束',
    'request.issueFeeNotice': '发出收费通知', 'request.recordFeePaid': '登记已缴费', 'request.abandonForUnpaidFee': '视为放弃（逾期未缴费）',
    'request.extend': '延长答复期限', 'request.transfer': '转送其他机关', 'request.assign': '交办承办部门', 'request.draftReply': '拟写答复',
    'request.returnReply': '退回答复稿', 'request.approveReply': '审核签发答复', 'request.reply': '作出答复', 'request.requestExplanation': '要求申请人说明理由', 'request.rejectExcessive': '不予处理（申请理由不合理）',
    'request.setLaterReplyDate': '确定延迟答复期限', 'request.recordDelivery': '登记送达', 'request.archive': '归档',
    'report.saveDraft': '保存年度报告草稿', 'report.publish': '发布年度报告', 'report.importLedger': '导入纸质申请台账', 'report.addReviewCase': '登记行政复议或诉讼',
    ...merged('auditAction'),
  },
  /** The fields of audit summaries (what changed), where they differ from the form fields' names. */
  auditField: {
    before: '变更前', after: '变更后', input: '填写内容', account: '账号', ip: '网络地址', failures: '失败次数', lockedMinutes: '暂停分钟数',
    orgId: '机构', assignedOrgId: '承办部门', version: '版本', step: '审核环节', findingType: '发现类型', masked: '脱敏后内容',
    attachmentId: '附件编号', kind: '文件类型', size: '文件大小', fields: '填写的栏目', rows: '导入行数', accountId: '申请人账户编号',
    orgs: '机构数', accounts: '账号数', rollup: '含下级机关汇总', thirdPartyNotice: '书面告知第三方', supplementRequestedOn: '要求补正日期',
    supplementDueOn: '补正截止日期', supplementReceivedOn: '收到补正日期', completedOn: '办结日期', outcomeNote: '答复说明', replyDraft: '答复稿',
    draftedBy: '拟稿人编号', draftedByName: '拟稿人', draftedOn: '拟稿日期', extensionDays: '延长工作日数', feeAmount: '信息处理费（元）',
    applicantType: '申请人类型', archivedOn: '归档日期', deliveredOn: '送达日期', deliveryNote: '送达方式', excessiveReplyDueOn: '延迟答复期限', registeredMail: '挂号信',
    ...merged('auditField'),
  },
  /** Settings an administrator changes (settings.key; per-body keys end with :机构代码). */
  settingKey: { topics: '主题分类', sensitiveWords: '敏感词', categories: '信息类别', publicationLimit: '发布时限' },
} as const;

export type Vocabulary = keyof typeof LABELS;

/** The Chinese word for a code; an unknown code reads as 其他 (the key itself is never shown). */
export function labelOf(vocabulary: Vocabulary, key: string | null | undefined, fallback = '其他'): string {
  if (key === null || key === undefined || key === '') return '';
  const table = LABELS[vocabulary] as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : fallback;
}
