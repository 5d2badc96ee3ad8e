/**
 * Service items (政务服务事项) and their limits (api-contract.md "Government services").
 * Limits are working days; a promised limit (承诺时限) may not exceed the legal one (法定时限),
 * and 0 means 即办件.
 */

export const SERVICE_ITEM_KINDS = {
  license: '行政许可',
  confirmation: '行政确认',
  payment: '行政给付',
  publicService: '公共服务',
  other: '其他',
} as const;
export type ServiceItemKind = keyof typeof SERVICE_ITEM_KINDS;
export const SERVICE_ITEM_KIND_KEYS = Object.keys(SERVICE_ITEM_KINDS) as [ServiceItemKind, ...ServiceItemKind[]];

/**
 * The three lists generated from the registry: 权力清单 holds the powers (许可、确认、给付 and other
 * administrative powers), 责任清单 the same items with the body's duties, 公共服务事项清单 the public services.
 */
export const SERVICE_LISTS = { power: '权力清单', responsibility: '责任清单', publicService: '公共服务事项清单' } as const;
export type ServiceList = keyof typeof SERVICE_LISTS;

export function listsOf(kind: ServiceItemKind): ServiceList[] {
  return kind === 'publicService' ? ['publicService'] : ['power', 'responsibility'];
}

/** 个人生命周期 (for citizens) and 企业生命周期 (for companies), as the national portal groups items. */
export const LIFE_EVENTS = {
  birth: '出生', education: '教育', employment: '就业', marriage: '婚姻', housing: '住房', social: '社会保障',
  medical: '医疗', retirement: '退休', death: '身后事', other: '其他',
} as const;
export const BUSINESS_STAGES = {
  founding: '开办企业', permits: '经营许可', construction: '工程建设', tax: '纳税缴费', employment: '用工招聘',
  change: '变更注销', other: '其他',
} as const;

/** 审核 of an item version before publication. */
export const SERVICE_ITEM_STATUSES = { draft: '草稿', inReview: '待审核', published: '已发布', superseded: '已被新版本取代' } as const;

export interface LimitProblem {
  path: 'legalLimitDays' | 'promisedLimitDays';
  message: string;
}

export function checkLimits(legalLimitDays: number, promisedLimitDays: number): LimitProblem[] {
  const problems: LimitProblem[] = [];
  if (!Number.isInteger(legalLimitDays) || legalLimitDays < 0) problems.push({ path: 'legalLimitDays', message: '法定办结时限应为不小于0的整数（工作日）。' });
  if (!Number.isInteger(promisedLimitDays) || promisedLimitDays < 0) problems.push({ path: 'promisedLimitDays', message: '承诺办结时限应为不小于0的整数（工作日），0表示即办件。' });
  if (!problems.length && promisedLimitDays > legalLimitDays) {
    problems.push({ path: 'promisedLimitDays', message: `承诺办结时限（${promisedLimitDays}个工作日）不能超过法定办结时限（${legalLimitDays}个工作日）。` });
  }
  return problems;
}

export const isImmediate = (promisedLimitDays: number): boolean => promisedLimitDays === 0;
