/**
 * The one table of error codes: HTTP status and the Chinese message shown to users.
 * Capabilities keep their own codes next to their code (`*.errors.ts`) and are merged here.
 */
import { applicantErrors } from '../modules/applicants/applicants.errors.js';
import { authErrors } from '../modules/auth/auth.errors.js';
import { publishingErrors } from '../modules/publishing/publishing.errors.js';
import { requestErrors } from '../modules/requests/requests.errors.js';
import { reportErrors } from '../modules/reports/reports.errors.js';
import { searchErrors } from '../modules/search/search.errors.js';
// 意见征集 (issue 13)
import { solicitationErrors } from '../modules/solicitations/solicitations.errors.js';
// 回应关切 (issue 13)
import { concernErrors } from '../modules/concerns/concerns.errors.js';
import { serviceErrors } from '../modules/services/services.errors.js';
import { messageErrors } from '../modules/interaction/messages.errors.js';
import { faqErrors } from '../modules/interaction/faq.errors.js';

export interface ErrorSpec {
  status: number;
  message: string;
}

export const platformErrors = {
  VALIDATION_FAILED: { status: 400, message: '提交的数据不符合要求，请检查后重试。' },
  BODY_TOO_LARGE: { status: 413, message: '提交的内容过大。' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型。' },
  NOT_FOUND: { status: 404, message: '请求的资源不存在。' },
  ATTACHMENT_TYPE: { status: 415, message: '文件类型不允许（按文件内容判断，而非文件名）。' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试。' },
  UNAUTHENTICATED: { status: 401, message: '请先登录。' },
  SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录。' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误。' },
  ACCOUNT_LOCKED: { status: 423, message: '连续登录失败次数过多，已暂停从此网络地址登录该账号15分钟，请稍后再试或联系系统管理员。' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系系统管理员。' },
  CSRF_INVALID: { status: 403, message: '页面已过期或请求来源无效，请刷新页面后重试。' },
  FORBIDDEN: { status: 403, message: '您没有执行此操作的权限。' },
  WEAK_PASSWORD: { status: 400, message: '密码强度不足：至少10位，且包含大写字母、小写字母、数字、符号中的至少三类。' },
  WRONG_PASSWORD: { status: 400, message: '当前密码不正确。' },
  ORG_NOT_FOUND: { status: 404, message: '机构不存在。' },
  ORG_CODE_INVALID: { status: 400, message: '机构代码无效：应为18位统一社会信用代码或9位组织机构代码，且校验位正确。' },
  ORG_CODE_TAKEN: { status: 409, message: '该机构代码已被使用。' },
  ORG_PARENT_INVALID: { status: 400, message: '上级机构不符合层级要求（人民政府 → 部门/乡镇（街道） → 科室）。' },
  ORG_HAS_CHILDREN: { status: 409, message: '该机构下还有下级机构，不能删除。' },
  ORG_IN_USE: { status: 409, message: '该机构下还有用户或业务数据，不能删除。' },
  USER_NOT_FOUND: { status: 404, message: '用户不存在。' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用。' },
  CANNOT_DEMOTE_SELF: { status: 400, message: '不能停用自己的账号或撤销自己的系统管理员角色。' },
  DATE_INVALID: { status: 400, message: '日期格式应为 YYYY-MM-DD，且为有效日期。' },
  CALENDAR_RANGE: { status: 400, message: '工作日数应为 0 至 3650 之间的整数。' },
  AUDIT_APPEND_ONLY: { status: 405, message: '审计日志只能追加，不能修改或删除。' },
  INTERNAL: { status: 500, message: '系统内部错误，请稍后重试。' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用。' },
} satisfies Record<string, ErrorSpec>;

export const errorCodes = {
  ...platformErrors,
  ...publishingErrors,
  ...requestErrors,
  ...applicantErrors,
  ...reportErrors,
  ...searchErrors,
  ...messageErrors,
  ...faqErrors,
  ...authErrors,
  // 意见征集 (issue 13)
  ...solicitationErrors,
  // 回应关切 (issue 13)
  ...concernErrors,
  ...serviceErrors,
} satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCodes;
