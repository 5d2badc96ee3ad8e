/**
 * Labels of 意见征集与公众参与（issue 13）: merged into the one table in src/domain/labels.ts (LABELS), so the
 * API, the console and exports read them from there. Each part lands in the vocabulary of the same name.
 */
export const SOLICITATION_LABELS = {
  vocabularies: {
    /** 草案类型 */
    draftKind: { rule: '规章', normative: '行政规范性文件', majorDecision: '重大行政决策', other: '其他' },
    /** Where a draft stands (the stored status; an open draft past its end date reads as 已截止). */
    draftStatus: { draft: '起草中', review: '待审核', open: '征求意见中', closed: '已截止', feedbackPublished: '已公布采纳情况' },
    periodUnit: { days: '日', workingDays: '个工作日' },
    commentStatus: { pending: '待审核', approved: '已公开', rejected: '不予公开' },
    commentChannel: { online: '网上提交', letter: '信函', email: '电子邮件', other: '其他方式' },
    /** 意见采纳情况 */
    adoptionDecision: { adopted: '采纳', partlyAdopted: '部分采纳', notAdopted: '不予采纳' },
  },
  /** Chinese names of this capability's input fields (error messages name the field). */
  formField: {
    explanation: '起草说明', articles: '条文', 'articles.heading': '条文序号', 'articles.text': '条文内容', heading: '条文序号',
    periodLength: '征求意见期限', shortenedReason: '缩短期限的理由', moderated: '是否先审后发', opensOn: '开始日期',
    articleId: '针对的条文', commenterName: '姓名', commenterContact: '联系方式', groups: '意见分组', 'groups.summary': '意见概述',
    'groups.decision': '采纳情况', 'groups.reason': '理由', 'groups.commentIds': '归入本组的意见', 'groups.articleId': '针对的条文',
    summary: '概述', commentIds: '归入本组的意见', feedbackSummary: '采纳情况总体说明', finalItemId: '正式文件', draftId: '征求意见稿',
  },
  /** Every audit action this capability records. */
  auditAction: {
    'solicitation.create': '起草征求意见稿', 'solicitation.update': '修改征求意见稿', 'solicitation.submit': '提交征求意见稿审核',
    'solicitation.return': '退回征求意见稿', 'solicitation.open': '发布征求意见', 'solicitation.close': '征求意见截止',
    'solicitation.comment': '收到意见', 'solicitation.moderate': '审核公众意见', 'solicitation.saveFeedback': '保存意见采纳情况',
    'solicitation.publishFeedback': '公布意见采纳情况',
  },
  auditTargetType: { solicitation: '意见征集', solicitationComment: '公众意见' },
  auditCategory: { solicitation: '意见征集' },
  auditField: {
    periodLength: '征求意见期限', opensOn: '开始日期', endsOn: '截止日期', articleCount: '条文数', commentCount: '意见数',
    groupCount: '意见分组数', articleId: '针对的条文', decision: '审核结论',
  },
} as const;
