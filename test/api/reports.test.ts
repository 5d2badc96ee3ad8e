import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_CODE, DEMO_EDUCATION_CODE, DEMO_FINANCE_CODE } from '../../src/db/seed.js';
import { DOCX_TEXT_WIDTH } from '../../src/modules/reports/report-documents.js';
import { createTestApp, TestApp } from '../support/app.js';
import { docxXml, pdfStructure, pdfText } from '../support/documents.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-02-15T02:00:00Z') });
});
afterAll(async () => t.close());

const FINANCE_LEDGER = [
  'receivedOn,channel,applicantType,outcome,completedOn',
  '2024-12-20,letter,natural,granted,2025-01-08',
  '2025-03-02,online,natural,partial,2025-03-25',
  '2025-04-10,online,commercial,withheld.thirdPartyRights,2025-05-06',
  '2025-12-28,inPerson,research,,',
].join('\n');

const EDUCATION_LEDGER = ['收到日期,申请方式,申请人类型,办理结果,办结日期', '2025-06-01,email,natural,unable.notHeld,2025-06-20', '2025-07-01,fax,legalService,granted,2025-07-15'].join('\n');

async function importLedger(orgCode: string, csv: string, user: 'office' | 'clerk2' = 'office') {
  return t.app.inject({ method: 'POST', url: `/api/v1/orgs/${orgCode}/request-ledger`, headers: { ...(await t.auth(user)), 'content-type': 'text/csv' }, payload: csv });
}

async function draft(orgCode: string, query = '') {
  return t.app.inject({ url: `/api/v1/orgs/${orgCode}/annual-reports/2025?draft=true${query}`, headers: await t.auth('office') });
}

