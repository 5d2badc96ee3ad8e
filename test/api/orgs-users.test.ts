import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';

/** Valid GB 32100 codes not used by the demo county. */
const NEW_OFFICE_CODE = '11990100123401066Y';
const BAD_CHECK_CODE = '11990100123401066A';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('GET /api/v1/orgs (public)', () => {
  it('lists the demo county as a tree with contract fields', async () => {
    const res = await t.app.inject('/api/v1/orgs');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string; type: string; parentCode: string | null }[];
    const county = items.find((o) => o.code === DEMO_COUNTY_CODE)!;
    expect(county).toMatchObject({ name: '示例县人民政府', type: 'government', parentCode: null });
    const departments = items.filter((o) => o.type === 'department' && o.parentCode === DEMO_COUNTY_CODE);
    expect(departments.length).toBeGreaterThanOrEqual(6);
    expect(departments.map((d) => d.name)).toEqual(expect.arrayContaining(['示例县财政局', '示例县教育局', '示例县人民防空办公室', '示例县市场监督管理局']));
    const townships = items.filter((o) => o.type === 'township');
    expect(townships).toHaveLength(3);
    for (const town of townships) {
      expect(items.some((o) => o.parentCode === town.code && o.type === 'office' && o.name.includes('党政'))).toBe(true);
    }
  });
});

describe('organisation management', () => {
  it('creates, updates and deletes a body with a validated code, audited', async () => {
    const auth = await t.auth('admin');
    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/orgs', headers: auth,
      payload: { code: NEW_OFFICE_CODE, name: '示例县财政局预算股', type: 'office', parentCode: DEMO_FINANCE_CODE, phone: '0000-1234599' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: NEW_OFFICE_CODE, parentCode: DEMO_FINANCE_CODE, type: 'office' });

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/orgs/${NEW_OFFICE_CODE}`, headers: auth, payload: { officeHours: '工作日 9:00—17:00' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().officeHours).toBe('工作日 9:00—17:00');

    const audit = await t.app.inject({ url: `/api/v1/audit?targetType=org&targetId=${NEW_OFFICE_CODE}`, headers: await t.auth('supervisor') });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['org.update', 'org.create']);

    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/${NEW_OFFICE_CODE}`, headers: auth });
    expect(deleted.statusCode).toBe(204);
    expect((await t.app.inject(`/api/v1/orgs/${NEW_OFFICE_CODE}`)).statusCode).toBe(404);
  });

  it.each([
    ['a wrong check character', { code: BAD_CHECK_CODE, name: '某局', type: 'department', parentCode: DEMO_COUNTY_CODE }, 'ORG_CODE_INVALID'],
    ['a code already used', { code: DEMO_FINANCE_CODE, name: '某局', type: 'department', parentCode: DEMO_COUNTY_CODE }, 'ORG_CODE_TAKEN'],
    ['a department under a department', { code: NEW_OFFICE_CODE, name: '某局', type: 'department', parentCode: DEMO_FINANCE_CODE }, 'ORG_PARENT_INVALID'],
    ['an unknown parent', { code: NEW_OFFICE_CODE, name: '某局', type: 'department', parentCode: '119901001234999999' }, 'ORG_PARENT_INVALID'],
    ['a missing name', { code: NEW_OFFICE_CODE, type: 'department', parentCode: DEMO_COUNTY_CODE }, 'VALIDATION_FAILED'],
    ['an unknown type', { code: NEW_OFFICE_CODE, name: '某局', type: 'ministry', parentCode: DEMO_COUNTY_CODE }, 'VALIDATION_FAILED'],
    ['a malformed e-mail', { code: NEW_OFFICE_CODE, name: '某局', type: 'department', parentCode: DEMO_COUNTY_CODE, email: 'not-mail' }, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_label, payload, code) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: await t.auth('admin'), payload });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().code).toBe(code);
  });

  it('refuses to delete a body that still has sub-bodies or accounts', async () => {
    const auth = await t.auth('admin');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/${DEMO_COUNTY_CODE}`, headers: auth })).json().code).toBe('ORG_HAS_CHILDREN');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}`, headers: auth })).json().code).toBe('ORG_IN_USE');
  });

  it('shows a renamed body at once on cached public pages', async () => {
    expect((await t.app.inject('/xxgk/catalog')).body).toContain('示例县教育局');
    const auth = await t.auth('admin');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}`, headers: auth, payload: { name: '示例县教育和体育局' } })).statusCode).toBe(200);
    expect((await t.app.inject('/xxgk/catalog')).body).toContain('示例县教育和体育局');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}`, headers: auth, payload: { name: '示例县教育局' } });
  });

  it('lets only the administrator change the tree', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}`, headers: await t.auth('clerk'), payload: { phone: '1' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});

describe('accounts and roles', () => {
  it('creates a user who can then sign in with the roles given', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/users', headers: await t.auth('admin'),
      payload: { username: 'newclerk', displayName: '新信息员', orgCode: DEMO_EDUCATION_CODE, roles: ['clerk'], password: 'Str0ng-Password' },
    });
    expect(res.statusCode).toBe(201);
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'newclerk', password: 'Str0ng-Password' } });
    expect(token.statusCode).toBe(200);
  });

  it.each([
    ['a weak password', { username: 'weakling', displayName: '甲', orgCode: DEMO_EDUCATION_CODE, roles: ['clerk'], password: 'password' }, 'WEAK_PASSWORD'],
    ['a taken user name', { username: 'clerk', displayName: '甲', orgCode: DEMO_EDUCATION_CODE, roles: ['clerk'], password: 'Str0ng-Password' }, 'USERNAME_TAKEN'],
    ['an unknown role', { username: 'someone', displayName: '甲', orgCode: DEMO_EDUCATION_CODE, roles: ['king'], password: 'Str0ng-Password' }, 'VALIDATION_FAILED'],
    ['an unknown body', { username: 'someone', displayName: '甲', orgCode: 'NOPE', roles: ['clerk'], password: 'Str0ng-Password' }, 'ORG_NOT_FOUND'],
  ])('refuses %s', async (_label, payload, code) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: await t.auth('admin'), payload });
    expect(res.json().code).toBe(code);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('answers 404 for an unknown user id and 400 for a malformed one', async () => {
    const auth = await t.auth('admin');
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/users/99999', headers: auth, payload: { displayName: '某' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/users/abc', headers: auth, payload: { displayName: '某' } })).statusCode).toBe(400);
  });

  it('lets a 公开办 list the accounts of its own tree only, and a clerk none', async () => {
    const office = await t.app.inject({ url: '/api/v1/users', headers: await t.auth('office') });
    expect(office.statusCode).toBe(200);
    const clerk = await t.app.inject({ url: '/api/v1/users', headers: await t.auth('clerk') });
    expect(clerk.statusCode).toBe(403);
  });

  it('a disabled account can no longer sign in', async () => {
    const auth = await t.auth('admin');
    const list = await t.app.inject({ url: `/api/v1/users?orgCode=${DEMO_EDUCATION_CODE}`, headers: auth });
    const clerk2 = list.json().items.find((u: { username: string }) => u.username === 'clerk2');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${clerk2.id}`, headers: auth, payload: { active: false } })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'clerk2', password: 'Demo-Passw0rd!' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ACCOUNT_DISABLED');
  });
});
