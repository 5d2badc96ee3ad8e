/** Error codes of 申请人账户 (merged into src/http/error-codes.ts). */
export const applicantErrors = {
  APPLICANT_LOGIN_TAKEN: { status: 409, message: '该手机号码或电子邮箱已注册，请直接登录。' },
  APPLICANT_REQUEST_LINKED: { status: 409, message: '该申请已关联到其他账户。' },
  APPLICANT_SIGNED_OUT: { status: 401, message: '请先登录申请人账户。' },
} as const;