describe('POST /api/v1/orgs/{orgCode}/request-ledger', () => {
  it('refuses a ledger with one bad row, naming each bad row, and imports nothing', async () => {
    const bad = [...FINANCE_LEDGER.split('\n'), '2025-02-30,online,natural,,', '2025-05-01,pigeon,natural,granted,2025-05-02', '2025-05-01,online,alien,granted,'].join('\n');
    const res = await importLedger(DEMO_FINANCE_CODE, bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('LEDGER_INVALID');
    expect([...new Set(res.json().details.map((d: { row: number }) => d.row))]).toEqual([6, 7, 8]);
    expect((await draft(DEMO_FINANCE_CODE)).json().requests.received.total).toBe(0);
  });

  it('imports a ledger with English headers and one with Chinese headers', async () => {
    const finance = await importLedger(DEMO_FINANCE_CODE, FINANCE_LEDGER);
    expect(finance.statusCode).toBe(200);
    expect(finance.json()).toEqual({ imported: 4 });
    const education = await importLedger(DEMO_EDUCATION_CODE, EDUCATION_LEDGER);
    expect(education.json()).toEqual({ imported: 2 });
  });

  it('refuses a clerk of another body', async () => {
    expect((await importLedger(DEMO_FINANCE_CODE, FINANCE_LEDGER, 'clerk2')).statusCode).toBe(403);
  });
});

describe('GET /api/v1/orgs/{orgCode}/annual-reports/{year}', () => {
  it('computes the draft under the spec keys', async () => {
    const res = await draft(DEMO_FINANCE_CODE);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ orgCode: DEMO_FINANCE_CODE, year: 2025, status: 'draft' });
    expect(report.requests.received).toEqual({ natural: 1, commercial: 1, research: 1, nonprofit: 0, legalService: 0, otherOrg: 0, total: 3 });
    expect(report.requests.carriedIn.total).toBe(1);
    expect(report.requests.granted.natural).toBe(1);
    expect(report.requests.partial.natural).toBe(1);
    expect(report.requests.withheld.thirdPartyRights.commercial).toBe(1);
    expect(report.requests.completed.total).toBe(3);
    expect(report.requests.carriedOut).toMatchObject({ research: 1, total: 1 });
    expect(report.proactive.rules).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    expect(report.reviewLitigation.reconsideration).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    expect(report.sections.overview).toContain('本年新收政府信息公开申请3件，上年结转1件；本年办结3件');
    expect(report.sections.overview).toContain('结转下年度继续办理1件');
    expect(report.sections.overview).toContain('网上申请2件');
    expect(report.violations).toEqual([]);
  });

  it('rolls the county up with all its bodies', async () => {
    const res = await draft(DEMO_COUNTY_CODE, '&rollup=true');
    const report = res.json();
    expect(report.requests.received.total).toBe(5);
    expect(report.requests.received.legalService).toBe(1);
    expect(report.requests.unable.notHeld.natural).toBe(1);
    expect(report.requests.granted.total).toBe(2);
  });

  it('keeps drafts from the public and from other bodies', async () => {
    expect((await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025?draft=true`)).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025?draft=true`, headers: await t.auth('clerk2') })).statusCode).toBe(403);
    expect((await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025`)).json().code).toBe('REPORT_NOT_PUBLISHED');
  });
});

describe('publishing', () => {
  it('refuses a report whose hand corrections break the arithmetic, naming the cell', async () => {
    const auth = await t.auth('office');
    await t.app.inject({ method: 'PUT', url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}/annual-reports/2025/draft`, headers: auth, payload: { externalFigures: { 'requests.granted.legalService': 3 } } });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_EDUCATION_CODE}/annual-reports/2025/publish`, headers: auth, payload: {} });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('REPORT_INCONSISTENT');
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain('requests.completed.legalService');
  });

  it('publishes a frozen report that later data does not change, and corrections as new versions', async () => {
    const auth = await t.auth('office');
    await t.app.inject({ method: 'PUT', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/draft`, headers: auth, payload: { problems: '依申请公开答复文书格式有待统一。', externalFigures: { 'licensing.decisions': 120, 'fees.amountTenThousandYuan': 3.5 }, sources: { 'licensing.decisions': '县行政审批局行政许可台账' } } });
    const published = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/publish`, headers: auth, payload: {} });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 1 });

    await importLedger(DEMO_FINANCE_CODE, 'receivedOn,channel,applicantType,outcome,completedOn\n2025-09-01,online,natural,granted,2025-09-10');
    const publicView = (await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025`)).json();
    expect(publicView.requests.received.total).toBe(3);
    expect(publicView.proactive.licensing.decisions).toBe(120);
    expect(publicView.proactive.fees.amountTenThousandYuan).toBe(3.5);
    expect(publicView.proactiveSources).toEqual({ 'licensing.decisions': '县行政审批局行政许可台账' });
    expect((await draft(DEMO_FINANCE_CODE)).json().requests.received.total).toBe(4);

    const noNote = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/publish`, headers: auth, payload: {} });
    expect(noNote.statusCode).toBe(400);
    const corrected = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/publish`, headers: auth, payload: { note: '补录9月网上申请1件。' } });
    expect(corrected.json()).toMatchObject({ version: 2, note: '补录9月网上申请1件。' });
    expect((await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025`)).json().requests.received.total).toBe(4);
  });

  it('counts registered review and litigation cases in table 四', async () => {
    const auth = await t.auth('office');
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/review-cases`, headers: auth, payload: { caseNo: '示复〔2025〕3号', stage: 'reconsideration', result: 'upheld', filedOn: '2025-04-01', closedOn: '2025-06-01' } });
    expect(created.statusCode).toBe(201);
    const unknown = await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/review-cases`, headers: auth, payload: { caseNo: '示复〔2025〕4号', stage: 'reconsideration', filedOn: '2025-04-01', trackingNo: 'YSQ2025-NOSUCHONE0' } });
    expect(unknown.json().code).toBe('REQUEST_NOT_FOUND');
    const report = (await draft(DEMO_COUNTY_CODE)).json();
    expect(report.reviewLitigation.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
  });

  it('shows which sub-bodies have not published by their deadline', async () => {
    const res = await t.app.inject({ url: `/api/v1/orgs/${DEMO_COUNTY_CODE}/annual-reports/2025/status`, headers: await t.auth('office') });
    const items = res.json().items as { orgCode: string; published: boolean; overdue: boolean; deadline: string }[];
    expect(items.find((i) => i.orgCode === DEMO_FINANCE_CODE)).toMatchObject({ published: true, overdue: false });
    // Departments publish by 31 January: on 15 February the education bureau is late.
    expect(items.find((i) => i.orgCode === DEMO_EDUCATION_CODE)).toMatchObject({ published: false, overdue: true, deadline: '2026-01-31' });
    expect(items.find((i) => i.orgCode === DEMO_COUNTY_CODE)).toMatchObject({ published: false, overdue: false, deadline: '2026-03-31' });
  });
});

describe('outputs', () => {
  it('renders a PDF whose extracted text has the same characters as the page (no Kangxi look-alikes)', async () => {
    const res = await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/export.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    for (const phrase of ['示例县财政局2025年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '一、本年新收政府信息公开申请数量', '4.保护第三方合法权益', '五、存在的主要问题及改进情况']) {
      expect(text.replace(/\s+/g, '')).toContain(phrase.replace(/\s+/g, ''));
    }
    expect(text).not.toMatch(/[\u2F00-\u2FDF\u2E80-\u2EFF]/);
  });

  it('renders a DOCX in 公文 style that reads back', async () => {
    const res = await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/export.docx`);
    expect(res.statusCode).toBe(200);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('示例县财政局2025年政府信息公开工作年度报告');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('一、本年新收政府信息公开申请数量');
  });

  it('renders the published report as a page with one table per section 二、三、四', async () => {
    const res = await t.app.inject(`/xxgk/reports/${DEMO_FINANCE_CODE}/2025`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('示例县财政局2025年政府信息公开工作年度报告');
    for (const id of ['table-proactive', 'table-requests', 'table-reviewLitigation']) expect(res.body).toContain(`id="${id}"`);
    expect(res.body).toContain('4.保护第三方合法权益');
    expect(res.body).toContain('本报告为更正后的第2版');
    expect((await t.app.inject('/xxgk/reports')).body).toContain(`/xxgk/reports/${DEMO_FINANCE_CODE}/2025`);
  });

  it('exports the tables as XLSX that reads back', async () => {
    const res = await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[1];
    expect(sheet.name).toBe('三、收到和处理政府信息公开申请情况');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const received = rows.find((r) => r[0] === '一、本年新收政府信息公开申请数量')!;
    expect(received.slice(1)).toEqual([2, 1, 1, 0, 0, 0, 4]);
  });
});

