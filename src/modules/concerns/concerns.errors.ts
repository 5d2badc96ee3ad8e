import type { ErrorSpec } from '../../http/error-codes.js';

/** Error codes of 回应关切. */
export const concernErrors = {
  CONCERN_NOT_FOUND: { status: 404, message: '回应关切事项不存在。' },
  CONCERN_PRESS_RECORD_NOT_FOUND: { status: 404, message: '发布会或采访记录不存在。' },
} satisfies Record<string, ErrorSpec>;
