import type { ErrorSpec } from '../../http/error-codes.js';

/** Error codes of 意见征集. */
export const solicitationErrors = {
  SOLICITATION_NOT_FOUND: { status: 404, message: '征求意见稿不存在。' },
  SOLICITATION_STATE: { status: 409, message: '征求意见稿当前所处的环节不能进行此操作，请刷新后查看。' },
  SOLICITATION_PERIOD_TOO_SHORT: { status: 400, message: '征求意见期限短于法定的一般期限，请延长期限或写明缩短的理由。' },
  SOLICITATION_NOT_OPEN: { status: 409, message: '该草案不在征求意见期内，不能提交意见。' },
  SOLICITATION_NOT_ENDED: { status: 409, message: '征求意见期限尚未届满，不能公布意见采纳情况。' },
  SOLICITATION_COMMENT_NOT_FOUND: { status: 404, message: '意见不存在。' },
} satisfies Record<string, ErrorSpec>;