/** A table read as a program reading by headings would: each row's cells placed on the grid, spans filling the positions they cover. */
type GridCell = { text: string; colspan: number; rowspan: number; continuation?: boolean };
function fillGrid(rows: GridCell[][]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let col = 0;
    for (const c of cells) {
      while (grid[r][col] !== undefined) col += 1;
      for (let i = r; i < r + (c.continuation ? 1 : c.rowspan); i += 1) for (let k = col; k < col + c.colspan; k += 1) grid[i][k] = c.continuation ? grid[r - 1][k] ?? '' : c.text;
      col += c.colspan;
    }
  });
  return grid.map((row) => Array.from(row, (v) => v ?? '∅'));
}

/** The tables of a DOCX: grid column widths and rows of cells (gridSpan, vMerge continuation). */
function docxTables(xml: string) {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, tbl]) => ({
    widths: [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
    layout: /<w:tblLayout w:type="fixed"\/>/.test(tbl) ? 'fixed' : 'auto',
    rows: [...tbl.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map(([tr]) => [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]): GridCell => ({
      text: [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      colspan: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1),
      rowspan: 1,
      continuation: /<w:vMerge w:val="continue"\/>|<w:vMerge\/>/.test(tc),
    }))),
  }));
}

/** The rows of an HTML table: th/td with their spans (the markup is ours, regular enough for a pattern). */
function htmlTable(page: string, id: string): GridCell[][] {
  const table = new RegExp(`<table[^>]* id="${id}">([\\s\\S]*?)</table>`).exec(page)![1];
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, tr]) => [...tr.matchAll(/<t[hd]([^>]*)>([^<]*)<\/t[hd]>/g)].map(([, attrs, text]) => ({
    text, colspan: Number(/colspan="(\d+)"/.exec(attrs)?.[1] ?? 1), rowspan: Number(/rowspan="(\d+)"/.exec(attrs)?.[1] ?? 1),
  })));
}

