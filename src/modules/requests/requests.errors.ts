/** Error codes of 依申请公开 (merged into src/http/error-codes.ts). */
export const requestErrors = {
  REQUEST_NOT_FOUND: { status: 404, message: '未找到该申请，或受理编号与查询密码不匹配。' },
  REQUEST_ID_INVALID: { status: 400, message: '证件号码无效：请核对身份证号码或统一社会信用代码的校验位。' },
  REQUEST_CHALLENGE_FAILED: { status: 400, message: '验证问题回答错误或已过期，请重新作答。' },
  REQUEST_ACTION_NOT_ALLOWED: { status: 409, message: '该申请当前所处的办理阶段不能进行此操作。' },
  REQUEST_SUPPLEMENT_TOO_LATE: { status: 409, message: '补正告知应当在收到申请之日起7个工作日内一次性发出（条例第三十条），已超过期限。' },
  REQUEST_SUPPLEMENT_ONCE: { status: 409, message: '补正只能要求一次（条例第三十条）。' },
  DEADLINE_ALREADY_EXTENDED: { status: 409, message: '答复期限只能延长一次，且不超过20个工作日（条例第三十三条）。' },
  REQUEST_OUTCOME_INVALID: { status: 400, message: '答复类型无效。' },
  REQUEST_TRANSFER_INVALID: { status: 400, message: '转办的目标机关不存在或不在本平台。' },
  REQUEST_ASSIGN_INVALID: { status: 400, message: '承办部门不存在或不在本机关管辖范围内。' },
  REQUEST_NO_DRAFT: { status: 409, message: '该申请没有待审核的答复稿。' },
  REQUEST_DRAFT_PENDING: { status: 409, message: '答复稿正在等待审核，请先审核或退回。' },
  REQUEST_SELF_APPROVAL: { status: 403, message: '答复稿须由拟稿人以外的政府信息公开工作机构负责人审核签发。' },
  REQUEST_EXPLANATION_FIRST: { status: 409, message: '须先要求申请人说明理由，认为理由合理的，方可确定延迟答复的合理期限（条例第三十五条）。' },
  REQUEST_LATER_DATE_INVALID: { status: 400, message: '延迟答复的日期须晚于当前答复期限。' },
  DOCUMENT_NOT_FOUND: { status: 404, message: '文书不存在。' },
} as const;
