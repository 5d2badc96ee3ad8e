/** Error codes of sign-in (merged into src/http/error-codes.ts). */
export const authErrors = {
  LOGIN_THROTTLED: { status: 429, message: '该账号近期登录失败次数过多，为防止密码被猜测，请稍后再试。' },
} as const;
