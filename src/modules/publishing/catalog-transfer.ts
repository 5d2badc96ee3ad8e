/**
 * Moving a body's catalog in and out: export as CSV/XLSX, and bulk import of a legacy
 * catalog (from an old CMS or spreadsheet) — a dry run lists every bad row with its
 * reason, and an import with any bad row changes nothing.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { AppContext } from '../../context.js';
import { isIsoDate } from '../../domain/dates.js';
import { parseIndexNo, validateDocNumber } from '../../domain/doc-number.js';
import type { Actor } from '../../domain/roles.js';
import { indexItem } from '../search/search-sources.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { categoriesOf, topics } from '../settings/settings.service.js';
import { findOrgByCode } from '../orgs/orgs.repository.js';
import { visibleOrgIds } from '../orgs/orgs.policy.js';
import { searchCatalog } from './catalog.service.js';
import * as repo from './publishing.repository.js';
import { canAmendPublished } from './publishing.policy.js';
import { bodyText, sanitizeBody } from './publishing.service.js';

const VALIDITY: Record<string, string> = { 有效: 'valid', 失效: 'lapsed', 废止: 'repealed', 已修订: 'revised' };
const COLUMNS: [string, string][] = [
  ['indexNo', '索引号'], ['title', '标题'], ['docNo', '发文字号'], ['writtenOn', '成文日期'], ['publishedOn', '发布日期'],
  ['category', '信息类别'], ['topic', '主题分类'], ['validity', '有效性'], ['body', '正文'],
];
const HEADER_KEYS = Object.fromEntries(COLUMNS.flatMap(([k, zh]) => [[k, k], [zh, k]]));

export async function exportCatalog(ctx: AppContext, orgCode: string, format: 'csv' | 'xlsx') {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const rows: string[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await searchCatalog(ctx, { org: orgCode, cursor, limit: 100 });
    for (const i of page.items) rows.push([i.indexNo, i.title, i.docNo ?? '', '', i.publishedOn, i.category, i.topic, Object.keys(VALIDITY).find((k) => VALIDITY[k] === i.validity) ?? '', '']);
    if (!page.next) break;
    cursor = page.next;
  }
  const header = COLUMNS.map(([, zh]) => zh);
  if (format === 'csv') return { name: `${org.name}政府信息公开目录.csv`, mime: 'text/csv; charset=utf-8', data: Buffer.from(`\uFEFF${Papa.unparse([header, ...rows])}`) };
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('公开目录');
  sheet.addRow(header).font = { bold: true };
  rows.forEach((r) => sheet.addRow(r));
  return { name: `${org.name}政府信息公开目录.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

interface ImportRow {
  indexNo: string | null;
  title: string;
  docNo: string | null;
  writtenOn: string | null;
  publishedOn: string;
  category: string;
  topic: string;
  validity: string;
  body: string;
}

async function readRecords(file: { csv?: string; xlsx?: Buffer }): Promise<Record<string, string>[]> {
  if (file.csv !== undefined) {
    return Papa.parse<Record<string, string>>(file.csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' }).data;
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.xlsx as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const cell = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? '' : String(typeof v === 'object' && 'text' in v ? v.text : v));
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (headers[col - 1] = cell(c.value)));
  const out: Record<string, string>[] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    if (row.hasValues) out.push(Object.fromEntries(headers.map((h, i) => [h, cell(row.getCell(i + 1).value)])));
  }
  return out;
}

export async function importCatalog(ctx: AppContext, actor: Actor, orgCode: string, file: { csv?: string; xlsx?: Buffer }, dryRun: boolean) {
  const org = await findOrgByCode(ctx.db, orgCode);
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const scope = await visibleOrgIds(ctx.db, actor);
  if (!canAmendPublished(actor, scope, org.id)) throw new AppError('FORBIDDEN');
  const records = (await readRecords(file)).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [HEADER_KEYS[k.trim()] ?? k, String(v ?? '').trim()])));
  const [categories, topicList] = await Promise.all([categoriesOf(ctx, org.code), topics(ctx)]);
  const problems: { row: number; message: string }[] = [];
  const rows: ImportRow[] = [];
  const seen = new Set<string>();
  for (const [i, r] of records.entries()) {
    const line = i + 2;
    const before = problems.length;
    const bad = (message: string) => problems.push({ row: line, message });
    if (!r.title) bad('标题不能为空。');
    if (!isIsoDate(r.publishedOn ?? '')) bad(`发布日期“${r.publishedOn ?? ''}”无效（应为 YYYY-MM-DD）。`);
    if (r.writtenOn && !isIsoDate(r.writtenOn)) bad(`成文日期“${r.writtenOn}”无效。`);
    if (r.docNo) {
      const check = validateDocNumber(r.docNo);
      if (!check.ok) bad(`发文字号“${r.docNo}”格式不正确${check.suggestion ? `，应为“${check.suggestion}”` : ''}。`);
    }
    if (r.category && !categories.includes(r.category)) bad(`信息类别“${r.category}”不在目录类别中。`);
    if (r.topic && !topicList.includes(r.topic)) bad(`主题分类“${r.topic}”不在主题分类表中。`);
    if (r.validity && !VALIDITY[r.validity]) bad(`有效性“${r.validity}”应为 有效、失效、废止、已修订 之一。`);
    if (r.indexNo) {
      const parsed = parseIndexNo(r.indexNo);
      if (!parsed || parsed.orgCode !== org.code) bad(`索引号“${r.indexNo}”格式不正确或不属于本机关。`);
      else if (seen.has(r.indexNo) || (await repo.findByIndexNo(ctx.db, r.indexNo))) bad(`索引号“${r.indexNo}”重复。`);
      seen.add(r.indexNo);
    }
    if (problems.length === before) {
      rows.push({ indexNo: r.indexNo || null, title: r.title, docNo: r.docNo || null, writtenOn: r.writtenOn || null, publishedOn: r.publishedOn, category: r.category || '其他', topic: r.topic || '其他', validity: VALIDITY[r.validity] ?? 'valid', body: r.body ?? '' });
    }
  }
  if (!records.length) problems.push({ row: 1, message: '没有数据行（第一行应为表头）。' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems, `有${new Set(problems.map((p) => p.row)).size}行不符合要求，未导入任何数据。`);
  if (dryRun) return { dryRun: true, valid: rows.length, imported: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const legacy = r.indexNo ? parseIndexNo(r.indexNo) : null;
      if (legacy) await repo.reserveSerial(trx, org.id, legacy.year, legacy.serial);
    }
    for (const r of rows) {
      const year = Number(r.publishedOn.slice(0, 4));
      const indexNo = r.indexNo ?? `${org.code}/${year}-${String(await repo.nextSerial(trx, org.id, year)).padStart(5, '0')}`;
      const bodyHtml = sanitizeBody(r.body.split(/\n+/).map((p) => `<p>${p.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)}</p>`).join(''));
      const id = await repo.insertItem(trx, {
        orgId: org.id, title: r.title, bodyHtml, status: 'published', disclosure: 'proactive', docNo: r.docNo, category: r.category, topic: r.topic,
        writtenOn: r.writtenOn, validity: r.validity, indexNo, publishedOn: r.publishedOn, publishedAt: new Date(`${r.publishedOn}T08:00:00+08:00`), createdBy: actor.userId,
      });
      await indexItem(trx, id);
    }
    await recordAudit(trx, { actor, orgId: org.id, action: 'item.importCatalog', targetType: 'org', targetId: org.code, summary: { rows: rows.length } });
  });
  ctx.pages.invalidate();
  return { dryRun: false, valid: rows.length, imported: rows.length };
}
