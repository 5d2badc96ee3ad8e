/**
 * The path of an information item to the public catalog: 未经审核的信息不准上网,
 * 谁公开、谁审查、谁负责 (条例第十七条). Each step names the role that takes it.
 */
import type { Role } from './roles.js';

export type ItemStatus = 'draft' | 'deptReview' | 'confidentialityReview' | 'leaderApproval' | 'scheduled' | 'published' | 'withdrawn';

export interface Step {
  from: ItemStatus;
  role: Role;
  /** Where approval leads; returning always goes back to draft. */
  approveTo: ItemStatus;
  label: string;
}

export const REVIEW_STEPS: Step[] = [
  { from: 'deptReview', role: 'deptHead', approveTo: 'confidentialityReview', label: '科室负责人审核' },
  { from: 'confidentialityReview', role: 'confidentialityReviewer', approveTo: 'leaderApproval', label: '保密审查' },
  { from: 'leaderApproval', role: 'leader', approveTo: 'published', label: '分管领导审批' },
];

export function stepFor(status: ItemStatus): Step | undefined {
  return REVIEW_STEPS.find((s) => s.from === status);
}

/** 保密审查 checklist: each point must be confirmed by the reviewer. */
export const CONFIDENTIALITY_CHECKLIST = {
  stateSecret: '不涉及国家秘密',
  tradeSecret: '不涉及商业秘密',
  privacy: '不涉及个人隐私',
  threeSecurityOneStability: '不危及国家安全、公共安全、经济安全和社会稳定',
} as const;

export const STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿', deptReview: '待科室负责人审核', confidentialityReview: '待保密审查', leaderApproval: '待分管领导审批',
  scheduled: '定时发布', published: '已发布', withdrawn: '已撤销',
};

/** Legal grounds for not disclosing proactively (条例第十四条至第十六条). */
export const WITHHELD_GROUNDS = {
  stateSecret: '国家秘密',
  prohibitedByLaw: '法律行政法规禁止公开',
  threeSecurityOneStability: '危及“三安全一稳定”',
  thirdPartyRights: '商业秘密、个人隐私',
  internalAffairs: '内部事务信息',
  processInformation: '过程性信息',
  enforcementFiles: '行政执法案卷',
} as const;

export const CATEGORIES = [
  '机构职能', '政策文件', '规划计划', '工作动态', '人事信息', '财政预决算与三公经费', '行政许可', '行政处罚', '行政强制',
  '行政事业性收费', '政府采购', '重大建设项目', '公共服务', '应急管理', '建议提案办理', '政策解读', '其他',
] as const;

export const TOPICS = [
  '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利', '工业、交通', '商贸、海关、旅游',
  '市场监管、安全生产监管', '城乡建设、环境保护', '科技、教育', '文化、广电、新闻出版', '卫生、体育', '人口与计划生育、妇女儿童工作',
  '劳动、人事、监察', '公安、安全、司法', '民政、扶贫、救灾', '民族、宗教', '对外事务', '港澳台侨工作', '国防', '其他',
] as const;

/** 条例第二十六条: proactive information is published within 20 working days of its formation or change. */
export const PUBLICATION_LIMIT_WORKING_DAYS = 20;
