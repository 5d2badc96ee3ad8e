// Labels shared with the server: the pure domain modules are bundled into the console, not copied.
import { ORG_TYPES, type OrgType } from '../../../src/domain/org-types.js';
import { ROLES, type Role } from '../../../src/domain/roles.js';

export type { OrgType, Role };
export const ROLE_LABELS: Record<Role, string> = ROLES;
export const ORG_TYPE_LABELS: Record<OrgType, string> = ORG_TYPES;

export interface User {
  id: number;
  username: string;
  displayName: string;
  orgCode: string;
  orgName: string;
  roles: Role[];
}


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
