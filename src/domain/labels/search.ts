/**
 * Labels of 全站搜索 (issue 15): merged into the one table in src/domain/labels.ts (LABELS), so the
 * API, the console and exports read them from there. Each part lands in the vocabulary of the same name.
 */
export const SEARCH_LABELS = {
  vocabularies: {
    /** Content types of the site index. */
    searchKind: {
      item: '政府信息', interpretation: '政策解读', annualReport: '年度报告', message: '互动回复', faq: '便民问答', serviceGuide: '办事指南', solicitation: '意见征集', concern: '回应关切',
    },
    reindexStatus: { queued: '等待开始', running: '进行中', done: '已完成', failed: '失败' },
    searchFacet: { kind: '内容类型', org: '发布机构', category: '信息类别', year: '发布年份', validity: '有效性' },
  },
  formField: { terms: '同义词', kind: '内容类型', page: '页码' },
  auditAction: {
    'search.synonym.create': '新增搜索同义词组',
    'search.synonym.update': '修改搜索同义词组',
    'search.synonym.delete': '删除搜索同义词组',
    'search.reindex': '重建搜索索引',
  },
  auditTargetType: { searchSynonym: '搜索同义词组', searchIndex: '搜索索引' },
  auditCategory: { search: '全站搜索' },
  auditField: { terms: '同义词' },
} as const;
