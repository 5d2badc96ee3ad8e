/** Error codes of 政务服务 (merged into src/http/error-codes.ts). */
export const serviceErrors = {
  SERVICE_ITEM_NOT_FOUND: { status: 404, message: '政务服务事项不存在。' },
  SERVICE_ITEM_CODE_TAKEN: { status: 409, message: '该事项编码已被使用。' },
  SERVICE_LIMITS_INVALID: { status: 422, message: '办结时限不符合要求：承诺时限不能超过法定时限，且均为不小于0的整数（工作日）。' },
  SERVICE_CASE_NOT_FOUND: { status: 404, message: '办件不存在。' },
  SERVICE_CASE_STEP_INVALID: { status: 409, message: '办件当前状态下不能进行该操作。' },
  SERVICE_LEDGER_INVALID: { status: 422, message: '办件台账中有不符合要求的行，未导入任何数据。' },
  SERVICE_LEDGER_EMPTY: { status: 422, message: '办件台账没有数据行（第一行应为表头）。' },
  SERVICE_WINDOW_NOT_FOUND: { status: 404, message: '服务窗口不存在。' },
  SERVICE_CENTRE_NOT_FOUND: { status: 404, message: '政务服务中心不存在。' },
  SERVICE_CASE_QUERY_FAILED: { status: 404, message: '办件编号或查询密码不正确。' },
  SERVICE_ALREADY_RATED: { status: 409, message: '该办件已经评价过，每件只能评价一次。' },
  SERVICE_NOT_RATEABLE: { status: 409, message: '办件办结后才能评价。' },
  SERVICE_RECTIFICATION_STEP_INVALID: { status: 409, message: '整改当前状态下不能进行该操作。' },
} as const;
