/**
 * Labels of 互动交流：信箱与信件（issue 13）: merged into the one table in src/domain/labels.ts (LABELS), so the
 * API, the console and exports read them from there. Each part lands in the vocabulary of the same name.
 */
export const MESSAGE_LABELS = {
  vocabularies: {
    /** 来信类型 */
    messageType: { consultation: '咨询', suggestion: '建议', query: '质疑', complaint: '投诉', report: '举报' },
    /** 来信渠道 */
    messageChannel: {
      online: '网上来信', phone: '电话', sms: '短信', letter: '信函', inPerson: '当面反映', box: '意见箱', email: '电子邮件', readingRoom: '公共查阅室',
    },
    messageStatus: {
      pending: '待分办', accepted: '已受理', assigned: '办理中', drafted: '待审核', replied: '已答复', closed: '已办结',
      transferred: '已转办', referred: '已转信访', converted: '已转为依申请公开', duplicate: '重复来信', invalid: '无效来信',
    },
    messageRating: { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' },
    /** 办理操作 (the console's buttons) */
    messageAction: {
      accept: '受理', transfer: '转办其他机关', refer: '转信访渠道', convert: '转为依申请公开', markDuplicate: '标记重复来信',
      close: '作无效件办结', assign: '交办承办部门', draft: '拟写答复', returnDraft: '退回答复稿', approve: '审核签发答复',
      extend: '延长办理期限', publish: '公开答复', unpublish: '取消公开',
    },
  },
  formField: {
    box: '信箱', 'sender.name': '姓名', 'sender.phone': '联系电话', 'sender.email': '电子邮箱', sender: '来信人',
    senderName: '姓名', senderPhone: '联系电话', senderEmail: '电子邮箱',
    publicReply: '是否同意公开', rating: '评价', trackingNos: '来信编号',
    toOrgCode: '转办机关', assignedOrgCode: '承办部门', duplicateOf: '重复的来信编号', reply: '答复内容',
    days: '延长工作日数', overdue: '是否只看超期', dueSoon: '是否只看即将到期', acceptedTypes: '受理的来信类型', replyLimits: '答复期限（工作日）',
    docId: '材料编号', introduction: '信箱说明', templateTitle: '模板标题', templateText: '模板内容',
  },
  auditAction: {
    'message.submit': '提交来信', 'message.register': '登记来信', 'message.accept': '受理来信', 'message.transfer': '转办来信',
    'message.refer': '来信转信访渠道', 'message.convert': '来信转为依申请公开', 'message.markDuplicate': '标记重复来信',
    'message.close': '来信作无效件办结', 'message.assign': '交办来信', 'message.draft': '拟写来信答复', 'message.returnDraft': '退回来信答复稿',
    'message.approve': '审核签发来信答复', 'message.extend': '延长来信办理期限', 'message.rate': '来信人评价',
    'message.publish': '公开来信答复', 'message.unpublish': '取消公开来信答复', 'message.remind': '来信办理提醒',
    'message.attach': '添加来信材料', 'mailbox.update': '修改信箱设置', 'message.template': '保存答复模板',
    // Entries written before consultations became messages (the audit trail is never rewritten).
    'consultation.submit': '提交咨询', 'consultation.answer': '答复咨询',
  },
  auditTargetType: { message: '来信', mailbox: '信箱', consultation: '来信' },
  auditCategory: { message: '互动交流', mailbox: '互动交流', consultation: '互动交流' },
  auditField: {
    trackingNo: '来信编号', toOrg: '转办机关', assignedOrg: '承办部门', duplicateOf: '重复的来信', requestTrackingNo: '依申请公开编号',
    round: '办理轮次', replyDueOn: '答复期限', count: '件数', mailbox: '信箱', published: '是否公开',
  },
} as const;
