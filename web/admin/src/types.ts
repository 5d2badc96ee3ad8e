export type Role = 'clerk' | 'deptHead' | 'confidentialityReviewer' | 'leader' | 'disclosureOffice' | 'supervisor' | 'admin';

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '信息员',
  deptHead: '科室负责人',
  confidentialityReviewer: '保密审查员',
  leader: '分管领导',
  disclosureOffice: '公开办',
  supervisor: '监督员',
  admin: '系统管理员',
};

export interface User {
  id: number;
  username: string;
  displayName: string;
  orgCode: string;
  orgName: string;
  roles: Role[];
}

export type OrgType = 'government' | 'department' | 'township' | 'office';

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  government: '人民政府',
  department: '部门',
  township: '乡镇（街道）',
  office: '科室',
};

export interface Org {
  code: string;
  name: string;
  shortName?: string | null;
  type: OrgType;
  parentCode: string | null;
  address?: string | null;
  officeHours?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  postalCode?: string | null;
  website?: string | null;
}
