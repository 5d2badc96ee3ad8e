/**
 * Kinds of body in a county: the 人民政府, its 政府部门, the 乡镇（街道）, and 内设机构
 * (offices inside a body, such as the 政府信息公开工作机构).
 */
export const ORG_TYPES = {
  government: '人民政府',
  department: '政府部门',
  township: '乡镇（街道）',
  office: '内设机构',
} as const;

export type OrgType = keyof typeof ORG_TYPES;
export const ORG_TYPE_KEYS = Object.keys(ORG_TYPES) as [OrgType, ...OrgType[]];
