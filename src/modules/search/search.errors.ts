/** Error codes of 全站搜索 (merged into src/http/error-codes.ts). */
export const searchErrors = {
  SYNONYM_NOT_FOUND: { status: 404, message: '同义词组不存在或已删除。' },
  SYNONYM_INVALID: { status: 400, message: '同义词组须含2至12个不同的词，每个词1至20个字。' },
  REINDEX_RUNNING: { status: 409, message: '重建索引正在进行，请等待完成后再试。' },
} as const;
