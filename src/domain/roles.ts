/** Staff roles. One account may hold several. */
export const ROLES = {
  clerk: '信息员',
  deptHead: '科室负责人',
  confidentialityReviewer: '保密审查员',
  leader: '分管领导',
  disclosureOffice: '公开办',
  supervisor: '监督员',
  admin: '系统管理员',
  // ---- 政务服务 (issue 14; api-contract.md "Government services")
  /** Keeps the body's item registry, registers and handles cases (at a window: that window's cases). */
  serviceClerk: '政务服务工作人员',
  /** The centre's management: configures windows, reads every case of its bodies, runs 电子监察. */
  serviceManager: '政务服务中心管理人员',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_KEYS = Object.keys(ROLES) as [Role, ...Role[]];

/** Who is acting: a signed-in staff member (cookie session or API token). */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  orgId: number;
  orgCode: string;
  roles: Role[];
  via: 'session' | 'token';
}

export function hasRole(actor: Actor | null | undefined, ...roles: Role[]): boolean {
  return !!actor && roles.some((r) => actor.roles.includes(r));
}
