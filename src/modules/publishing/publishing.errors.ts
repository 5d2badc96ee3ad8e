/** Error codes of 主动公开 (merged into src/http/error-codes.ts). */
export const publishingErrors = {
  ITEM_NOT_FOUND: { status: 404, message: '信息不存在。' },
  ITEM_NOT_EDITABLE: { status: 409, message: '只有草稿可以修改；已发布的信息请使用“更正”。' },
  ITEM_STEP_NOT_ALLOWED: { status: 409, message: '该信息当前所处的环节不能进行此操作。' },
  ITEM_CHECKLIST_INCOMPLETE: { status: 400, message: '保密审查须逐项确认：不涉及国家秘密、商业秘密、个人隐私，不危及“三安全一稳定”。' },
  ITEM_FINDINGS_OPEN: { status: 409, message: '还有未处理的个人信息或敏感内容：须逐项脱敏，或说明理由后保留，方可提交或通过本环节。' },
  ITEM_WITHHELD_REASON: { status: 400, message: '依申请公开或不予公开的信息须选择法定理由并说明。' },
  DOC_NUMBER_INVALID: { status: 400, message: '发文字号格式不正确，如：县政办发〔2026〕12号。' },
  FINDING_NOT_FOUND: { status: 404, message: '检查结果不存在或已处理。' },
  ITEM_EDIT_CONFLICT: { status: 409, message: '此信息已被他人修改，请刷新后在最新版本上修改。' },
  ITEM_INTERPRETS_INVALID: { status: 400, message: '解读的政策文件须是本机关或上级机关已发布的主动公开信息。' },
  ITEM_SCHEDULE_INVALID: { status: 400, message: '定时发布时间不符合要求：须晚于当前时间，且不晚于公开期限（条例第二十六条）。' },
  ITEM_VERSION_NOT_FOUND: { status: 404, message: '要比较的版本不存在。' },
  DOCX_REQUIRED: { status: 415, message: '只能导入 Word 文档（.docx，按文件内容判断）；.doc 或 WPS 格式请先另存为 .docx。' },
  DOCX_UNREADABLE: { status: 400, message: '无法读取该 Word 文档，文件可能已损坏：请在 Word 或 WPS 中打开后另存为 .docx 再导入。' },
  CATALOG_QUERY_INVALID: { status: 400, message: '检索条件有误，请按提示修改后重试。' },
} as const;
