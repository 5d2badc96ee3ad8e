/**
 * Labels of 政务服务 (issue 14): merged into the one table in src/domain/labels.ts (LABELS), so the
 * API, the console and exports read them from there. Each part lands in the vocabulary of the same name.
 */
import { INTAKE_DECISIONS, SERVICE_CASE_ACTIONS, SERVICE_CASE_RESULTS, SERVICE_CASE_STATUSES } from '../services/case-state.js';
import { RATING_LABELS } from '../services/rates.js';
import { BUSINESS_STAGES, LIFE_EVENTS, SERVICE_ITEM_KINDS, SERVICE_ITEM_STATUSES, SERVICE_LISTS } from '../services/service-items.js';

export const SERVICES_LABELS = {
  vocabularies: {
    serviceItemKind: SERVICE_ITEM_KINDS,
    serviceItemStatus: SERVICE_ITEM_STATUSES,
    serviceList: SERVICE_LISTS,
    lifeEvent: LIFE_EVENTS,
    businessStage: BUSINESS_STAGES,
    serviceCaseStatus: SERVICE_CASE_STATUSES,
    serviceCaseResult: SERVICE_CASE_RESULTS,
    serviceCaseAction: SERVICE_CASE_ACTIONS,
    intakeDecision: INTAKE_DECISIONS,
    serviceApplicantType: { natural: '自然人', legalPerson: '法人或其他组织' },
    ratingLevel: RATING_LABELS as Record<string, string>,
    ratingChannel: { online: '网上评价', onSite: '现场评价', ledger: '台账导入' },
    rectificationStatus: { verifying: '核实中', rectifying: '整改中', unjustified: '核实不属实', closed: '已整改回访', appealed: '申诉复核中', appealUpheld: '申诉成立（评价不计入）', appealRejected: '申诉不成立' },
    caseNotice: { acceptance: '受理通知书', refusal: '不予受理通知书', supplement: '补正材料通知书', completion: '办结通知' },
    dueState: { normal: '正常', approaching: '临近时限', overdue: '已超期' },
    centreType: { county: '县级政务服务中心', township: '乡镇（街道）便民服务中心' },
  },
  formField: {
    itemCode: '事项编码', legalLimitDays: '法定办结时限（工作日）', promisedLimitDays: '承诺办结时限（工作日）', acceptedOn: '受理日期',
    completedOn: '办结日期', rating: '评价', level: '评价等级', intake: '受理结果', deemedApproval: '逾期视为同意', windowId: '窗口',
    centreId: '服务中心', lifeEvent: '人生事件', businessStage: '企业经营阶段', online: '是否可网上办理', consultPhone: '咨询电话',
    complaintPhone: '监督投诉电话', conditions: '受理条件', materials: '申请材料', steps: '办理流程', hours: '办理时间', location: '办理地点',
    feeBasis: '收费依据', guide: '办事指南', lifeEvents: '人生事件', businessStages: '企业经营阶段', missing: '需要补充的材料', onDate: '办理日期',
    'guide.basis': '设定依据', 'guide.materials.key': '材料标识', 'guide.materials.name': '材料名称', 'guide.materials.copies': '材料份数',
    'guide.materials.note': '材料说明', 'guide.steps.name': '环节名称', 'guide.steps.who': '办理人员', 'guide.steps.limit': '环节时限', warningDays: '预警提前工作日数', chiefUserId: '首席代表', materialKey: '申请材料', version: '版本', notice: '通知书', number: '窗口编号', month: '月份', handledBy: '经办人', justified: '差评是否属实', upheld: '申诉是否成立', clerkUserIds: '窗口工作人员', itemCodes: '进驻事项',
  },
  auditAction: {
    'service.item.create': '新建政务服务事项',
    'service.item.draft': '起草政务服务事项新版本',
    'service.item.submit': '提交政务服务事项审核',
    'service.item.publish': '审核通过并发布政务服务事项',
    'service.item.return': '退回政务服务事项修改',
    'service.item.attach': '上传申请材料的表格或样本',
    'service.centre.create': '新建政务服务中心',
    'service.window.create': '新建服务窗口',
    'service.window.update': '修改服务窗口',
    'service.rating.create': '好差评：评价办件',
    'service.rectification.verify': '差评整改：核实',
    'service.rectification.rectify': '差评整改：登记整改情况',
    'service.rectification.callback': '差评整改：回访办结',
    'service.rectification.appeal': '差评整改：申诉',
    'service.rectification.decideAppeal': '差评整改：复核申诉',
    'service.case.register': '登记办件',
    'service.case.importLedger': '导入办件台账',
    'service.case.startHandling': '办件：开始办理',
    'service.case.requestSupplement': '办件：一次性告知补正材料',
    'service.case.receiveSupplement': '办件：收到补正材料',
    'service.case.complete': '办件：办结',
    'service.case.escalate': '办件：逾期视为同意，移交中心',
  },
  auditTargetType: { serviceItem: '政务服务事项', serviceCase: '办件', serviceWindow: '服务窗口', serviceCentre: '政务服务中心' },
  auditCategory: { service: '政务服务' },
  auditField: { itemName: '事项', itemKind: '事项类型', itemNames: '进驻事项', people: '窗口工作人员', chiefName: '首席代表', material: '申请材料', fileKind: '文件类别', ratingChannel: '评价渠道', centreType: '中心类型', warningDays: '预警提前工作日数', number: '窗口编号', level: '评价等级', channel: '评价渠道', note: '说明', clerkUserIds: '窗口工作人员', itemCodes: '进驻事项', chiefUserId: '首席代表', materialKey: '申请材料', fileName: '文件名', comment: '意见', dueOn: '办结时限', promisedLimitDays: '承诺办结时限', itemCode: '事项编码', caseNo: '办件编号' },
} as const;
