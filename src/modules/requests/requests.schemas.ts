/** Request bodies of 依申请公开, shared by the API and the OpenAPI document. */
import { z } from 'zod';
import { OUTCOME_KEYS } from '../../domain/request-outcomes.js';
import { isoDate } from '../../http/schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const applicantSchema = z.object({
  type: z.enum(['natural', 'commercial', 'research', 'nonprofit', 'legalService', 'otherOrg']).describe('申请人类型：自然人或法人/其他组织的子类'),
  name: text(100).describe('姓名或名称'),
  idType: z.enum(['idCard', 'passport', 'creditCode', 'other']).describe('证件类型'),
  idNumber: z.string().trim().min(3).max(40).describe('证件号码'),
  phone: z.string().trim().regex(/^[0-9+\-() ]{7,20}$/, '联系电话格式不正确').describe('联系电话'),
  email: z.string().trim().email('电子邮箱格式不正确').max(100).optional(),
  address: z.string().trim().max(200).optional(),
});

export const newRequestSchema = z.object({
  orgCode: z.string().trim().min(1).max(64).describe('受理机关的机构代码'),
  applicant: applicantSchema,
  description: text(4000).describe('所需信息的名称、文号或者便于查询的其他特征性描述'),
  purpose: z.string().trim().max(1000).optional(),
  form: z.enum(['paper', 'electronic', 'inspection']).describe('获取信息的载体形式：纸质/电子/查阅'),
  delivery: z.enum(['post', 'email', 'pickup', 'online']).describe('获取方式：邮寄/电子邮件/自行领取/在线下载'),
  queryPassword: z.string().min(8, '查询密码至少8位').max(64),
  channel: z.enum(['online', 'letter', 'inPerson', 'email', 'fax', 'oral']).optional().describe('工作人员登记时的收到渠道'),
  registeredMail: z.boolean().optional().describe('信函是否为挂号信（工作人员登记）'),
  receivedOn: isoDate.optional().describe('工作人员登记：签收或当面提交的日期'),
  challenge: z.object({ id: z.string().max(200), answer: z.string().max(10) }).optional().describe('公众提交时必填的验证问题'),
});

export const actionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirmReceipt'), receivedOn: isoDate.optional(), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('requestSupplement'), items: text(2000), periodWorkingDays: z.number().int().min(5).max(30) }),
  z.object({ action: z.literal('receiveSupplement'), receivedOn: isoDate.optional() }),
  z.object({ action: z.literal('abandonForNoSupplement'), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('startConsultation'), party: text(200), note: z.string().max(1000).optional() }),
  z.object({ action: z.literal('endConsultation'), answer: text(2000) }),
  z.object({
    action: z.literal('issueFeeNotice'),
    method: z.enum(['byCount', 'byPages']).optional().describe('按件或按量计收（国办函〔2020〕109号），由系统按标准计算金额和依据'),
    pages: z.number().int().min(0).max(1_000_000).optional().describe('按量计收的页数'),
    amount: z.number().int().min(1).max(1_000_000).optional().describe('未选择计收方式时手工填写的金额（元）'),
    basis: z.string().trim().min(1).max(500).optional(),
  }),
  z.object({ action: z.literal('recordFeePaid'), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('abandonForUnpaidFee'), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('extend'), workingDays: z.number().int().min(1).max(20), reason: text(500) }),
  z.object({ action: z.literal('transfer'), orgCode: text(64), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('assign'), orgCode: text(64).describe('承办部门的机构代码'), note: z.string().max(500).optional() }).describe('交办：由掌握信息的部门承办并拟写答复'),
  z.object({ action: z.literal('draftReply'), outcome: z.enum(OUTCOME_KEYS), note: z.string().max(4000).optional(), thirdPartyNotice: z.boolean().optional() }).describe('承办部门拟写答复，送政府信息公开工作机构负责人审核'),
  z.object({ action: z.literal('returnReply'), comment: text(1000) }).describe('退回答复稿'),
  z.object({ action: z.literal('approveReply'), note: z.string().max(500).optional() }).describe('审核签发答复稿（拟稿人以外的公开办负责人）'),
  z.object({ action: z.literal('reply'), outcome: z.enum(OUTCOME_KEYS), note: z.string().max(4000).optional(), thirdPartyNotice: z.boolean().optional().describe('因公共利益决定公开时，书面告知第三方') }),
  z.object({ action: z.literal('requestExplanation'), note: text(1000) }),
  z.object({ action: z.literal('setLaterReplyDate'), dueOn: isoDate, reason: text(500) }).describe('条例第三十五条：理由合理但无法按期答复，确定延迟答复的合理期限'),
  z.object({ action: z.literal('recordDelivery'), method: z.enum(['邮寄', '电子邮件', '当面领取', '在线下载']), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('archive') }),
]);

/** Public applications per address: a person applies a few times, a script many. */
export function publicApplyRate(max: number) {
  return { max, timeWindow: '10 minutes' };
}
