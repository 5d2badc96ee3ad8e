/** Labels of 便民问答 (issue 13): merged into LABELS by src/domain/labels.ts. */
export const FAQ_LABELS = {
  vocabularies: {
    faqStatus: { draft: '草稿', published: '已发布', withdrawn: '已撤回' },
    faqAction: { publish: '发布', withdraw: '撤回' },
  },
  formField: {
    question: '问题', answer: '解答', messageId: '来信', sourceMessageId: '来信',
  },
  auditAction: {
    'faq.create': '新增便民问答', 'faq.fromMessage': '来信答复转为便民问答', 'faq.update': '修改便民问答',
    'faq.publish': '发布便民问答', 'faq.withdraw': '撤回便民问答',
  },
  auditTargetType: { faq: '便民问答' },
  auditCategory: { faq: '互动交流' },
  auditField: { question: '问题', status: '状态', fromMessage: '来源来信' },
} as const;
