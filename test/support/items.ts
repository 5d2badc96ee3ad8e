/** Factories and workflow steps for 主动公开 tests. */
import type { TestApp } from './app.js';

export function makeItem(overrides: Record<string, unknown> = {}) {
  return {
    title: '示例县财政局关于2025年度部门预算和“三公”经费预算公开的说明',
    bodyHtml: '<p>根据预算法和政府信息公开条例，现将本局2025年度部门预算及三公经费预算情况公开如下。</p>',
    disclosure: 'proactive',
    docKind: 'other',
    category: '财政预决算与三公经费',
    topic: '财政、金融、审计',
    writtenOn: '2026-03-01',
    formedOn: '2026-03-02',
    ...overrides,
  };
}

const CHECKLIST = { stateSecret: true, tradeSecret: true, privacy: true, threeSecurityOneStability: true };

/** Drafts an item as the finance clerk and takes it through every step to publication. */
export async function publishItem(t: TestApp, overrides: Record<string, unknown> = {}) {
  const inject = async (user: 'clerk' | 'depthead' | 'reviewer' | 'leader', method: 'POST' | 'PUT', url: string, payload: object) => {
    const res = await t.app.inject({ method, url, headers: await t.auth(user), payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const item = await inject('clerk', 'POST', '/api/v1/items', makeItem(overrides));
  await inject('clerk', 'POST', `/api/v1/items/${item.id}/submit`, {});
  await inject('depthead', 'POST', `/api/v1/items/${item.id}/review`, { decision: 'approve' });
  await inject('reviewer', 'POST', `/api/v1/items/${item.id}/review`, { decision: 'approve', checklist: CHECKLIST });
  return inject('leader', 'POST', `/api/v1/items/${item.id}/review`, { decision: 'approve' });
}

export { CHECKLIST };

export type ReviewStatus = 'draft' | 'deptReview' | 'confidentialityReview' | 'leaderApproval' | 'published';
const ORDER: ReviewStatus[] = ['draft', 'deptReview', 'confidentialityReview', 'leaderApproval', 'published'];

/** Takes a finance draft forward step by step until it stands at `to` (each step must succeed). */
export async function advanceItem(t: TestApp, id: number, to: ReviewStatus) {
  const steps: [ReviewStatus, 'clerk' | 'depthead' | 'reviewer' | 'leader', string, object][] = [
    ['deptReview', 'clerk', `/api/v1/items/${id}/submit`, {}],
    ['confidentialityReview', 'depthead', `/api/v1/items/${id}/review`, { decision: 'approve' }],
    ['leaderApproval', 'reviewer', `/api/v1/items/${id}/review`, { decision: 'approve', checklist: CHECKLIST }],
    ['published', 'leader', `/api/v1/items/${id}/review`, { decision: 'approve' }],
  ];
  let item;
  for (const [reaches, user, url, payload] of steps.slice(0, ORDER.indexOf(to))) {
    const res = await t.app.inject({ method: 'POST', url, headers: await t.auth(user), payload });
    if (res.statusCode !== 200) throw new Error(`${url} (to ${reaches}): ${res.statusCode} ${res.body}`);
    item = res.json();
  }
  return item;
}

/** A finance draft created as the clerk, taken to `status`. */
export async function itemAt(t: TestApp, status: ReviewStatus, overrides: Record<string, unknown> = {}) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/items', headers: await t.auth('clerk'), payload: makeItem(overrides) });
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  const draft = res.json();
  return status === 'draft' ? draft : advanceItem(t, draft.id, status);
}
