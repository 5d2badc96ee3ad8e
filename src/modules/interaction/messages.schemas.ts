/** Request bodies of 互动交流, shared by the API, the portal forms and the OpenAPI document. */
import { z } from 'zod';
import { isoDate } from '../../http/schemas.js';
import { LABELS } from '../../domain/labels.js';
import type { MessageChannel, MessageRating, MessageStatus, MessageType } from '../../db/tables/interaction.js';

const keys = <T extends string>(o: Record<T, string>) => Object.keys(o) as [T, ...T[]];
export const messageType = z.enum(keys<MessageType>(LABELS.messageType)).describe('来信类型：咨询、建议、质疑、投诉、举报');
export const messageChannel = z.enum(keys<MessageChannel>(LABELS.messageChannel)).describe('来信渠道');
export const messageStatus = z.enum(keys<MessageStatus>(LABELS.messageStatus));
export const messageRating = z.enum(keys<MessageRating>(LABELS.messageRating));

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const newMessageSchema = z.object({
  orgCode: text(1, 64).describe('受理机关的机构代码'),
  box: z.string().trim().min(1).max(40).optional().describe('信箱代码（默认为该机关的主信箱，如县长信箱）'),
  type: messageType,
  subject: text(2, 100).describe('标题，不超过100字'),
  body: text(5, 5000).describe('来信内容，不超过5000字'),
  sender: z.object({
    name: text(1, 50),
    phone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, '联系电话格式不正确，请填写手机或固定电话号码'),
    email: z.string().trim().email('电子邮箱格式不正确').max(100).optional(),
  }),
  publicReply: z.boolean().describe('是否同意公开来信和答复（公开时隐去姓名和联系方式）'),
  queryPassword: z.string().min(6, '查询密码至少6位').max(64),
  channel: messageChannel.optional().describe('公开办登记：来信到达的渠道'),
  receivedOn: isoDate.optional().describe('公开办登记：收到日期（默认今天）'),
  challenge: z.object({ id: z.string().max(200), answer: z.string().max(10) }).optional().describe('公众提交时必填的验证问题'),
});

export const ratingSchema = z.object({
  rating: messageRating.describe('满意、基本满意或不满意'),
  comment: z.string().trim().max(500).optional(),
});

export const statisticsQuery = z.object({
  from: isoDate, to: isoDate,
  rollup: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

const reason = text(2, 1000);
export const handlingSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), note: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal('transfer'), toOrgCode: text(1, 64), reason }),
  z.object({ action: z.literal('refer'), reason }),
  z.object({ action: z.literal('convert'), note: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal('markDuplicate'), duplicateOf: text(3, 40) }),
  z.object({ action: z.literal('close'), reason }),
  z.object({ action: z.literal('assign'), assignedOrgCode: text(1, 64), note: z.string().trim().max(1000).optional() }),
  z.object({ action: z.literal('draft'), reply: text(2, 5000) }),
  z.object({ action: z.literal('returnDraft'), reason }),
  z.object({ action: z.literal('approve'), reply: text(2, 5000).optional() }),
  z.object({ action: z.literal('extend'), days: z.number().int().min(1).max(10, '最多延长10个工作日'), reason }),
  z.object({ action: z.literal('publish') }),
  z.object({ action: z.literal('unpublish'), reason: z.string().trim().max(1000).optional() }),
]);

export const staffListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: messageStatus.optional(),
  type: messageType.optional(),
  channel: messageChannel.optional(),
  box: z.string().trim().max(100).optional().describe('信箱：机构代码/信箱代码'),
  orgCode: z.string().trim().max(64).optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === undefined ? undefined : v === 'true'),
  dueSoon: z.enum(['true', 'false']).optional().transform((v) => v === undefined ? undefined : v === 'true').describe('即将到期：2个工作日内到期'),
  from: isoDate.optional(), to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const bulkAssignSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(200), assignedOrgCode: text(1, 64) });

export const mailboxSchema = z.object({
  name: text(2, 30),
  acceptedTypes: z.array(messageType).min(1, '请至少选择一种来信类型'),
  replyLimits: z.partialRecord(messageType, z.number().int().min(1).max(60, '答复期限不超过60个工作日')),
  introduction: z.string().trim().max(2000),
});

export const templateSchema = z.object({ templateTitle: text(2, 50), templateText: text(2, 5000) });
