/** Error codes of 主动公开 (merged into src/http/error-codes.ts). */
export const publishingErrors = {
  ITEM_NOT_FOUND: { status: 404, message: '信息不存在。' },
  ITEM_NOT_EDITABLE: { status: 409, message: '只有草稿可以修改；已发布的信息请使用“更正”。' },
  ITEM_STEP_NOT_ALLOWED: { status: 409, message: '该信息当前所处的环节不能进行此操作。' },
  ITEM_CHECKLIST_INCOMPLETE: { status: 400, message: '保密审查须逐项确认：不涉及国家秘密、商业秘密、个人隐私，不危及“三安全一稳定”。' },
  ITEM_FINDINGS_OPEN: { status: 409, message: '还有未处理的个人信息或敏感内容，须逐项脱敏或说明理由后方可审批。' },
  ITEM_WITHHELD_REASON: { status: 400, message: '依申请公开或不予公开的信息须选择法定理由并说明。' },
  DOC_NUMBER_INVALID: { status: 400, message: '发文字号格式不正确，如：县政办发〔2026〕12号。' },
  FINDING_NOT_FOUND: { status: 404, message: '检查结果不存在或已处理。' },
} as const;
