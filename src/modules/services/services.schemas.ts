/** Request bodies of 政务服务, shared by the API and the OpenAPI document. */
import { z } from 'zod';
import { INTAKE_DECISIONS, SERVICE_CASE_ACTION_KEYS, SERVICE_CASE_RESULT_KEYS } from '../../domain/services/case-state.js';
import { BUSINESS_STAGES, LIFE_EVENTS, SERVICE_ITEM_KIND_KEYS, SERVICE_ITEM_KINDS } from '../../domain/services/service-items.js';
import { isoDate } from '../../http/schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const phone = z.string().trim().regex(/^[0-9+\-() ]{0,40}$/, '电话号码只能包含数字、空格和 + - ( )').optional();
const limit = z.number().int().min(0).max(3650);

export const guideSchema = z.object({
  basis: optionalText(4000).describe('设定依据'),
  conditions: optionalText(4000).describe('受理条件'),
  materials: z.array(z.object({
    key: z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, '材料标识只能由字母、数字、下划线和连字符组成'),
    name: text(200), copies: optionalText(50), note: optionalText(500),
  })).max(100).optional().describe('申请材料'),
  steps: z.array(z.object({ name: text(100), who: optionalText(100), limit: optionalText(100) })).max(30).optional().describe('办理流程（环节）'),
  fees: optionalText(1000).describe('收费标准；不收费的写“不收费”'),
  feeBasis: optionalText(1000).describe('收费依据'),
  location: optionalText(300).describe('办理地点（窗口）'),
  hours: optionalText(300).describe('办理时间'),
  consultPhone: phone.describe('咨询电话'),
  complaintPhone: phone.describe('监督投诉电话'),
  online: z.boolean().optional().describe('是否可网上办理'),
  lifeEvents: z.array(z.enum(Object.keys(LIFE_EVENTS) as [string, ...string[]])).max(10).optional().describe('面向个人的人生事件'),
  businessStages: z.array(z.enum(Object.keys(BUSINESS_STAGES) as [string, ...string[]])).max(10).optional().describe('面向企业的经营阶段'),
});

export const newItemSchema = z.object({
  orgCode: text(64).describe('实施机关的机构代码'),
  name: text(200).describe('事项名称'),
  kind: z.enum(SERVICE_ITEM_KIND_KEYS).describe(Object.entries(SERVICE_ITEM_KINDS).map(([k, v]) => `${k} ${v}`).join(' / ')),
  legalLimitDays: limit.describe('法定办结时限（工作日）'),
  promisedLimitDays: limit.describe('承诺办结时限（工作日），0 为即办件；不得超过法定时限'),
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,64}$/, '只能由2至64位字母、数字和连字符组成').optional().describe('事项编码；不填时自动生成'),
  deemedApproval: z.boolean().optional().describe('逾期视为同意：超过承诺时限未作决定的，移交中心并标记'),
  guide: guideSchema.optional().describe('办事指南'),
});

export const newCaseSchema = z.object({
  itemCode: text(64).describe('事项编码'),
  applicant: z.object({
    type: z.enum(['natural', 'legalPerson']).describe('natural 自然人 / legalPerson 法人或其他组织'),
    name: text(100).describe('姓名或名称'),
    idNumber: z.string().trim().min(9).max(40).describe('身份证号码或统一社会信用代码'),
    phone: z.string().trim().regex(/^[0-9+\-() ]{7,20}$/, '联系电话格式不正确').describe('联系电话'),
  }),
  acceptedOn: isoDate.optional().describe('受理日期，默认今天'),
  intake: z.enum(Object.keys(INTAKE_DECISIONS) as ['accept', 'refuse', 'inform']).optional().describe('accept 受理（默认）/ refuse 不予受理 / inform 一次性告知'),
  reason: optionalText(2000).describe('不予受理的理由'),
  missing: z.array(text(200)).max(50).optional().describe('一次性告知需要补充的材料'),
  windowId: z.number().int().positive().max(2_147_483_647).optional().describe('受理窗口；不填时为工作人员所在、该事项进驻的窗口'),
});

export const caseActionSchema = z.object({
  action: z.enum(SERVICE_CASE_ACTION_KEYS).describe('startHandling 开始办理 / requestSupplement 补正 / receiveSupplement 收到补正 / complete 办结'),
  onDate: isoDate.optional().describe('日期，默认今天'),
  result: z.enum(SERVICE_CASE_RESULT_KEYS).optional().describe('办结结果：approved 准予 / rejected 不予批准 / withdrawn 撤回'),
  reason: optionalText(2000).describe('不予批准的理由'),
  missing: z.array(text(200)).max(50).optional().describe('需要补正的全部材料（一次性告知）'),
  note: optionalText(1000),
});
