/** Error codes of 互动交流 (merged into src/http/error-codes.ts). */
export const messageErrors = {
  MESSAGE_NOT_FOUND: { status: 404, message: '未找到该来信，或查询编号与查询密码不匹配。' },
  MAILBOX_NOT_FOUND: { status: 404, message: '信箱不存在。' },
  MESSAGE_TYPE_NOT_ACCEPTED: { status: 400, message: '该信箱不受理此类来信，请选择其他来信类型或信箱。' },
  MESSAGE_ACTION_NOT_ALLOWED: { status: 409, message: '该来信当前所处的办理阶段不能进行此操作。' },
  MESSAGE_NOT_REPLIED: { status: 409, message: '该来信尚未答复，暂不能评价。' },
  MESSAGE_ALREADY_RATED: { status: 409, message: '该来信已评价，不能重复评价。' },
  MESSAGE_SELF_APPROVAL: { status: 403, message: '答复稿须由拟稿人以外的公开办负责人审核签发。' },
  MESSAGE_ALREADY_EXTENDED: { status: 409, message: '办理期限只能延长一次，且不超过10个工作日。' },
  MESSAGE_NO_CONSENT: { status: 409, message: '来信人未同意公开，不能公开该来信及答复。' },
  MESSAGE_PRIVACY_FINDINGS: { status: 409, message: '来信或答复中含有个人信息或敏感内容，请先处理后再公开。' },
  MESSAGE_TARGET_INVALID: { status: 400, message: '目标机关、部门或来信不存在，或不在本机关管辖范围内。' },
} as const;
