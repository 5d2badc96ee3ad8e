/** zod schemas of 意见征集, shared by the API routes and the portal form. */
import { z } from 'zod';
import { DRAFT_KINDS } from '../../domain/solicitation-period.js';
import { isoDate } from '../../http/schemas.js';

const article = z.object({
  heading: z.string().trim().max(50).optional().describe('条文序号，如“第一条”；空则按顺序编号'),
  text: z.string().trim().min(1).max(5000),
});

export const draftFields = {
  kind: z.enum(DRAFT_KINDS).describe('rule 规章 / normative 行政规范性文件 / majorDecision 重大行政决策 / other 其他'),
  title: z.string().trim().min(2).max(200),
  explanation: z.string().trim().max(20000).optional().describe('起草说明'),
  articles: z.array(article).max(500),
  periodLength: z.number().int().min(1).max(365).optional().describe('征求意见期限（规章、重大行政决策按日，行政规范性文件按工作日）；空则按法定一般期限'),
  shortenedReason: z.string().trim().max(500).nullable().optional().describe('期限短于法定一般期限时必填'),
  moderated: z.boolean().optional().describe('公众意见是否先审后公开（默认是）'),
};

export const createDraftSchema = z.object({ orgCode: z.string().trim().min(1).max(64), ...draftFields });
export const updateDraftSchema = z.object(draftFields).partial();

export const commentSchema = z.object({
  articleId: z.number().int().positive().nullable().optional().describe('针对的条文；空为总体意见'),
  body: z.string().trim().min(5).max(5000),
  commenterName: z.string().trim().max(50).optional(),
  commenterContact: z.string().trim().max(100).optional(),
  channel: z.enum(['letter', 'email', 'other']).optional().describe('工作人员登记时：letter 信函 / email 电子邮件 / other 其他方式'),
  receivedOn: isoDate.optional().describe('工作人员登记时：收到日期（默认今天）'),
  challenge: z.object({ id: z.string().max(200), answer: z.string().max(10) }).optional(),
});

export const feedbackSchema = z.object({
  feedbackSummary: z.string().trim().max(20000).optional(),
  groups: z.array(z.object({
    summary: z.string().trim().min(2).max(5000),
    articleId: z.number().int().positive().nullable().optional(),
    decision: z.enum(['adopted', 'partlyAdopted', 'notAdopted']).describe('adopted 采纳 / partlyAdopted 部分采纳 / notAdopted 不予采纳'),
    reason: z.string().trim().max(5000).optional(),
    commentIds: z.array(z.number().int().positive()).max(5000),
  })).max(500),
});