describe('outputs other programs read', () => {
  it('writes DOCX tables whose every row fills the grid, a heading spanning rows continued by vMerge cells below it', async () => {
    const xml = await docxXml((await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/export.docx`)).rawPayload);
    const tables = docxTables(xml);
    expect(tables.map((tb) => tb.widths.length)).toEqual([4, 8, 15]);
    for (const tb of tables) {
      for (const row of tb.rows) expect(row.reduce((n, c) => n + c.colspan, 0)).toBe(tb.widths.length);
    }
    const [, requests, review] = tables.map((tb) => fillGrid(tb.rows));
    // Table 三: the corner note spans three rows; 自然人 and 总计 two; the five kinds of organisation sit under 法人或其他组织.
    expect(requests[1]).toEqual([requests[0][0], '自然人', ...Array(5).fill('法人或其他组织'), '总计']);
    expect(requests[2]).toEqual([requests[0][0], '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    const received = requests.find((r) => r[0] === '一、本年新收政府信息公开申请数量')!;
    expect(received.slice(1)).toEqual(['2', '1', '1', '0', '0', '0', '4']);
    // Table 四: 行政复议 spans two heading rows over its five result columns.
    expect(review[1].slice(0, 6)).toEqual([...Array(5).fill('行政复议'), '未经复议直接起诉']);
    expect(review[2].slice(0, 5)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    // Table 二: a block with one figure column spans it over the three figure columns.
    expect(tables[0].rows.find((r) => r[0].text === '行政许可')!.map((c) => c.colspan)).toEqual([1, 3]);
  });

  it('gives the DOCX columns fixed widths that fill the page: labels of table 三 hold 14 characters a line, figures 3', async () => {
    const xml = await docxXml((await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/export.docx`)).rawPayload);
    const [proactive, requests, review] = docxTables(xml);
    for (const tb of [proactive, requests, review]) {
      expect(tb.layout).toBe('fixed');
      expect(tb.widths.reduce((a, b) => a + b, 0)).toBe(DOCX_TEXT_WIDTH);
    }
    // 10 pt = 200 twips a character, less 2 × 57 twips of padding.
    const perLine = (w: number, pt: number) => Math.floor((w - 114) / (pt * 20));
    expect(perLine(requests.widths[0], 10)).toBeGreaterThanOrEqual(14);
    for (const w of requests.widths.slice(1)) expect(perLine(w, 10)).toBeGreaterThanOrEqual(3);
    for (const w of review.widths) expect(perLine(w, 9)).toBeGreaterThanOrEqual(2);
    expect(perLine(proactive.widths[0], 10)).toBeGreaterThanOrEqual(16);
  });

  it('exports XLSX with every spanning heading a merged range, so each figure sits under its own heading', async () => {
    const res = await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/export.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [proactive, requests, review] = workbook.worksheets;
    const merges = (sheet: ExcelJS.Worksheet) => (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges(requests)).toEqual(expect.arrayContaining(['A2:A4', 'B2:H2', 'B3:B4', 'C3:G3', 'H3:H4']));
    expect(requests.getCell('B3').value).toBe('自然人');
    expect(requests.getCell('C4').value).toBe('商业企业');
    expect(requests.getCell('H3').value).toBe('总计');
    expect(merges(review)).toEqual(expect.arrayContaining(['A2:E3', 'F2:O2', 'F3:J3', 'K3:O3']));
    expect(review.getCell('A4').value).toBe('结果维持');
    expect(review.getCell('F3').value).toBe('未经复议直接起诉');
    const licensing = proactive.getColumn(1).values.findIndex((v) => v === '行政许可');
    expect(merges(proactive)).toContain(`B${licensing}:D${licensing}`);
    expect(requests.getColumn(1).width).toBeGreaterThanOrEqual(40);
  });

  it('renders each table on a regular grid with its headings in <thead>, and the downloads after the article', async () => {
    const page = (await t.app.inject(`/xxgk/reports/${DEMO_FINANCE_CODE}/2025`)).body;
    const widths = { 'table-proactive': 4, 'table-requests': 8, 'table-reviewLitigation': 15 };
    for (const [id, columns] of Object.entries(widths)) {
      const grid = fillGrid(htmlTable(page, id));
      for (const row of grid) expect(row.length, `${id}: ${row.join('|')}`).toBe(columns);
      expect(grid.flat()).not.toContain('∅');
      expect(page).toMatch(new RegExp(`<table[^>]* id="${id}">\\s*<caption[^>]*>[^<]*</caption>\\s*<colgroup>(<col>){${columns}}</colgroup>\\s*<thead><tr>`));
    }
    const requests = fillGrid(htmlTable(page, 'table-requests'));
    expect(requests[2]).toEqual([requests[0][0], '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    const articleEnd = page.indexOf('</article>');
    expect(articleEnd).toBeGreaterThan(0);
    expect(page.indexOf('export.pdf')).toBeGreaterThan(articleEnd);
    expect(page.slice(0, articleEnd)).not.toContain('下载');
    // Each report page leads to its statistics.
    expect(page).toContain(`href="/xxgk/stats/${DEMO_FINANCE_CODE}/2025"`);
  });

  it('tags the PDF: language zh-CN, title, headings, paragraphs, and tables with header cells', async () => {
    const res = await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/annual-reports/2025/export.pdf`);
    const structure = await pdfStructure(res.rawPayload);
    expect(structure.marked).toBe(true);
    expect(structure.lang).toBe('zh-CN');
    expect(structure.title).toBe('示例县财政局2025年政府信息公开工作年度报告');
    expect(structure.displayDocTitle).toBe(true);
    const first = structure.pages[0];
    expect(first[0]).toBe('Document');
    expect(first).toEqual(expect.arrayContaining(['H1', 'H2', 'P', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD']));
    expect(structure.headerScopes).toEqual(expect.arrayContaining(['Column', 'Row']));
  });
});

describe('statistics', () => {
  it('counts requests by channel, applicant type and outcome, with SVG charts that work without JavaScript', async () => {
    const api = await t.app.inject({ url: `/api/v1/orgs/${DEMO_FINANCE_CODE}/statistics/2025`, headers: await t.auth('office') });
    expect(api.statusCode).toBe(200);
    const s = api.json();
    expect(s.requests.byChannel).toEqual(expect.arrayContaining([{ channel: 'online', label: '网上申请', count: 3 }]));
    expect(s.requests.byOutcome.find((o: { outcome: string }) => o.outcome === 'granted').count).toBe(2);
    expect(s.items.byMonth).toHaveLength(12);
    const page = await t.app.inject(`/xxgk/stats/${DEMO_FINANCE_CODE}/2025`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg role="img"');
    expect(page.body).toContain('<th scope="row">网上申请</th><td>3</td>');
    expect((await t.app.inject(`/api/v1/orgs/${DEMO_FINANCE_CODE}/statistics/2025`)).statusCode).toBe(401);
  });
});
