/**
 * Publishing an annual report: not before the year has ended, never with an empty section 五,
 * corrections with their note, and a county government's roll-up published like any report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describesProblems } from '../../src/domain/annual-report.js';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { createTestApp, TestApp } from '../support/app.js';
import { pdfText } from '../support/documents.js';

let clock = new Date('2026-02-15T02:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
});
afterAll(async () => t.close());

const PROBLEMS = '依申请公开答复文书格式有待统一。下一步将制定答复文书模板，并组织业务培训。';

async function office() {
  return t.auth('office');
}

async function saveDraft(orgCode: string, year: number, payload: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'PUT', url: `/api/v1/orgs/${orgCode}/annual-reports/${year}/draft`, headers: await office(), payload });
  expect(res.statusCode, res.body).toBe(200);
}

async function publish(orgCode: string, year: number, payload: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/v1/orgs/${orgCode}/annual-reports/${year}/publish`, headers: await office(), payload });
}

describe('section 五 (存在的主要问题及改进情况)', () => {
  it.each([
    ['', false], ['无', false], ['无。', false], [' 暂无 ', false], ['没有。', false], ['N/A', false], ['待补充', false], ['无无无无无无无无无无', false],
    ['人员力量不足。', false], // 6 characters: names a problem, not its remedy
    [PROBLEMS, true], ['部分信息发布不及时，已建立周报制度。', true],
  ])('%j describes the problems and their remedy: %s', (text, expected) => {
    expect(describesProblems(text)).toBe(expected);
  });

  it('refuses to publish with section 五 empty or a placeholder, naming the section in Chinese', async () => {
    for (const problems of [null, '无。']) {
      await saveDraft(DEMO_EDUCATION_CODE, 2025, { problems });
      const res = await publish(DEMO_EDUCATION_CODE, 2025);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('REPORT_PROBLEMS_MISSING');
      expect(res.json().message).toContain('五、存在的主要问题及改进情况');
      expect(res.json().details).toEqual([{ path: 'problems', message: expect.stringContaining('存在的主要问题') }]);
    }
    expect((await t.app.inject(`/xxgk/reports/${DEMO_EDUCATION_CODE}/2025`)).statusCode).toBe(404);
  });

  it('prints section 五 as written, and never a placeholder in a draft preview', async () => {
    await saveDraft(DEMO_EDUCATION_CODE, 2025, { problems: '' });
    const preview = await t.app.inject({ url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}/annual-reports/2025/preview`, headers: await office() });
    expect(preview.statusCode).toBe(200);
    const section = preview.body.slice(preview.body.indexOf('五、存在的主要问题及改进情况'), preview.body.indexOf('六、其他需要报告的事项'));
    expect(section).not.toMatch(/<p>无。?<\/p>/);
    expect(section).toContain('尚未填写');
    await saveDraft(DEMO_EDUCATION_CODE, 2025, { problems: PROBLEMS });
    expect((await publish(DEMO_EDUCATION_CODE, 2025)).statusCode).toBe(200);
    const page = (await t.app.inject(`/xxgk/reports/${DEMO_EDUCATION_CODE}/2025`)).body;
    expect(page).toContain(`<p>依申请公开答复文书格式有待统一。下一步将制定答复文书模板，并组织业务培训。</p>`);
    expect(page).not.toContain('<p>无。</p>');
  });
});

describe('publishing only after the year has ended (China time)', () => {
  it.each([
    ['2026-12-31T15:59:59Z', 422], // 23:59:59 on 31 December 2026 in Beijing
    ['2026-12-31T16:00:00Z', 200], // 00:00 on 1 January 2027 in Beijing
  ])('at %s the 2026 report answers %i', async (at, status) => {
    clock = new Date(at);
    try {
      await saveDraft(DEMO_FINANCE_CODE, 2026, { problems: PROBLEMS });
      const res = await publish(DEMO_FINANCE_CODE, 2026);
      expect(res.statusCode, res.body).toBe(status);
      if (status === 422) {
        expect(res.json().code).toBe('REPORT_YEAR_NOT_ENDED');
        expect(res.json().message).toBe('2026年度尚未结束，该年度的年度报告自2027年1月1日起方可发布。');
      }
    } finally {
      clock = new Date('2026-02-15T02:00:00Z');
    }
  });

  it('tells the console from when a year can be published', async () => {
    const draft = (await t.app.inject({ url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2026?draft=true`, headers: await office() })).json();
    expect(draft.publication).toMatchObject({ allowedFrom: '2027-01-01', yearEnded: false, problemsDescribed: true, canPublish: true });
  });
});

describe('corrections', () => {
  it('asks for the correction note by its Chinese name, and keeps the versions', async () => {
    await saveDraft(DEMO_FINANCE_CODE, 2025, { problems: PROBLEMS });
    expect((await publish(DEMO_FINANCE_CODE, 2025)).json()).toMatchObject({ version: 1 });
    for (const payload of [{}, { note: '   ' }]) {
      const res = await publish(DEMO_FINANCE_CODE, 2025, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('REPORT_CORRECTION_NOTE_REQUIRED');
      expect(res.json().message).toContain('“更正说明”');
      expect(res.json().details).toEqual([{ path: 'note', message: expect.stringMatching(/^请填写更正说明/) }]);
    }
    expect((await publish(DEMO_FINANCE_CODE, 2025, { note: '补录9月网上申请1件。' })).json()).toMatchObject({ version: 2, note: '补录9月网上申请1件。' });
    const draft = (await t.app.inject({ url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025?draft=true`, headers: await office() })).json();
    expect(draft.publication.published).toMatchObject({ version: 2, rollup: false, note: '补录9月网上申请1件。' });
  });
});

describe("the county government's report is its roll-up", () => {
  beforeAll(async () => {
    const csv = 'receivedOn,channel,applicantType,outcome,completedOn\n2025-05-01,online,natural,granted,2025-05-20\n2025-11-02,letter,commercial,,';
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}/request-ledger`, headers: { ...(await office()), 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(200);
    await saveDraft(DEMO_COUNTY_CODE, 2025, { problems: PROBLEMS });
  });

  it('publishes the roll-up by default and shows it at the county address, in the list and in every download', async () => {
    const expected = (await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025?draft=true&rollup=true`, headers: await office() })).json();
    const published = await publish(DEMO_COUNTY_CODE, 2025);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ rollup: true, requests: { received: { total: expected.requests.received.total } } });
    // The finance and education ledgers of this file (the demo snapshot adds the county's own requests).
    expect(expected.requests.received.total).toBeGreaterThanOrEqual(2);

    const page = await t.app.inject(`/xxgk/reports/${DEMO_COUNTY_CODE}/2025`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('示例县人民政府2025年政府信息公开工作年度报告');
    expect(page.body).toContain('本报告汇总示例县人民政府本级及所属部门、乡镇（街道）的政府信息公开工作情况。');
    expect(page.body).toContain(`href="/xxgk/stats/${DEMO_COUNTY_CODE}/2025?rollup=1"`);
    const list = (await t.app.inject('/xxgk/reports')).body;
    expect(list).toContain(`href="/xxgk/reports/${DEMO_COUNTY_CODE}/2025"`);

    const json = await t.app.inject(`/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025`);
    expect(json.json()).toMatchObject({ rollup: true, status: 'published' });
    for (const ext of ['pdf', 'docx', 'xlsx']) expect((await t.app.inject(`/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025/export.${ext}`)).statusCode, ext).toBe(200);
    expect(pdfText((await t.app.inject(`/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025/export.pdf`)).rawPayload).replace(/\s+/g, '')).toContain('本报告汇总示例县人民政府本级');
    // The own-body filter still answers as before: there is no own-body report.
    expect((await t.app.inject(`/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025?rollup=false`)).statusCode).toBe(404);

    const status = (await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025/status`, headers: await office() })).json();
    expect(status.items.find((i: { orgCode: string }) => i.orgCode === DEMO_COUNTY_CODE)).toMatchObject({ published: true });
  });
});
