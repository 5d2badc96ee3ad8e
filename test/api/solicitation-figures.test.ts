/**
 * 意见征集 per body and year (the annual report's narrative and the /hdjl/yjzj footer): drafts opened, comments
 * received, comments adopted or partly adopted from published feedback only, and the adopted rate
 * (采纳 + 部分采纳) ÷ 收到意见 × 100, two decimals rounded half up. Every figure below is counted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createContext } from '../../src/http/app.js';
import type { AdoptionDecision, DraftStatus } from '../../src/db/tables/solicitations.js';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { solicitationYearlyFigures } from '../../src/modules/solicitations/solicitations.service.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
const TODAY = '2026-12-04';

/** A draft with its comments: each entry of `comments` is the decision of the comment's group, or null when not grouped. */
interface DraftCase { org: string; status: DraftStatus; opensOn: string; comments: (AdoptionDecision | null)[] }

const CASES: DraftCase[] = [
  // 县政府 2026: published feedback 2 采纳 + 1 部分采纳 + 1 不予采纳; an open draft with 2 comments not yet sorted;
  // a closed draft whose groups are saved but not published (3 comments: received, but no adoption counted).
  { org: DEMO_COUNTY_CODE, status: 'feedbackPublished', opensOn: '2026-03-02', comments: ['adopted', 'adopted', 'partlyAdopted', 'notAdopted'] },
  { org: DEMO_COUNTY_CODE, status: 'open', opensOn: '2026-11-20', comments: [null, null] },
  { org: DEMO_COUNTY_CODE, status: 'closed', opensOn: '2026-06-01', comments: ['adopted', 'adopted', 'adopted'] },
  // Not counted: never opened, opens after today, opened before the five years.
  { org: DEMO_COUNTY_CODE, status: 'review', opensOn: '2026-05-01', comments: [] },
  { org: DEMO_COUNTY_CODE, status: 'open', opensOn: '2026-12-10', comments: [] },
  { org: DEMO_COUNTY_CODE, status: 'feedbackPublished', opensOn: '2021-12-31', comments: ['adopted'] },
  // 财政局 2025: 2 部分采纳 + 1 不予采纳; 2026 (opened on 2 January): 1 采纳.
  { org: DEMO_FINANCE_CODE, status: 'feedbackPublished', opensOn: '2025-09-15', comments: ['partlyAdopted', 'partlyAdopted', 'notAdopted'] },
  { org: DEMO_FINANCE_CODE, status: 'feedbackPublished', opensOn: '2026-01-02', comments: ['adopted'] },
  // 教育局 2026: an open draft nobody commented on.
  { org: DEMO_EDUCATION_CODE, status: 'open', opensOn: '2026-11-30', comments: [] },
];

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${TODAY}T04:00:00Z`) });
  for (const [n, c] of CASES.entries()) {
    const org = await t.db.selectFrom('orgs').select('id').where('code', '=', c.org).executeTakeFirstOrThrow();
    const draft = await t.db.insertInto('solicitationDrafts').values({
      orgId: org.id, kind: 'normative', title: `统计用草案${n + 1}`, periodLength: 7, shortenedReason: null, status: c.status,
      opensOn: c.opensOn, endsOn: c.opensOn, feedbackPublishedOn: c.status === 'feedbackPublished' ? c.opensOn : null, finalItemId: null, createdBy: null,
    }).returning('id').executeTakeFirstOrThrow();
    const groups = new Map<AdoptionDecision, number>();
    for (const decision of new Set(c.comments.filter((d): d is AdoptionDecision => d !== null))) {
      const g = await t.db.insertInto('solicitationFeedbackGroups').values({ draftId: draft.id, seq: groups.size + 1, articleId: null, summary: '意见概述', decision })
        .returning('id').executeTakeFirstOrThrow();
      groups.set(decision, g.id);
    }
    for (const decision of c.comments) {
      await t.db.insertInto('solicitationComments').values({
        draftId: draft.id, articleId: null, channel: 'online', body: '统计用意见内容', nameEnc: null, contactEnc: null, receivedOn: c.opensOn,
        status: 'approved', rejectReason: null, moderatedBy: null, moderatedAt: null, groupId: decision ? groups.get(decision)! : null, registeredBy: null,
      }).execute();
    }
  }
});
afterAll(async () => t.close());

describe('意见征集 per body and year', () => {
  it('counts drafts, comments and adoptions per body and year, newest year first', async () => {
    const rows = await solicitationYearlyFigures(createContext(testConfig({ dataDir: t.dataDir }), t.db, () => new Date(`${TODAY}T04:00:00Z`)));
    expect(rows.map((r) => [r.year, r.orgCode, r.drafts, r.comments, r.adopted, r.partlyAdopted, r.notAdopted, r.adoptedRate])).toEqual([
      // 2026, bodies by name (示例县财政局, 示例县教育局, 示例县人民政府)
      [2026, DEMO_FINANCE_CODE, 1, 1, 1, 0, 0, '100.00'],
      [2026, DEMO_EDUCATION_CODE, 1, 0, 0, 0, 0, '0.00'],
      // 3 drafts; 4 + 2 + 3 = 9 comments; (2 + 1) ÷ 9 = 33.33%
      [2026, DEMO_COUNTY_CODE, 3, 9, 2, 1, 1, '33.33'],
      // (0 + 2) ÷ 3 = 66.666…% → 66.67
      [2025, DEMO_FINANCE_CODE, 1, 3, 0, 2, 1, '66.67'],
    ]);
  });

  it('shows the figures as a table in the footer of the public 意见征集 page', async () => {
    const page = await t.app.inject({ url: '/hdjl/yjzj', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 id="yjzj-figures-h">意见征集情况统计</h2>');
    const county = await t.db.selectFrom('orgs').select('name').where('code', '=', DEMO_COUNTY_CODE).executeTakeFirstOrThrow();
    expect(page.body).toContain(`<tr><td>2026年</td><td>${county.name}</td><td>3</td><td>9</td><td>2</td><td>1</td><td>33.33%</td></tr>`);
    expect(page.body).not.toContain('<td>2021年</td>');
  });
});
