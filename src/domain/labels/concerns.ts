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
    /** 新闻发布会、媒体采访、答记者问 as records of a concern */
    pressRecordKind: { pressConference: '新闻发布会', mediaInterview: '媒体采访', pressQa: '答记者问' },
    pressFileRole: { photo: '照片', attachment: '附件' },
  },
  /** Chinese names of this capability's input fields (error messages name the field). */
  formField: {
    source: '来源', level: '级别', startedAt: '发生时间', spokesperson: '新闻发言人', published: '是否在网站公开',
    respondedAt: '回应时间', url: '链接', itemId: '已发布的信息', concernId: '关切事项',
    heldAt: '举行时间', place: '地点', speakers: '发布人', transcript: '实录文字', recordId: '记录', role: '文件用途', fileId: '文件',
  },
  /** Every audit action this capability records. */
  auditAction: {
    'concern.create': '登记回应关切事项', 'concern.update': '修改回应关切事项', 'concern.respond': '登记回应',
    'concern.pressRecord': '登记发布会或采访记录', 'concern.pressRecordUpdate': '修改发布会或采访记录', 'concern.pressFile': '上传发布会照片或附件',
    'concern.pressFileRemove': '删除发布会照片或附件', 'concern.pressPublish': '发布会记录生成公开信息草稿',
  },
  auditTargetType: { concern: '回应关切' },
  auditCategory: { concern: '回应关切' },
  auditField: { level: '级别', startedAt: '发生时间', respondedAt: '回应时间', published: '网站公开', responseId: '回应编号', recordId: '记录编号', fileId: '文件编号', heldAt: '举行时间' },
} as const;
