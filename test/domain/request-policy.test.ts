/**
 * Who may do what to which request (src/modules/requests/requests.policy.ts): the 公开办 of a
 * body handles its own and its sub-bodies' requests; a department (clerk, 科室负责人) only drafts
 * for what was assigned to it (交办); supervisors read everything.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../src/domain/roles.js';
import { canDraftReply, canHandle, canRead, isAssignedHandler, listsAssignedOnly } from '../../src/modules/requests/requests.policy.js';

// A county (1) with 财政局 (2) and 教育局 (3).
const COUNTY = 1;
const FINANCE = 2;
const EDUCATION = 3;
const scopes: Record<number, number[]> = { [COUNTY]: [1, 2, 3], [FINANCE]: [2], [EDUCATION]: [3] };

const actor = (orgId: number, ...roles: Role[]): Actor => ({ userId: orgId * 10 + roles.length, username: 'u', displayName: 'u', orgId, orgCode: String(orgId), roles, via: 'token' });

const office = actor(COUNTY, 'disclosureOffice');
const financeClerk = actor(FINANCE, 'clerk');
const educationClerk = actor(EDUCATION, 'clerk');
const financeHead = actor(FINANCE, 'deptHead');
const financeOffice = actor(FINANCE, 'disclosureOffice');
const supervisor = actor(COUNTY, 'supervisor');
const reviewer = actor(FINANCE, 'confidentialityReviewer');

describe('requests.policy', () => {
  it.each<[string, Actor, { orgId: number; assignedOrgId: number | null }, { read: boolean; draft: boolean; handle: boolean }]>([
    ['the county office, a county request', office, { orgId: COUNTY, assignedOrgId: null }, { read: true, draft: true, handle: true }],
    ['the county office, a finance request', office, { orgId: FINANCE, assignedOrgId: null }, { read: true, draft: true, handle: true }],
    ['the finance office, a county request', financeOffice, { orgId: COUNTY, assignedOrgId: FINANCE }, { read: false, draft: false, handle: false }],
    ['a finance clerk, a county request assigned to finance', financeClerk, { orgId: COUNTY, assignedOrgId: FINANCE }, { read: true, draft: true, handle: false }],
    ['a finance head, a county request assigned to finance', financeHead, { orgId: COUNTY, assignedOrgId: FINANCE }, { read: true, draft: true, handle: false }],
    ['a finance clerk, a county request assigned to education (another body)', financeClerk, { orgId: COUNTY, assignedOrgId: EDUCATION }, { read: false, draft: false, handle: false }],
    ['an education clerk, a county request assigned to finance', educationClerk, { orgId: COUNTY, assignedOrgId: FINANCE }, { read: false, draft: false, handle: false }],
    // Its own body's request, but not assigned to it: a department acts only on what it was assigned.
    ['a finance clerk, a finance request not assigned', financeClerk, { orgId: FINANCE, assignedOrgId: null }, { read: false, draft: false, handle: false }],
    ['a supervisor reads but does not act', supervisor, { orgId: FINANCE, assignedOrgId: null }, { read: true, draft: false, handle: false }],
    ['a confidentiality reviewer of finance, assigned to finance', reviewer, { orgId: COUNTY, assignedOrgId: FINANCE }, { read: false, draft: false, handle: false }],
  ])('%s', (_label, who, request, expected) => {
    const scope = who.roles.includes('supervisor') ? 'all' : scopes[who.orgId];
    expect({
      read: canRead(who, scope, request),
      draft: canDraftReply(who, scope, request),
      handle: canHandle(who, scope, request.orgId),
    }).toEqual(expected);
    expect(isAssignedHandler(who, scope, request)).toBe(expected.draft && !expected.handle);
  });

  it('lists only assigned requests for departments', () => {
    expect([office, supervisor, financeClerk, financeHead].map(listsAssignedOnly)).toEqual([false, false, true, true]);
  });
});
