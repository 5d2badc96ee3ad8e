/**
 * The demo county seeded into an empty database: 示例县人民政府, its departments,
 * three townships with their 党政办, and one account per role.
 * Organisation codes are fictional but carry valid GB 32100 check characters.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Role } from '../domain/roles.js';
import { hashPassword } from '../lib/password-hash.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import type { Db } from './client.js';
import type { DB } from './schema.js';
import type { OrgType } from './tables/foundation.js';

interface DemoOrg {
  code: string;
  name: string;
  type: OrgType;
  parent?: string;
  address: string;
  phone: string;
}

const COUNTY = '119901001234000126';

export const DEMO_ORGS: DemoOrg[] = [
  { code: COUNTY, name: '示例县人民政府', type: 'government', address: '示例县城关镇人民路1号', phone: '0000-1234501' },
  { code: '1199010012340008X1', name: '示例县人民政府办公室', type: 'department', parent: COUNTY, address: '示例县城关镇人民路1号', phone: '0000-1234502' },
  { code: '11990100123400151W', name: '示例县财政局', type: 'department', parent: COUNTY, address: '示例县城关镇财政路8号', phone: '0000-1234503' },
  { code: '11990100123400223M', name: '示例县教育局', type: 'department', parent: COUNTY, address: '示例县城关镇文化路12号', phone: '0000-1234504' },
  { code: '11990100123400290K', name: '示例县人民防空办公室', type: 'department', parent: COUNTY, address: '示例县城关镇人民路3号', phone: '0000-1234505' },
  { code: '11990100123400362C', name: '示例县市场监督管理局', type: 'department', parent: COUNTY, address: '示例县城关镇建设路20号', phone: '0000-1234506' },
  { code: '119901001234004345', name: '示例县自然资源局', type: 'department', parent: COUNTY, address: '示例县城关镇建设路22号', phone: '0000-1234507' },
  { code: '11990100123400506X', name: '示例县卫生健康局', type: 'department', parent: COUNTY, address: '示例县城关镇健康路5号', phone: '0000-1234508' },
  { code: '11990100123400573U', name: '示例县城关镇人民政府', type: 'township', parent: COUNTY, address: '示例县城关镇解放路10号', phone: '0000-1234509' },
  { code: '11990100123400645L', name: '示例县东河乡人民政府', type: 'township', parent: COUNTY, address: '示例县东河乡东河街1号', phone: '0000-1234510' },
  { code: '11990100123400717D', name: '示例县西山镇人民政府', type: 'township', parent: COUNTY, address: '示例县西山镇西山路2号', phone: '0000-1234511' },
  { code: '11990100123400784B', name: '城关镇党政综合办公室', type: 'office', parent: '11990100123400573U', address: '示例县城关镇解放路10号', phone: '0000-1234512' },
  { code: '119901001234008564', name: '东河乡党政综合办公室', type: 'office', parent: '11990100123400645L', address: '示例县东河乡东河街1号', phone: '0000-1234513' },
  { code: '11990100123400928W', name: '西山镇党政综合办公室', type: 'office', parent: '11990100123400717D', address: '示例县西山镇西山路2号', phone: '0000-1234514' },
  { code: '11990100123400995T', name: '示例县财政局办公室', type: 'office', parent: '11990100123400151W', address: '示例县城关镇财政路8号', phone: '0000-1234515' },
];

export const DEMO_COUNTY_CODE = COUNTY;
export const DEMO_FINANCE_CODE = '11990100123400151W';
export const DEMO_EDUCATION_CODE = '11990100123400223M';

interface DemoAccount {
  username: string;
  displayName: string;
  orgCode: string;
  roles: Role[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', orgCode: COUNTY, roles: ['admin'] },
  { username: 'clerk', displayName: '财政局信息员', orgCode: DEMO_FINANCE_CODE, roles: ['clerk'] },
  { username: 'depthead', displayName: '财政局科室负责人', orgCode: DEMO_FINANCE_CODE, roles: ['deptHead'] },
  { username: 'reviewer', displayName: '财政局保密审查员', orgCode: DEMO_FINANCE_CODE, roles: ['confidentialityReviewer'] },
  { username: 'leader', displayName: '财政局分管领导', orgCode: DEMO_FINANCE_CODE, roles: ['leader'] },
  { username: 'office', displayName: '县政务公开办', orgCode: COUNTY, roles: ['disclosureOffice'] },
  { username: 'supervisor', displayName: '县政务公开监督员', orgCode: COUNTY, roles: ['supervisor'] },
  { username: 'clerk2', displayName: '教育局信息员', orgCode: DEMO_EDUCATION_CODE, roles: ['clerk'] },
  // 政务服务 (issue 14): a window clerk who is also the window's 首席代表, and the centre's management.
  { username: 'svcclerk', displayName: '财政窗口工作人员', orgCode: DEMO_FINANCE_CODE, roles: ['serviceClerk'] },
  { username: 'svcmanager', displayName: '县政务服务中心', orgCode: COUNTY, roles: ['serviceManager'] },
];

export interface SeedOptions {
  adminPassword?: string;
  /** One password for every other demo account (tests); generated per account otherwise. */
  demoPassword?: string;
}

export interface SeededAccount {
  username: string;
  password: string;
  roles: Role[];
  orgCode: string;
}

/** A random password that meets the strength rule. */
export function generatePassword(): string {
  return `Gk-${randomBytes(9).toString('base64url')}7a`;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
  return !row;
}

async function insertOrgs(trx: Transaction<DB>) {
  const ids = new Map<string, number>();
  for (const [i, org] of DEMO_ORGS.entries()) {
    const row = await trx
      .insertInto('orgs')
      .values({
        code: org.code, name: org.name, type: org.type, parentId: org.parent ? ids.get(org.parent)! : null,
        address: org.address, phone: org.phone, officeHours: '工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）',
        postalCode: '999001', sortOrder: i,
        email: `gk${String(i + 1).padStart(2, '0')}@example.gov.cn`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(org.code, row.id);
  }
  return ids;
}

/** Seeds the demo county; returns the accounts with their one-time passwords. */
export async function seedDemoCounty(db: Db, options: SeedOptions = {}): Promise<SeededAccount[]> {
  const accounts: SeededAccount[] = [];
  const prepared = await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => {
      const password = a.username === 'admin' ? options.adminPassword ?? generatePassword() : options.demoPassword ?? generatePassword();
      return { ...a, password, passwordHash: await hashPassword(password) };
    }),
  );
  await db.transaction().execute(async (trx) => {
    const ids = await insertOrgs(trx);
    for (const a of prepared) {
      await trx.insertInto('users').values({
        username: a.username, displayName: a.displayName, orgId: ids.get(a.orgCode)!, roles: a.roles, passwordHash: a.passwordHash,
      }).execute();
      accounts.push({ username: a.username, password: a.password, roles: a.roles, orgCode: a.orgCode });
    }
    await recordAudit(trx, { actor: null, orgId: ids.get(COUNTY)!, action: 'system.seed', targetType: 'system', targetId: null, summary: { orgs: DEMO_ORGS.length, accounts: prepared.length } });
  });
  return accounts;
}
