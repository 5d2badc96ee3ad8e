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

/** The decision of a reply or a draft; the explanation each outcome needs is checked by the service (request-outcomes.ts). */
const replyFields = {
  outcome: z.enum(OUTCOME_KEYS).describe('答复类型（年度报告的办理结果行）'),
  note: z.string().max(4000).optional().describe('说明：写入告知书；部分公开、不予公开、无法提供、不予处理等须说明理由（条例第三十六条至第三十九条）'),
  thirdPartyNotice: z.boolean().optional().describe('因公共利益决定公开时，书面告知第三方'),
  responsibleOrgCode: z.string().trim().min(1).max(64).optional().describe('本机关不掌握、由本平台其他机关负责公开时，该机关的机构代码'),
};

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
  z.object({ action: z.literal('draftReply'), ...replyFields }).describe('承办部门拟写答复，送政府信息公开工作机构负责人审核'),
  z.object({ action: z.literal('returnReply'), comment: text(1000) }).describe('退回答复稿'),
  z.object({ action: z.literal('approveReply'), note: z.string().max(500).optional() }).describe('审核签发答复稿（拟稿人以外的公开办负责人）'),
  z.object({ action: z.literal('reply'), ...replyFields }).describe('直接答复（逾期不补正、逾期未缴费、大量反复申请须通过各自的办理步骤）'),
  z.object({ action: z.literal('requestExplanation'), note: text(1000) }),
  z.object({ action: z.literal('rejectExcessive'), note: text(4000).describe('申请人未说明理由或理由不合理的情况') }).describe('条例第三十五条：要求说明理由后，理由不合理的，不予处理'),
  z.object({ action: z.literal('setLaterReplyDate'), dueOn: isoDate, reason: text(500) }).describe('条例第三十五条：理由合理但无法按期答复，确定延迟答复的合理期限'),
  z.object({ action: z.literal('recordDelivery'), method: z.enum(['邮寄', '电子邮件', '当面领取', '在线下载']), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('archive') }),
]);

/** Public applications per address: a person applies a few times, a script many. */
export function publicApplyRate(max: number) {
  return { max, timeWindow: '10 minutes' };
}

const STATUS_KEYS = ['submitted', 'processing', 'awaitingSupplement', 'paused', 'completed'] as const;

/** The filters of the handling list, shared by the list and its exports. */
export const listFilterSchema = z.object({
  trackingNo: z.string().trim().max(40).optional().describe('受理编号（精确）'),
  q: z.string().trim().max(100).optional().describe('在受理编号、申请人姓名或名称、所需信息中查找'),
  status: z.string().max(100).optional()
    .transform((v, ctx) => {
      const keys = v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
      const unknown = keys.filter((k) => !(STATUS_KEYS as readonly string[]).includes(k));
      if (unknown.length) ctx.addIssue({ code: 'custom', message: '办理状态无效，请从列表中选择。' });
      return keys.length ? keys : undefined;
    })
    .describe('办理状态，可用逗号分隔多个：submitted、processing、awaitingSupplement、paused、completed'),
  channel: z.enum(['online', 'letter', 'inPerson', 'email', 'fax', 'oral']).optional().describe('申请方式（letter 含挂号信）'),
  org: z.string().trim().max(64).optional().describe('办理机关的机构代码（含其下级机关）'),
  receivedFrom: isoDate.optional().describe('收到日期起'),
  receivedTo: isoDate.optional().describe('收到日期止'),
  due: z.enum(['overdue', 'dueSoon']).optional().describe('已逾期，或5个工作日内到期'),
  sort: z.enum(['newest', 'oldest', 'receivedOn', 'dueOn']).default('newest').describe('排序：最新登记、最早登记、收到日期、答复期限'),
});

export const listQuerySchema = listFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('上一页返回的 next'),
});

export const bulkActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), ids: z.array(z.number().int().positive()).min(1).max(100), orgCode: text(64).describe('承办部门的机构代码'), note: z.string().max(500).optional() }),
  z.object({ action: z.literal('approveReply'), ids: z.array(z.number().int().positive()).min(1).max(100), note: z.string().max(500).optional() }),
]);
