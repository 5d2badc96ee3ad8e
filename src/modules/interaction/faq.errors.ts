/** Error codes of 便民问答 (merged into src/http/error-codes.ts). */
export const faqErrors = {
  FAQ_NOT_FOUND: { status: 404, message: '未找到该便民问答。' },
  FAQ_ACTION_NOT_ALLOWED: { status: 409, message: '该便民问答当前的状态不能进行此操作。' },
  FAQ_SOURCE_NOT_PUBLISHED: { status: 409, message: '只有已公开的来信答复可以转为便民问答。' },
  FAQ_PRIVACY_FINDINGS: { status: 409, message: '问题或解答中含有个人信息或敏感内容，请先修改后再发布。' },
} as const;
