/**
 * Labels of 回应关切（issue 13）: merged into the one table in src/domain/labels.ts (LABELS), so the
 * API, the console and exports read them from there. Each part lands in the vocabulary of the same name.
 */
export const CONCERN_LABELS = {
  vocabularies: {
    /** 突发事件的级别 */
    concernLevel: { ordinary: '一般', larger: '较大', major: '重大', especiallyMajor: '特别重大' },
    /** 回应方式 */
    responseKind: { authoritativeInfo: '权威信息发布', pressConference: '新闻发布会', policyInterpretation: '政策解读', pressQa: '答记者问' },
    /** The hour deadlines of a major emergency (国办发〔2016〕61号). */
    concernDeadline: { information: '5小时内发布权威信息', pressConference: '24小时内举行新闻发布会' },
    concernDeadlineState: { met: '按时完成', metLate: '超时完成', running: '计时中', overdue: '已超时' },
  },
  /** Chinese names of this capability's input fields (error messages name the field). */
  formField: {
    source: '来源', level: '级别', startedAt: '发生时间', spokesperson: '新闻发言人', published: '是否在网站公开',
    respondedAt: '回应时间', url: '链接', itemId: '已发布的信息', concernId: '关切事项',
  },
  /** Every audit action this capability records. */
  auditAction: {
    'concern.create': '登记回应关切事项', 'concern.update': '修改回应关切事项', 'concern.respond': '登记回应',
  },
  auditTargetType: { concern: '回应关切' },
  auditCategory: { concern: '回应关切' },
  auditField: { level: '级别', startedAt: '发生时间', respondedAt: '回应时间', published: '网站公开', responseId: '回应编号' },
} as const;
