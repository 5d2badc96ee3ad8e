import { sql } from 'kysely';
import type { OrgType } from '../../db/tables/foundation.js';
import type { Executor } from '../audit/audit.repository.js';

export interface Org {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  type: OrgType;
  parentId: number | null;
  parentCode: string | null;
  address: string | null;
  officeHours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  postalCode: string | null;
  website: string | null;
  sortOrder: number;
}

function orgColumns(db: Executor) {
  return db
    .selectFrom('orgs')
    .leftJoin('orgs as parent', 'parent.id', 'orgs.parentId')
    .select([
      'orgs.id', 'orgs.code', 'orgs.name', 'orgs.shortName', 'orgs.type', 'orgs.parentId', 'parent.code as parentCode',
      'orgs.address', 'orgs.officeHours', 'orgs.phone', 'orgs.fax', 'orgs.email', 'orgs.postalCode', 'orgs.website',
      'orgs.sortOrder',
    ]);
}

export async function listOrgs(db: Executor): Promise<Org[]> {
  return orgColumns(db).orderBy('orgs.sortOrder').orderBy('orgs.id').execute();
}

export async function findOrgByCode(db: Executor, code: string): Promise<Org | undefined> {
  return orgColumns(db).where('orgs.code', '=', code).executeTakeFirst();
}

export async function findOrgById(db: Executor, id: number): Promise<Org | undefined> {
  return orgColumns(db).where('orgs.id', '=', id).executeTakeFirst();
}

export type OrgFields = Omit<Org, 'id' | 'parentCode' | 'parentId' | 'sortOrder'> & { parentId: number | null; sortOrder?: number };

export async function insertOrg(db: Executor, fields: OrgFields): Promise<number> {
  const row = await db.insertInto('orgs').values(fields).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrg(db: Executor, id: number, fields: Partial<OrgFields>): Promise<void> {
  await db.updateTable('orgs').set({ ...fields, updatedAt: new Date() }).where('id', '=', id).execute();
}

export async function deleteOrg(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('orgs').where('id', '=', id).execute();
}

export async function countChildren(db: Executor, id: number): Promise<number> {
  const row = await db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).where('parentId', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countUsers(db: Executor, id: number): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('orgId', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The body and every body below it (recursive). */
export async function subtreeIds(db: Executor, rootId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive tree(id) as (
      select id from orgs where id = ${rootId}
      union all
      select o.id from orgs o join tree t on o.parent_id = t.id
    )
    select id from tree`.execute(db);
  return result.rows.map((r) => r.id);
}

/** The body and every body above it, nearest first (recursive). */
export async function ancestorIds(db: Executor, id: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from orgs where id = ${id}
      union all
      select o.id, o.parent_id, u.depth + 1 from orgs o join up u on o.id = u.parent_id
    )
    select id from up order by depth`.execute(db);
  return result.rows.map((r) => r.id);
}
